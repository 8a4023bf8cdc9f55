"""Which cells a finding colours, and how (plain Python, so it is cheap to run per keystroke).

A failing sum colours its total (the cell that disagrees), a failing balance colours
every cell of its equation, an unreadable entry colours itself; the likely culprit the
Checker names is marked on top of that. Incomplete findings colour nothing: a blank cell
is shown blank, and counted in the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ogi.rules import Finding
from ogi.schema import Form, Instance

_RANK = {"error": 0, "warning": 1, "accepted": 2}


@dataclass(frozen=True)
class CellMark:
    severity: str  # "error" | "warning" | "accepted" (a warning the clerk explained)
    culprit: bool
    messages: tuple[str, ...]


_INSTANCES: dict[str, dict[str, Instance]] = {}  # by form id: hashing a whole Form per keystroke is slow


def instance_of(form: Form, finding: Finding) -> Instance | None:
    """Per-item findings carry ``<instance key>/<item>``; plain ones the instance key."""
    known = _INSTANCES.get(form.id)
    if known is None:
        known = _INSTANCES[form.id] = {inst.key: inst for inst in form.instances}
    return known.get(finding.key) or known.get(finding.key.rsplit("/", 1)[0])


def flagged_cells(form: Form, finding: Finding) -> tuple[str, ...]:
    if finding.severity == "incomplete" or not finding.cells:
        return ()
    inst = instance_of(form, finding)
    kind = inst.rule.kind if inst else ""
    if kind in ("sum", "previous"):
        return finding.cells[:1]
    if kind in ("balance", "type"):
        return finding.cells
    return ()


def marks_for(form: Form, findings: list[Finding], notes: dict[str, str]) -> dict[str, CellMark]:
    found: dict[str, tuple[str, bool, list[str]]] = {}
    for f in findings:
        severity = "accepted" if f.severity == "warning" and notes.get(f.key) else f.severity
        cells = list(flagged_cells(form, f))
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
