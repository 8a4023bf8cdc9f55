"""Reopen a saved workbook: every value found through the identity sheet, never by guessing.

What a clerk changed in Excel or WPS goes through the same value parser and rules as typing
in the program: text such as 「１２」 or 「1,234」 is read, and what cannot be read (letters,
negative counts, dates, formulas) is kept as :class:`~ogi.model.report.Invalid` with its sheet and
cell address (「表三!D7」), so rule V-1 points at it — one bad cell never fails the file.
A total that no longer holds the value the program wrote was changed by hand and comes back
as an entered total; blanks stay blank and 0 stays 0.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from pathlib import Path

from ogi.formats.regular import read_regular
from ogi.formats.xlsx.guard import check_container, load, parsing
from ogi.formats.xlsx.identity import MAP_ROW, MAX_CHUNKS, SHEET, Identity, from_rows
from ogi.formats.xlsx.scan import Budget
from ogi.formats.xlsx.scan import cells as cells_of
from ogi.formats.xlsx.text import NEW_LINE, decode
from ogi.formats.xlsx.write import digest
from ogi.model.loader import load_form_for
from ogi.model.messages import OgiError, shorten, text
from ogi.model.report import Invalid, Report
from ogi.model.schema import ValueType
from ogi.model.values import Parsed, parse

MAX_BYTES = 20 * 1024 * 1024
MAX_STRAY = 20  # places of text outside the recorded cells reported at most
Cells = dict[str, dict[str, tuple[object, str]]]  # sheet → address → (value, openpyxl data type)


def read(path: Path) -> Report:
    path = Path(path)
    return from_bytes(read_regular(path, MAX_BYTES), path)


def from_bytes(data: bytes, path: Path) -> Report:
    check_container(data, path)
    wb = load(data, path)
    try:
        with parsing(path):
            if SHEET not in wb.sheetnames:
                raise OgiError("XLSX_NOT_OURS", file=path)
            budget = Budget()
            ident = from_rows(_identity_rows(wb[SHEET], path, budget), path)
            report = Report(load_form_for(ident.form, path))
            cells, stray = _cells(wb, ident, _sheet_limit(report), path, budget)
    finally:
        wb.close()
    report = assemble(report, ident, cells, path)
    report.notices = [text("XLSX_STRAY", place=place, text=shorten(value, 30)) for place, value in stray]
    return report


def assemble(report: Report, ident: Identity, cells: Cells, path: Path) -> Report:
    """Fill ``report`` from the values found at the identity's places: the one set of reading rules,
    shared with the roll-up's lean reader (:mod:`ogi.rollup.lean`), which gathers ``cells`` itself."""
    _check_labels(ident, cells, path)
    _read_meta(report, ident, cells)
    _read_texts(report, ident, cells)
    _read_values(report, ident, cells, path)
    report.addresses = {
        cell_id: f"{place[0]}!{place[1]}" for cell_id, place in ident.cells.items() if cell_id in report.form.cells
    }
    report.recompute()
    return report


def _identity_rows(ws, path: Path, budget: Budget) -> list[tuple]:
    """The identity sheet's first two columns, as far as a map can reach (cells beyond are ignored)."""
    last = MAP_ROW + MAX_CHUNKS
    rows: dict[int, list] = {}
    for found in cells_of(ws, path, budget):
        if found.row <= last and found.col <= 2:
            rows.setdefault(found.row, [None, None])[found.col - 1] = found.value
    return [tuple(rows.get(r, ())) for r in range(1, min(last, max(rows, default=0)) + 1)]


def _sheet_limit(report: Report) -> int:
    """The form writes one sheet per table, plus 基本信息 and 正文: an identity naming more is not ours."""
    return len(report.form.tables) + 2


def _cells(wb, ident: Identity, most_sheets: int, path: Path, budget: Budget) -> tuple[Cells, list[tuple[str, str]]]:
    """The values of every recorded place, and text found where nothing was recorded (it would be lost)."""
    places = [p[:2] for p in ident.labels] + [p[:2] for p in ident.cells.values()] + [p[:2] for p in ident.meta.values()]
    places += [p[:2] for parts in (*ident.texts.values(), *ident.notes.values()) for p in parts]
    wanted: dict[str, set[str]] = {}
    for sheet, address in places:
        wanted.setdefault(sheet, set()).add(address)
    if len(wanted) > most_sheets:
        where = text("XLSX_REASON_SHEETS", count=len(wanted), limit=most_sheets)
        raise OgiError("XLSX_BAD_IDENTITY", file=path, where=where)
    out: Cells = {}
    stray: list[tuple[str, str]] = []
    for sheet, addresses in wanted.items():
        if sheet not in wb.sheetnames:
            raise OgiError("XLSX_SHEET_MISSING", file=path, sheet=sheet)
        found = out[sheet] = {}
        for cell in cells_of(wb[sheet], path, budget):
            if cell.address in addresses:
                found[cell.address] = (_with_places(cell.value, cell.number_format), cell.kind)
            elif len(stray) < MAX_STRAY and _text_of(cell.value).strip():
                stray.append((f"{sheet}!{cell.address}", _text_of(cell.value)))
    return out, stray


_FIXED = re.compile(r"^0\.(0{1,9})$")


def _with_places(value: object, number_format: str) -> object:
    """A float in a cell formatted 「0.000000」 is the amount with those places, when that is exact."""
    match = _FIXED.match(number_format or "")
    if not isinstance(value, float) or not match or not math.isfinite(value):
        return value
    exact = Decimal(repr(value))
    shown = exact.quantize(Decimal(1).scaleb(-len(match.group(1))))
    return shown if shown == exact else value


def _raw(cells: Cells, place: list[str]) -> tuple[object, str]:
    return cells[place[0]].get(place[1], (None, "n"))


def _text_of(value: object) -> str:
    """A text field as the clerk sees it, whatever type Excel stored it as."""
    if value is None:
        return ""
    if isinstance(value, str):
        return decode(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_labels(ident: Identity, cells: Cells, path: Path) -> None:
    """Every label must be where it was written: otherwise rows or columns were moved."""
    for place in ident.labels:
        found = _text_of(_raw(cells, place)[0])
        if found != place[2]:
            raise OgiError(
                "XLSX_LAYOUT_CHANGED",
                file=path,
                cell=f"{place[0]}!{place[1]}",
                expected=shorten(place[2], 30),
                found=shorten(found, 30),
            )


def _read_meta(report: Report, ident: Identity, cells: Cells) -> None:
    known = {m.id for m in report.form.meta}
    for field, place in ident.meta.items():
        value = _text_of(_raw(cells, place)[0])
        if field in known and value:
            report.meta[field] = value


def _joined(parts: list[list[str]], cells: Cells) -> str:
    return "".join((NEW_LINE if p[2] == "line" else "") + _text_of(_raw(cells, p)[0]) for p in parts)


def _read_texts(report: Report, ident: Identity, cells: Cells) -> None:
    known = {s.id for s in report.form.text_sections()}
    for section, parts in ident.texts.items():
        value = _joined(parts, cells)
        if section in known and value:
            report.texts[section] = value
    for key, parts in ident.notes.items():
        value = _joined(parts, cells)
        if value:
            report.notes[key] = value


def _read_values(report: Report, ident: Identity, cells: Cells, path: Path) -> None:
    form = report.form
    for cell_id, place in ident.cells.items():
        if cell_id not in form.cells:
            raise OgiError("XLSX_BAD_IDENTITY", file=path, where=cell_id)
        raw, kind = _raw(cells, place)
        state, source = place[2], f"{place[0]}!{place[1]}"
        kept = _kept_invalid(raw, place)
        if kept is not None:
            report.set_invalid(cell_id, kept)
            continue
        vtype = form.cells[cell_id].type
        if state == "auto" and (raw is None or _value_of(raw, kind, vtype)[1].value == parse(_written(place), vtype).value):
            continue  # still the program's own total: stays automatic
        shown, got = _value_of(raw, kind, vtype)
        if not got.ok:
            report.set_invalid(cell_id, Invalid(shown, got.error, source))
        elif got.value is not None:
            report.put(cell_id, got.value)


def _kept_invalid(raw: object, place: list[str]) -> Invalid | None:
    """Unreadable text saved by the program, still untouched: restored with its reason and origin."""
    if place[2] != "invalid" or len(place) != 7 or not isinstance(raw, (str, type(None))):
        return None
    shown = decode(raw) if isinstance(raw, str) else ""
    return Invalid(shown, place[4], place[5]) if digest(shown) == place[6] else None


def _written(place: list[str]) -> str:
    return place[3] if len(place) > 3 else ""


def _value_of(raw: object, kind: str, vtype: ValueType) -> tuple[str, Parsed]:
    """(the text as shown, the parse) of a figure found in a cell."""
    if kind == "f":  # (already the formula's text: see ogi.formats.xlsx.scan)
        return str(raw), Parsed(error=text("XLSX_FORMULA"))
    if isinstance(raw, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        return _text_of(raw) if not isinstance(raw, dt.timedelta) else str(raw), Parsed(error=text("XLSX_DATE_IN_NUMBER"))
    shown = _text_of(raw)
    return shown, parse(decode(raw) if isinstance(raw, str) else raw, vtype)
