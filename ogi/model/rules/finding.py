"""A finding: one broken (or incomplete) rule, carrying what every reader needs.

The window, the workbook and the PDF never re-derive where a finding points: it names its rule
instance, the cells it flags (coloured), the cells it reads, the blank cells it waits for, and
for metadata and text findings the field or section.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ogi.model.messages import text
from ogi.model.schema import Number


@dataclass(frozen=True)
class Finding:
    key: str  # stable: rule instance key, plus the item for per-item kinds; notes are keyed by it
    rule: str
    severity: str  # "error" | "warning" | "incomplete"
    place: str
    message: str
    cells: tuple[str, ...] = ()  # every cell the check read
    missing: tuple[str, ...] = ()  # blank cells it waits for
    reported: Number | None = None
    computed: Number | None = None
    delta: Number | None = None
    section: str | None = None  # table or text section id, or "meta"
    culprit: str | None = None
    instance: str = ""  # key of the rule instance that produced it
    flagged: tuple[str, ...] = ()  # cells to colour (a failing sum: its total; a balance: all its cells)
    field: str | None = None  # metadata field id, for section "meta"
    span: tuple[int, int] | None = None  # text findings: the characters of the section's text they point at

    def with_culprit(self, cell: str, place: str) -> Finding:
        return replace(self, culprit=cell, message=self.message + text("CULPRIT", place=place))
