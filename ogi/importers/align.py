"""Placing what was read into the form's cells — or leaving cells blank and saying why.

The rule is *never guess*. A row's values follow its label; they are placed only when the
count settles where each one goes:

- exactly as many values (numbers and published blanks — / -) as the row has columns: in order;
- or exactly as many cells (values and empty cells) as columns: by position;

a trailing empty filler left by a merged cell is dropped first (never a leading one: the label
anchors the row). Anything else — fewer values than columns with no empty cells to place them,
surplus values, a row cut off at the end of the source — leaves the whole row blank, reported.
A wrong value is worse than a missing one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ogi.importers.groups import lone_row, read_groups
from ogi.importers.labels import RowRef, block_width, column_names, match_row
from ogi.importers.tokens import Kind, Token, flat_number, kind, norm
from ogi.model.messages import text
from ogi.model.schema import Form, Leaf, Number
from ogi.model.values import parse

_LABEL_PARTS = 3  # a label broken over at most this many lines or cells


@dataclass
class Reading:
    """What the tables gave: values by cell, cells left blank on purpose, and why others were not read."""

    values: dict[str, Number] = field(default_factory=dict)
    blank: set[str] = field(default_factory=set)  # published blanks and empty cells: read, and blank
    notes: list[str] = field(default_factory=list)
    rows_unread: int = 0


@cache
def _cell_ids(form: Form) -> dict[tuple[str, str, str], str]:
    return {(c.table, c.row.path, c.column.path): c.id for c in form.cells.values()}


def place(cells: Sequence[str], width: int) -> list[str | None] | None:
    """The value for each column (None: blank), or None when placing them would be a guess."""
    cells = list(cells)
    kinds = [kind(c) for c in cells]
    while len(cells) > width and kinds[-1] is Kind.EMPTY:
        cells.pop()
        kinds.pop()
    filled = [c for c, k in zip(cells, kinds, strict=False) if k is not Kind.EMPTY]
    if len(filled) == width:
        return [c if kind(c) is Kind.NUMBER else None for c in filled]
    if len(cells) == width:
        return [c if k is Kind.NUMBER else None for c, k in zip(cells, kinds, strict=False)]
    return None


def _collect(tokens: Sequence[Token], start: int, end: int, row: int | None) -> tuple[list[str], int]:
    """The cells after a label: up to the next text (or, in a real table, the end of its row).
    A label outside any table row never takes the cells of a table row that follows it."""
    cells, j = [], start
    while j < end and kind(tokens[j].text) is not Kind.TEXT and tokens[j].row == row:
        cells.append(tokens[j].text)
        j += 1
    return cells, j


def _match_at(form: Form, table: str, tokens: Sequence[Token], i: int, end: int) -> tuple[RowRef | None, int]:
    """The row named at ``i``, trying a label broken over up to three lines or cells."""
    joined = ""
    for k in range(i, min(i + _LABEL_PARTS, end)):
        if kind(tokens[k].text) is not Kind.TEXT or tokens[k].row != tokens[i].row:
            break
        joined += tokens[k].text
        ref = match_row(form, table, joined)
        if ref is not None:
            return ref, k + 1
    return None, i + 1


class TableReader:
    """Reads one table's rows from the tokens of its section."""

    def __init__(self, form: Form, table: str, reading: Reading, complete_source: bool) -> None:
        self.form, self.table, self.reading = form, table, reading
        self.name = form.tables[table].name
        self.complete_source = complete_source
        self.done: set[str] = set()

    def read(self, tokens: Sequence[Token], start: int, end: int) -> None:
        if self.table == "t4":
            self._read_headless(tokens, start, end)
        else:
            self._read_labelled(tokens, start, end)
        self._report_missing()

    def _read_labelled(self, tokens: Sequence[Token], start: int, end: int) -> None:
        """Rows by their labels. A label with no value after it in flattened text (a Markdown
        heading that repeats the row's label above its table) may not be the row: when the label
        occurs again, the row is read there; otherwise from what followed it the first time."""
        i = start
        headings: dict[str, tuple[RowRef, list[str], bool]] = {}  # row path → first heading-like sighting
        while i < end:
            if kind(tokens[i].text) is not Kind.TEXT:
                i += 1
                continue
            ref, after = _match_at(self.form, self.table, tokens, i, end)
            if ref is None or ref.leaf.path in self.done:
                i = after
                continue
            cells, i = _collect(tokens, after, end, tokens[after - 1].row)
            cut = i >= len(tokens) and not self.complete_source
            if tokens[after - 1].row is None and all(kind(c) is Kind.EMPTY for c in cells):
                headings.setdefault(ref.leaf.path, (ref, cells, cut))
                continue
            self._row(ref.block, ref.leaf, cells, cut=cut)
        for path, (ref, cells, cut) in headings.items():
            if path not in self.done:
                self._row(ref.block, ref.leaf, cells, cut=cut)

    def _read_headless(self, tokens: Sequence[Token], start: int, end: int) -> None:
        """表四 has one unlabelled row: its values follow the last column label of the header —
        or, split into one small table per column group, each group's follow its own header —
        or, under a header broken beyond matching, it is the section's one table row of values."""
        block = self.form.tables[self.table].blocks[0]
        leaf = block.row_leaves[0]
        split = read_groups(block, tokens, start, end, place)
        if split is not None:
            self.done.add(leaf.path)
            for column, raw in split:
                self._cell(_cell_ids(self.form)[(self.table, leaf.path, column.path)], raw)
            return
        cells, cut = self._after_header(tokens, start, end)
        if cells is None or place(cells, block_width(block)) is None:
            lone = lone_row(block, tokens, start, end, place)
            cells, cut = (lone, False) if lone is not None else (cells, cut)
        if cells is not None:
            self._row(0, leaf, cells, cut=cut)

    def _after_header(self, tokens: Sequence[Token], start: int, end: int) -> tuple[list[str] | None, bool]:
        """The cells after the last column label before the first value (None: no header)."""
        header = column_names(self.form, self.table)
        last = None
        for i in range(start, end):
            k = kind(tokens[i].text)
            if k is Kind.NUMBER or k is Kind.MARK:
                break
            if k is Kind.TEXT and norm(tokens[i].text) in header:
                last = i
        if last is None or last + 1 >= end:
            return None, False
        first = last + 1
        row = tokens[first].row if tokens[first].row != tokens[last].row else None
        cells, j = _collect(tokens, first, end, row)
        return cells, j >= len(tokens) and not self.complete_source

    def _row(self, block: int, leaf: Leaf, cells: list[str], cut: bool) -> None:
        self.done.add(leaf.path)
        columns = self.form.tables[self.table].blocks[block].column_leaves
        width = block_width(self.form.tables[self.table].blocks[block])
        placed = place(cells, width)
        if placed is None:
            self._unread(leaf, cells, width, cut)
            return
        for column, raw in zip(columns, placed, strict=False):
            self._cell(_cell_ids(self.form)[(self.table, leaf.path, column.path)], raw)

    def _cell(self, cell: str, raw: str | None) -> None:
        if raw is None:
            self.reading.blank.add(cell)
            return
        got = parse(flat_number(raw), self.form.cells[cell].type)
        if got.ok and got.value is not None:
            self.reading.values[cell] = got.value
        else:
            where = self.form.place_of(cell)
            self.reading.notes.append(text("IMPORT_BAD_VALUE", place=where, text=raw.strip(), reason=got.error))

    def _unread(self, leaf: Leaf, cells: list[str], width: int, cut: bool) -> None:
        self.reading.rows_unread += 1
        count = sum(kind(c) is not Kind.EMPTY for c in cells)
        row = self._row_name(leaf)
        code = "IMPORT_ROW_CUT" if cut else "IMPORT_ROW_COUNT"
        self.reading.notes.append(text(code, table=self.name, row=row, count=count, width=width))

    def _row_name(self, leaf: Leaf) -> str:
        return leaf.place or text("IMPORT_DATA_ROW")

    def _report_missing(self) -> None:
        rows = [leaf for block in self.form.tables[self.table].blocks for leaf in block.row_leaves]
        missing = [leaf for leaf in rows if leaf.path not in self.done]
        if not missing:
            return
        self.reading.rows_unread += len(missing)
        if len(missing) == len(rows):
            self.reading.notes.append(text("IMPORT_TABLE_MISSING", table=self.name))
            return
        names = "、".join(self._row_name(leaf) for leaf in missing[:6])
        more = text("IMPORT_MORE", count=len(missing)) if len(missing) > 6 else ""
        self.reading.notes.append(text("IMPORT_ROWS_MISSING", table=self.name, rows=names + more))
