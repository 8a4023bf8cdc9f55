"""Rule kinds over the narrative sections: ``text_required`` and ``placeholder``."""

from __future__ import annotations

import re

from ogi.model.report import Report
from ogi.model.rules.common import section_title
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import READS_TEXT, RuleKind, register
from ogi.model.schema import Instance


def _finding(inst: Instance, report: Report, sid: str, **fields: str) -> Finding:
    place = section_title(report.form, sid)
    msg = inst.rule.message.format(place=place, **fields)
    return Finding(f"{inst.key}/{sid}", inst.rule.id, inst.rule.severity, place, msg, section=sid, instance=inst.key)


def _text_required(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    return [_finding(inst, report, sid) for sid in inst.rule.params["sections"] if not report.texts.get(sid, "").strip()]


def _placeholder(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    """A placeholder is a token a template leaves (「XX件」「20XX年」「××」), found after the text's
    addresses are blanked out: 「xxgk」 inside a 公开专栏 URL or an e-mail is not one."""
    patterns = [re.compile(p, re.MULTILINE) for p in inst.rule.params["patterns"]]
    ignore = [re.compile(p) for p in inst.rule.params.get("ignore", [])]
    out = []
    for sid in inst.rule.params["sections"]:
        body = report.texts.get(sid, "")
        for skip in ignore:
            body = skip.sub(" ", body)
        hit = next((m.group(0).strip() for p in patterns if (m := p.search(body))), None)
        if hit:
            out.append(_finding(inst, report, sid, pattern=hit))
    return out


def check_sections(ctx, rule, scope) -> list[Instance]:
    """One instance; every section it names must be a text section of the form."""
    text_ids = {s.id for s in scope.sections if s.kind == "text"}
    for sid in rule.params.get("sections", []):
        if sid not in text_ids:
            raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", sid)
    return [Instance(key=rule.id, rule=rule, place="")]


def check_patterns(ctx, rule, scope) -> list[Instance]:
    """Like :func:`check_sections`, and every pattern must be a regular expression that compiles."""
    for key in ("patterns", "ignore"):
        for pattern in rule.params.get(key, []):
            try:
                re.compile(pattern)
            except (re.error, TypeError) as exc:
                raise ctx.fail("FORM_BAD_VALUE", f"rules.{rule.id}", key, reason=f"正则表达式无效：{exc}") from None
    return check_sections(ctx, rule, scope)


_SECTIONS = frozenset({"sections"})
register(
    RuleKind(
        "text_required", _SECTIONS, frozenset(), frozenset({"place"}), _text_required, reads=READS_TEXT, expand=check_sections
    )
)
register(
    RuleKind(
        "placeholder",
        _SECTIONS | {"patterns"},
        frozenset({"ignore"}),
        frozenset({"place", "pattern"}),
        _placeholder,
        reads=READS_TEXT,
        expand=check_patterns,
    )
)
