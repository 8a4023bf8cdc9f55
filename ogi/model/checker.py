"""A checking session: the findings of one report, kept current edit by edit.

An edit re-evaluates only the instances that read the edited cell or a total derived
from it, so that the window can re-check on every keystroke (see ``bench/``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import cache

from ogi.model.addresses import with_addresses
from ogi.model.report import Invalid, Report
from ogi.model.rules import KINDS, Finding, evaluate
from ogi.model.rules.registry import READS_ALL_CELLS, READS_CELLS, READS_TEXT, READS_TEXT_AND_CELLS
from ogi.model.schema import Form, Instance, Number

SEVERITY_ORDER = {"error": 0, "warning": 1, "incomplete": 2}


@cache
def _index(form: Form) -> dict[str, tuple[Instance, ...]]:
    """cell id → instances that read it; plus pseudo-keys ``@text`` and ``@meta``."""
    by_cell: dict[str, list[Instance]] = defaultdict(list)
    for inst in form.instances:
        reads = KINDS[inst.rule.kind].reads
        watched = inst.cells if reads == READS_CELLS else form.cells if reads == READS_ALL_CELLS else (reads, *inst.cells)
        if reads == READS_TEXT_AND_CELLS:
            watched = (*inst.cells, READS_TEXT)
        for key in watched:
            by_cell[key].append(inst)
    return {k: tuple(v) for k, v in by_cell.items()}


class Checker:
    """Owns nothing but findings: the report stays the single source of the data."""

    def __init__(self, report: Report, previous: Report | None = None) -> None:
        self.report = report
        self.previous = previous
        self._index = _index(report.form)
        self._results: dict[str, list[Finding]] = {}
        self.check_all()

    def check_all(self) -> None:
        self._results = {i.key: evaluate(i, self.report, self.previous) for i in self.report.form.instances}

    def set_previous(self, previous: Report | None) -> None:
        self.previous = previous
        self.check_all()

    def set_value(self, cell: str, value: Number | None) -> list[str]:
        """Enter a value and re-check what depends on it; returns the cells that changed."""
        return self.cells_changed(self.report.set(cell, value))

    def set_invalid(self, cell: str, invalid: Invalid) -> list[str]:
        return self.cells_changed(self.report.set_invalid(cell, invalid))

    def make_automatic(self, cell: str) -> list[str]:
        return self.cells_changed(self.report.make_automatic(cell))

    def cells_changed(self, cells: list[str]) -> list[str]:
        """Re-evaluate the instances reading ``cells`` (after the report was edited directly)."""
        seen: set[str] = set()
        for cell in cells:
            for inst in self._index.get(cell, ()):
                if inst.key not in seen:
                    seen.add(inst.key)
                    self._results[inst.key] = evaluate(inst, self.report, self.previous)
        return cells

    def texts_changed(self) -> None:
        self.cells_changed(["@text"])

    def meta_changed(self) -> None:
        self.cells_changed(["@meta"])

    def findings(self) -> list[Finding]:
        """Every finding, errors first, with likely culprit cells named."""
        flat = _grouped(self.report.form, [f for results in self._results.values() for f in results])
        flat = with_addresses(self.report, _name_culprits(self.report, flat))
        order = {i.key: n for n, i in enumerate(self.report.form.instances)}
        return sorted(flat, key=lambda f: (SEVERITY_ORDER[f.severity], order.get(f.instance, 0)))

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "incomplete": 0}
        for f in _grouped(self.report.form, [f for results in self._results.values() for f in results]):
            out[f.severity] += 1
        return out


@cache
def _listing_rules(form: Form) -> frozenset[str]:
    return frozenset(r.id for r in form.rules if r.kind == "complete")


def _grouped(form: Form, findings: list[Finding]) -> list[Finding]:
    """Blank cells are said once, by the per-part completeness findings (rule kind ``complete``):
    a check of the tables (a sum, a balance) that only waits for cells those findings already list is
    left out. A finding about a text (a figure the narrative states) still says what it waits for."""
    lists = _listing_rules(form)
    listed = {c for f in findings if f.rule in lists for c in f.missing}
    if not listed:
        return findings
    return [
        f
        for f in findings
        if f.rule in lists or f.severity != "incomplete" or f.section not in form.tables or not listed.issuperset(f.missing)
    ]


def _name_culprits(report: Report, findings: list[Finding]) -> list[Finding]:
    """Where two failing sums share exactly one cell and fail by the same amount, name it."""
    failing = [f for f in findings if f.delta is not None and f.severity == "error"]
    culprit: dict[str, str] = {}
    for i, a in enumerate(failing):
        for b in failing[i + 1 :]:
            if a.delta is None or b.delta is None or a.delta not in (b.delta, -b.delta):
                continue
            shared = set(a.cells) & set(b.cells)
            if len(shared) == 1:
                cell = shared.pop()
                culprit.setdefault(a.key, cell)
                culprit.setdefault(b.key, cell)
    if not culprit:
        return findings
    place = report.form.place_of
    return [_blame(f, culprit[f.key], place(culprit[f.key])) if f.key in culprit else f for f in findings]


def _blame(finding: Finding, cell: str, place: str) -> Finding:
    """Name the likely culprit, unless the finding already is about that very cell (say it once)."""
    return replace(finding, culprit=cell) if place in finding.place else finding.with_culprit(cell, place)
