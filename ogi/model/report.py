"""The report: the figures, the narrative, the metadata and the clerk's notes.

Blank is not 0: a cell that was never entered holds no value. A total nobody typed is
computed from its parts (only once every part is known); a total that was typed, or
that an imported file carried, is *entered* and kept as it is, so the rules can check it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ogi.model.schema import META_ROLES, Form, Number
from ogi.model.values import format_number


@dataclass(frozen=True)
class Invalid:
    """Text that could not be read as a value (e.g. typed into the workbook in Excel)."""

    text: str
    reason: str
    source: str = ""  # where it came from, e.g. 「表三!D7」


@dataclass(frozen=True)
class _Graph:
    dependents: dict[str, tuple[str, ...]]  # cell → totals that use it directly
    rank: dict[str, int]  # topological rank of each total: parts first
    by_table: dict[str | None, tuple[str, ...]]  # table id (None: all) → its cell ids


@cache
def _graph(form: Form) -> _Graph:
    dependents: dict[str, list[str]] = {}
    for total, sums in form.totals.items():
        for parts in sums:
            for part in parts:
                dependents.setdefault(part, []).append(total)
    rank: dict[str, int] = {}

    def depth(cell: str) -> int:
        if cell not in rank:
            rank[cell] = 1 + max((depth(p) for s in form.totals.get(cell, ()) for p in s), default=-1)
        return rank[cell]

    for total in form.totals:
        depth(total)
    by_table: dict[str | None, tuple[str, ...]] = {None: tuple(form.cells)}
    for table in form.tables:
        by_table[table] = tuple(c.id for c in form.cells.values() if c.table == table)
    return _Graph({k: tuple(dict.fromkeys(v)) for k, v in dependents.items()}, rank, by_table)


class Report:
    """One year's report of one agency in one edition of the format."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.meta: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.notes: dict[str, str] = {}
        self.invalid: dict[str, Invalid] = {}
        self.notices: list[str] = []  # what the reader could not take in (text outside the recorded cells); not data
        self.addresses: dict[str, str] = {}  # cell id → 「表三!D7」 when read from a workbook
        self._stored: dict[str, Number] = {}
        self._computed: dict[str, Number | None] = {}
        self._graph = _graph(form)
        self.recompute()

    # -- reading -------------------------------------------------------------
    def role(self, role: str) -> str:
        """The metadata playing ``role`` (agency, year, date), stripped; empty when blank or absent."""
        field = self.form.meta_field(role)
        return (self.meta.get(field.id) or "").strip() if field else ""

    def title(self, **override: str) -> str:
        """The report's title from the form's template: the one place it is built."""
        values = {role: self.role(role) for role in META_ROLES} | override
        return self.form.report_title.format(**values)

    def strings(self, kind: str) -> dict[str, str]:
        """The texts of one kind: "text" (narrative sections), "meta" (基本信息) or "note" (说明)."""
        return {"text": self.texts, "meta": self.meta, "note": self.notes}[kind]

    def value(self, cell: str) -> Number | None:
        """The value a reader sees: entered, else computed (for totals), else None."""
        if cell in self._stored:
            return self._stored[cell]
        return self._computed.get(cell)

    def stored(self, cell: str) -> Number | None:
        """Only what was entered (input cells and entered totals)."""
        return self._stored.get(cell)

    def is_entered_total(self, cell: str) -> bool:
        return cell in self.form.totals and cell in self._stored

    def entered_totals(self) -> list[str]:
        return [c for c in self.form.cells if c in self.form.totals and c in self._stored]

    def stored_values(self) -> dict[str, Number]:
        return {c: self._stored[c] for c in self.form.cells if c in self._stored}

    def blank_cells(self, table: str | None = None) -> list[str]:
        stored, computed = self._stored, self._computed
        return [c for c in self._graph.by_table[table] if c not in stored and computed.get(c) is None]

    # -- editing -------------------------------------------------------------
    def set(self, cell: str, value: Number | None) -> list[str]:
        """Enter ``value`` (None clears it); returns every cell whose shown value may change.

        Setting a total makes it an entered total; clearing it returns it to automatic.
        """
        if cell not in self.form.cells:
            raise KeyError(cell)
        self.invalid.pop(cell, None)
        if value is None:
            self._stored.pop(cell, None)
        else:
            self._stored[cell] = value
        return self._propagate(cell)

    def put(self, cell: str, value: Number) -> None:
        """Bulk loading: store without recomputing; call :meth:`recompute` afterwards."""
        self._stored[cell] = value

    def set_invalid(self, cell: str, invalid: Invalid) -> list[str]:
        """Keep unreadable text for ``cell`` (never lose what the clerk typed)."""
        self._stored.pop(cell, None)
        self.invalid[cell] = invalid
        return self._propagate(cell)

    def make_automatic(self, cell: str) -> list[str]:
        """Return an entered total to automatic computation."""
        if cell not in self.form.totals:
            return []
        return self.set(cell, None)

    def blank_inputs(self, table: str | None = None) -> list[str]:
        """Blank cells a clerk may fill: not totals (they compute), not unreadable text (kept to fix)."""
        return [c for c in self.blank_cells(table) if c not in self.form.totals and c not in self.invalid]

    def fill_blanks(self, table: str | None = None) -> list[str]:
        """Enter 0 in every blank input cell (totals then compute); returns the filled cells."""
        filled = self.blank_inputs(table)
        for cell in filled:
            self._stored[cell] = 0
        self.recompute()
        return filled

    def recompute(self) -> None:
        """Recompute every automatic total from scratch (after bulk changes)."""
        self._computed = {}
        for total in sorted(self.form.totals, key=self._graph.rank.__getitem__):
            self._computed[total] = self._sum_of(total)

    def _propagate(self, cell: str) -> list[str]:
        changed = {cell}
        frontier = [cell]
        while frontier:
            for total in self._graph.dependents.get(frontier.pop(), ()):
                if total not in changed:
                    changed.add(total)
                    frontier.append(total)
        for total in sorted(changed - {cell}, key=self._graph.rank.__getitem__):
            self._computed[total] = self._sum_of(total)
        if cell in self.form.totals:
            self._computed[cell] = self._sum_of(cell)
        return sorted(changed, key=lambda c: self._graph.rank.get(c, -1))

    def _sum_of(self, total: str) -> Number | None:
        """Sum of the first complete definition with the fewest entered totals among its parts.

        A cell such as （七）总计 · 总计 is the sum of a row and of a column; preferring the
        side built from automatic values keeps one mistyped entered total from leaking into
        it, so the rules can point at the mistyped cell instead of at its consequence.
        """
        best: tuple[int, Number] | None = None
        for parts in self.form.totals[total]:
            values = [v for v in (self.value(p) for p in parts) if v is not None]
            if len(values) == len(parts):
                entered = sum(1 for p in parts if p in self._stored and p in self.form.totals)
                if best is None or entered < best[0]:
                    best = (entered, sum(values))
        return None if best is None else best[1]

    def computed(self, total: str) -> Number | None:
        """What automatic computation gives for ``total``, whether or not it was entered."""
        return self._computed.get(total)

    def shown(self, cell: str) -> str:
        """What a printed or published copy shows in a cell: its value, or the unreadable text kept for
        it (so that the clerk sees what is wrong), or nothing for a blank."""
        value = self.value(cell)
        bad = self.invalid.get(cell)
        return bad.text if value is None and bad else format_number(value)

    def settle_totals(self, values: dict[str, Number | None]) -> dict[str, Number | None]:
        """A block of values entered at once (a paste from Excel with its 总计 row): a total equal to
        the sum of what it totals, once the block is in, stays automatic (None here); one that differs
        is kept, to be entered as given."""
        trial = self.copy()
        for cell, value in values.items():
            trial.set(cell, None if self.form.is_total(cell) else value)
        return {
            cell: None if value is not None and self.form.is_total(cell) and trial.computed(cell) == value else value
            for cell, value in values.items()
        }

    def copy(self) -> Report:
        other = Report(self.form)
        other.meta, other.texts, other.notes = dict(self.meta), dict(self.texts), dict(self.notes)
        other.invalid, other._stored = dict(self.invalid), dict(self._stored)
        other.addresses = dict(self.addresses)
        other.recompute()
        return other

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return (self.form.id, self.meta, self.texts, self.notes, self.stored_values(), self.invalid) == (
            other.form.id,
            other.meta,
            other.texts,
            other.notes,
            other.stored_values(),
            other.invalid,
        )

    __hash__ = None  # type: ignore[assignment]  # mutable: never a dict key
