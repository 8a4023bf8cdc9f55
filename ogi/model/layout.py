"""The official table as a grid of merged cells, computed from a table definition.

The window, the workbook and the PDF all draw this same grid, so all three show the
paper form cell for cell (captions, corner note, nested headers, merged row labels).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ogi.model.rules.tables import cell_id
from ogi.model.schema import Block, HeaderNode, Table

CAPTION, CORNER, COLUMN, ROW, VALUE = "caption", "corner", "column", "row", "value"


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    role: str  # caption | corner | column | row | value
    text: str = ""  # the label, for every role but value
    cell_id: str = ""  # for value cells


@dataclass(frozen=True)
class Grid:
    table: Table
    width: int
    height: int
    cells: tuple[GridCell, ...]
    label_columns: int  # how many leading grid columns hold row labels
    header_rows: int  # rows at the top to repeat when the table continues on a new page

    def value_cells(self) -> list[GridCell]:
        return [c for c in self.cells if c.role == VALUE]

    def at(self) -> dict[tuple[int, int], GridCell]:
        """Top-left (row, col) → cell."""
        return {(c.row, c.col): c for c in self.cells}


def _depth(nodes: tuple[HeaderNode, ...]) -> int:
    return max((1 + _depth(n.children) for n in nodes), default=0)


def _width(node: HeaderNode) -> int:
    return node.span if node.is_leaf else sum(_width(c) for c in node.children)


def _height(node: HeaderNode) -> int:
    return 1 if node.is_leaf else sum(_height(c) for c in node.children)


def _columns(nodes, top: int, left: int, depth: int, levels: int, out: list) -> None:
    for node in nodes:
        rowspan = levels - depth if node.is_leaf else 1
        out.append(GridCell(top + depth, left, rowspan, _width(node), COLUMN, node.label))
        _columns(node.children, top, left, depth + 1, levels, out)
        left += _width(node)


def _rows(nodes, top: int, depth: int, levels: int, out: list) -> None:
    for node in nodes:
        colspan = levels - depth if node.is_leaf else 1
        out.append(GridCell(top, depth, _height(node), colspan, ROW, node.label))
        _rows(node.children, top, depth + 1, levels, out)
        top += _height(node)


def _block(table: Table, block: Block, top: int, width: int, out: list) -> int:
    if block.caption:
        out.append(GridCell(top, 0, 1, width, CAPTION, block.caption))
        top += 1
    col_levels, row_levels = _depth(block.columns), _depth(block.rows)
    if row_levels:
        out.append(GridCell(top, 0, col_levels, row_levels, CORNER, block.corner or ""))
    _columns(block.columns, top, row_levels, 0, col_levels, out)
    body = top + col_levels
    _rows(block.rows, body, 0, row_levels, out)
    for i, row in enumerate(block.row_leaves):
        left = row_levels
        for col in block.column_leaves:
            out.append(GridCell(body + i, left, 1, col.span, VALUE, cell_id=cell_id(table.id, row.path, col.path)))
            left += col.span
    return body + len(block.row_leaves)


@cache
def table_grid(table: Table) -> Grid:
    """The grid of ``table``: blocks stacked top to bottom, all of one width."""
    first = table.blocks[0]
    label_columns = _depth(first.rows)
    width = label_columns + sum(leaf.span for leaf in first.column_leaves)
    out: list[GridCell] = []
    top = 0
    for block in table.blocks:
        top = _block(table, block, top, width, out)
    header_rows = _depth(first.columns) + (1 if first.caption else 0) if len(table.blocks) == 1 else 0
    return Grid(table, width, top, tuple(out), label_columns, header_rows)
