"""Workbook addresses on findings: a clerk who edits the report in Excel finds the cell.

When a report was read from a workbook, :attr:`Report.addresses` maps cell ids to 「表三!D7」;
each finding then names the addresses of the cells it flags (a failing total, a balance's four
cells) or, for a group of blank cells, the block they span (「表三!D6:I30」).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ogi.model.messages import text
from ogi.model.report import Report
from ogi.model.rules.finding import Finding

_ADDRESS = re.compile(r"^(.*)!([A-Z]+)(\d+)$")
_LISTED = 4  # name at most this many single cells


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _span(addresses: list[str]) -> str:
    """「表三!D6:I30」 for cells on one sheet; the first address otherwise."""
    parts = [m.groups() for a in addresses if (m := _ADDRESS.match(a))]
    if not parts or len({p[0] for p in parts}) != 1:
        return addresses[0]
    first = min(parts, key=lambda p: (int(p[2]), _column_number(p[1])))
    cols = sorted((p[1] for p in parts), key=_column_number)
    rows = sorted(int(p[2]) for p in parts)
    return f"{first[0]}!{cols[0]}{rows[0]}:{cols[-1]}{rows[-1]}"


def where(report: Report, cells: tuple[str, ...]) -> str:
    found = [report.addresses[c] for c in cells if c in report.addresses]
    if len(found) > _LISTED:
        return _span(found)
    return "、".join(found)


def with_addresses(report: Report, findings: list[Finding]) -> list[Finding]:
    """Add 「（工作簿 表三!D7）」 to every finding about cells, when the report came from a workbook."""
    if not report.addresses:
        return findings
    out = []
    for f in findings:
        cells = (f.culprit,) if f.culprit else f.flagged or f.missing
        at = where(report, cells) if cells and not any(c in report.invalid for c in cells[:1]) else ""
        out.append(replace(f, message=f.message + text("WORKBOOK_AT", where=at)) if at else f)
    return out
