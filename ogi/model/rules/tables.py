"""Rule kinds over a table's cells: ``sum``, ``balance`` and ``previous`` (last year's report).

Each rule names cells relative to its table and may be repeated over every row, every column or
a list of items (``each``); it is expanded into one instance per item when the form loads, so
every reference is proven to name real cells before any report is checked.
"""

from __future__ import annotations

from ogi.model.report import Report
from ogi.model.rules.common import NUMBER_FIELDS, add, failed, fmt, incomplete
from ogi.model.rules.finding import Finding
from ogi.model.rules.registry import RuleKind, register
from ogi.model.schema import Cell, Instance, Number, Rule, Table


def cell_id(table: str, row: str, column: str) -> str:
    return ".".join(part for part in (table, row, column) if part)


# -- expansion ----------------------------------------------------------------------------
def _table(ctx, rule: Rule, scope) -> Table:
    table = scope.tables.get(rule.params["table"])
    if table is None:
        raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", rule.params["table"])
    return table


def _items(ctx, rule: Rule, table: Table) -> list[tuple[str, str]]:
    """(item key, item label) pairs the rule is repeated over."""
    each = rule.params.get("each")
    block = table.blocks[0]
    if each is None:
        return [("", "")]
    if each == "column":
        return [(leaf.path, leaf.place) for leaf in block.column_leaves]
    if each == "row":
        return [(leaf.path, leaf.place) for leaf in block.row_leaves]
    if isinstance(each, list) and all(isinstance(x, str) and x for x in each):
        return [(x, "") for x in each]
    raise ctx.fail("FORM_BAD_VALUE", f"rules.{rule.id}", "each", reason="应为 row、column 或文字列表")


def _under(path: str, ref: str) -> bool:
    return path == ref or path.startswith(ref + ".")


def _resolve(ctx, rule: Rule, table: Table, mine: list[Cell], ref: object, item: str) -> list[str]:
    """Cells named by ``ref`` for one item; a group name stands for all cells under it."""
    if not isinstance(ref, str):
        raise ctx.fail("FORM_BAD_VALUE", f"rules.{rule.id}", ref, reason="应为文字")
    each = rule.params.get("each")
    if each == "column":
        found = [c.id for c in mine if c.column.path == item and _under(c.row.path, ref)]
    elif each == "row":
        found = [c.id for c in mine if c.row.path == item and _under(c.column.path, ref)]
    else:
        rel = cell_id(table.id, ref.replace("{}", item), "")
        found = [c.id for c in mine if _under(c.id, rel)]
    if not found:
        raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", ref.replace("{}", item) if item else ref)
    return found


def _single(ctx, rule: Rule, found: tuple[str, ...], name: str) -> str:
    if len(found) != 1:
        raise ctx.fail("FORM_BAD_VALUE", f"rules.{rule.id}", name, reason=f"应指向一个单元格，实际为 {len(found)} 个")
    return found[0]


def per_item(ctx, rule: Rule, scope):
    """Yield (instance key, item label, resolver) for every item of a table rule."""
    table = _table(ctx, rule, scope)
    mine = [c for c in scope.cells.values() if c.table == table.id]
    for item, label in _items(ctx, rule, table):

        def res(name: str, item: str = item) -> tuple[str, ...]:
            refs = rule.params[name]
            refs = refs if isinstance(refs, list) else [refs]
            return tuple(c for ref in refs for c in _resolve(ctx, rule, table, mine, ref, item))

        yield table, (f"{rule.id}/{item}" if item else rule.id), label, res


def _expand_sum(ctx, rule: Rule, scope) -> list[Instance]:
    out = []
    for table, key, _label, res in per_item(ctx, rule, scope):
        total = _single(ctx, rule, res("total"), "total")
        place = f"{table.name} {scope.cells[total].place}"  # the Form (and its place_of) does not exist yet
        out.append(Instance(key, rule, place, total=total, parts=res("parts"), table=table.id))
    return out


def _expand_balance(ctx, rule: Rule, scope) -> list[Instance]:
    return [
        Instance(key, rule, f"{table.name} {label}".strip(), parts=res("left"), right=res("right"), table=table.id)
        for table, key, label, res in per_item(ctx, rule, scope)
    ]


def this_and_last_year(ctx, rule: Rule, res) -> tuple[str, str]:
    """The one cell of this year's report a rule compares, and the one of last year's it compares with."""
    return _single(ctx, rule, res("cell"), "cell"), _single(ctx, rule, res("previous"), "previous")


def _expand_previous(ctx, rule: Rule, scope) -> list[Instance]:
    out = []
    for table, key, _label, res in per_item(ctx, rule, scope):
        cell, previous = this_and_last_year(ctx, rule, res)
        place = f"{table.name} {scope.cells[cell].place}"
        out.append(Instance(key, rule, place, total=cell, previous=(previous,), table=table.id))
    return out


# -- evaluation ---------------------------------------------------------------------------
def _sum(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    total = report.value(inst.total)
    parts = [report.value(p) for p in inst.parts]
    missing = [c for c, v in zip(inst.parts, parts, strict=True) if v is None] or ([inst.total] if total is None else [])
    if missing or total is None:  # a blank total is a consequence of its blank parts: name the parts
        return incomplete(inst, report, missing)
    computed = add(parts)
    return [] if total == computed else failed(inst, total, computed, (inst.total,))


def _balance(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    left = [report.value(c) for c in inst.parts]
    right = [report.value(c) for c in inst.right]
    missing = [c for c, v in zip(inst.cells, left + right, strict=True) if v is None]
    if missing:
        return incomplete(inst, report, missing)
    a, b = add(left), add(right)
    if a == b:
        return []
    terms = {"left_terms": " + ".join(map(fmt, left)), "right_terms": " + ".join(map(fmt, right))}
    return failed(inst, a, b, inst.cells, left=fmt(a), right=fmt(b), **terms)


def _previous(inst: Instance, report: Report, previous: Report | None) -> list[Finding]:
    if previous is None or inst.previous[0] not in previous.form.cells:
        return []
    last = previous.value(inst.previous[0])
    now = report.value(inst.total)
    if last is None:
        return []
    if now is None:
        return incomplete(inst, report, [inst.total])
    return [] if now == last else failed(inst, now, last, (inst.total,))


def carried_values(report: Report, previous: Report) -> dict[str, Number]:
    """This year's input cells that the form's previous-year rules pair with last year's report
    (上年结转 ← 结转下年度继续办理), with last year's values: what "load last year" prefills."""
    pairs = {}
    for inst in report.form.instances:
        if inst.rule.kind != "previous" or inst.total in report.form.totals or inst.previous[0] not in previous.form.cells:
            continue
        value = previous.value(inst.previous[0])
        if value is not None:
            pairs[inst.total] = value
    return pairs


_TABLE_PARAMS = frozenset({"table"})
register(
    RuleKind(
        "sum",
        _TABLE_PARAMS | {"total", "parts"},
        frozenset({"each", "computed"}),
        NUMBER_FIELDS,
        _sum,
        expand=_expand_sum,
        defines_totals=True,
    )
)
register(
    RuleKind(
        "balance",
        _TABLE_PARAMS | {"left", "right"},
        frozenset({"each"}),
        NUMBER_FIELDS | {"left", "right", "left_terms", "right_terms"},
        _balance,
        expand=_expand_balance,
    )
)
register(
    RuleKind(
        "previous",
        _TABLE_PARAMS | {"cell", "previous"},
        frozenset({"each"}),
        NUMBER_FIELDS,
        _previous,
        expand=_expand_previous,
    )
)
