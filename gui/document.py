"""One open report as the window sees it: the report, its Checker, undo stack and journal.

The report stays the single owner of the data; every change — a keystroke preview, a
committed edit, undo, redo, a paste — goes through :meth:`Document.apply_cells` or
:meth:`Document.apply_text`, which re-check, tell the views what changed and journal it.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ogi.formats.journal import JournalWriter, cells_entry, previous_entry, text_entry
from ogi.formats.regular import Stamp
from ogi.formats.safesave import reason
from ogi.model.checker import Checker
from ogi.model.report import Invalid, Report
from ogi.model.rules import Finding, carried_values
from ogi.model.schema import Number
from ogi.model.values import parse

from .marks import CellMark, marks_for

CellState = tuple  # (stored value or None, Invalid or None)
TEXT_JOURNAL_DELAY_MS = 700  # narrative typing is journaled when the clerk pauses
TEXT_UNDO_PAUSE_S = 1.5  # a typing pause this long starts a new undo step in a narrative box
PHRASE_ENDS = frozenset("。！？；，、：\n.!?;,")  # after one of these, the next typing is a new undo step


def inserted(old: str, new: str) -> str:
    """The characters typed (or pasted) to turn ``old`` into ``new`` ("" for a deletion)."""
    if len(new) <= len(old):
        return ""
    start = 0
    while start < len(old) and old[start] == new[start]:
        start += 1
    return new[start : start + len(new) - len(old)]


class Document(QObject):
    cellsChanged = Signal(list)  # cell ids whose value or marking may have changed
    findingsChanged = Signal()
    textChanged = Signal(str, str)  # kind ("text" | "meta" | "note"), key
    previousChanged = Signal()
    journalFailed = Signal(str)  # the recovery journal could not be written (disk full, folder gone …)

    def __init__(self, report: Report, path: Path | None = None, journal: JournalWriter | None = None, parent=None) -> None:
        super().__init__(parent)
        self.report = report
        self.path = Path(path) if path else None
        self.disk_stamp: Stamp | None = Stamp.of(self.path)  # the version on disk we read or wrote last
        self.previous_path: Path | None = None
        self.checker = Checker(report)
        self.undo = QUndoStack(self)
        self.journal = journal
        self._preview: tuple[str, CellState] | None = None
        self._merge_generation = 0
        self._typed_at = 0.0
        self.clock = time.monotonic  # tests replace it to make pauses
        self._pending: dict[tuple[str, str], str] = {}
        self._timer = QTimer(self, singleShot=True, interval=TEXT_JOURNAL_DELAY_MS, timeout=self.flush_journal)
        self.last_change: tuple[str, object] | None = None  # ("cells", [ids]) or (kind, key): what undo reveals
        self._findings: list[Finding] = []
        self._marks: dict[str, CellMark] = {}
        self._refresh_findings()

    # -- reading ---------------------------------------------------------------
    @property
    def form(self):
        return self.report.form

    def findings(self) -> list[Finding]:
        return self._findings

    def mark(self, cell: str) -> CellMark | None:
        return self._marks.get(cell)

    def cell_state(self, cell: str) -> CellState:
        return (self.report.stored(cell), self.report.invalid.get(cell))

    def parse(self, cell: str, raw: str):
        return parse(raw, self.form.cells[cell].type)

    # -- the one way cells change ------------------------------------------------
    def apply_cells(self, states: dict[str, CellState], journal: bool = True) -> None:
        changed: list[str] = []
        for cell, (value, bad) in states.items():
            changed += self.report.set_invalid(cell, bad) if bad is not None else self.report.set(cell, value)
        if journal:
            self.last_change = ("cells", list(states))
        if len(states) == 1:
            self.checker.cells_changed(changed)
        else:
            self.checker.check_all()
        self.cellsChanged.emit(list(dict.fromkeys(changed)))
        self._refresh_findings()
        if journal:
            self._journal(cells_entry(self.report, list(states)))

    def apply_text(self, kind: str, key: str, value: str, journal: bool = True) -> None:
        self.last_change = (kind, key)
        target = self.report.strings(kind)
        if value:
            target[key] = value
        else:
            target.pop(key, None)
        if kind == "text":
            self.checker.texts_changed()
        elif kind == "meta":
            self.checker.meta_changed()
        self.textChanged.emit(kind, key)
        self._refresh_findings()
        if journal:
            self._pending[(kind, key)] = value
            self._timer.start()

    def text_value(self, kind: str, key: str) -> str:
        return self.report.strings(kind).get(key, "")

    # -- keystroke preview ---------------------------------------------------------
    def preview(self, cell: str, raw: str) -> str | None:
        """Apply what is being typed tentatively; returns the parser's reason if it cannot be read."""
        if self._preview is None or self._preview[0] != cell:
            self._preview = (cell, self.cell_state(cell))
        got = self.parse(cell, raw)
        state = self._preview[1] if not got.ok else (got.value, None)
        if state != self.cell_state(cell):
            self.apply_cells({cell: state}, journal=False)
        return got.error

    def cancel_preview(self) -> None:
        """Esc: the old value and the old findings come back."""
        if self._preview is not None:
            cell, original = self._preview
            self._preview = None
            if original != self.cell_state(cell):
                self.apply_cells({cell: original}, journal=False)

    def commit(self, cell: str, raw: str) -> str | None:
        """Enter/Tab: make the typed value an undoable edit; returns the reason if refused."""
        got = self.parse(cell, raw)
        if not got.ok:
            return got.error
        original = self._preview[1] if self._preview and self._preview[0] == cell else self.cell_state(cell)
        self._preview = None
        self.set_cells({cell: (got.value, None)}, before={cell: original})
        return None

    def has_preview(self, cell: str) -> bool:
        return self._preview is not None and self._preview[0] == cell

    # -- undoable edits ------------------------------------------------------------
    def set_cells(self, after: dict[str, CellState], text: str = "", before: dict[str, CellState] | None = None) -> None:
        from .commands import CellsCommand

        before = before or {c: self.cell_state(c) for c in after}
        if before == after and all(self.cell_state(c) == s for c, s in after.items()):
            return
        self.undo.push(CellsCommand(self, before, after, text or self.tr("编辑单元格")))

    def paste(self, states: dict[str, CellState]) -> str:
        """One undo step; a pasted total equal to the sum of what it totals stays automatic (Excel's copied
        column with its 总计 row), one that differs becomes an entered total. Returns the step's wording."""
        settled = self.report.settle_totals({c: None if bad is not None else v for c, (v, bad) in states.items()})
        states = dict(states)
        entered = 0
        for cell, (value, bad) in states.items():
            if not self.form.is_total(cell) or (bad is None and value is None):
                continue
            if bad is None and settled[cell] is None:
                states[cell] = (None, None)  # equal to its sum: stays automatic
            else:
                entered += 1
        if all(self.cell_state(c) == s for c, s in states.items()):  # no undo step: say so, or Ctrl+Z surprises
            return self.tr("粘贴的 {0} 个单元格与原内容相同，没有修改").format(len(states))
        text = self.tr("粘贴 {0} 个单元格").format(len(states))
        if entered:
            text = self.tr("粘贴 {0} 个单元格，其中 {1} 个合计改为手工填写").format(len(states), entered)
        self.set_cells(states, text)
        return text

    def set_values(self, values: dict[str, Number | None], text: str = "") -> None:
        self.set_cells({c: (v, None) for c, v in values.items()}, text)

    def set_invalid(self, cells: dict[str, Invalid], text: str = "") -> None:
        self.set_cells({c: (None, bad) for c, bad in cells.items()}, text)

    def edit_text(self, kind: str, key: str, value: str) -> None:
        from .commands import TextCommand

        old = self.text_value(kind, key)
        if old == value:
            return
        now = self.clock()
        if now - self._typed_at > TEXT_UNDO_PAUSE_S:
            self._merge_generation += 1
        self._typed_at = now
        self.undo.push(TextCommand(self, kind, key, old, value, self._merge_generation))
        if PHRASE_ENDS.intersection(inserted(old, value)):
            self._merge_generation += 1  # a phrase ended: undo goes back one phrase at a time

    def break_merge(self) -> None:
        """The clerk left a text field: the next typing there is a new undo step."""
        self._merge_generation += 1

    def fill_cells(self, cells: tuple[str, ...]) -> int:
        """Fill the blank input cells among ``cells`` (a grouped finding's) with 0, as one undo step."""
        blanks = [c for c in cells if c not in self.form.totals and self.report.value(c) is None]
        self.set_values(dict.fromkeys(blanks, 0), self.tr("空白单元格填为 0"))
        return len(blanks)

    def fill_blanks(self, table: str) -> int:
        blanks = self.report.blank_inputs(table)
        self.set_values(dict.fromkeys(blanks, 0), self.tr("空白单元格填为 0"))
        return len(blanks)

    def make_automatic(self, cells: list[str]) -> None:
        entered = [c for c in cells if self.report.is_entered_total(c)]
        self.set_values(dict.fromkeys(entered), self.tr("恢复自动计算"))

    def carry_in(self, previous: Report, path: Path | None) -> int:
        """Prefill this year's 上年结转 from last year's report, as the form's previous-year rules pair them."""
        self.previous_path = Path(path) if path else None
        self.checker.set_previous(previous)
        self._journal(previous_entry(self.previous_path))
        pairs = carried_values(self.report, previous)
        self.set_values(pairs, self.tr("载入上年结转"))
        self._refresh_findings()
        self.previousChanged.emit()
        return len(pairs)

    # -- findings -----------------------------------------------------------------
    def _refresh_findings(self) -> None:
        self._findings = self.checker.findings()
        marks = marks_for(self._findings, self.report.notes)
        changed = [c for c in set(marks) | set(self._marks) if marks.get(c) != self._marks.get(c)]
        self._marks = marks
        if changed:
            self.cellsChanged.emit(changed)
        self.findingsChanged.emit()

    def notes_changed(self) -> None:
        self._refresh_findings()

    # -- journal -------------------------------------------------------------------
    def _journal(self, entry: dict) -> None:
        self.flush_journal()  # keep the journal in the order the edits happened
        self._append(entry)

    def flush_journal(self) -> None:
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for (kind, key), value in pending.items():
            self._append(text_entry(kind, key, value))

    def _append(self, entry: dict) -> None:
        if self.journal is None:
            return
        try:
            if not self.journal.started and self.previous_path and entry.get("op") != "previous":
                self.journal.append(previous_entry(self.previous_path))
            self.journal.append(entry)
        except OSError as exc:  # editing goes on; the clerk is told that recovery is off
            self.journal = None
            self.journalFailed.emit(reason(exc))

    def rotate_journal(self, journal: JournalWriter | None) -> None:
        """After a save: the old journal is obsolete; edits from now on go to a fresh one."""
        self._pending.clear()
        self._timer.stop()
        if self.journal is not None:
            self.journal.close(remove=True)
        self.journal = journal
