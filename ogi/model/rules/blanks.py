"""Say what is blank in a table part the way a clerk sees it: whole columns, whole rows, or a few cells.

「只填了总计列」 tells the clerk what happened; 150 cell names do not. The full list stays on the
finding (its ``missing`` cells) for the window and the JSON output.
"""

from __future__ import annotations

from ogi.model.messages import text
from ogi.model.report import Report

_NAMED = 3  # name at most this many lines/cells, then 「等」


def _names(names: list[str]) -> str:
    return "、".join(names[:_NAMED]) + ("等" if len(names) > _NAMED else "")


def blank_detail(report: Report, table: str, block: int, blank: tuple[str, ...]) -> str:
    """「，只填了总计列」, 「，未填写：商业企业、科研机构等 5 列」, 「，未填写：行政许可」 …"""
    cells = [c for c in report.form.cells.values() if c.table == table and c.block == block]
    empty = set(blank)
    by_column: dict[str, list[str]] = {}
    by_row: dict[str, list[str]] = {}
    last = {c.column.place: c.column.labels[-1] for c in cells}  # 「行政复议 总计」 → 「总计」
    for c in cells:
        by_column.setdefault(c.column.place, []).append(c.id)
        by_row.setdefault(c.row.place, []).append(c.id)
    if len(empty) == len(cells):
        return ""
    blank_cols = [name for name, ids in by_column.items() if empty.issuperset(ids)]
    blank_rows = [name for name, ids in by_row.items() if empty.issuperset(ids)]
    if len(by_column) > 1 and blank_cols and sum(len(by_column[n]) for n in blank_cols) == len(empty):
        filled = list(dict.fromkeys(last[n] for n in by_column if n not in blank_cols))
        if len(filled) <= _NAMED:
            return text("BLANK_ONLY_COLUMNS", filled="、".join(filled))
        return text("BLANK_COLUMNS", names=_names(blank_cols), count=len(blank_cols))
    if len(by_row) > 1 and blank_rows and sum(len(by_row[n]) for n in blank_rows) == len(empty):
        return text("BLANK_ROWS", names=_names(blank_rows), count=len(blank_rows))
    filled = [c.place for c in cells if c.id not in empty]
    if len(filled) <= _NAMED:
        return text("BLANK_ONLY_CELLS", filled="、".join(filled))
    return text("BLANK_CELLS", names=_names([report.form.cells[c].place for c in blank]))
