"""Turns tables into addressed cells and rules into concrete instances, at load time.

Doing this once while loading means every reference in a form file is proven to name a
real cell before any report is checked, and the engine works on flat, fast instances.
"""

from __future__ import annotations

from .schema import Cell, Instance, MetaField, Rule, Section, Table, ValueType

_TABLE_KINDS = ("sum", "balance", "previous")


def cell_id(table: str, row: str, column: str) -> str:
    return ".".join(part for part in (table, row, column) if part)


def build_cells(ctx, tables: dict[str, Table], types: dict[str, ValueType]) -> dict[str, Cell]:
    """Every data cell of every table, in reading order, keyed by its stable id."""
    cells: dict[str, Cell] = {}
    for table in tables.values():
        width = None
        for index, block in enumerate(table.blocks):
            depth = _depth(block.rows)
            block_width = depth + sum(leaf.span for leaf in block.column_leaves)
            if width is not None and block_width != width:
                raise ctx.fail("FORM_WIDTH", f"{table.name} 第 {index + 1} 部分", block_width)
            width = block_width
            for row in block.row_leaves:
                for col in block.column_leaves:
                    cid = cell_id(table.id, row.path, col.path)
                    if cid in cells:
                        raise ctx.fail("FORM_DUPLICATE_ID", table.name, cid)
                    vtype = types[col.type_name or row.type_name or table.default_type]
                    cells[cid] = Cell(cid, table.id, index, row, col, vtype)
    return cells


def _depth(nodes) -> int:
    return max((1 + _depth(n.children) for n in nodes), default=0)


def expand_rules(ctx, rules, tables, cells, sections: tuple[Section, ...], meta: tuple[MetaField, ...]):
    """Expand rules to instances; collect the computed totals and refuse cycles."""
    instances: list[Instance] = []
    totals: dict[str, list[tuple[str, ...]]] = {}
    text_ids = {s.id for s in sections if s.kind == "text"}
    meta_ids = {m.id for m in meta}
    for rule in rules:
        if rule.kind in _TABLE_KINDS:
            table = tables.get(rule.params["table"])
            if table is None:
                raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", rule.params["table"])
            for inst in _table_instances(ctx, rule, table, cells):
                instances.append(inst)
                if rule.kind == "sum" and rule.params.get("computed"):
                    totals.setdefault(inst.total, []).append(inst.parts)
        else:
            _check_refs(ctx, rule, text_ids, meta_ids)
            instances.append(Instance(key=rule.id, rule=rule, place=""))
    frozen = {k: tuple(v) for k, v in totals.items()}
    _refuse_cycles(ctx, frozen)
    keys = [i.key for i in instances]
    if len(keys) != len(set(keys)):
        raise ctx.fail("FORM_DUPLICATE_ID", "rules", next(k for k in keys if keys.count(k) > 1))
    return tuple(instances), frozen


def _check_refs(ctx, rule: Rule, text_ids: set[str], meta_ids: set[str]) -> None:
    for sid in rule.params.get("sections", []):
        if sid not in text_ids:
            raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", sid)
    for key in ("date", "year"):
        if key in rule.params and rule.params[key] not in meta_ids:
            raise ctx.fail("FORM_MISSING_CELL", f"rules.{rule.id}", rule.params[key])


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


def _resolve(ctx, rule: Rule, table: Table, cells: dict, ref: object, item: str) -> list[str]:
    """Cells named by ``ref`` for one item; a group name stands for all cells under it."""
    if not isinstance(ref, str):
        raise ctx.fail("FORM_BAD_VALUE", f"rules.{rule.id}", ref, reason="应为文字")
    each = rule.params.get("each")
    mine = [c for c in cells.values() if c.table == table.id]
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


def _under(path: str, ref: str) -> bool:
    return path == ref or path.startswith(ref + ".")


def _table_instances(ctx, rule: Rule, table: Table, cells: dict) -> list[Instance]:
    out = []
    for item, label in _items(ctx, rule, table):

        def res(name: str, item: str = item) -> tuple[str, ...]:
            refs = rule.params[name]
            refs = refs if isinstance(refs, list) else [refs]
            return tuple(c for ref in refs for c in _resolve(ctx, rule, table, cells, ref, item))

        key = f"{rule.id}/{item}" if item else rule.id
        if rule.kind == "sum":
            total, parts = _single(ctx, rule, res("total")), res("parts")
            place = f"{table.name} {cells[total].place}"
            out.append(Instance(key, rule, place, total=total, parts=parts, table=table.id))
        elif rule.kind == "balance":
            out.append(
                Instance(key, rule, f"{table.name} {label}".strip(), parts=res("left"), right=res("right"), table=table.id)
            )
        else:
            cell = _single(ctx, rule, res("cell"))
            previous = _single(ctx, rule, res("previous"))
            place = f"{table.name} {cells[cell].place}"
            out.append(Instance(key, rule, place, total=cell, right=(previous,), table=table.id))
    return out


def _single(ctx, rule: Rule, found: tuple[str, ...]) -> str:
    if len(found) != 1:
        raise ctx.fail("FORM_BAD_VALUE", f"rules.{rule.id}", "total", reason=f"应指向一个单元格，实际为 {len(found)} 个")
    return found[0]


def _refuse_cycles(ctx, totals: dict[str, tuple[tuple[str, ...], ...]]) -> None:
    state: dict[str, int] = {}

    def visit(cell: str, trail: list[str]) -> None:
        if state.get(cell) == 2:
            return
        if state.get(cell) == 1:
            raise ctx.fail("FORM_CYCLE", key=" → ".join(trail[trail.index(cell) :] + [cell]))
        state[cell] = 1
        for parts in totals.get(cell, ()):
            for part in parts:
                if part == cell:
                    raise ctx.fail("FORM_CYCLE", key=f"{cell} → {cell}")
                visit(part, trail + [cell])
        state[cell] = 2

    for cell in totals:
        visit(cell, [])
