"""One registry entry per rule kind: everything about a kind lives in one place.

A kind declares the parameters a form file may give it, the fields its message template may
use, how a rule of that kind becomes concrete instances when the form loads, what the checker
must watch to re-evaluate it, and how it is evaluated into findings (which carry the cells they
flag). The loader, the expander and the checker only consult this table; adding a rule kind is
one ``register(RuleKind(...))`` in one module of this package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ogi.model.report import Report
from ogi.model.rules.finding import Finding
from ogi.model.schema import Instance

# What the checker watches for an instance: its own cells, every cell, the texts or the metadata.
READS_CELLS, READS_ALL_CELLS, READS_TEXT, READS_META = "cells", "all_cells", "@text", "@meta"
READS_TEXT_AND_CELLS = "@text+cells"  # the texts and its own cells (a narrative compared with the tables)

Evaluate = Callable[[Instance, Report, "Report | None"], list[Finding]]


@dataclass(frozen=True)
class RuleKind:
    name: str
    required: frozenset[str]  # parameters besides id/kind/severity/message
    optional: frozenset[str]
    fields: frozenset[str]  # names its message template may use: {place}, {reported} …
    evaluate: Evaluate
    reads: str = READS_CELLS
    expand: Callable | None = None  # (ctx, rule, scope) -> list[Instance]; None: one instance, no cells
    defines_totals: bool = False  # a "computed" rule of this kind makes its total automatic


KINDS: dict[str, RuleKind] = {}


def register(kind: RuleKind) -> RuleKind:
    if kind.name in KINDS:
        raise RuntimeError(f"rule kind {kind.name} registered twice")
    KINDS[kind.name] = kind
    return kind


def kind_of(name: str) -> RuleKind:
    return KINDS[name]
