"""Save a report as a workbook drawn like the official tables (one sheet per part).

Totals are written as *values*, computed by the core, locked and shaded as computed — not as
formulas. openpyxl cannot store a formula's cached result, so a formula total would show
nothing in pandas, in ``openpyxl(data_only=True)`` and in any viewer that does not
recalculate; and an Excel ``SUM`` would turn blank parts into 0, which the report must never
do (blank is not 0; a total shows only when every part is known). A value is the same number
in every program. Its cost — a total does not follow a figure edited in Excel — is covered
on reopening: the program recomputes automatic totals, and a total whose cell no longer
holds the value written here becomes an *entered* total, which the rules check.

Nothing is found by position alone: the hidden identity sheet (:mod:`ogi.formats.xlsx.identity`)
records where every cell id, text piece and label was written.
"""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation

from ogi import __version__
from ogi.formats.xlsx import style
from ogi.formats.xlsx.identity import MAX_ROW, Identity
from ogi.formats.xlsx.text import CELL_LIMIT, encode, pieces, utf16_len
from ogi.model.layout import VALUE, GridCell, table_grid
from ogi.model.messages import OgiError, text
from ogi.model.report import Report
from ogi.model.schema import Table, ValueType
from ogi.model.values import canonical_decimal, format_number

GRID_TOP = 2  # row 1 holds the table's title
TEXT_WIDTH = 80.0  # one column is never shrunk to the page by LibreOffice: keep it inside A4 portrait
META_WIDTHS = (18.0, 72.0)
FORMULA_STARTS = ("=", "+", "-", "@")


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def put_text(cell, value: str, where: str = "") -> None:
    """Store text as text: never a formula, never silently cut (openpyxl truncates at 32767)."""
    stored = encode(value)
    if len(stored) > CELL_LIMIT or utf16_len(value) > CELL_LIMIT:
        raise OgiError("XLSX_TEXT_TOO_LONG", place=where or cell.coordinate, length=len(value), limit=CELL_LIMIT)
    cell.value = stored
    cell.data_type = "s"
    if value[:1] in FORMULA_STARTS:
        cell.quotePrefix = True  # Excel keeps it text even after the clerk edits the cell


class _Book:
    """One workbook being built, with the identity of everything it places."""

    def __init__(self, report: Report) -> None:
        self.report, self.form = report, report.form
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.looks = style.Looks(self.wb)
        self.ident = Identity(self.form.id, self.form.edition, f"ogi-report {__version__}")

    def label(self, ws, row: int, col: int, value: str, look: str, rows: int = 1, cols: int = 1) -> None:
        """A locked label; merged ranges get every cell styled, so borders show all round."""
        if rows > 1 or cols > 1:
            ws.merged_cells.add(CellRange(min_col=col, min_row=row, max_col=col + cols - 1, max_row=row + rows - 1))
        if look == "title":
            rows = cols = 1  # no border: only the first cell needs a style
        style.style_range(ws, self.looks, row, col, rows, cols, look)
        cell = ws.cell(row=row, column=col)
        put_text(cell, value, f"{ws.title}!{cell.coordinate}")
        self.ident.labels.append([ws.title, cell.coordinate, value])

    def paragraphs(self, ws, row: int, value: str, where: str) -> tuple[int, list[list[str]]]:
        """A narrative, one line per row (see :mod:`ogi.formats.xlsx.text`); returns the next row and the pieces."""
        placed, parts = [], pieces(value)
        if row + len(parts) > MAX_ROW:  # beyond what the reader accepts (tens of millions of characters)
            raise OgiError("XLSX_TEXT_TOO_MUCH", place=where, length=len(value))
        for joiner, piece in parts:
            cell = ws.cell(row=row, column=1)
            self.looks.apply(cell, "paragraph")
            put_text(cell, piece)
            ws.row_dimensions[row].height = style.text_height(piece, TEXT_WIDTH)
            placed.append([ws.title, cell.coordinate, "line" if joiner else "more"])
            row += 1
        return row, placed


def build(report: Report) -> Workbook:
    book = _Book(report)
    _meta_sheet(book)
    for table in report.form.tables.values():
        _table_sheet(book, table)
    _text_sheet(book)
    book.ident.to_sheet(book.wb)
    book.wb.properties.creator = f"ogi-report {__version__}"
    return book.wb


def to_bytes(report: Report) -> bytes:
    out = io.BytesIO()
    build(report).save(out)
    return out.getvalue()


def _widths(ws, widths) -> None:
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width


def _meta_sheet(book: _Book) -> None:
    form, report = book.form, book.report
    ws = book.wb.create_sheet(text("XLSX_SHEET_META"))
    _widths(ws, META_WIDTHS)
    _check_fields(book, ws.title)  # before the title, which repeats the agency's name
    title = report.title() if report.role("agency") and report.role("year") else text("XLSX_SHEET_META")
    book.label(ws, 1, 1, title, "title", cols=2)
    ws.row_dimensions[1].height = 30
    for row, field in enumerate(form.meta, start=2):
        book.label(ws, row, 1, field.label, "label")
        cell = ws.cell(row=row, column=2)
        book.looks.apply(cell, "field")
        put_text(cell, report.meta.get(field.id, ""), f"{ws.title}!{cell.coordinate}")
        book.ident.meta[field.id] = [ws.title, cell.coordinate]
    info = [
        (text("XLSX_INFO_FORM"), f"{form.title}（{form.basis}）"),
        (text("XLSX_INFO_PROGRAM"), f"ogi-report {__version__}"),
        (text("XLSX_INFO_NOTE"), text("XLSX_INFO_TOTALS")),
    ]
    for row, (name, value) in enumerate(info, start=len(form.meta) + 3):
        book.label(ws, row, 1, name, "info")
        book.label(ws, row, 2, value, "info")
        ws.row_dimensions[row].height = style.text_height(value, META_WIDTHS[1], 13.0)
    style.page_setup(ws, "portrait")
    style.protect(ws)


def _check_fields(book: _Book, sheet: str) -> None:
    """An over-long field is named by its sheet, cell and label, not by the title cell that repeats it."""
    for row, field in enumerate(book.form.meta, start=2):
        value = book.report.meta.get(field.id, "")
        if utf16_len(value) > CELL_LIMIT or len(encode(value)) > CELL_LIMIT:
            place = f"{sheet}!B{row}"
            raise OgiError("XLSX_FIELD_TOO_LONG", place=place, field=field.label, length=len(value), limit=CELL_LIMIT)


def _table_sheet(book: _Book, table: Table) -> None:
    grid = table_grid(table)
    ws = book.wb.create_sheet(table.name)
    widths = style.grid_widths(grid)
    _widths(ws, widths)
    heights = style.grid_heights(grid, widths)
    book.label(ws, 1, 1, table.title, "title", cols=grid.width)
    ws.row_dimensions[1].height = 30
    for row, height in enumerate(heights, start=GRID_TOP):
        ws.row_dimensions[row].height = height
    checks: dict[str, list[str]] = {}
    for gc in grid.cells:
        row, col = gc.row + GRID_TOP, gc.col + 1
        if gc.role != VALUE:
            book.label(ws, row, col, gc.text, style.look_for_label(gc), gc.rowspan, gc.colspan)
            continue
        if gc.colspan > 1:
            ws.merged_cells.add(CellRange(min_col=col, min_row=row, max_col=col + gc.colspan - 1, max_row=row))
        _value_cell(book, ws, row, col, gc)
        checks.setdefault(book.form.cells[gc.cell_id].type.name, []).append((row, col))
    for type_name, places in checks.items():
        ws.add_data_validation(_validation(book.form.types[type_name], _ranges(places)))
    if grid.header_rows:
        ws.freeze_panes = ws.cell(row=GRID_TOP + grid.header_rows, column=grid.label_columns + 1)
    one_page = style.fits_one_page(table.orientation, widths, [30.0, *heights])
    style.page_setup(ws, table.orientation, repeat_rows=GRID_TOP - 1 + grid.header_rows, one_page=one_page)
    style.protect(ws)


def _value_cell(book: _Book, ws, row: int, col: int, gc: GridCell) -> None:
    """Write one figure (styled as input, computed or unreadable) and record how it was written."""
    report, cell, cell_id = book.report, ws.cell(row=row, column=col), gc.cell_id
    bad = report.invalid.get(cell_id)
    is_auto = book.form.is_total(cell_id) and not report.is_entered_total(cell_id)
    look = "invalid" if bad is not None else "computed" if is_auto else "input"
    style.style_range(ws, book.looks, row, col, 1, gc.colspan, look)
    if bad is not None:
        put_text(cell, bad.text, f"{ws.title}!{cell.coordinate}")
        book.ident.cells[cell_id] = [ws.title, cell.coordinate, "invalid", "", bad.reason, bad.source, digest(bad.text)]
    elif is_auto:
        value = report.value(cell_id)
        cell.value = _number(value)
        _places_format(cell, value)
        book.ident.cells[cell_id] = [ws.title, cell.coordinate, "auto", format_number(value)]
    else:
        cell.value = _number(report.stored(cell_id))
        _places_format(cell, cell.value)
        book.ident.cells[cell_id] = [ws.title, cell.coordinate, "entered" if book.form.is_total(cell_id) else "input"]


def _places_format(cell, value) -> None:
    """Show (and read back) an amount with the places it was given: 「1234.560000」 stays so."""
    if isinstance(value, Decimal) and value.as_tuple().exponent < 0:
        cell.number_format = "0." + "0" * -value.as_tuple().exponent


def _number(value):
    return canonical_decimal(value) if isinstance(value, Decimal) else value


def _ranges(places: list[tuple[int, int]]) -> list[str]:
    """Cells as few rectangles (runs of columns, stacked over rows): openpyxl parses each range slowly."""
    runs: dict[tuple[int, int], list[int]] = {}  # (first col, last col) → rows
    for row in sorted({r for r, _ in places}):
        cols = sorted(c for r, c in places if r == row)
        start = cols[0]
        for before, col in zip(cols, [*cols[1:], None], strict=True):
            if col != before + 1:
                runs.setdefault((start, before), []).append(row)
                start = col
    out = []
    for (first, last), rows in runs.items():
        top = rows[0]
        for before, row in zip(rows, [*rows[1:], None], strict=True):
            if row != before + 1:
                corner, end = f"{get_column_letter(first)}{top}", f"{get_column_letter(last)}{before}"
                out.append(corner if corner == end else f"{corner}:{end}")
                top = row
    return out


def _validation(vtype: ValueType, coordinates: list[str]) -> DataValidation:
    """Excel's own check while typing; imeMode 'off' switches the Chinese input method off."""
    dv = DataValidation(
        type="whole" if vtype.kind == "integer" else "decimal",
        operator="between",
        formula1=str(vtype.minimum),
        formula2=str(vtype.maximum),
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle=text("XLSX_ERROR_TITLE"),
        error=text("XLSX_ERROR", label=vtype.label),
        promptTitle=text("XLSX_PROMPT_TITLE"),
        prompt=text("XLSX_PROMPT", label=vtype.label),
        imeMode="off",
    )
    dv.sqref = " ".join(coordinates)
    return dv


def _text_sheet(book: _Book) -> None:
    form, report = book.form, book.report
    ws = book.wb.create_sheet(text("XLSX_SHEET_TEXT"))
    ws.column_dimensions["A"].width = TEXT_WIDTH
    row = 1
    for section in form.text_sections():
        book.label(ws, row, 1, section.title, "heading")
        ws.row_dimensions[row].height = 24
        row, book.ident.texts[section.id] = book.paragraphs(ws, row + 1, report.texts.get(section.id, ""), section.title)
        row += 1
    book.label(ws, row, 1, text("XLSX_NOTES_TITLE"), "heading")
    ws.row_dimensions[row].height = 24
    places = {inst.key: inst.place for inst in form.instances}
    for key, note in report.notes.items():
        place = places.get(key) or places.get(key.rpartition("/")[0], "")
        book.label(ws, row + 1, 1, text("XLSX_NOTE_HEAD", key=key, place=place), "subheading")
        row, book.ident.notes[key] = book.paragraphs(ws, row + 2, note, text("XLSX_NOTES_TITLE"))
    style.page_setup(ws, "portrait")
    style.protect(ws)
