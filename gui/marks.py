"""Which cells a finding colours, and how (plain Python, so it is cheap to run per keystroke).

A failing sum colours its total (the cell that disagrees), a failing balance colours
every cell of its equation, an unreadable entry colours itself; the likely culprit the
Checker names is marked on top of that. Incomplete findings colour nothing: a blank cell
is shown blank, and counted in the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ogi.model.rules import Finding

_RANK = {"error": 0, "warning": 1, "accepted": 2}


@dataclass(frozen=True)
class CellMark:
    severity: str  # "error" | "warning" | "accepted" (a warning the clerk explained)
    culprit: bool
    messages: tuple[str, ...]


def flagged_cells(finding: Finding) -> tuple[str, ...]:
    """The cells a finding colours, as the rule kind decided; incomplete findings colour nothing."""
    return () if finding.severity == "incomplete" else finding.flagged


def marks_for(findings: list[Finding], notes: dict[str, str]) -> dict[str, CellMark]:
    found: dict[str, tuple[str, bool, list[str]]] = {}
    for f in findings:
        severity = "accepted" if f.severity == "warning" and notes.get(f.key) else f.severity
        cells = list(flagged_cells(f))
        if f.culprit and f.culprit not in cells:
            cells.append(f.culprit)
        for cell in cells:
            sev, culprit, messages = found.get(cell, (severity, False, []))
            if _RANK.get(severity, 9) < _RANK.get(sev, 9):
                sev = severity
            note = notes.get(f.key)
            messages.append(f.message + ("\n" + QCoreApplication.translate("CellMarks", "说明：") + note if note else ""))
            found[cell] = (sev, culprit or cell == f.culprit, messages)
    return {c: CellMark(s, k, tuple(m)) for c, (s, k, m) in found.items()}
