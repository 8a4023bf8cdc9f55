"""Rule kinds over what the narrative says: ``text_substance`` and ``text_contradicts_cell``.

Both are warnings: a section 五 of only 「无」 is a known weakness evaluators criticise, and a
sentence in 六 that says no fees were charged while 表二 reports 行政事业性收费 deserves a look.
Which sections, words and patterns is data in ``forms/``; a sentence about 信息处理费 (the fee for
answering applications) is not about 行政事业性收费 and is left alone (``unless``).
"""

from __future__ import annotations

import re
import unicodedata

from ogi.model.report import Report
from ogi.model.rules.common import fmt, section_title
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import READS_TEXT, RuleKind, register
from ogi.model.rules.texts import check_patterns
from ogi.model.schema import Instance

_SENTENCE = re.compile(r"[^。；;！!？?\n]+")


def _content(body: str) -> str:
    """The letters and digits of a text: punctuation, spaces and invisible controls do not count."""
    return "".join(ch for ch in body if unicodedata.category(ch)[0] in "LN")


def _finding(inst: Instance, report: Report, sid: str, cells: tuple[str, ...] = (), **fields: str) -> Finding:
    place = section_title(report.form, sid)
    msg = inst.rule.message.format(place=place, **fields)
    return Finding(
        f"{inst.key}/{sid}", inst.rule.id, inst.rule.severity, place, msg, cells, section=sid, instance=inst.key, flagged=cells
    )


def _substance(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    trivial = {_content(t) for t in inst.rule.params.get("trivial", [])}
    out = []
    for sid in inst.rule.params["sections"]:
        body = _content(report.texts.get(sid, ""))
        if body and (body in trivial or len(body) < inst.rule.params["min_chars"]):
            out.append(_finding(inst, report, sid, text=report.texts[sid].strip()[:20]))
    return out


def _contradicts(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    value = report.value(inst.total)
    if value is None or value <= 0:
        return []
    says = [re.compile(p) for p in inst.rule.params["patterns"]]
    unless = [re.compile(p) for p in inst.rule.params.get("unless", [])]
    out = []
    for sid in inst.rule.params["sections"]:
        for sentence in _SENTENCE.findall(report.texts.get(sid, "")):
            hit = next((m.group(0) for p in says if (m := p.search(sentence))), None)
            if hit and not any(u.search(sentence) for u in unless):
                out.append(_finding(inst, report, sid, (inst.total,), reported=fmt(value), phrase=hit))
                break
    return out


def _expand_contradiction(ctx, rule, scope) -> list[Instance]:
    check_patterns(ctx, rule, scope)
    if rule.params["cell"] not in scope.cells:
        raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", rule.params["cell"])
    return [Instance(key=rule.id, rule=rule, place="", total=rule.params["cell"], table=scope.cells[rule.params["cell"]].table)]


def _expand_substance(ctx, rule, scope) -> list[Instance]:
    if not isinstance(rule.params["min_chars"], int) or rule.params["min_chars"] < 0:
        raise ctx.fail("FORM_BAD_VALUE", f"rules.{rule.id}", "min_chars", reason="应为非负整数")
    return check_patterns(ctx, rule, scope)


_SECTIONS = frozenset({"sections"})
register(
    RuleKind(
        "text_substance",
        _SECTIONS | {"min_chars"},
        frozenset({"trivial"}),
        frozenset({"place", "text"}),
        _substance,
        reads=READS_TEXT,
        expand=_expand_substance,
    )
)
register(
    RuleKind(
        "text_contradicts_cell",
        _SECTIONS | {"cell", "patterns"},
        frozenset({"unless"}),
        frozenset({"place", "reported", "phrase"}),
        _contradicts,
        reads=READS_TEXT,
        expand=_expand_contradiction,
    )
)
