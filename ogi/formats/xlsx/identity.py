"""The workbook's identity: which form, edition and program wrote it, and where everything is.

Kept on a very hidden sheet ``_ogi``: a few readable key/value rows, then one JSON map, split
over as many cells as it needs. Reopening looks values up by cell id in this map and never
guesses positions; every label written is listed too, so a sheet whose rows or columns were
moved in Excel is recognised and refused instead of read into the wrong cells.

One JSON text rather than one row per record: writing and parsing a thousand little cells
cost more than the whole rest of the workbook (see ``bench/bench_xlsx.py``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from openpyxl.utils.cell import column_index_from_string

from ogi import __version__
from ogi.formats.xlsx.text import decode, encode
from ogi.model.messages import OgiError, text

SHEET, MAGIC, LAYOUT = "_ogi", "ogi-report", 1
CHUNK = 30000  # characters of JSON per cell (Excel holds 32767)
MAP_ROW = 7  # first row of the JSON map
MAX_CHUNKS = 100  # rows of JSON read at most (3 MB; the longest report the writer accepts needs about 1.5 MB)
MAX_RECORDS = 120_000  # places in the map: ~55,000 for a narrative at the writer's row limit
MAX_ROW, MAX_COL = 50_000, 64  # no place of ours lies beyond: a hostile map must not make us scan millions of rows
STATES = ("input", "entered", "auto", "invalid")
_ADDRESS = re.compile(r"^([A-Z]{1,2})([1-9][0-9]{0,4})$")


@dataclass
class Identity:
    """Everything a reader needs besides the visible cells."""

    form: str
    edition: str = ""
    generator: str = f"ogi-report {__version__}"
    cells: dict[str, list[str]] = field(default_factory=dict)  # id → [sheet, address, state, written, reason, source, digest]
    meta: dict[str, list[str]] = field(default_factory=dict)  # field id → [sheet, address]
    texts: dict[str, list[list[str]]] = field(default_factory=dict)  # section id → [[sheet, address, "line"|"more"], …]
    notes: dict[str, list[list[str]]] = field(default_factory=dict)  # finding key → pieces, as texts
    labels: list[list[str]] = field(default_factory=list)  # [[sheet, address, text], …]

    def to_sheet(self, wb) -> None:
        ws = wb.create_sheet(SHEET)
        head = [(MAGIC, str(LAYOUT)), ("form", self.form), ("edition", self.edition), ("generator", self.generator)]
        for row, (key, value) in enumerate(head, start=1):
            _put(ws.cell(row=row, column=1), key)
            _put(ws.cell(row=row, column=2), value)
        body = {"cells": self.cells, "meta": self.meta, "texts": self.texts, "notes": self.notes, "labels": self.labels}
        data = encode(json.dumps(body, ensure_ascii=False, separators=(",", ":")))
        for row, chunk in enumerate(_chunks(data), start=MAP_ROW):
            cell = ws.cell(row=row, column=1)
            cell.value, cell.data_type = chunk, "s"  # already encoded as a whole
        ws.sheet_state = "veryHidden"
        ws.protection.sheet = True


def _chunks(data: str) -> list[str]:
    """Cut where no escape sequence (``_xHHHH_``) could be split or formed across two cells."""
    out, start = [], 0
    while len(data) - start > CHUNK:
        end = start + CHUNK
        while end > start + CHUNK // 2 and "_" in data[end - 7 : end + 7]:
            end -= 1
        out.append(data[start:end])
        start = end
    out.append(data[start:])
    return out


def _put(cell, value: str) -> None:
    cell.value = encode(value)
    cell.data_type = "s"


def from_rows(rows: list[tuple], file: object) -> Identity:
    """Parse the identity sheet's values (as read); OgiError naming the file if it is not ours or damaged."""
    head = {str(r[0]): r[1] if len(r) > 1 else None for r in rows[: MAP_ROW - 1] if r and r[0] is not None}
    if head.get(MAGIC) is None or not isinstance(head.get("form"), str):
        raise OgiError("XLSX_NOT_OURS", file=file)
    chunks = [r[0] for r in rows[MAP_ROW - 1 :] if r and isinstance(r[0], str)]
    try:
        body = json.loads(decode("".join(chunks)))
    except (ValueError, RecursionError):
        raise OgiError("XLSX_BAD_IDENTITY", file=file, where=f"{SHEET}!A{MAP_ROW}") from None
    ident = Identity(decode(head["form"]), str(head.get("edition") or ""), str(head.get("generator") or ""))
    _fill(ident, body, file)
    return ident


def _fill(ident: Identity, body: object, file: object) -> None:
    def bad(where: str) -> OgiError:
        return OgiError("XLSX_BAD_IDENTITY", file=file, where=where)

    if not isinstance(body, dict):
        raise bad("map")
    records = _records(body)
    if records > MAX_RECORDS:
        raise bad(text("XLSX_REASON_IDENTITY_SIZE", count=records, limit=MAX_RECORDS))
    for key, arity in (("cells", 3), ("meta", 2)):
        part = body.get(key, {})
        if not isinstance(part, dict) or not all(_place(v, arity) for v in part.values()):
            raise bad(key)
        setattr(ident, key, part)
    if any(v[2] not in STATES or len(v) > 7 for v in ident.cells.values()):
        raise bad("cells")
    for key in ("texts", "notes"):
        part = body.get(key, {})
        if not isinstance(part, dict) or not all(isinstance(v, list) and all(_place(p, 3) for p in v) for v in part.values()):
            raise bad(key)
        setattr(ident, key, part)
    labels = body.get("labels", [])
    if not isinstance(labels, list) or not all(_place(v, 3) for v in labels):
        raise bad("labels")
    ident.labels = labels


def _records(body: dict) -> int:
    """How many places the map lists (before any of them is looked at)."""
    count = 0
    for key in ("cells", "meta", "texts", "notes", "labels"):
        part = body.get(key)
        if isinstance(part, (dict, list)):
            count += len(part)
        if key in ("texts", "notes") and isinstance(part, dict):
            count += sum(len(v) for v in part.values() if isinstance(v, list))
    return count


def _place(value: object, arity: int) -> bool:
    """A record starts with [sheet, address, …], holds only strings and stays within our layout's reach."""
    if not (isinstance(value, list) and len(value) >= arity and all(isinstance(v, str) for v in value)):
        return False
    match = _ADDRESS.match(value[1])
    return bool(match) and column_index_from_string(match[1]) <= MAX_COL and int(match[2]) <= MAX_ROW
