"""Small helpers shared by the rule kinds: wording numbers and building findings."""

from __future__ import annotations

from ogi.model.messages import text
from ogi.model.report import Report
from ogi.model.rules.finding import Finding
from ogi.model.schema import Form, Instance, Number
from ogi.model.values import format_number

NUMBER_FIELDS = frozenset({"place", "reported", "computed", "delta"})


def add(values: list[Number | None]) -> Number:
    """The sum of values the caller has checked are all present (blank is not 0: never summed as one)."""
    total: Number = 0
    for value in values:
        if value is None:
            raise ValueError("a blank value cannot be added")
        total += value
    return total


def fmt(value: Number | None) -> str:
    return format_number(value)


def incomplete(inst: Instance, report: Report, missing: list[str]) -> list[Finding]:
    names = "、".join(short_names(report.form, missing)[:3]) + ("等" if len(missing) > 3 else "")
    msg = text("RULE_INCOMPLETE", place=inst.place, count=len(missing), cells=names)
    return [
        Finding(
            inst.key,
            inst.rule.id,
            "incomplete",
            inst.place,
            msg,
            inst.cells,
            tuple(missing),
            section=inst.table,
            instance=inst.key,
        )
    ]


def short_names(form: Form, missing: list[str]) -> list[str]:
    """Name missing cells by what differs between them: the column within a row, and so on."""
    cells = form.cells
    if len(missing) > 1 and len({cells[c].row.path for c in missing}) == 1:
        return [cells[c].column.place for c in missing]
    if len(missing) > 1 and len({cells[c].column.path for c in missing}) == 1:
        return [cells[c].row.place for c in missing]
    return [cells[c].place for c in missing]


def failed(inst: Instance, reported: Number, computed: Number, flagged: tuple[str, ...], **fields: object) -> list[Finding]:
    delta: Number = reported - computed
    msg = inst.rule.message.format(
        place=inst.place, reported=fmt(reported), computed=fmt(computed), delta=fmt(-delta if delta < 0 else delta), **fields
    )
    finding = Finding(
        inst.key,
        inst.rule.id,
        inst.rule.severity,
        inst.place,
        msg,
        inst.cells,
        reported=reported,
        computed=computed,
        delta=delta,
        section=inst.table,
        instance=inst.key,
        flagged=flagged,
    )
    return [finding]


def section_title(form: Form, sid: str) -> str:
    return next(s.title for s in form.sections if s.id == sid)
