"""The rule engine: rule kinds (one registry entry each) evaluated into findings.

Which kinds a form uses, on which cells, with what severity and wording, is data in
``forms/``; how each kind is validated, expanded, watched and evaluated is one entry of
:data:`~ogi.model.rules.registry.KINDS`. A rule whose inputs are blank is *incomplete* (it says
which cells are missing), never failed: blank is not 0.
"""

from __future__ import annotations

from ogi.model.report import Report
from ogi.model.rules import cells, figures, meta, narrative, tables, texts, years  # noqa: F401  (each module registers its kinds)
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import KINDS, RuleKind, kind_of
from ogi.model.rules.tables import carried_values
from ogi.model.schema import Instance

__all__ = ["KINDS", "Finding", "RuleKind", "carried_values", "evaluate", "kind_of"]


def evaluate(inst: Instance, report: Report, previous: Report | None = None) -> list[Finding]:
    """All findings of one instance (usually zero or one)."""
    return KINDS[inst.rule.kind].evaluate(inst, report, previous)
