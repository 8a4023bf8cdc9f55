"""Strict loader: a form definition file in ``forms/`` becomes a frozen :class:`Form`.

Strict because saved reports depend on cell ids and rules: an unknown key, a duplicate
id, a reference to a missing cell or a cycle of totals is refused with a message naming
the file and the key, instead of producing a form that checks the wrong thing.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from string import Formatter

from ogi.model import expand
from ogi.model.messages import OgiError, json_reason, os_reason, shorten, text
from ogi.model.rules import KINDS
from ogi.model.schema import META_ROLES, Block, Choice, Form, HeaderNode, Leaf, MetaField, Rule, Section, Table, ValueType
from ogi.paths import forms_dir

FORMS_DIR = forms_dir()
_KEY = re.compile(r"^[a-z0-9_]+$")

_TOP = {"form", "edition", "title", "basis", "report_title", "types", "meta", "sections", "rules"}
_TYPE = ({"kind", "min", "max"}, {"places", "units", "label"})
_META = ({"id", "label", "kind", "required"}, {"role", "choices", "default", "source"})
_CHOICE = ({"id", "label"}, {"deadline", "agency_suffixes", "source"})
_SECTION = ({"id", "title", "kind"}, {"table"})
_TABLE: tuple[set[str], set[str]] = ({"name", "orientation", "default_type", "blocks"}, set())
_BLOCK = ({"columns"}, {"caption", "corner", "rows"})
_NODE = ({"label"}, {"key", "children", "span", "type"})
_RULE_COMMON = {"id", "kind", "severity", "message"}
SEVERITIES = ("error", "warning", "incomplete")


class _Ctx:
    """Carries the file name so that every error names it."""

    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, code: str, where: str = "", key: object = "", **extra: object) -> OgiError:
        return OgiError(code, file=self.file, where=where, key=key, **extra)

    def keys(self, obj: object, spec: tuple[set[str] | frozenset[str], set[str] | frozenset[str]], where: str) -> dict:
        if not isinstance(obj, dict):
            raise self.fail("FORM_BAD_VALUE", where, "", reason="应为对象")
        required, optional = spec
        for key in obj:
            if key not in required | optional:
                raise self.fail("FORM_UNKNOWN_KEY", where, key)
        for key in sorted(required):
            if key not in obj:
                raise self.fail("FORM_MISSING_KEY", where, key)
        return obj

    def strings(self, obj: dict, key: str, where: str, reason: str = "应为文字列表", empty: bool = True) -> list[str]:
        """An optional list of non-empty texts (absent: empty), refused with ``reason`` otherwise."""
        value = obj.get(key, [])
        if not isinstance(value, list) or not (value or empty) or not all(isinstance(x, str) and x for x in value):
            raise self.fail("FORM_BAD_VALUE", where, key, reason=reason)
        return value

    def fields(self, template: str, where: str, key: str) -> list[str]:
        """The {names} a message or draft template uses; a malformed template is refused here, at load time."""
        try:
            return [name for _, name, _, _ in Formatter().parse(template) if name is not None]
        except ValueError as exc:
            raise self.fail("FORM_BAD_VALUE", where, key, reason=f"模板格式错误：{exc}") from None

    def string(self, obj: dict, key: str, where: str) -> str:
        value = obj[key]
        if not isinstance(value, str) or not value:
            raise self.fail("FORM_BAD_VALUE", where, key, reason="应为非空文字")
        return value


def _no_duplicates(ctx: _Ctx):
    def hook(pairs: list[tuple[str, object]]) -> dict:
        seen: dict = {}
        for key, value in pairs:
            if key in seen:
                raise ctx.fail("FORM_DUPLICATE_KEY", "对象", key)
            seen[key] = value
        return seen

    return hook


def load_form_file(path: Path) -> Form:
    """Load and validate one form definition file."""
    ctx = _Ctx(path.name)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ctx.fail("FORM_READ", reason=text("REASON_NOT_UTF8")) from None
    except OSError as exc:
        raise ctx.fail("FORM_READ", reason=os_reason(exc)) from None
    try:
        data = json.loads(raw, object_pairs_hook=_no_duplicates(ctx))
    except json.JSONDecodeError as exc:
        raise OgiError("FORM_JSON", file=path.name, line=exc.lineno, column=exc.colno, reason=json_reason(exc.msg)) from None
    return _build(ctx, data, path)


def _build(ctx: _Ctx, data: object, path: Path) -> Form:
    top = ctx.keys(data, (_TOP, set()), "顶层")
    types = {name: _type(ctx, name, spec) for name, spec in _dict(ctx, top, "types").items()}
    meta = tuple(_meta(ctx, m) for m in _list(ctx, top, "meta"))
    _unique(ctx, [m.id for m in meta], "meta")
    _unique(ctx, [m.role for m in meta if m.role], "meta.role")
    sections, tables = _sections(ctx, _list(ctx, top, "sections"), types)
    rules = tuple(_rule(ctx, r) for r in _list(ctx, top, "rules"))
    _unique(ctx, [r.id for r in rules], "rules")
    cells = expand.build_cells(ctx, tables, types)
    instances, totals = expand.expand_rules(ctx, rules, expand.Scope(tables, cells, sections, meta))
    title = ctx.string(top, "report_title", "顶层")
    _check_template(ctx, title, frozenset(m.role for m in meta if m.role), "report_title")
    return Form(
        id=ctx.string(top, "form", "顶层"),
        edition=ctx.string(top, "edition", "顶层"),
        title=ctx.string(top, "title", "顶层"),
        basis=ctx.string(top, "basis", "顶层"),
        report_title=title,
        source=str(path),
        types=types,
        meta=meta,
        sections=sections,
        tables=tables,
        cells=cells,
        rules=rules,
        instances=instances,
        totals=totals,
    )


def _dict(ctx: _Ctx, obj: dict, key: str) -> dict:
    if not isinstance(obj[key], dict):
        raise ctx.fail("FORM_BAD_VALUE", "顶层", key, reason="应为对象")
    return obj[key]


def _list(ctx: _Ctx, obj: dict, key: str, where: str = "顶层") -> list:
    if not isinstance(obj[key], list):
        raise ctx.fail("FORM_BAD_VALUE", where, key, reason="应为列表")
    return obj[key]


def _unique(ctx: _Ctx, ids: list[str], where: str) -> None:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise ctx.fail("FORM_DUPLICATE_ID", where, ident)
        seen.add(ident)


def _int(ctx: _Ctx, obj: dict, key: str, where: str, default: int | None = None) -> int:
    value = obj.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ctx.fail("FORM_BAD_VALUE", where, key, reason="应为整数")
    return value


def _type(ctx: _Ctx, name: str, spec: object) -> ValueType:
    where = f"types.{name}"
    spec = ctx.keys(spec, _TYPE, where)
    if spec["kind"] not in ("integer", "decimal"):
        raise ctx.fail("FORM_BAD_VALUE", where, "kind", reason="应为 integer 或 decimal")
    units = ctx.strings(spec, "units", where)
    return ValueType(
        name=name,
        kind=spec["kind"],
        minimum=_int(ctx, spec, "min", where),
        maximum=_int(ctx, spec, "max", where),
        places=_int(ctx, spec, "places", where, 0),
        units=tuple(units),
        label=str(spec.get("label", "")),
    )


def _meta(ctx: _Ctx, obj: object) -> MetaField:
    m = ctx.keys(obj, _META, "meta")
    if m["kind"] not in ("text", "year", "date", "choice"):
        raise ctx.fail("FORM_BAD_VALUE", "meta", "kind", reason="应为 text、year、date 或 choice")
    role = m.get("role")
    if role is not None and role not in META_ROLES:
        raise ctx.fail("FORM_BAD_VALUE", f"meta.{m['id']}", "role", reason=f"应为 {'、'.join(META_ROLES)} 之一")
    where = f"meta.{m['id']}"
    choices = tuple(_choice(ctx, where, c) for c in (_list(ctx, m, "choices", where) if "choices" in m else []))
    default = m.get("default", choices[0].id if choices else None)
    if (m["kind"] == "choice") != bool(choices) or (choices and default not in {c.id for c in choices}):
        raise ctx.fail("FORM_BAD_VALUE", where, "choices", reason="choice 字段须有 choices，default 须为其中之一")
    _unique(ctx, [c.id for c in choices], f"{where}.choices")
    args = (ctx.string(m, "id", "meta"), ctx.string(m, "label", "meta"), m["kind"], bool(m["required"]), role)
    return MetaField(*args, choices=choices, default=default)


def _choice(ctx: _Ctx, where: str, obj: object) -> Choice:
    c = ctx.keys(obj, _CHOICE, f"{where}.choices")
    deadline = c.get("deadline")
    if deadline is not None and not (
        isinstance(deadline, list) and len(deadline) == 2 and all(isinstance(x, int) and x > 0 for x in deadline)
    ):
        raise ctx.fail("FORM_BAD_VALUE", where, "deadline", reason="应为 [月, 日]")
    suffixes = ctx.strings(c, "agency_suffixes", where)
    day = tuple(deadline) if deadline else None
    return Choice(ctx.string(c, "id", where), ctx.string(c, "label", where), day, tuple(suffixes))


def _sections(ctx: _Ctx, items: list, types: dict) -> tuple[tuple[Section, ...], dict[str, Table]]:
    sections: list[Section] = []
    tables: dict[str, Table] = {}
    for obj in items:
        s = ctx.keys(obj, _SECTION, "sections")
        sid = ctx.string(s, "id", "sections")
        if s["kind"] not in ("text", "table") or (s["kind"] == "table") != ("table" in s):
            raise ctx.fail("FORM_BAD_VALUE", f"sections.{sid}", "kind", reason="text 部分不能带表格，table 部分必须带表格")
        sections.append(Section(sid, ctx.string(s, "title", f"sections.{sid}"), s["kind"]))
        if "table" in s:
            tables[sid] = _table(ctx, sid, sections[-1].title, s["table"], types)
    _unique(ctx, [s.id for s in sections], "sections")
    return tuple(sections), tables


def _table(ctx: _Ctx, tid: str, title: str, obj: object, types: dict) -> Table:
    where = f"sections.{tid}.table"
    t = ctx.keys(obj, _TABLE, where)
    if t["orientation"] not in ("portrait", "landscape"):
        raise ctx.fail("FORM_BAD_VALUE", where, "orientation", reason="应为 portrait 或 landscape")
    if t["default_type"] not in types:
        raise ctx.fail("FORM_BAD_VALUE", where, "default_type", reason="未定义的数值类型")
    blocks = tuple(_block(ctx, f"{where}.blocks[{i}]", b, types) for i, b in enumerate(_list(ctx, t, "blocks", where)))
    if not blocks:
        raise ctx.fail("FORM_BAD_VALUE", where, "blocks", reason="至少需要一个部分")
    return Table(tid, ctx.string(t, "name", where), title, t["orientation"], t["default_type"], blocks)


def _block(ctx: _Ctx, where: str, obj: object, types: dict) -> Block:
    b = ctx.keys(obj, _BLOCK, where)
    columns = tuple(_node(ctx, f"{where}.columns", n, types) for n in _list(ctx, b, "columns", where))
    rows = tuple(_node(ctx, f"{where}.rows", n, types) for n in b.get("rows", []))
    for key in ("caption", "corner"):
        if key in b and not isinstance(b[key], str):
            raise ctx.fail("FORM_BAD_VALUE", where, key, reason="应为文字")
    col_leaves = _leaves(columns)
    row_leaves = _leaves(rows) if rows else (Leaf("", (), "", 1, None),)
    for leaf in col_leaves + (row_leaves if rows else ()):
        if not leaf.path or leaf.path.split(".")[-1] == "":
            raise ctx.fail("FORM_MISSING_KEY", where, "key")
    return Block(b.get("caption"), b.get("corner"), columns, rows, col_leaves, row_leaves)


def _node(ctx: _Ctx, where: str, obj: object, types: dict) -> HeaderNode:
    n = ctx.keys(obj, _NODE, where)
    key = n.get("key", "")
    if key and not _KEY.match(key):
        raise ctx.fail("FORM_BAD_VALUE", where, "key", reason="只能用小写字母、数字和下划线")
    if "type" in n and n["type"] not in types:
        raise ctx.fail("FORM_BAD_VALUE", where, "type", reason=f"未定义的数值类型 {n['type']}")
    children = tuple(_node(ctx, f"{where}.{key or n['label']}", c, types) for c in n.get("children", []))
    span = _int(ctx, n, "span", where, 1)
    if span < 1 or (children and span != 1):
        raise ctx.fail("FORM_BAD_VALUE", where, "span", reason="应为正整数，且只能用于末级")
    return HeaderNode(key, ctx.string(n, "label", where), children, span, n.get("type"))


def _leaves(nodes: tuple[HeaderNode, ...], keys=(), labels=(), places=()) -> tuple[Leaf, ...]:
    out: list[Leaf] = []
    for node in nodes:
        k = keys + ((node.key,) if node.key else ())
        lab = (*labels, node.label)
        pl = places + ((node.label,) if node.key else ())
        if node.is_leaf:
            out.append(Leaf(".".join(k) if node.key else "", lab, " ".join(pl), node.span, node.type_name))
        else:
            out.extend(_leaves(node.children, k, lab, pl))
    return tuple(out)


def _rule(ctx: _Ctx, obj: object) -> Rule:
    if not isinstance(obj, dict) or obj.get("kind") not in KINDS:
        kind = obj.get("kind") if isinstance(obj, dict) else obj
        raise ctx.fail("FORM_BAD_VALUE", "rules", "kind", reason=f"未知的规则类型 {shorten(str(kind))}")
    kind = KINDS[obj["kind"]]
    r = ctx.keys(obj, (_RULE_COMMON | kind.required, kind.optional | {"source"}), f"rules.{obj.get('id', '?')}")
    rid = ctx.string(r, "id", "rules")
    if r["severity"] not in SEVERITIES:
        raise ctx.fail("FORM_BAD_VALUE", f"rules.{rid}", "severity", reason="应为 error、warning 或 incomplete")
    message = ctx.string(r, "message", f"rules.{rid}")
    _check_template(ctx, message, kind.fields, f"rules.{rid}")
    params = {k: v for k, v in r.items() if k not in _RULE_COMMON and k != "source"}
    return Rule(rid, r["kind"], r["severity"], message, params)


def _check_template(ctx: _Ctx, template: str, allowed: frozenset[str], where: str) -> None:
    """Refuse, at load time, a message naming a field its rule kind does not provide ({plcae})."""
    for name in ctx.fields(template, where, "message"):
        if name not in allowed:
            known = "、".join("{" + f + "}" for f in sorted(allowed))
            raise ctx.fail("FORM_BAD_VALUE", where, "message", reason=f"未知的字段 {{{shorten(name)}}}（可用：{known}）")


@cache
def load_form(form_id: str) -> Form:
    """The shipped form with id ``form_id`` (``ogi-2021``, ``ogi-2019``)."""
    if (
        not isinstance(form_id, str)
        or not re.fullmatch(r"[a-z0-9-]{1,40}", form_id)
        or not (FORMS_DIR / f"{form_id}.json").is_file()
    ):
        raise OgiError("FORM_UNKNOWN", form=shorten(str(form_id)), known="、".join(available_forms()))
    path = FORMS_DIR / f"{form_id}.json"
    form = load_form_file(path)
    if form.id != form_id:
        raise OgiError("FORM_BAD_VALUE", file=path.name, where="顶层", key="form", reason="应与文件名一致")
    return form


def load_form_for(form_id: str, file: object) -> Form:
    """Like :func:`load_form`, for a report file: an unknown edition names that file."""
    try:
        return load_form(form_id)
    except OgiError as exc:
        if exc.code != "FORM_UNKNOWN":
            raise
        raise OgiError("FILE_UNKNOWN_FORM", file=file, form=shorten(str(form_id)), known="、".join(available_forms())) from None


def available_forms() -> list[str]:
    """Ids of the shipped editions, newest first."""
    return sorted((p.stem for p in FORMS_DIR.glob("ogi-*.json")), reverse=True)


def newest_form() -> Form:
    """The edition a new report starts in: the newest the forms folder holds."""
    found = available_forms()
    if not found:
        raise OgiError("FORM_NONE_FOUND", folder=FORMS_DIR)
    return load_form(found[0])
