"""Saving a roll-up: the usual report workbook, plus the sheets 单位情况, 缺报 and 明细.

The report part is written by :func:`ogi.formats.xlsx.write.to_bytes`, exactly as any report, so
the result reopens in the program and can itself be rolled up; the reader follows the identity
sheet and never looks at the extra sheets. Those are streamed as sheet XML into the same package
(``明细`` of 10,000 units holds two million figures: building openpyxl cells for them would take
gigabytes), and listed in the workbook, its relationships and its content types.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter

from ogi.formats.safesave import atomic_write
from ogi.formats.xlsx.text import encode
from ogi.formats.xlsx.write import to_bytes
from ogi.model.messages import text
from ogi.model.values import format_number
from ogi.rollup.combine import Rollup

SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
TEXT_LIMIT = 32767


def write(rollup: Rollup, path: Path) -> None:
    """Save atomically (the previous file kept as ``.bak``), like every save of the program."""
    atomic_write(Path(path), to_bytes_with_sheets(rollup))


def to_bytes_with_sheets(rollup: Rollup) -> bytes:
    sheets = [
        (text("ROLLUP_SHEET_UNITS"), _units_rows(rollup), [48, 36, 8, 10, 6, 6, 8, 10, 60], 1),
        (text("ROLLUP_SHEET_MISSING"), _missing_rows(rollup), [22, 40, 60], 1),
        (text("ROLLUP_SHEET_DETAIL"), _detail_rows(rollup), [36, 40], 4),
    ]
    return add_sheets(to_bytes(rollup.report), sheets)


def add_sheets(package: bytes, sheets: list[tuple[str, Iterable[list], list[float], int]]) -> bytes:
    """``package`` with sheets (name, rows, column widths, frozen rows) appended after its own."""
    source = zipfile.ZipFile(io.BytesIO(package))
    names = source.namelist()
    first = 1 + max(int(m[1]) for n in names if (m := re.match(r"xl/worksheets/sheet(\d+)\.xml$", n)))
    parts = [f"xl/worksheets/sheet{first + i}.xml" for i in range(len(sheets))]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            data = source.read(name)
            if name == "[Content_Types].xml":
                data = _content_types(data, parts)
            elif name == "xl/workbook.xml":
                data = _workbook(data, [s[0] for s in sheets], first)
            elif name == "xl/_rels/workbook.xml.rels":
                data = _relationships(data, parts, first)
            target.writestr(name, data)
        for part, (_, rows, widths, frozen) in zip(parts, sheets, strict=True):
            with target.open(part, "w", force_zip64=True) as stream:
                for chunk in _sheet_xml(rows, widths, frozen):
                    stream.write(chunk)
    return out.getvalue()


def _insert(data: bytes, before: bytes, added: str) -> bytes:
    at = data.rindex(before)
    return data[:at] + added.encode("utf-8") + data[at:]


def _content_types(data: bytes, parts: list[str]) -> bytes:
    return _insert(data, b"</Types>", "".join(f'<Override PartName="/{p}" ContentType="{SHEET_TYPE}"/>' for p in parts))


def _workbook(data: bytes, names: list[str], first: int) -> bytes:
    ids = [int(i) for i in re.findall(rb'sheetId="(\d+)"', data)]
    added = "".join(
        f'<sheet xmlns:r="{DOC_RELS}" name="{escape(name)}" sheetId="{max(ids) + 1 + i}" r:id="rIdRollup{first + i}"/>'
        for i, name in enumerate(names)
    )
    return _insert(data, b"</sheets>", added)


def _relationships(data: bytes, parts: list[str], first: int) -> bytes:
    added = "".join(f'<Relationship Id="rIdRollup{first + i}" Type="{REL_TYPE}" Target="/{p}"/>' for i, p in enumerate(parts))
    return _insert(data, b"</Relationships>", added)


def _sheet_xml(rows: Iterable[list], widths: list[float], frozen: int) -> Iterator[bytes]:
    pane = f'<pane ySplit="{frozen}" topLeftCell="A{frozen + 1}" activePane="bottomLeft" state="frozen"/>' if frozen else ""
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, start=1))
    yield (
        f'<worksheet xmlns="{MAIN_NS}"><sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
    ).encode()
    letters: list[str] = []
    for number, row in enumerate(rows, start=1):
        while len(letters) < len(row):
            letters.append(get_column_letter(len(letters) + 1))
        cells = "".join(_cell(f"{letters[i]}{number}", v) for i, v in enumerate(row) if v is not None and v != "")
        yield f'<row r="{number}">{cells}</row>'.encode()
    yield b"</sheetData></worksheet>"


def _cell(address: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        shown = escape(encode(str(value)[:TEXT_LIMIT]))
        return f'<c r="{address}" t="inlineStr"><is><t xml:space="preserve">{shown}</t></is></c>'
    return f'<c r="{address}"><v>{format_number(value)}</v></c>'


def _units_rows(rollup: Rollup) -> Iterator[list]:
    yield text("ROLLUP_UNITS_HEAD").split("|")
    for status in rollup.statuses:
        unit = status.unit
        verdict = text("ROLLUP_INCLUDED") if status.included else text("ROLLUP_EXCLUDED")
        counts = [unit.errors, unit.warnings, unit.incomplete] if unit.readable else [None, None, None]
        yield [unit.file, unit.agency, unit.year, unit.form, *counts, verdict, status.reason]


def _missing_rows(rollup: Rollup) -> Iterator[list]:
    yield text("ROLLUP_MISSING_HEAD").split("|")
    matching = rollup.matching
    if matching is None:
        yield [text("ROLLUP_NO_ROSTER")]
        return
    if not matching.missing:
        yield [text("ROLLUP_NONE_MISSING")]
    for name in matching.missing:
        yield [text("ROLLUP_MISSING_ROW"), name, "、".join(matching.possible.get(name, []))]
    for name in matching.unlisted:
        like = [m for m, alike in matching.possible.items() if name in alike]
        yield [text("ROLLUP_UNLISTED_ROW"), name, "、".join(like)]


def _detail_rows(rollup: Rollup) -> Iterator[list]:
    report = rollup.report
    form = report.form
    cells = list(form.cells)
    yield [text("ROLLUP_DETAIL_UNIT"), text("ROLLUP_DETAIL_FILE"), *(form.place_of(c) for c in cells)]
    yield ["", text("ROLLUP_DETAIL_CELL"), *cells]
    yield [text("ROLLUP_DETAIL_SUM"), "", *(report.value(c) for c in cells)]
    yield [text("ROLLUP_DETAIL_BLANKS"), "", *(rollup.blanks.get(c, 0) for c in cells)]
    for unit in rollup.included:
        yield [unit.agency, unit.file, *unit.values]
