"""Sticky table headers: a table's column header rows stay in sight while its rows scroll in the page.

The page scrolls as one (tables are sized to their content), so no table can freeze its own header.
Instead each table with header rows gets a frozen copy of those rows, floating at the top of the
page's viewport while the table's own header is scrolled out of sight and some of its rows are
still shown; it follows the page's horizontal scroll because it is placed at the table's x each time.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QApplication, QTableView

from .delegate import CellDelegate
from .tableview import ReportTableView


class FrozenHeader(QTableView):
    """The header rows of one table: same model, spans, widths and painting; never focused or edited."""

    def __init__(self, view: ReportTableView, parent) -> None:
        super().__init__(parent)
        self.setObjectName("stickyHeader")
        self.table = view
        self.setModel(view.model())
        self.setItemDelegate(CellDelegate(view.doc, self))  # its own: a shared one would get the table's editors
        for cell in view.grid.cells:
            if cell.row < view.grid.header_rows and (cell.rowspan > 1 or cell.colspan > 1):
                self.setSpan(cell.row, cell.col, cell.rowspan, cell.colspan)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setMinimumSectionSize(4)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.hide()

    def header_height(self) -> int:
        return sum(self.table.rowHeight(r) for r in range(self.table.grid.header_rows))

    def sync(self) -> None:
        """Same font, column widths and header row heights as the table (after zoom or a refit)."""
        view = self.table
        if self.font() != view.font():
            self.setFont(view.font())
        for col in range(view.grid.width):
            self.setColumnWidth(col, view.columnWidth(col))
        for row in range(view.grid.height):
            self.setRowHeight(row, view.rowHeight(row) if row < view.grid.header_rows else 0)
        self.setFixedSize(view.width(), self.header_height() + 2 * self.frameWidth())


class StickyHeaders(QObject):
    """Places the frozen headers over a scroll area's viewport as the page scrolls or refits."""

    def __init__(self, scroll, views: list[ReportTableView]) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        viewport = scroll.viewport()
        self.headers = [FrozenHeader(v, viewport) for v in views if v.grid.header_rows > 0]
        for header in self.headers:
            header.viewport().installEventFilter(self)  # only the wheel; the form reports resizes (one filter)
        scroll.verticalScrollBar().valueChanged.connect(self.place)
        scroll.horizontalScrollBar().valueChanged.connect(self.place)

    def header_of(self, view: ReportTableView) -> FrozenHeader | None:
        return next((h for h in self.headers if h.table is view), None)

    def covered(self, view: ReportTableView) -> int:
        """How much of the viewport's top a table's frozen header may cover (to keep a cell clear of it)."""
        header = self.header_of(view)
        return header.height() if header is not None else 0

    def place(self, *_args) -> None:
        viewport = self.scroll.viewport()
        for header in self.headers:
            view = header.table
            top = view.mapTo(viewport, QPoint(0, 0))
            own = header.header_height()
            show = view.isVisible() and top.y() + own < 0 and top.y() + view.height() > header.height() + own // 2
            if show:
                header.sync()
                header.move(top.x(), 0)
                header.raise_()
            header.setVisible(show)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Wheel:
            QApplication.sendEvent(self.scroll.viewport(), event)  # the page scrolls under the header
            return True
        return False
