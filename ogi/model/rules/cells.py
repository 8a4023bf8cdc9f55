"""Rule kinds over every cell: ``type`` (unreadable entries) and ``complete`` (blank cells)."""

from __future__ import annotations

from ogi.model.report import Report
from ogi.model.rules.blanks import blank_detail
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
    """One finding per table part (表二 per 第二十条 item, 表三, 表四) carrying all its blank cells:
    a report that fills only the 总计 column is one fact for the clerk, not 42 lines."""
    out = []
    for table in report.form.tables.values():
        blank = report.blank_cells(table.id)
        for number, block in enumerate(table.blocks):
            mine = tuple(c for c in blank if report.form.cells[c].block == number)
            if not mine:
                continue
            place = " ".join(p for p in (table.name, block.caption if len(table.blocks) > 1 else "") if p)
            detail = blank_detail(report, table.id, number, mine)
            msg = inst.rule.message.format(place=place, count=len(mine), detail=detail)
            key = f"{inst.key}/{table.id}" + (f"/{number}" if len(table.blocks) > 1 else "")
            out.append(
                Finding(key, inst.rule.id, inst.rule.severity, place, msg, mine, mine, section=table.id, instance=inst.key)
            )
    return out


register(RuleKind("type", NONE, NONE, frozenset({"place", "text", "reason"}), _type, reads=READS_ALL_CELLS))
register(RuleKind("complete", NONE, NONE, frozenset({"place", "count", "detail"}), _complete, reads=READS_ALL_CELLS))
