"""Turns tables into addressed cells and rules into concrete instances, at load time.

Doing this once while loading means every reference in a form file is proven to name a
real cell before any report is checked, and the engine works on flat, fast instances.
"""

from __future__ import annotations

from dataclasses import dataclass

from ogi.model.rules import KINDS
from ogi.model.rules.tables import cell_id
from ogi.model.schema import Cell, Instance, MetaField, Section, Table, ValueType

__all__ = ["Scope", "build_cells", "cell_id", "expand_rules"]


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


@dataclass(frozen=True)
class Scope:
    """What a rule may refer to while it is expanded."""

    tables: dict[str, Table]
    cells: dict[str, Cell]
    sections: tuple[Section, ...]
    meta: tuple[MetaField, ...]


def expand_rules(ctx, rules, scope: Scope):
    """Expand rules to instances through their kinds; collect the computed totals and refuse cycles."""
    instances: list[Instance] = []
    totals: dict[str, list[tuple[str, ...]]] = {}
    for rule in rules:
        kind = KINDS[rule.kind]
        made = kind.expand(ctx, rule, scope) if kind.expand else [Instance(key=rule.id, rule=rule, place="")]
        for inst in made:
            instances.append(inst)
            if kind.defines_totals and rule.params.get("computed"):
                totals.setdefault(inst.total, []).append(inst.parts)
    frozen = {k: tuple(v) for k, v in totals.items()}
    _refuse_cycles(ctx, frozen)
    keys = [i.key for i in instances]
    if len(keys) != len(set(keys)):
        raise ctx.fail("FORM_DUPLICATE_ID", "rules", next(k for k in keys if keys.count(k) > 1))
    return tuple(instances), frozen


def _refuse_cycles(ctx, totals: dict[str, tuple[tuple[str, ...], ...]]) -> None:
    state: dict[str, int] = {}

    def visit(cell: str, trail: list[str]) -> None:
        if state.get(cell) == 2:
            return
        if state.get(cell) == 1:
            raise ctx.fail("FORM_CYCLE", key=" → ".join([*trail[trail.index(cell) :], cell]))
        state[cell] = 1
        for parts in totals.get(cell, ()):
            for part in parts:
                if part == cell:
                    raise ctx.fail("FORM_CYCLE", key=f"{cell} → {cell}")
                visit(part, [*trail, cell])
        state[cell] = 2

    for cell in totals:
        visit(cell, [])
