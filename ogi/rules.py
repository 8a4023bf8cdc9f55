"""Evaluates rule instances against a report and words the findings.

Each rule kind is one small function; which kinds a form uses, on which cells, with what
severity and wording, is data in ``forms/``. A rule whose inputs are blank is
*incomplete* (it says which cells are missing), never failed: blank is not 0.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .messages import text
from .report import Report
from .schema import Form, Instance, Number
from .values import format_date_cn, format_number, parse_date, parse_year


@dataclass(frozen=True)
class Finding:
    key: str  # stable: rule instance key, plus the item for per-item kinds
    rule: str
    severity: str  # "error" | "warning" | "incomplete"
    place: str
    message: str
    cells: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    reported: Number | None = None
    computed: Number | None = None
    delta: Number | None = None
    section: str | None = None  # table or text section id, or "meta"
    culprit: str | None = None

    def with_culprit(self, cell: str, place: str) -> Finding:
        return replace(self, culprit=cell, message=self.message + text("CULPRIT", place=place))


def _fmt(value: Number | None) -> str:
    return format_number(value)


def evaluate(inst: Instance, report: Report, previous: Report | None = None) -> list[Finding]:
    """All findings of one instance (usually zero or one)."""
    return _KINDS[inst.rule.kind](inst, report, previous)


def _incomplete(inst: Instance, report: Report, missing: list[str]) -> list[Finding]:
    names = "、".join(_short_names(report.form.cells, missing)[:3]) + ("等" if len(missing) > 3 else "")
    msg = text("RULE_INCOMPLETE", place=inst.place, count=len(missing), cells=names)
    return [Finding(inst.key, inst.rule.id, "incomplete", inst.place, msg, inst.cells, tuple(missing), section=inst.table)]


def _short_names(cells: dict, missing: list[str]) -> list[str]:
    """Name missing cells by what differs between them: the column within a row, and so on."""
    if len(missing) > 1 and len({cells[c].row.path for c in missing}) == 1:
        return [cells[c].column.place for c in missing]
    if len(missing) > 1 and len({cells[c].column.path for c in missing}) == 1:
        return [cells[c].row.place for c in missing]
    return [cells[c].place for c in missing]


def _failed(inst: Instance, reported: Number, computed: Number, **fields: str) -> list[Finding]:
    delta = reported - computed
    msg = inst.rule.message.format(
        place=inst.place, reported=_fmt(reported), computed=_fmt(computed), delta=_fmt(abs(delta)), **fields
    )
    return [
        Finding(
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
        )
    ]


def _sum(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    total = report.value(inst.total)
    parts = [report.value(p) for p in inst.parts]
    missing = [c for c, v in zip(inst.parts, parts, strict=True) if v is None] or ([inst.total] if total is None else [])
    if missing:  # a blank total is a consequence of its blank parts: name the parts
        return _incomplete(inst, report, missing)
    computed = sum(parts)
    return [] if total == computed else _failed(inst, total, computed)


def _balance(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    left = [report.value(c) for c in inst.parts]
    right = [report.value(c) for c in inst.right]
    missing = [c for c, v in zip(inst.cells, left + right, strict=True) if v is None]
    if missing:
        return _incomplete(inst, report, missing)
    a, b = sum(left), sum(right)
    return [] if a == b else _failed(inst, a, b, left=_fmt(a), right=_fmt(b))


def _previous(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    if previous is None or inst.right[0] not in previous.form.cells:
        return []
    last = previous.value(inst.right[0])
    now = report.value(inst.total)
    if last is None:
        return []
    if now is None:
        return _incomplete(inst, report, [inst.total])
    return [] if now == last else _failed(inst, now, last)


def carried_values(report: Report, previous: Report) -> dict[str, Number]:
    """This year's input cells that the form's previous-year rules pair with last year's report
    (上年结转 ← 结转下年度继续办理), with last year's values: what "load last year" prefills."""
    pairs = {}
    for inst in report.form.instances:
        if inst.rule.kind != "previous" or inst.total in report.form.totals or inst.right[0] not in previous.form.cells:
            continue
        value = previous.value(inst.right[0])
        if value is not None:
            pairs[inst.total] = value
    return pairs


def _type(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for cell_id, bad in report.invalid.items():
        cell = report.form.cells[cell_id]
        place = f"{report.form.tables[cell.table].name} {cell.place}" + (f"（{bad.source}）" if bad.source else "")
        msg = inst.rule.message.format(place=place, text=bad.text, reason=bad.reason)
        out.append(Finding(f"{inst.key}/{cell_id}", inst.rule.id, inst.rule.severity, place, msg, (cell_id,), section=cell.table))
    return out


def _complete(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for table in report.form.tables.values():
        blank = tuple(report.blank_cells(table.id))
        if blank:
            msg = inst.rule.message.format(place=table.name, count=len(blank))
            out.append(
                Finding(
                    f"{inst.key}/{table.id}", inst.rule.id, inst.rule.severity, table.name, msg, blank, blank, section=table.id
                )
            )
    return out


def _section_title(form: Form, sid: str) -> str:
    return next(s.title for s in form.sections if s.id == sid)


def _text_required(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for sid in inst.rule.params["sections"]:
        if not report.texts.get(sid, "").strip():
            place = _section_title(report.form, sid)
            msg = inst.rule.message.format(place=place)
            out.append(Finding(f"{inst.key}/{sid}", inst.rule.id, inst.rule.severity, place, msg, section=sid))
    return out


def _placeholder(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for sid in inst.rule.params["sections"]:
        body = report.texts.get(sid, "")
        hit = next((p for p in inst.rule.params["patterns"] if p in body), None)
        if hit:
            place = _section_title(report.form, sid)
            msg = inst.rule.message.format(place=place, pattern=hit)
            out.append(Finding(f"{inst.key}/{sid}", inst.rule.id, inst.rule.severity, place, msg, section=sid))
    return out


def _meta_required(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    return [
        Finding(
            f"{inst.key}/{m.id}",
            inst.rule.id,
            inst.rule.severity,
            m.label,
            inst.rule.message.format(place=m.label),
            section="meta",
        )
        for m in report.form.meta
        if m.required and not report.meta.get(m.id, "").strip()
    ]


def _meta_format(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for m in report.form.meta:
        raw = report.meta.get(m.id, "").strip()
        bad = raw and ((m.kind == "year" and parse_year(raw) is None) or (m.kind == "date" and parse_date(raw) is None))
        if bad:
            reason = text("META_YEAR" if m.kind == "year" else "META_DATE")
            msg = inst.rule.message.format(place=m.label, text=raw, reason=reason)
            out.append(Finding(f"{inst.key}/{m.id}", inst.rule.id, inst.rule.severity, m.label, msg, section="meta"))
    return out


def _date_and_year(inst: Instance, report: Report) -> tuple[date, int] | None:
    day = parse_date(report.meta.get(inst.rule.params["date"], ""))
    year = parse_year(report.meta.get(inst.rule.params["year"], ""))
    return (day, year) if day and year else None


def _date_after_year(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    got = _date_and_year(inst, report)
    if not got or got[0].year > got[1]:
        return []
    msg = inst.rule.message.format(date=format_date_cn(got[0]), year=got[1])
    return [Finding(inst.key, inst.rule.id, inst.rule.severity, "成文日期", msg, section="meta")]


def _deadline(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    got = _date_and_year(inst, report)
    if not got:
        return []
    limit = date(got[1] + 1, inst.rule.params["month"], inst.rule.params["day"])
    if got[0] <= limit or got[0].year <= got[1]:
        return []
    msg = inst.rule.message.format(date=format_date_cn(got[0]), deadline=format_date_cn(limit))
    return [Finding(inst.key, inst.rule.id, inst.rule.severity, "成文日期", msg, section="meta")]


_KINDS = {
    "sum": _sum,
    "balance": _balance,
    "previous": _previous,
    "type": _type,
    "complete": _complete,
    "text_required": _text_required,
    "placeholder": _placeholder,
    "meta_required": _meta_required,
    "meta_format": _meta_format,
    "date_after_year": _date_after_year,
    "deadline": _deadline,
}
