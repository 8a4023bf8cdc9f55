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
    kept, spec = _SPECS.get(id(rule), (None, None))
    if kept is not rule or spec is None:
        raise KeyError(rule.id)
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
    """Equal to the precision of both: 「1.23万元」 agrees with 1.2345, 「3000元」 with 0.3 万元; zero only with zero."""
    if isinstance(table, int) and stated == table:
        return True
    if stated == 0 or table == 0:
        return stated == table  # 「未收取」「0万元」 is exact: 3000元 does not round to it
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
    values = [v for v in (report.value(c) for c in cells) if v is not None]
    return sum(values) if len(values) == len(cells) else None


def _evaluate(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    spec, out = spec_of(inst.rule), []
    tables: dict[str, Number | None] = {}  # statement id → its cells' value, read once per evaluation
    for sid in spec.sections:
        body = report.texts.get(sid, "")
        if body:
            here = _Section(inst, report, sid, body, tables)
            found = extract(spec, body)
            out += [f for m in found.mentions for f in here.compare(m)]
            if previous is not None:
                out += [f for c in found.changes for f in _compare_change(here, previous, c)]
    return out


class _Section:
    """One section's comparisons: its title, its finding keys and the cells' values, each worked out once."""

    def __init__(self, inst: Instance, report: Report, sid: str, body: str, tables: dict) -> None:
        self.inst, self.report, self.sid, self.body, self.tables = inst, report, sid, body, tables
        self.place = section_title(report.form, sid)
        self.seen: dict[tuple, int] = {}
        self.verdicts: dict[tuple, bool] = {}  # (statement, stated) → agrees: a figure restated is compared once

    def key(self, *parts: str | Number) -> str:
        """Stable (notes are keyed by it): statement and stated figure, numbered when stated again."""
        count = self.seen[parts] = self.seen.get(parts, 0) + 1
        key = "/".join((self.inst.key, self.sid, *(p if isinstance(p, str) else fmt(p) for p in parts)))
        return key if count == 1 else f"{key}#{count}"

    def table(self, s: Statement) -> Number | None:
        if s.id not in self.tables:
            self.tables[s.id] = table_value(self.report, s.cells)
        return self.tables[s.id]

    def quote(self, start: int, end: int) -> str:
        return shorten(self.body[start:end], _QUOTE)

    def compare(self, m: Mention) -> list[Finding]:
        s, table = m.statement, self.table(m.statement)
        verdict = self.verdicts.get((s.id, m.stated))
        if verdict is None and table is not None:
            verdict = self.verdicts[(s.id, m.stated)] = agrees(m.stated, table, s.places)
        if verdict:
            self.seen[(s.id, m.stated)] = self.seen.get((s.id, m.stated), 0) + 1
            return []
        key, report, quote = self.key(s.id, m.stated), self.report, self.quote(m.start, m.end)
        if table is None:
            missing = [report.form.place_of(c) for c in s.cells if report.value(c) is None]
            names = "、".join(missing[:3]) + ("等" if len(missing) > 3 else "")
            msg = text("NARRATIVE_INCOMPLETE", place=self.place, quote=quote, cells=names)
            return [_finding(self, key, "incomplete", msg, m, s.cells)]
        shown, name = _with_unit(report, s, table), cells_name(report, s)
        msg = self.inst.rule.message.format(place=self.place, quote=quote, stated=m.figure.written, table=shown, cells=name)
        return [_finding(self, key, self.inst.rule.severity, msg, m, s.cells, m.stated, table)]


def _with_unit(report: Report, s: Statement, value: Number) -> str:
    vtype = report.form.cells[s.cells[0]].type
    return fmt(value) + (vtype.units[0] if vtype.kind == "decimal" and vtype.units else "")


def _finding(here: _Section, key, severity, msg, m, cells, reported=None, computed=None) -> Finding:
    fig = m.figure
    return Finding(
        key,
        here.inst.rule.id,
        severity,
        here.place,
        msg,
        cells,
        missing=cells if severity == "incomplete" else (),
        reported=reported,
        computed=computed,
        section=here.sid,
        instance=here.inst.key,
        flagged=cells if severity != "incomplete" else (),
        span=(fig.start, fig.end) if fig else (m.start, m.end),
    )


def _compare_change(here: _Section, previous: Report, c: Change) -> list[Finding]:
    s, report = c.mention.statement, here.report
    if not all(cell in previous.form.cells for cell in s.cells):
        return []
    now, last = here.table(s), table_value(previous, s.cells)
    if now is None or last is None or _change_agrees(c, Decimal(now), Decimal(last)):
        return []
    actual = text("NARRATIVE_CHANGE", change=_describe(c, Decimal(now), Decimal(last)))
    cells = text("NARRATIVE_YEARS", cells=cells_name(report, s), now=fmt(now), last=fmt(last))
    written = c.figure.written if c.figure else here.body[c.start : c.end]
    quote = here.quote(c.start, c.end)
    msg = here.inst.rule.message.format(place=here.place, quote=quote, stated=written, table=actual, cells=cells)
    return [_finding(here, here.key(s.id, "change", written), here.inst.rule.severity, msg, c, s.cells)]


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
