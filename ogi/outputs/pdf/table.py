"""An official table on paper: the grid of ogi.model.layout, sized to the text block and cut into bands.

Column widths come from the labels and values themselves (value columns alike, label columns
shrunk by water-filling when the labels would not fit on one line), row heights from the
wrapped text (a merged label taller than its rows grows them evenly). The largest table size
(小四, 5号, 小五) whose widest content fits and whose tallest band fits on one page is used,
so the 10-column 表三 and the 15-column 表四 get a smaller face than 表二 by measurement,
not by name. A *band* is a run of rows no merged cell crosses and that does not end on a
header row: a page break only falls between bands, and the header rows (grid.header_rows)
are drawn again at the top of a continuation page.

Every table prints portrait, whatever ``Table.orientation`` says (that is the workbook's page
set-up): landscape was tried and looked at — 表三 needs about 500 pt at 小五 and a landscape
text block is 442 pt tall, so it would run over two pages, while portrait holds it on one;
表四 fits portrait at 5号 right under its heading, where landscape would cost a page of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from ogi.model.layout import CAPTION, COLUMN, CORNER, ROW, VALUE, Grid, GridCell
from ogi.model.messages import text as message
from ogi.outputs.pdf.style import EM_ASCENT, TABLE_PAD_X, TABLE_PAD_Y, TABLE_RULE, TABLE_SIZES, TextStyle, table_style
from ogi.outputs.pdf.text import Typesetter

_HEADER_ROLES = (CAPTION, COLUMN, CORNER)
_ALIGN = {VALUE: "center", COLUMN: "center", CAPTION: "center", CORNER: "justify", ROW: "justify"}
SHORT_LABEL = 8  # characters: a merged row label this short stays on one line if it can


@dataclass
class TableLayout:
    grid: Grid
    style: TextStyle
    widths: list[float]
    heights: list[float]
    lines: dict[GridCell, list[str]]
    bands: list[range]

    def height(self, rows: range) -> float:
        return sum(self.heights[r] for r in rows)

    @property
    def header(self) -> range:
        return range(self.grid.header_rows)


def layout_table(
    grid: Grid, texts: dict[GridCell, tuple[str, str]], setter: Typesetter, width: float, page_height: float, reserve: float = 0.0
) -> TableLayout:
    """Lay ``grid`` out in ``width``; ``texts`` maps each cell to (text, where-for-errors).

    The largest size at which the whole table fits on one page below ``reserve`` (its
    heading) wins; failing that, the largest at which every band fits on a page; failing that
    (five-digit figures in the 22-row band of 表三), the floor size with its tall bands split
    between the rows of their merged label, which is printed again with 「（续）」.
    """
    fitting = []
    for size in TABLE_SIZES:
        table = _attempt(grid, texts, setter, width, size)
        if table and table.height(range(grid.height)) + reserve <= page_height:
            return table
        fitting += [table] if table else []
    for table in fitting:
        if _tallest(table) <= page_height:
            return table
    even = [width / grid.width] * grid.width  # too wide even at the floor: even columns, labels wrapped
    table = fitting[-1] if fitting else _attempt(grid, texts, setter, width, TABLE_SIZES[-1], even)
    if table is None:  # even columns always give a layout; None would mean a form with no columns
        raise ValueError(f"no layout for {grid.table.name}")
    return _split_tall(table, page_height)


def _tallest(table: TableLayout) -> float:
    return max(table.height(b) for b in table.bands) + table.height(table.header)


def _split_tall(table: TableLayout, page_height: float) -> TableLayout:
    """Cut every band taller than a page where only merged labels cross, outermost labels first."""
    room = page_height - table.height(table.header)
    bands: list[range] = []
    for band in table.bands:
        bands += _cut(table, band, room, 1)
    table.bands = bands
    return table


def _cut(table: TableLayout, band: range, room: float, depth: int) -> list[range]:
    """``band`` in pieces no taller than ``room``, breaking only where no cell spans fewer than
    the ``depth`` largest spans of the band (those are continued with 「（续）」)."""
    if table.height(band) <= room or len(band) == 1:
        return [band]
    inside = [c for c in table.grid.cells if c.row in band and c.rowspan > 1]
    spans = sorted({c.rowspan for c in inside}, reverse=True)
    if depth > len(spans):
        return [band]  # no merged cell left to cross: keep the band whole
    crossing = {c for c in inside if c.rowspan >= spans[depth - 1]}
    glued = {r for c in inside if c not in crossing for r in range(c.row, c.row + c.rowspan - 1)}
    pieces, start, used = [], band.start, 0.0
    for r in band:
        if r > start and r - 1 not in glued and used + table.height(range(r, r + 1)) > room:
            pieces.append(range(start, r))
            start, used = r, 0.0
        used += table.height(range(r, r + 1))
    pieces.append(range(start, band.stop))
    return [p for piece in pieces for p in _cut(table, piece, room, depth + 1)]


def _attempt(
    grid: Grid, texts, setter: Typesetter, width: float, size: float, widths: list[float] | None = None
) -> TableLayout | None:
    style = table_style(size)
    widths = widths or _column_widths(grid, texts, setter, style, width)
    if widths is None:
        return None
    lines = {
        c: _cell_lines(setter, style, c, t, _span(widths, c.col, c.colspan) - _pad_x(style) * 2, where)
        for c, (t, where) in texts.items()
    }
    return TableLayout(grid, style, widths, _row_heights(grid, lines, style), lines, _bands(grid))


def _cell_lines(setter: Typesetter, style: TextStyle, cell: GridCell, text: str, width: float, where: str) -> list[str]:
    if cell.role == VALUE:  # a figure is never wrapped: its column is made wide enough (see _needs)
        setter.check(style, text, where)
        return [text]
    if _ALIGN[cell.role] == "center":
        return setter.balanced_lines(style, text, width, where)
    return setter.lines(style, text, width, where)


def _pad_x(style: TextStyle) -> float:
    return TABLE_PAD_X * style.size


def _span(widths: list[float], start: int, count: int) -> float:
    return sum(widths[start : start + count])


def _needs(cell: GridCell, text: str, setter: Typesetter, style: TextStyle) -> tuple[float, float, float]:
    """Inner widths a one-column cell asks for: on one line, stacked (when space is short), at least."""
    full, two_chars = setter.width(style, text), 2 * style.size
    least = full if cell.role == VALUE else min(full, two_chars)
    if cell.role == COLUMN and len(text) > 3:  # header words stack, two characters a line or more
        return full, max(two_chars, setter.width(style, text[: -(-len(text) // 3)])), least
    if cell.role == ROW and cell.rowspan > 1 and len(text) > SHORT_LABEL:
        return full, max(full / cell.rowspan, two_chars), least
    return full, full, least


def _column_widths(grid: Grid, texts, setter: Typesetter, style: TextStyle, width: float) -> list[float] | None:
    """Widths filling ``width``, or None when even the minimum widths do not fit at this size."""
    pad = 2 * _pad_x(style)
    roomy, stacked, least = ([pad] * grid.width for _ in range(3))
    for cell, (text, _where) in texts.items():
        if cell.colspan == 1:
            for wish, need in zip((roomy, stacked, least), _needs(cell, text, setter, style), strict=True):
                wish[cell.col] = max(wish[cell.col], need + pad)
    if sum(least) > width:
        return None
    for want in (roomy, stacked):
        if sum(want) <= width:
            return [w * width / sum(want) for w in want]
    return _water_fill(stacked, least, width)


def _water_fill(want: list[float], least: list[float], width: float) -> list[float]:
    """Cap the widest wishes at one level so that the columns add up to ``width``."""
    low, high = 0.0, max(want)
    for _ in range(50):
        level = (low + high) / 2
        if sum(max(lo, min(w, level)) for w, lo in zip(want, least, strict=True)) > width:
            high = level
        else:
            low = level
    widths = [max(lo, min(w, low)) for w, lo in zip(want, least, strict=True)]
    slack = width - sum(widths)
    return [w + slack * w / sum(widths) for w in widths]


def _row_heights(grid: Grid, lines: dict[GridCell, list[str]], style: TextStyle) -> list[float]:
    pad = 2 * TABLE_PAD_Y * style.size
    heights = [style.pitch + pad] * grid.height
    for cell in sorted(lines, key=lambda c: c.rowspan):
        need = len(lines[cell]) * style.pitch + pad
        rows = range(cell.row, cell.row + cell.rowspan)
        deficit = need - sum(heights[r] for r in rows)
        for r in rows:
            heights[r] += max(0.0, deficit) / cell.rowspan
    return heights


def _bands(grid: Grid) -> list[range]:
    """Runs of rows that must share a page: merged cells and header rows hold rows together."""
    glued = [False] * grid.height  # glued[r]: no page break between row r and r + 1
    roles: list[set[str]] = [set() for _ in range(grid.height)]
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            roles[r].add(cell.role)
            if r < cell.row + cell.rowspan - 1:
                glued[r] = True
    if not grid.header_rows:  # no header to repeat: break only where a block begins with its caption
        starts = {c.row for c in grid.cells if c.role == CAPTION}
        glued = [g or (r + 1 not in starts) for r, g in enumerate(glued)]
    bands, start = [], 0
    for r in range(grid.height):
        if r == grid.height - 1 or not (glued[r] or roles[r] <= set(_HEADER_ROLES)):
            bands.append(range(start, r + 1))
            start = r + 1
    return bands


def _visible(cell: GridCell, rows: range) -> range:
    return range(max(cell.row, rows.start), min(cell.row + cell.rowspan, rows.stop))


def _continued(setter: Typesetter, table: TableLayout, cell: GridCell, width: float, height: float) -> list[str]:
    """The lines of a merged label printed again on a continuation page: its text and 「（续）」, as fits."""
    mark = message("PDF_CONTINUED")
    lines = setter.lines(table.style, "".join(table.lines[cell]) + mark, width, "")
    return lines if len(lines) * table.style.pitch <= height else [mark]


def draw_rows(canvas: Canvas, setter: Typesetter, table: TableLayout, rows: range, x: float, top: float) -> None:
    """Draw the cells in ``rows``, the first row's top edge at ``top``; a merged label cut by a page
    break is drawn in each piece, continued ones with 「（续）」."""
    canvas.setLineWidth(TABLE_RULE)
    style, pad = table.style, _pad_x(table.style)
    cells = [c for c in table.grid.cells if _visible(c, rows)]
    for cell in sorted(cells, key=lambda c: (c.row, c.col)):  # reading order
        shown = _visible(cell, rows)
        left = x + _span(table.widths, 0, cell.col)
        upper = top - table.height(range(rows.start, shown.start))
        w, h = _span(table.widths, cell.col, cell.colspan), table.height(shown)
        canvas.rect(left, upper - h, w, h, stroke=1, fill=0)
        lines = table.lines[cell] if shown.start == cell.row else _continued(setter, table, cell, w - 2 * pad, h)
        first_top = upper - (h - len(lines) * style.pitch) / 2
        cell_style = TextStyle(style.role, style.size, style.pitch, align=_ALIGN[cell.role])
        for i, line in enumerate(lines):
            baseline = first_top - i * style.pitch - (style.pitch - style.size) / 2 - EM_ASCENT * style.size
            setter.draw(canvas, cell_style, line, left + pad, baseline, w - 2 * pad, last=i == len(lines) - 1)
