"""Rule kinds over every cell: ``type`` (unreadable entries) and ``complete`` (blank cells)."""

from __future__ import annotations

from ogi.model.report import Report
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import READS_ALL_CELLS, RuleKind, register
from ogi.model.schema import Instance

NONE = frozenset[str]()


def _type(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for cell_id, bad in report.invalid.items():
        cell = report.form.cells[cell_id]
        place = report.form.place_of(cell_id) + (f"（{bad.source}）" if bad.source else "")
        msg = inst.rule.message.format(place=place, text=bad.text, reason=bad.reason)
        out.append(
            Finding(
                f"{inst.key}/{cell_id}",
                inst.rule.id,
                inst.rule.severity,
                place,
                msg,
                (cell_id,),
                section=cell.table,
                instance=inst.key,
                flagged=(cell_id,),
            )
        )
    return out


def _complete(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    out = []
    for table in report.form.tables.values():
        blank = tuple(report.blank_cells(table.id))
        if blank:
            msg = inst.rule.message.format(place=table.name, count=len(blank))
            key = f"{inst.key}/{table.id}"
            out.append(
                Finding(key, inst.rule.id, inst.rule.severity, table.name, msg, blank, blank, section=table.id, instance=inst.key)
            )
    return out


register(RuleKind("type", NONE, NONE, frozenset({"place", "text", "reason"}), _type, reads=READS_ALL_CELLS))
register(RuleKind("complete", NONE, NONE, frozenset({"place", "count"}), _complete, reads=READS_ALL_CELLS))
