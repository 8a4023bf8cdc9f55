"""Complete, consistent reports generated from a form definition.

Used by the tests, the benchmarks and the bundle's self-test: because it is driven by the
form's own totals and balance rules, it serves every edition without edition code.
"""

from __future__ import annotations

import random
from decimal import Decimal

from ogi.model.report import Report
from ogi.model.rules.common import add
from ogi.model.schema import Form, ValueType


def _random_value(rng: random.Random, vtype: ValueType, small: bool) -> int | Decimal:
    top = 20 if small else min(vtype.maximum, 5000)
    if vtype.kind == "decimal":
        scale = 10**vtype.places
        return Decimal(rng.randint(0, top * scale)) / scale
    return rng.randint(max(vtype.minimum, -top), top)


def full_report(form: Form, seed: int = 0, year: int = 2023) -> Report:
    """A report with every cell, text and metadata field filled and every rule satisfied."""
    rng = random.Random(seed)
    report = Report(form)
    checked = {inst.table for inst in form.instances if inst.table}  # tables whose figures must add up
    for cell in form.cells.values():
        if cell.id not in form.totals:
            report.put(cell.id, _random_value(rng, cell.type, small=cell.table in checked))
    report.recompute()
    _balance(report, rng)
    report.meta = {
        "agency": "示例市示例区住房和城乡建设局",
        "year": str(year),
        "date": f"{year + 1}-01-08",
        "head": "张三",
        "preparer": "李四",
        "phone": "0513-12345678",
    }
    for section in form.text_sections():
        report.texts[section.id] = f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。（{section.title}）"
    return report


def _balance(report: Report, rng: random.Random) -> None:
    """Make each balance rule hold by adjusting its first left-hand input cell."""
    for inst in report.form.instances:
        if inst.rule.kind != "balance":
            continue
        left = inst.parts[0]
        if add([report.value(c) for c in inst.parts]) == add([report.value(c) for c in inst.right]):
            continue
        others = add([report.value(c) for c in inst.parts[1:]])
        target = add([report.value(c) for c in inst.right])
        if target - others < 0:
            report.set(inst.parts[1], 0)
            others = add([report.value(c) for c in inst.parts[1:]])
        report.set(left, target - others)
    report.recompute()
