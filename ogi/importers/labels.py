"""Matching published labels to the form definition: tolerant, but never ambiguous.

Every label comes from the form definition (``forms/*.json``); this module only knows how
published labels *vary*: spaces and line breaks inside a label, half-width brackets, quotes,
a group label written in the same cell (「（三）不予公开 1.属于国家秘密」), a provincial remark
in brackets after the label, and the old wording of the other edition. A published label that
matches more than one row matches none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ogi.importers.tokens import norm
from ogi.model.schema import Block, Form, Leaf

# Published wording of the other edition, as printed in reports that mixed the two formats
# (e.g. 沭阳县发改局 2023: 「规范性文件」 in the 2021 表二). The key is the form's label.
OLD_WORDING: dict[str, tuple[str, ...]] = {
    "行政规范性文件": ("规范性文件",),
    "规范性文件": ("行政规范性文件",),
}
_SECTION_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class RowRef:
    table: str
    block: int
    leaf: Leaf


# The enumerator a row label starts with: 「一、」「（一）」「(一)」「1.」「1、」.
_ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])\s*")
_MIN_BARE = 4  # a label without its enumerator is used only when this long (「其他」 never is)


def _row_names(leaf: Leaf) -> set[str]:
    own = leaf.labels[-1]
    names = {own, *OLD_WORDING.get(own, ())}
    for start in range(len(leaf.labels) - 1):
        names.add("".join(leaf.labels[start:]))  # group label in the same cell
    keys = {norm(n) for n in names}
    bare = norm(_ENUMERATOR.sub("", own))  # 「本年新收政府信息公开申请数量」 printed without 「一、」
    if len(bare) >= _MIN_BARE:
        keys.add(bare)
    return keys


@cache
def row_index(form: Form, table: str) -> dict[str, RowRef | None]:
    """norm(label) → row; None marks a label shared by two rows (ambiguous, never used)."""
    index: dict[str, RowRef | None] = {}
    columns = column_names(form, table)
    for b, block in enumerate(form.tables[table].blocks):
        for leaf in block.row_leaves:
            if not leaf.path:
                continue
            for name in _row_names(leaf) - columns:
                ref = RowRef(table, b, leaf)
                index[name] = ref if index.get(name, ref) == ref else None
    return index


_REMARK = re.compile(r"\((?!.*\)).*$|\([^()]*\)$")  # a trailing remark in brackets, closed or cut off


def match_row(form: Form, table: str, text: str) -> RowRef | None:
    """The row a published label names, or None (no row, or more than one)."""
    key = norm(text)
    if not key:
        return None
    index = row_index(form, table)
    if key in index:
        return index[key]
    bare = _REMARK.sub("", key)  # 「行政许可(指2019年办件量)」, 「其他对外管理服务事项(指行政许可以」
    return index.get(bare) if bare and bare != key else None


@cache
def column_names(form: Form, table: str) -> frozenset[str]:
    """Every column label of a table, normalised (for the edition and for 表四's header)."""
    names: set[str] = set()
    for block in form.tables[table].blocks:
        for leaf in block.column_leaves:
            names.update(norm(label) for label in leaf.labels)
    return frozenset(names)


@cache
def edition_marks(form: Form) -> frozenset[str]:
    """Labels of 表二's columns and rows and 表三's rows: what tells an edition apart."""
    marks = set(column_names(form, "t2"))
    for table in ("t2", "t3"):
        marks.update(k for k, v in row_index(form, table).items() if v is not None)
    return frozenset(marks)


def block_width(block: Block) -> int:
    return len(block.column_leaves)


def section_key(title: str) -> tuple[str, str]:
    """「五、存在的主要问题及改进情况」 → ("5", "存在的主要问题及改进情况")."""
    head, _, body = title.partition("、")
    return str(_SECTION_NUMERALS.index(head) + 1), norm(body)


def is_heading(text: str, title: str) -> bool:
    """A published section heading: 「五、存在的主要问题及整改措施」, 「1、 总体情况」, 「四、政府信息公开行政复议、行政诉讼情况」."""
    key = norm(text)
    if len(key) > 40:
        return False
    number, body = section_key(title)
    for numeral in (title.partition("、")[0], number):
        if key.startswith(numeral) and not key[len(numeral) : len(numeral) + 1].isdigit():
            rest = _unqualified(key[len(numeral) :], body)
            return _common_prefix(rest, body) >= min(2, len(body))
    other = _NUMERAL.match(key)  # renumbered (「三、政府信息公开行政复议、行政诉讼情况」): the whole title
    return other is not None and _unqualified(key[other.end() :], body) == body


_NUMERAL = re.compile(r"^(?:[一二三四五六七八九十]+|\d+)")
_QUALIFIERS = ("政府信息公开工作", "政府信息公开")  # 「五、政府信息公开工作存在的主要问题及改进情况」


def _unqualified(rest: str, body: str) -> str:
    """A heading without the 「政府信息公开工作」 its title does not have."""
    for qualifier in _QUALIFIERS:
        if rest.startswith(qualifier) and not body.startswith(qualifier):
            return rest[len(qualifier) :]
    return rest


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
