"""The statement patterns of one edition, read from its form definition and validated strictly.

A narrative rule in ``forms/`` lists *statements*: what wording (``label``, and ``not`` for
look-alikes) ties a stated figure to which table cells (summed), in which units, and — for the
「其中」 structure — under which preceding figure (``parent``). How year-on-year changes are
worded (``changes``) and the paragraph 「起草统计段落」 writes (``draft``) are data too, so a new
wording or edition is a data change. Every mistake is refused when the form loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fnmatch import fnmatchcase

from ogi.model.narrative.numerals import figure_pattern
from ogi.model.schema import Cell, Rule

_STATEMENT = ({"id", "label", "cells"}, {"not", "parent", "units", "name"})
_CHANGES: tuple[set[str], set[str]] = ({"reference", "up", "down", "flat"}, set())
PERCENT = "%"


@dataclass(frozen=True)
class Statement:
    id: str
    label: re.Pattern[str]
    cells: tuple[str, ...]
    units: dict[str, Decimal]  # unit as written → factor to the cells' unit (元 → 0.0001 万元)
    places: int  # decimal places of the cells' type
    not_: re.Pattern[str] | None = None
    parents: tuple[str, ...] = ()
    name: str = ""  # how a finding names the cells, when they are several


@dataclass(frozen=True)
class Changes:
    reference: re.Pattern[str]  # 较上年 | 同比 …
    up: re.Pattern[str]
    down: re.Pattern[str]
    flat: re.Pattern[str]


@dataclass(frozen=True)
class Spec:
    sections: tuple[str, ...]
    statements: tuple[Statement, ...]
    changes: Changes | None
    draft: str | None
    figure: re.Pattern[str]
    ignore: re.Pattern[str] | None = None  # words right after a unit that make it no figure: 15个「工作日」
    any_label: re.Pattern[str] = re.compile("")  # every label at once: most clauses name no statement
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # sentence → what it states (extract.py)


def build(ctx, rule: Rule, cells: dict[str, Cell]) -> Spec:
    """Validate ``rule``'s parameters against the form's cells and compile them."""
    where = f"rules.{rule.id}"
    units = _units(ctx, rule.params["units"], where)
    items = rule.params["statements"]
    if not isinstance(items, list) or not items:
        raise ctx.fail("FORM_BAD_VALUE", where, "statements", reason="应为非空列表")
    statements = tuple(_statement(ctx, obj, units, cells, where) for obj in items)
    _check_ids(ctx, statements, where)
    changes = _changes(ctx, rule.params["changes"], where) if "changes" in rule.params else None
    draft = rule.params.get("draft")
    if draft is not None:
        _check_draft(ctx, draft, {s.id for s in statements}, where)
    every_unit = [u for s in statements for u in s.units] + [PERCENT]
    ignore = _regex(ctx, rule.params["ignore"], where, "ignore") if "ignore" in rule.params else None
    any_label = re.compile("|".join(f"(?:{s.label.pattern})" for s in statements))
    return Spec(tuple(rule.params["sections"]), statements, changes, draft, figure_pattern(every_unit), ignore, any_label)


def _regex(ctx, value: object, where: str, key: str) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise ctx.fail("FORM_BAD_VALUE", where, key, reason="应为非空正则表达式")
    try:
        return re.compile(value)
    except re.error as exc:
        raise ctx.fail("FORM_BAD_VALUE", where, key, reason=f"正则表达式错误：{exc}") from None


def _units(ctx, value: object, where: str) -> dict[str, Decimal]:
    if not isinstance(value, dict) or not value:
        raise ctx.fail("FORM_BAD_VALUE", where, "units", reason="应为非空对象（单位 → 折算系数）")
    out = {}
    for unit, factor in value.items():
        try:
            out[unit] = Decimal(factor) if isinstance(factor, str) else Decimal("NaN")
        except InvalidOperation:
            out[unit] = Decimal("NaN")
        if not unit or unit == PERCENT or not out[unit].is_finite() or out[unit] <= 0:
            raise ctx.fail("FORM_BAD_VALUE", where, f"units.{unit}", reason='折算系数应为正数（文字，如 "0.0001"）')
    return out


def _statement(ctx, obj: object, units: dict[str, Decimal], cells: dict[str, Cell], where: str) -> Statement:
    s = ctx.keys(obj, _STATEMENT, f"{where}.statements")
    sid = ctx.string(s, "id", f"{where}.statements")
    here = f"{where}.statements.{sid}"
    found = _cells(ctx, s["cells"], cells, here)
    types = {cells[c].type for c in found}
    if len(types) != 1:
        raise ctx.fail("FORM_BAD_VALUE", here, "cells", reason="所指单元格的数值类型应相同")
    parents = ctx.strings(s, "parent", here, reason="应为陈述编号列表")
    return Statement(
        id=sid,
        label=_regex(ctx, s["label"], here, "label"),
        cells=found,
        units=_units(ctx, s["units"], here) if "units" in s else units,
        places=types.pop().places,
        not_=_regex(ctx, s["not"], here, "not") if "not" in s else None,
        parents=tuple(parents),
        name=ctx.string(s, "name", here) if "name" in s else "",
    )


def _cells(ctx, refs: object, cells: dict[str, Cell], where: str) -> tuple[str, ...]:
    """Cell ids, or patterns such as ``t3.denied.*.total`` standing for every cell they match."""
    if not isinstance(refs, list) or not refs or not all(isinstance(r, str) and r for r in refs):
        raise ctx.fail("FORM_BAD_VALUE", where, "cells", reason="应为单元格编号列表")
    out: list[str] = []
    for ref in refs:
        found = _matching(ref, cells)
        if not found:
            raise ctx.fail("FORM_MISSING_CELL", where, ref)
        out += [c for c in found if c not in out]
    return tuple(out)


def _matching(ref: str, cells: dict[str, Cell]) -> list[str]:
    """The cells a reference names; a plain id is looked up, not matched against every cell."""
    if not any(sign in ref for sign in "*?["):
        return [ref] if ref in cells else []
    return [c for c in cells if fnmatchcase(c, ref)]


def _check_ids(ctx, statements: tuple[Statement, ...], where: str) -> None:
    ids = [s.id for s in statements]
    for n, sid in enumerate(ids):
        if sid in ids[:n]:
            raise ctx.fail("FORM_DUPLICATE_ID", f"{where}.statements", sid)
    for s in statements:
        for parent in s.parents:
            if parent not in ids:
                raise ctx.fail("FORM_BAD_VALUE", f"{where}.statements.{s.id}", "parent", reason=f"没有编号为 {parent} 的陈述")


def _changes(ctx, obj: object, where: str) -> Changes:
    c = ctx.keys(obj, _CHANGES, f"{where}.changes")
    return Changes(*(_regex(ctx, c[k], f"{where}.changes", k) for k in ("reference", "up", "down", "flat")))


def _check_draft(ctx, template: object, ids: set[str], where: str) -> None:
    if not isinstance(template, str) or not template:
        raise ctx.fail("FORM_BAD_VALUE", where, "draft", reason="应为非空文字")
    for name in ctx.fields(template, where, "draft"):
        if name not in ids:
            raise ctx.fail("FORM_BAD_VALUE", where, "draft", reason=f"未知的陈述 {{{name}}}")
