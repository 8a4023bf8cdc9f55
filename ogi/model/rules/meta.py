"""Rule kinds over the metadata (基本信息): required fields, formats, and the 成文日期 checks.

Which field is the report year or the date is data: the rules name the fields by id
(``date``/``year`` parameters), and their places are the fields' labels from the form.
"""

from __future__ import annotations

from datetime import date

from ogi.model.messages import text
from ogi.model.report import Report
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import READS_META, RuleKind, register
from ogi.model.schema import Instance, MetaField
from ogi.model.values import format_date_cn, parse_date, parse_year


def _finding(inst: Instance, field: MetaField, message: str, key: str | None = None) -> Finding:
    return Finding(
        key or f"{inst.key}/{field.id}",
        inst.rule.id,
        inst.rule.severity,
        field.label,
        message,
        section="meta",
        instance=inst.key,
        field=field.id,
    )


def _meta_required(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    return [
        _finding(inst, m, inst.rule.message.format(place=m.label))
        for m in report.form.meta
        if m.required and not report.meta.get(m.id, "").strip()
    ]


def _meta_format(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for m in report.form.meta:
        raw = report.meta.get(m.id, "").strip()
        reason = _format_error(m, raw) if raw else None
        if reason:
            out.append(_finding(inst, m, inst.rule.message.format(place=m.label, text=raw, reason=reason)))
    return out


def _format_error(m: MetaField, raw: str) -> str | None:
    if m.kind == "year" and parse_year(raw) is None:
        return text("META_YEAR")
    if m.kind == "date" and parse_date(raw) is None:
        return text("META_DATE")
    if m.kind == "choice" and m.choice(raw) is None:
        return text("META_CHOICE", choices="、".join(c.label for c in m.choices))
    return None


def _date_and_year(inst: Instance, report: Report) -> tuple[date, int] | None:
    day = parse_date(report.meta.get(inst.rule.params["date"], ""))
    year = parse_year(report.meta.get(inst.rule.params["year"], ""))
    return (day, year) if day and year else None


def _date_field(inst: Instance, report: Report) -> MetaField:
    return next(m for m in report.form.meta if m.id == inst.rule.params["date"])


def _date_after_year(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    got = _date_and_year(inst, report)
    if not got or got[0].year > got[1]:
        return []
    msg = inst.rule.message.format(place=_date_field(inst, report).label, date=format_date_cn(got[0]), year=got[1])
    return [_finding(inst, _date_field(inst, report), msg, key=inst.key)]


def deadline_of(inst: Instance, report: Report) -> tuple[int, int]:
    """(month, day): the report kind's own deadline (条例第四十九条), else the rule's fallback."""
    params = inst.rule.params
    field = next((m for m in report.form.meta if m.id == params.get("by")), None)
    choice = field.choice(report.meta.get(field.id, ""), report.role("agency")) if field else None
    return choice.deadline if choice and choice.deadline else (params["month"], params["day"])


def _deadline(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    got = _date_and_year(inst, report)
    if not got:
        return []
    limit = date(got[1] + 1, *deadline_of(inst, report))
    if got[0] <= limit or got[0].year <= got[1]:
        return []
    msg = inst.rule.message.format(
        place=_date_field(inst, report).label, date=format_date_cn(got[0]), deadline=format_date_cn(limit)
    )
    return [_finding(inst, _date_field(inst, report), msg, key=inst.key)]


def check_fields(ctx, rule, scope) -> list[Instance]:
    """One instance; the metadata fields it names must exist."""
    meta_ids = {m.id for m in scope.meta}
    for key in ("date", "year", "by"):
        if key in rule.params and rule.params[key] not in meta_ids:
            raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", rule.params[key])
    return [Instance(key=rule.id, rule=rule, place="")]


_NONE = frozenset[str]()
_DATED = frozenset({"date", "year"})
register(RuleKind("meta_required", _NONE, _NONE, frozenset({"place"}), _meta_required, reads=READS_META))
register(RuleKind("meta_format", _NONE, _NONE, frozenset({"place", "text", "reason"}), _meta_format, reads=READS_META))
register(
    RuleKind(
        "date_after_year",
        _DATED,
        _NONE,
        frozenset({"place", "date", "year"}),
        _date_after_year,
        reads=READS_META,
        expand=check_fields,
    )
)
register(
    RuleKind(
        "deadline",
        _DATED | {"month", "day"},
        frozenset({"by"}),
        frozenset({"place", "date", "deadline"}),
        _deadline,
        reads=READS_META,
        expand=check_fields,
    )
)
