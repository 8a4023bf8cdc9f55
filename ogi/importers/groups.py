"""表四 as published in pieces: split by column group, or under a header broken beyond matching.

**Split.**
Converters from PDF (and some sites) split 表四's one row of fifteen values into three tables,
each under a line naming its group and with its own header::

    行政复议
    | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
    | 27 | 10 | 9 | 15 | 61 |
    行政诉讼（未经复议直接起诉）
    | 结果维持 | … |

A group is read only when its name (from the form definition: 「行政复议」, 「未经复议直接起诉」
with or without 「行政诉讼」 and brackets) is followed at once by a header naming each of the
group's columns exactly once and then by a row that places (``align.place``) into them. The
values go to the columns the header names, in the header's order. Every group of the table
must be read so, or none is: a half-read split table is left to the usual single-row reading.

**Broken header.** Text taken from a PDF can break 表四's header into fragments that name no
column (「结果结果其他尚未」, 「维持纠正结果审结…」) while its one row of values stays a real table row
(Markdown ``| 1 | 0 | … |``). That row is read in the form's column order only when it is the
section's one table row holding values and no text, it places into the row's width, and the
header text before it names the groups in the form's order (「行政复议」…「未经复议直接起诉」
…「复议后起诉」): the header is the standard one, only unreadable cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ogi.importers.tokens import Kind, Token, kind, norm
from ogi.model.schema import Block, Leaf

_BRACKETS = str.maketrans("", "", "()[]【】")
Placer = Callable[[Sequence[str], int], "list[str | None] | None"]  # align.place
Placed = list[tuple[Leaf, str | None]]  # (column, raw value or None for a published blank)


@dataclass(frozen=True)
class Group:
    names: frozenset[str]  # how the group's heading may be printed, normalised, without brackets
    columns: dict[str, Leaf]  # norm(column label) → the column it names


def groups(block: Block) -> list[Group]:
    """The column groups of a block with a two-or-more-level header, in the form's order."""
    found: dict[tuple[str, ...], dict[str, Leaf]] = {}
    for leaf in block.column_leaves:
        if len(leaf.labels) < 2:
            return []
        found.setdefault(leaf.labels[:-1], {})[norm(leaf.labels[-1])] = leaf
    return [Group(_names(parents), columns) for parents, columns in found.items()]


def _names(parents: tuple[str, ...]) -> frozenset[str]:
    """「行政诉讼」「复议后起诉」 → 行政诉讼复议后起诉, 复议后起诉 (the own label alone is enough)."""
    return frozenset(_key("".join(parents[i:])) for i in range(len(parents)))


def _key(text: str) -> str:
    return norm(text).translate(_BRACKETS)


def read_groups(block: Block, tokens: Sequence[Token], start: int, end: int, place: Placer) -> Placed | None:
    """Every column with its raw value (None: blank), or None unless every group is read."""
    wanted = groups(block)
    if len(wanted) < 2:
        return None
    out: Placed = []
    for group in wanted:
        found = _find(group, tokens, start, end, place)
        if found is None:
            return None
        out.extend(found)
    return out


def _find(group: Group, tokens: Sequence[Token], start: int, end: int, place: Placer) -> Placed | None:
    for i in range(start, end):
        if kind(tokens[i].text) is Kind.TEXT and _key(tokens[i].text) in group.names:
            found = _read_at(group, tokens, i + 1, end, place)
            if found is not None:
                return found
    return None


def _read_at(group: Group, tokens: Sequence[Token], i: int, end: int, place: Placer) -> Placed | None:
    """The header right after the group's name, then its one row of values."""
    header: list[Leaf] = []
    while i < end and kind(tokens[i].text) is Kind.TEXT and norm(tokens[i].text) in group.columns:
        header.append(group.columns[norm(tokens[i].text)])
        i += 1
    if len(header) != len(group.columns) or len(set(map(id, header))) != len(header):
        return None
    cells = []
    row = tokens[i].row if i < end else None
    while i < end and kind(tokens[i].text) is not Kind.TEXT and tokens[i].row == row:
        cells.append(tokens[i].text)
        i += 1
    placed = place(cells, len(header))
    return None if placed is None else list(zip(header, placed, strict=True))


def lone_row(block: Block, tokens: Sequence[Token], start: int, end: int, place: Placer) -> list[str] | None:
    """The cells of the section's one table row of values under a standard header, or None."""
    rows: dict[int, list[str]] = {}
    texts: set[int] = set()
    for token in tokens[start:end]:
        if token.row is not None:
            (texts.add(token.row) if kind(token.text) is Kind.TEXT else rows.setdefault(token.row, []).append(token.text))
    valued = [r for r, cells in rows.items() if r not in texts and any(kind(c) is Kind.NUMBER for c in cells)]
    if len(valued) != 1 or place(rows[valued[0]], len(block.column_leaves)) is None:
        return None
    first = next(i for i in range(start, end) if tokens[i].row == valued[0])
    return rows[valued[0]] if _names_groups_in_order(block, tokens[start:first]) else None


def _names_groups_in_order(block: Block, header: Sequence[Token]) -> bool:
    joined = "".join(_key(t.text) for t in header if kind(t.text) is Kind.TEXT)
    at = 0
    for group in groups(block):
        own = min(group.names, key=len)  # the group's own label: 「行政复议」, 「复议后起诉」
        at = joined.find(own, at)
        if at < 0:
            return False
        at += len(own)
    return True
