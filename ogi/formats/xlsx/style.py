"""Looks, sizes and print set-up of the saved workbook, shared by every sheet.

Styles are built once per workbook and applied through prototype cells: openpyxl otherwise
hashes a new Font/Border/Fill/Alignment/Protection for every cell it styles, which made
saving several times slower. Sizes are estimated from the label text because Excel never
auto-fits merged cells, and a clerk who prints from Excel must not get cut-off labels.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ogi.formats.xlsx.text import display_lines, display_units
from ogi.model.layout import CAPTION, ROW, VALUE, Grid, GridCell
from ogi.model.messages import text

SONG, HEI = "宋体", "黑体"  # present on every Chinese Windows/WPS; LibreOffice substitutes CJK fonts
LINE_PT = 13.5  # one wrapped line of 10.5 pt text
PAGE_UNITS = {"portrait": 92.0, "landscape": 140.0}  # column-width units that fill an A4 page
PAGE_PT = {"portrait": (510.0, 740.0), "landscape": (755.0, 494.0)}  # printable width, height inside the margins
UNIT_PT = 5.6  # one column-width unit, in points (a little more than Excel's, as LibreOffice measures it)
MIN_SCALE = 0.75  # shrink a table onto one page only if it stays this legible
VALUE_WIDTH = 10.0  # a value column holds 10 digits (up to 10^9)
MAX_ROW_PT = 409.0  # Excel's limit

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_NONE = Border()
_GREY = PatternFill("solid", fgColor="EDEDED")
_NO_FILL = PatternFill()


def _align(h: str, v: str = "center", wrap: bool = True) -> Alignment:
    return Alignment(horizontal=h, vertical=v, wrap_text=wrap, indent=1 if h == "left" else 0)


_LOOKS = {
    # name: (font, border, fill, alignment, locked)
    "title": (Font(name=HEI, size=14, bold=True), _NONE, _NO_FILL, _align("left", wrap=False), True),
    "caption": (Font(name=SONG, size=10.5, bold=True), _BOX, _NO_FILL, _align("center"), True),
    "header": (Font(name=SONG, size=10.5), _BOX, _NO_FILL, _align("center"), True),
    "row": (Font(name=SONG, size=10.5), _BOX, _NO_FILL, _align("left"), True),
    "row_tall": (Font(name=SONG, size=10.5), _BOX, _NO_FILL, _align("center"), True),
    "row_vertical": (Font(name=SONG, size=10.5), _BOX, _NO_FILL, Alignment("center", "center", textRotation=255), True),
    "input": (Font(name=SONG, size=10.5), _BOX, _NO_FILL, _align("center", wrap=False), False),
    "invalid": (Font(name=SONG, size=10.5, color="C00000"), _BOX, _NO_FILL, _align("center"), False),
    "computed": (Font(name=SONG, size=10.5), _BOX, _GREY, _align("center", wrap=False), True),
    "label": (Font(name=SONG, size=10.5, bold=True), _BOX, _NO_FILL, _align("left"), True),
    "field": (Font(name=SONG, size=10.5), _BOX, _NO_FILL, _align("left"), False),
    "info": (Font(name=SONG, size=9, color="595959"), _NONE, _NO_FILL, _align("left"), True),
    "heading": (Font(name=HEI, size=12, bold=True), _NONE, _NO_FILL, _align("left"), True),
    "subheading": (Font(name=SONG, size=10.5, bold=True), _NONE, _NO_FILL, _align("left"), True),
    "paragraph": (Font(name=SONG, size=11), _NONE, _NO_FILL, _align("left", "top"), False),
}


class Looks:
    """The workbook's cell looks, as named styles (openpyxl's public API): defined once, named per cell.

    Excel, WPS and LibreOffice list them in their style galleries as 「ogi 合计」…, which also lets a clerk
    who adds a row in Excel give it the same look.
    """

    PREFIX = "ogi "

    def __init__(self, wb: Workbook) -> None:
        for name, (font, border, fill, align, locked) in _LOOKS.items():
            style = NamedStyle(name=self.PREFIX + name, font=font, border=border, fill=fill, alignment=align)
            style.protection = Protection(locked=locked)
            wb.add_named_style(style)

    def apply(self, cell, look: str) -> None:
        cell.style = self.PREFIX + look


def style_range(ws: Worksheet, looks: Looks, top: int, left: int, rows: int, cols: int, look: str) -> None:
    """Style every cell of a (merged) range: openpyxl draws borders only where a cell is styled."""
    for r in range(top, top + rows):
        for c in range(left, left + cols):
            looks.apply(ws.cell(row=r, column=c), look)


def grid_widths(grid: Grid) -> list[float]:
    """Column widths (Excel units) from the labels, widened to fill the page's width."""
    want = [VALUE_WIDTH if c >= grid.label_columns else 4.0 for c in range(grid.width)]
    for cell in grid.cells:
        if is_vertical(cell):
            want[cell.col] = max(want[cell.col], 4.5)
        elif cell.colspan == 1 and cell.role != VALUE:
            cap = 10 if cell.rowspan >= 3 or cell.col >= grid.label_columns else 34
            want[cell.col] = max(want[cell.col], min(display_units(cell.text), cap) + 2)
    target = PAGE_UNITS[grid.table.orientation]
    scale = max(1.0, target / sum(want))
    return [round(w * scale, 1) for w in want]


def grid_heights(grid: Grid, widths: list[float]) -> list[float]:
    """Row heights (points) so that every wrapped label shows in full."""
    heights = [18.0] * grid.height
    spanning = []
    for cell in grid.cells:
        if is_vertical(cell):
            need = len(cell.text) * LINE_PT + 8.0
        else:
            need = _needed(cell.text, sum(widths[cell.col : cell.col + cell.colspan]), cell.role == CAPTION)
        if cell.rowspan == 1:
            heights[cell.row] = max(heights[cell.row], need)
        else:
            spanning.append((cell, need))
    for cell, need in spanning:
        rows = range(cell.row, cell.row + cell.rowspan)
        short = need - sum(heights[r] for r in rows)
        for r in rows if short > 0 else ():
            heights[r] += short / cell.rowspan
    return [min(MAX_ROW_PT, round(h, 1)) for h in heights]


def _needed(label: str, width: float, caption: bool) -> float:
    if not label:
        return 0.0
    return display_lines(label, width - 1.5) * LINE_PT + (8.0 if caption else 5.0)


def text_height(piece: str, width: float, line_pt: float = 15.0) -> float:
    """Height of a wrapped narrative row (11 pt characters are a little wider than 2 units)."""
    return min(MAX_ROW_PT, display_lines(piece, width * 0.92) * line_pt + 4)


def fits_one_page(orientation: str, widths: list[float], heights: list[float]) -> bool:
    """Whether the whole table can be shrunk onto one page and stay legible."""
    page_w, page_h = PAGE_PT[orientation]
    scale = min(1.0, page_w / (sum(widths) * UNIT_PT), page_h / sum(heights))
    return scale >= MIN_SCALE


def is_vertical(cell: GridCell) -> bool:
    """A tall outermost row label (三、本年度办理结果 over 22 rows) reads top to bottom, as on paper."""
    return cell.role == ROW and cell.col == 0 and cell.colspan == 1 and cell.rowspan >= 3 and cell.rowspan * 2 >= len(cell.text)


def look_for_label(cell: GridCell) -> str:
    if cell.role == CAPTION:
        return "caption"
    if is_vertical(cell):
        return "row_vertical"
    if cell.role == ROW:
        return "row_tall" if cell.rowspan >= 3 else "row"
    return "header"


def page_setup(ws: Worksheet, orientation: str, repeat_rows: int = 0, one_page: bool = False) -> None:
    """A4, fit to the page's width (and height, for a table that fits), header rows repeated, page numbers."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7, header=0.3, footer=0.3)
    if repeat_rows:
        ws.print_title_rows = f"1:{repeat_rows}"
    ws.oddFooter.center.text = text("XLSX_PAGE_FOOTER")
    ws.oddFooter.center.size = 9


def protect(ws: Worksheet) -> None:
    """Protect labels and computed cells, without a password (a clerk may lift it in Excel)."""
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widening a column or a row stays possible
    ws.protection.formatRows = False
