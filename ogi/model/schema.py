"""Frozen dataclasses that a form definition file is loaded into.

Everything the grid, the rules, the workbook and the PDF need is here, so that a new
edition of the statutory format is a new data file and never new code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

META_ROLES = ("agency", "year", "date")  # metadata the title, the 落款 and file names look up, by role


@dataclass(frozen=True)
class ValueType:
    """How a cell's value is typed: ``integer`` or exact ``decimal`` within bounds."""

    name: str
    kind: str  # "integer" | "decimal"
    minimum: int
    maximum: int
    places: int = 0
    units: tuple[str, ...] = ()
    label: str = ""

    @property
    def signed(self) -> bool:
        return self.minimum < 0


@dataclass(frozen=True)
class HeaderNode:
    """One label of a row or column header tree; leaves carry data."""

    key: str
    label: str
    children: tuple[HeaderNode, ...] = ()
    span: int = 1
    type_name: str | None = None

    @property
    def is_leaf(self) -> bool:
        return not self.children


@dataclass(frozen=True)
class Leaf:
    """A leaf of a header tree with its path of keys and labels from the root."""

    path: str  # keys joined by "." (empty keys skipped)
    labels: tuple[str, ...]  # every label from the root, as printed
    place: str  # labels of the keyed nodes only: 「（三）不予公开 1.属于国家秘密」
    span: int
    type_name: str | None


@dataclass(frozen=True)
class Block:
    """A rectangular part of a table: optional caption, corner label, headers, data."""

    caption: str | None
    corner: str | None
    columns: tuple[HeaderNode, ...]
    rows: tuple[HeaderNode, ...]
    column_leaves: tuple[Leaf, ...]
    row_leaves: tuple[Leaf, ...]


@dataclass(frozen=True, eq=False)
class Table:
    """Compared and hashed by identity, like the form that holds it (the grid is cached per table)."""

    id: str
    name: str  # 表二, 表三 …
    title: str
    orientation: str
    default_type: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Cell:
    """One data cell of a table, addressed by a stable id such as ``t3.new.natural``."""

    id: str
    table: str
    block: int
    row: Leaf
    column: Leaf
    type: ValueType

    @property
    def place(self) -> str:
        """The place as a clerk reads it: 「（七）总计 · 自然人」."""
        return " · ".join(part for part in (self.row.place, self.column.place) if part)


@dataclass(frozen=True)
class Choice:
    """One answer of a ``choice`` field, with the facts of the format that follow from it (who
    reports decides the deadline: 条例第四十九条), declared in the form file with their source."""

    id: str
    label: str
    deadline: tuple[int, int] | None = None  # (month, day) of the year after the report year
    agency_suffixes: tuple[str, ...] = ()  # a 机关全称 ending so is taken as this choice when none is made


@dataclass(frozen=True)
class MetaField:
    id: str
    label: str
    kind: str  # "text" | "year" | "date" | "choice"
    required: bool
    role: str | None = None  # "agency" | "year" | "date": what title, 落款 and file names look up
    choices: tuple[Choice, ...] = ()
    default: str | None = None  # choice id when neither chosen nor implied by the 机关全称

    def choice(self, raw: str, agency: str = "") -> Choice | None:
        """The choice ``raw`` names (by label or id); blank: implied by the 机关全称, else the default."""
        raw = (raw or "").strip()
        if raw:
            return next((c for c in self.choices if raw in (c.label, c.id)), None)
        implied = next((c for c in self.choices if agency.strip().endswith(c.agency_suffixes or ("\0",))), None)
        return implied or next((c for c in self.choices if c.id == self.default), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    kind: str  # "text" | "table"


@dataclass(frozen=True)
class Rule:
    """A rule as written in the form file; the engine expands it into instances."""

    id: str
    kind: str
    severity: str
    message: str
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, eq=False)
class Form:
    """One edition of the format, as loaded (``load_form`` keeps one object per edition).

    Compared and hashed by identity: caches keyed by the form (the checker's index, the report's
    total graph) are consulted on every keystroke, and hashing every rule and instance each time
    cost the window about a millisecond per key."""

    id: str
    edition: str
    title: str
    basis: str
    report_title: str
    source: str
    types: dict[str, ValueType] = field(hash=False)
    meta: tuple[MetaField, ...]
    sections: tuple[Section, ...]
    tables: dict[str, Table] = field(hash=False)
    cells: dict[str, Cell] = field(hash=False)
    rules: tuple[Rule, ...]
    instances: tuple[Instance, ...]
    totals: dict[str, tuple[tuple[str, ...], ...]] = field(hash=False)

    def table_cells(self, table_id: str) -> list[Cell]:
        return [c for c in self.cells.values() if c.table == table_id]

    def is_total(self, cell_id: str) -> bool:
        return cell_id in self.totals

    def text_sections(self) -> list[Section]:
        return [s for s in self.sections if s.kind == "text"]

    def place_of(self, cell_id: str) -> str:
        """A cell's place as a clerk names it: table, row and column (「表三 （七）总计 · 自然人」)."""
        cell = self.cells[cell_id]
        return f"{self.tables[cell.table].name} {cell.place}"

    def meta_field(self, role: str) -> MetaField | None:
        """The metadata field that plays ``role`` (see ``loader.META_ROLES``), if the form has one."""
        return next((m for m in self.meta if m.role == role), None)


Number = int | Decimal


@dataclass(frozen=True)
class Instance:
    """One concrete check produced by expanding a rule (e.g. T3-2 for the 自然人 column)."""

    key: str  # stable across sessions: "T3-2/natural"; notes are keyed by it
    rule: Rule
    place: str
    total: str = ""  # sum: the total cell; previous: this year's cell ("" for kinds without one)
    parts: tuple[str, ...] = ()  # sum: the parts; balance: the left side
    right: tuple[str, ...] = ()  # balance: the right side
    table: str | None = None
    previous: tuple[str, ...] = ()  # cells of last year's report it compares with (not this report's)

    @property
    def cells(self) -> tuple[str, ...]:
        """This report's cells the instance reads."""
        head = (self.total,) if self.total else ()
        return head + self.parts + self.right
