"""Rule kind ``carried_stock``: a stock this year equals last year's stock plus additions minus removals.

表二 (2021 edition): 现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数, for 规章 and
行政规范性文件. Only with last year's report, and a warning: clean-up campaigns and documents that
expire legitimately break it, and the clerk explains with a 说明.
"""

from __future__ import annotations

from ogi.model.report import Report
from ogi.model.rules.common import NUMBER_FIELDS, add, failed, fmt
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import RuleKind, register
from ogi.model.rules.tables import per_item, this_and_last_year
from ogi.model.schema import Instance, Rule


def _expand(ctx, rule: Rule, scope) -> list[Instance]:
    out = []
    for table, key, _label, res in per_item(ctx, rule, scope):
        cell, previous = this_and_last_year(ctx, rule, res)
        place = f"{table.name} {scope.cells[cell].row.place}"
        out.append(Instance(key, rule, place, cell, res("plus"), res("minus"), table.id, (previous,)))
    return out


def _evaluate(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    if previous is None or inst.previous[0] not in previous.form.cells:
        return []
    last = previous.value(inst.previous[0])
    now = report.value(inst.total)
    plus = [report.value(c) for c in inst.parts]
    minus = [report.value(c) for c in inst.right]
    if last is None or now is None or None in plus or None in minus:
        return []  # blank cells are listed by the completeness findings
    computed = last + add(plus) - add(minus)
    if now == computed:
        return []
    terms = {"last": fmt(last), "plus": fmt(add(plus)), "minus": fmt(add(minus))}
    return failed(inst, now, computed, (inst.total,), **terms)


register(
    RuleKind(
        "carried_stock",
        frozenset({"table", "cell", "previous", "plus", "minus"}),
        frozenset({"each"}),
        NUMBER_FIELDS | {"last", "plus", "minus"},
        _evaluate,
        expand=_expand,
    )
)
