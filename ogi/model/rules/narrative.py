"""Rule kind ``figures``: the figures a narrative states must agree with the tables they restate.

The statements (wording → cells) are data in the rule (see :mod:`ogi.model.narrative.spec`);
this module compares what :func:`~ogi.model.narrative.extract.extract` found with the cells,
and, given last year's report, the stated year-on-year changes. A blank cell makes the
comparison incomplete, never a disagreement.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ogi.model.messages import shorten, text
from ogi.model.narrative.extract import Change, Mention, extract
from ogi.model.narrative.spec import PERCENT, Spec, Statement, build
from ogi.model.report import Report
from ogi.model.rules.common import fmt, section_title
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import READS_TEXT_AND_CELLS, RuleKind, register
from ogi.model.rules.texts import check_sections
from ogi.model.schema import Instance, Number, Rule

_SPECS: dict[int, tuple[Rule, Spec]] = {}
_QUOTE = 60


def spec_of(rule: Rule) -> Spec:
    """The compiled statements of a ``figures`` rule of a loaded form."""
    kept, spec = _SPECS[id(rule)]
    assert kept is rule
    return spec


def narrative_spec(form) -> tuple[Instance, Spec] | None:
    """The form's narrative rule instance and statements, if it has one."""
    inst = next((i for i in form.instances if i.rule.kind == "figures"), None)
    return None if inst is None else (inst, spec_of(inst.rule))


def _expand(ctx, rule: Rule, scope) -> list[Instance]:
    check_sections(ctx, rule, scope)
    spec = build(ctx, rule, scope.cells)
    _SPECS[id(rule)] = (rule, spec)
    cells = tuple(dict.fromkeys(c for s in spec.statements for c in s.cells))
    return [Instance(key=rule.id, rule=rule, place="", parts=cells)]


def agrees(stated: Decimal, table: Number, places: int) -> bool:
    """Equal to the precision of both: 「1.23万元」 agrees with 1.2345, 「3000元」 with 0.3 万元."""
    exponent = stated.normalize().as_tuple().exponent
    digits = min(max(0, -exponent) if isinstance(exponent, int) else 0, places)
    step = Decimal(1).scaleb(-digits)
    return stated.quantize(step, ROUND_HALF_UP) == Decimal(table).quantize(step, ROUND_HALF_UP)


def cells_name(report: Report, s: Statement) -> str:
    if s.name:
        return s.name
    first = report.form.place_of(s.cells[0])
    return first if len(s.cells) == 1 else text("NARRATIVE_CELLS", first=first, count=len(s.cells))


def table_value(report: Report, cells: tuple[str, ...]) -> Number | None:
    values = [report.value(c) for c in cells]
    return None if any(v is None for v in values) else sum(values)  # type: ignore[return-value]


def _evaluate(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    spec, out = spec_of(inst.rule), []
    for sid in spec.sections:
        body = report.texts.get(sid, "")
        if body:
            found, keys = extract(spec, body), _Keys(f"{inst.key}/{sid}")
            out += [f for m in found.mentions for f in _compare(inst, report, sid, body, m, keys)]
            if previous is not None:
                out += [f for c in found.changes for f in _compare_change(inst, report, previous, sid, body, c, keys)]
    return out


class _Keys:
    """Stable finding keys (notes are keyed by them): statement and stated figure, numbered if repeated."""

    def __init__(self, prefix: str) -> None:
        self.prefix, self.seen = prefix, {}

    def __call__(self, *parts: str) -> str:
        key = "/".join((self.prefix, *parts))
        self.seen[key] = self.seen.get(key, 0) + 1
        return key if self.seen[key] == 1 else f"{key}#{self.seen[key]}"


def _compare(inst, report, sid, body, m: Mention, keys: _Keys) -> list[Finding]:
    s, place = m.statement, section_title(report.form, sid)
    quote, key = shorten(body[m.start : m.end], _QUOTE), keys(s.id, fmt(m.stated))
    table = table_value(report, s.cells)
    if table is None:
        missing = [report.form.place_of(c) for c in s.cells if report.value(c) is None]
        msg = text(
            "NARRATIVE_INCOMPLETE", place=place, quote=quote, cells="、".join(missing[:3]) + ("等" if len(missing) > 3 else "")
        )
        return [_finding(inst, key, "incomplete", place, msg, sid, m, s.cells)]
    if agrees(m.stated, table, s.places):
        return []
    shown = _with_unit(report, s, table)
    msg = inst.rule.message.format(place=place, quote=quote, stated=m.figure.written, table=shown, cells=cells_name(report, s))
    return [_finding(inst, key, inst.rule.severity, place, msg, sid, m, s.cells, m.stated, table)]


def _with_unit(report: Report, s: Statement, value: Number) -> str:
    vtype = report.form.cells[s.cells[0]].type
    return fmt(value) + (vtype.units[0] if vtype.kind == "decimal" and vtype.units else "")


def _finding(inst, key, severity, place, msg, sid, m, cells, reported=None, computed=None) -> Finding:
    fig = m.figure
    return Finding(
        key,
        inst.rule.id,
        severity,
        place,
        msg,
        cells,
        missing=cells if severity == "incomplete" else (),
        reported=reported,
        computed=computed,
        section=sid,
        instance=inst.key,
        flagged=cells if severity != "incomplete" else (),
        span=(fig.start, fig.end) if fig else (m.start, m.end),
    )


def _compare_change(inst, report, previous, sid, body, c: Change, keys: _Keys) -> list[Finding]:
    s = c.mention.statement
    if not all(cell in previous.form.cells for cell in s.cells):
        return []
    now, last = table_value(report, s.cells), table_value(previous, s.cells)
    if now is None or last is None or _change_agrees(c, Decimal(now), Decimal(last)):
        return []
    actual = text("NARRATIVE_CHANGE", change=_describe(c, Decimal(now), Decimal(last)))
    cells = text("NARRATIVE_YEARS", cells=cells_name(report, s), now=fmt(now), last=fmt(last))
    written = c.figure.written if c.figure else body[c.start : c.end]
    place, quote = section_title(report.form, sid), shorten(body[c.start : c.end], _QUOTE)
    msg = inst.rule.message.format(place=place, quote=quote, stated=written, table=actual, cells=cells)
    key = keys(s.id, "change", written)
    return [_finding(inst, key, inst.rule.severity, place, msg, sid, c, s.cells)]


def _change_agrees(c: Change, now: Decimal, last: Decimal) -> bool:
    if c.figure is None:
        return now == last
    sign = 1 if c.direction == "up" else -1
    if c.figure.unit == PERCENT:
        if last == 0:
            return True  # no percentage of nothing: left alone
        return agrees(c.figure.value, sign * (now - last) * 100 / last, 6)
    return agrees(c.figure.value * c.mention.statement.units[c.figure.unit], sign * (now - last), c.mention.statement.places)


def _describe(c: Change, now: Decimal, last: Decimal) -> str:
    if now == last:
        return text("NARRATIVE_FLAT")
    if c.figure is not None and c.figure.unit == PERCENT and last != 0:
        pct = abs((now - last) * 100 / last).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return text("NARRATIVE_UP_PCT" if now > last else "NARRATIVE_DOWN_PCT", pct=fmt(pct))
    return text("NARRATIVE_UP" if now > last else "NARRATIVE_DOWN", delta=fmt(abs(now - last)))


register(
    RuleKind(
        "figures",
        frozenset({"sections", "units", "statements"}),
        frozenset({"changes", "draft", "ignore"}),
        frozenset({"place", "quote", "stated", "table", "cells"}),
        _evaluate,
        reads=READS_TEXT_AND_CELLS,
        expand=_expand,
    )
)
