"""The statutory table as the clerk sees it: the paper form's grid, with spreadsheet habits.

Merged labels come from the grid's spans; column widths and row heights are computed from
the font (so 100–200 % scaling stays right) and the view is sized to its whole content, so
the form scrolls as one page. Enter moves down, Tab right, skipping label cells; Delete
clears; a block copied from Excel or WPS pastes as one undoable step.
"""

from __future__ import annotations

import csv
import io
import math

from PySide6.QtCore import QEvent, QModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QAbstractScrollArea, QHeaderView, QMenu, QTableView

from ogi.model.layout import VALUE
from ogi.model.report import Invalid

from .delegate import TEXT_FLAGS, CellDelegate, label_padding
from .document import Document
from .tablemodel import TableModel

_Move = QAbstractItemView.CursorAction
_STEPS = {
    _Move.MoveDown: (1, 0, False),
    _Move.MoveUp: (-1, 0, False),
    _Move.MoveRight: (0, 1, False),
    _Move.MoveLeft: (0, -1, False),
    _Move.MoveNext: (0, 1, True),
    _Move.MovePrevious: (0, -1, True),
}
_TYPED = QAbstractItemView.EditTrigger.AnyKeyPressed
_Hint = QAbstractItemDelegate.EndEditHint
_AFTER_EDIT = {_Hint.SubmitModelCache: (1, 0, False), _Hint.EditNextItem: (0, 1, True), _Hint.EditPreviousItem: (0, -1, True)}


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated text as Excel/WPS put it on the clipboard (\\r\\n, trailing newline, quotes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t", strict=False)] or [[""]]


def squeeze(widths: list[int], room: int, label_columns: int, em: int, value_min: int) -> list[int]:
    """Narrow the columns to fit ``room``: the widest row-label column first (its labels wrap, down to
    seven ideographs), then all value columns alike, never below ``value_min``. Header labels wrap;
    a table that still does not fit scrolls with the page."""
    widths = list(widths)
    excess = sum(widths) - room
    labels = sorted(range(label_columns), key=lambda c: -widths[c])
    for col in labels:
        if excess <= 0:
            break
        cut = min(excess, max(0, widths[col] - 8 * em))
        widths[col] -= cut
        excess -= cut
    values = list(range(label_columns, len(widths)))
    while excess > 0 and values:
        widest = max(widths[c] for c in values)
        if widest <= value_min:
            break
        wide = [c for c in values if widths[c] == widest]
        runner = max([widths[c] for c in values if widths[c] < widest] + [value_min])
        step = min(widest - runner, -(-excess // len(wide)))
        for col in wide:
            widths[col] -= step
        excess -= step * len(wide)
    return widths


class ReportTableView(QTableView):
    message = Signal(str)
    currentCellChanged = Signal(str)  # cell id
    leftTable = Signal(int)  # Enter below the last row (+1) or Shift+Enter above the first (-1)

    def __init__(self, doc: Document, table_id: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.setModel(TableModel(doc, table_id, self))
        self.cell_delegate = CellDelegate(doc, self)
        self.cell_delegate.message.connect(self.message)
        self.setItemDelegate(self.cell_delegate)
        for cell in self.grid.cells:
            if cell.rowspan > 1 or cell.colspan > 1:
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setMinimumSectionSize(4)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.setWordWrap(True)
        self.setTabKeyNavigation(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        triggers = QAbstractItemView.EditTrigger
        self.setEditTriggers(triggers.AnyKeyPressed | triggers.EditKeyPressed | triggers.DoubleClicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._row_origin: int | None = None  # the column where Tab started this row (Excel's Enter-after-Tab)
        self._stepping = False
        self._room: int | None = None  # the page's width, once the form knows it
        self.fit()

    @property
    def grid(self):
        return self.model().grid

    @property
    def table_id(self) -> str:
        return self.model().table_id

    # -- geometry ------------------------------------------------------------------
    def set_room(self, width: int) -> None:
        """The width the page offers: a table wider than that squeezes its columns (see ``squeeze``)."""
        if width != self._room:
            self._room = width
            self.fit()

    def fit(self) -> None:
        """Column widths in units of the font's ideograph width; rows tall enough for wrapped labels.
        Where the page is narrower (1024 × 700, large zoom or scaling), the columns are squeezed so
        that the whole table, 总计 included, is in sight."""
        fm = self.fontMetrics()
        em = max(8, fm.horizontalAdvance("国"))
        widths = [self._column_width(c, em) for c in range(self.grid.width)]
        if self._room:
            widths = squeeze(widths, self._room - 2 * self.frameWidth(), self.grid.label_columns, em, self.value_min_width())
        for col, width in enumerate(widths):
            self.setColumnWidth(col, width)
        heights = self._row_heights(widths)
        for row, height in enumerate(heights):
            self.setRowHeight(row, height)
        frame = 2 * self.frameWidth()
        self.setFixedSize(sum(widths) + frame, sum(heights) + frame)

    def value_min_width(self) -> int:
        """Narrowest a value column may get: a six-figure number (the largest real counts) stays readable."""
        pad = label_padding(self.fontMetrics().height()) + 2
        return self.fontMetrics().horizontalAdvance("888888") + 2 * pad + 2

    def _ems(self, text: str, em: int) -> int:
        return math.ceil(self.fontMetrics().horizontalAdvance(text) / em)

    def _column_width(self, col: int, em: int) -> int:
        cells = [c for c in self.grid.cells if c.col == col and c.colspan == 1 and c.role != VALUE]
        if col < self.grid.label_columns:
            wanted = [min(self._ems(c.text, em), 4 if c.rowspan > 1 else 19) for c in cells]
            return (max(wanted, default=4) + 1) * em
        wanted = [min(max(self._ems(c.text, em), 4), 6) for c in cells]
        return (max(wanted, default=5) + 1) * em

    def _row_heights(self, widths: list[int]) -> list[int]:
        fm = self.fontMetrics()
        pad = 2 * label_padding(fm.height()) + 2
        heights = [fm.height() + pad + 2] * self.grid.height
        for cell in sorted(self.grid.cells, key=lambda c: c.rowspan):
            if cell.role == VALUE:
                continue
            width = sum(widths[cell.col : cell.col + cell.colspan]) - pad
            need = fm.boundingRect(QRect(0, 0, max(width, 1), 100000), TEXT_FLAGS, cell.text).height() + pad
            have = sum(heights[cell.row : cell.row + cell.rowspan])
            if need > have:
                extra = math.ceil((need - have) / cell.rowspan)
                for row in range(cell.row, cell.row + cell.rowspan):
                    heights[row] += extra
        return heights

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()

    # -- navigation ----------------------------------------------------------------
    def is_computed(self, cell_id: str) -> bool:
        return self.doc.form.is_total(cell_id) and not self.doc.report.is_entered_total(cell_id)

    def neighbour(self, index: QModelIndex, d_row: int, d_col: int, wrap: bool = False, skip: bool = False) -> QModelIndex:
        """The next value cell from ``index`` in a direction, skipping labels and merged areas, and with
        ``skip`` (Enter and Tab) computed totals too: typing on never lands on a formula."""
        cover, here = self.model().cover, self.model().cover.get((index.row(), index.column()))
        row, col = index.row(), index.column()
        while True:
            row, col = row + d_row, col + d_col
            if wrap and not 0 <= col < self.grid.width:
                row, col = row + d_col, (0 if d_col > 0 else self.grid.width - 1)
            owner = cover.get((row, col))
            if owner is None and not (0 <= row < self.grid.height and 0 <= col < self.grid.width):
                return index
            usable = owner is not None and owner.role == VALUE and owner is not here
            if usable and not (skip and self.is_computed(owner.cell_id)):
                return self.model().index(owner.row, owner.col)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        step = _STEPS.get(action)
        current = self.currentIndex()
        if step is None or not current.isValid():
            return super().moveCursor(action, modifiers)
        return self.neighbour(current, *step)

    def step(self, d_row: int, d_col: int, wrap: bool = False) -> None:
        """Enter (d_row) and Tab (d_col): skip computed totals; Enter goes back to the column where Tab
        started the row, and past the table's last row to the next part of the report."""
        current = self.currentIndex()
        if d_col:
            if self._row_origin is None:
                self._row_origin = current.column()
            target = self.neighbour(current, 0, d_col, wrap, skip=True)
        else:
            start = current
            if self._row_origin is not None:
                start = self.model().index(current.row(), self._row_origin)
            target = self.neighbour(start, d_row, 0, skip=True)
            if target == start:
                self.leftTable.emit(d_row)
                return
        self._stepping = True
        self.setCurrentIndex(target)
        self._stepping = False
        if not d_col:
            self._row_origin = None

    def closeEditor(self, editor, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter commits and moves down, Tab right (to the next value cell), as in a spreadsheet."""
        move = _AFTER_EDIT.get(hint)
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if move is not None:
            self.step(*move)

    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        cell = self.model().grid_cell(index)
        typed = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        if typed and cell is not None and cell.role == VALUE and self.is_computed(cell.cell_id):
            self.message.emit(
                self.tr("{0}是自动合计；要手工填写，请按 F2、双击或右键选择“手工填写合计”").format(
                    self.doc.form.place_of(cell.cell_id)
                )
            )
            return False
        self.cell_delegate.replace_next = trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
        started = super().edit(index, trigger, event)
        if not started:
            self.cell_delegate.replace_next = False
        return started

    def inputMethodEvent(self, event) -> None:
        """An input method's commit (e.g. full-width digits) starts editing and lands in the editor."""
        idle = self.state() != QAbstractItemView.State.EditingState
        if idle and event.commitString() and not event.preeditString() and self.edit(self.currentIndex(), _TYPED, event):
            editor = self.cell_delegate.open_editor
            if editor is not None and not editor.text():
                QGuiApplication.sendEvent(editor, event)  # Qt does not forward a commit-only event itself
            return
        super().inputMethodEvent(event)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._stepping:
            self._row_origin = None
        cell = self.model().grid_cell(current)
        if cell is not None and cell.role == VALUE:
            self.currentCellChanged.emit(cell.cell_id)

    def go_to(self, cell_id: str) -> None:
        index = self.model().index_of(cell_id)
        self.setCurrentIndex(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_to_first(self, focus: bool = True) -> None:
        """The first cell a clerk types in (computed totals skipped)."""
        for cell in sorted(self.grid.value_cells(), key=lambda c: (c.row, c.col)):
            if not self.is_computed(cell.cell_id):
                self.setCurrentIndex(self.model().index(cell.row, cell.col))
                break
        if focus:
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- keys ----------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1, 0)
                return
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.currentIndex().isValid():
                self.step(0, -1 if event.key() == Qt.Key.Key_Backtab else 1, True)
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and event.text() in ("\x7f", "\x08", ""):
                self.clear_selection()
                return
            for keys, slot in (
                (QKeySequence.StandardKey.Copy, self.copy),
                (QKeySequence.StandardKey.Paste, self.paste),
                (QKeySequence.StandardKey.Cut, self.cut),
            ):
                if event.matches(keys):
                    slot()
                    return
        super().keyPressEvent(event)

    # -- clipboard and bulk edits ----------------------------------------------------
    def selected_cells(self) -> list[str]:
        cells = [self.model().grid_cell(i) for i in self.selectedIndexes()]
        if not cells and self.currentIndex().isValid():
            cells = [self.model().grid_cell(self.currentIndex())]
        return [c.cell_id for c in cells if c is not None and c.role == VALUE]

    def copy(self) -> None:
        indexes = self.selectedIndexes() or [self.currentIndex()]
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for r in range(min(rows), max(rows) + 1):
            lines.append(
                "\t".join(
                    self.model().index(r, c).data() or "" if (r, c) in chosen else "" for c in range(min(cols), max(cols) + 1)
                )
            )
        QGuiApplication.clipboard().setText("\r\n".join(lines) + "\r\n")

    def cut(self) -> None:
        self.copy()
        self.clear_selection()

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> int:
        """Paste a block at the current cell (one undo step); values landing on labels are skipped.
        Totals equal to their computed sum stay automatic; the status bar says how many did not."""
        block = parse_block(text)
        start = self.currentIndex()
        if not start.isValid():
            return 0
        if len(block) == 1 and len(block[0]) == 1 and len(self.selected_cells()) > 1:
            pairs = [(cell_id, block[0][0]) for cell_id in self.selected_cells()]  # fill the selection, as Excel does
        else:
            pairs = self._block_targets(start.row(), start.column(), block)
        states = {}
        for cell_id, raw in pairs:
            got = self.doc.parse(cell_id, raw)
            states[cell_id] = (got.value, None) if got.ok else (None, Invalid(raw.strip(), got.error or "", self.tr("粘贴")))
        if states:
            self.message.emit(self.doc.paste(states))
        return len(states)

    def _block_targets(self, top: int, left: int, block: list[list[str]]) -> list[tuple[str, str]]:
        out = []
        for i, row in enumerate(block):
            for j, raw in enumerate(row):
                owner = self.model().cover.get((top + i, left + j))
                if owner is not None and owner.role == VALUE and (owner.row, owner.col) == (top + i, left + j):
                    out.append((owner.cell_id, raw))
        return out

    def clear_selection(self) -> None:
        cells = self.selected_cells()
        self.doc.set_values(dict.fromkeys(cells), self.tr("清除"))

    def enter_total(self) -> None:
        """The deliberate way to type over a computed total (as F2 and double-click are)."""
        self.edit(self.currentIndex(), QAbstractItemView.EditTrigger.EditKeyPressed, None)

    def make_automatic(self) -> None:
        self.doc.make_automatic(self.selected_cells())

    def fill_blanks(self) -> None:
        count = self.doc.fill_blanks(self.table_id)
        self.message.emit(self.tr("已将 {0} 个空白单元格填为 0").format(count))

    # -- context menu ----------------------------------------------------------------
    def contextMenuEvent(self, event) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsSelectable and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = QMenu(self)
        self.fill_menu(menu)
        menu.exec(event.globalPos())

    def fill_menu(self, menu: QMenu) -> None:
        cells = self.selected_cells()
        entered = any(self.doc.report.is_entered_total(c) for c in cells)
        computed = len(cells) == 1 and self.is_computed(cells[0])
        for text, slot, enabled in (
            (self.tr("手工填写合计"), self.enter_total, computed),
            (self.tr("复制"), self.copy, bool(cells)),
            (self.tr("粘贴"), self.paste, True),
            (self.tr("清除"), self.clear_selection, bool(cells)),
            (self.tr("恢复自动计算"), self.make_automatic, entered),
            (self.tr("将本表空白单元格填为 0"), self.fill_blanks, True),
        ):
            action = QAction(text, menu)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            menu.addAction(action)
