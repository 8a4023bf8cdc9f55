"""The whole report as one scrolling page in the official order, with a side list to jump.

基本信息, then every section of the form: narrative sections as text fields, tables as
ReportTableViews. Everything is generated from the Form, so a new edition needs no code.
Text and metadata edits are undoable (consecutive typing merges) through the Document; the
window's Undo/Redo, not the text widget's own, handle Ctrl+Z everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPalette, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ogi.model.rules import Finding
from ogi.model.schema import MetaField

from .document import Document
from .narrative import TextMarks, select_span
from .stickyheader import StickyHeaders
from .tablemodel import COLOURS
from .tableview import ReportTableView

META_ANCHOR = "meta"
_MOVED = (QEvent.Type.Resize, QEvent.Type.Move)


class _UndoToWindow(QObject):
    """Let Ctrl+Z / Ctrl+Y in a text field reach the window's undo stack (one history for all edits)."""

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
        ):
            event.ignore()
            return True
        if event.type() == QEvent.Type.FocusOut and hasattr(obj, "doc"):
            obj.doc.break_merge()
        return False


class TextField(QPlainTextEdit):
    def __init__(self, doc: Document, kind: str, key: str, router: QObject, parent=None) -> None:
        super().__init__(parent)
        self.doc, self.kind, self.key = doc, kind, key
        self._updating = False
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setPlainText(doc.text_value(kind, key))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().documentLayout().documentSizeChanged.connect(self._grow)
        self._grow()
        self.installEventFilter(router)
        self.textChanged.connect(self._typed)
        doc.textChanged.connect(self._changed)

    def _grow(self, *_args) -> None:
        """As tall as its text (at least five lines): the page scrolls, never a box inside it."""
        lines = max(5, round(self.document().size().height()) + 1)
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        height = lines * self.fontMetrics().lineSpacing() + 2 * round(self.document().documentMargin()) + margins
        if height != self.height():
            self.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._grow()

    def _typed(self) -> None:
        if not self._updating:
            self.doc.edit_text(self.kind, self.key, self.toPlainText())

    def _changed(self, kind: str, key: str) -> None:
        value = self.doc.text_value(kind, key)
        if (kind, key) == (self.kind, self.key) and value != self.toPlainText():
            self._updating = True
            cursor = self.textCursor().position()
            self.setPlainText(value)
            tc = self.textCursor()
            tc.setPosition(min(cursor, len(value)))
            self.setTextCursor(tc)
            self._updating = False


class MetaLine(QLineEdit):
    def __init__(self, doc: Document, key: str, router: QObject, parent=None) -> None:
        super().__init__(doc.text_value("meta", key), parent)
        self.doc, self.kind, self.key = doc, "meta", key
        self.installEventFilter(router)
        self.textEdited.connect(lambda text: doc.edit_text("meta", key, text))
        doc.textChanged.connect(self._changed)
        doc.findingsChanged.connect(self._marked)
        self._problem: str | None = None
        self._marked()

    def _marked(self) -> None:
        """An invalid or missing field is red at the field itself, its finding as the tooltip."""
        problem = next(
            (f.message for f in self.doc.findings() if f.field == self.key and f.severity in ("error", "warning")), None
        )
        if problem == self._problem:
            return
        self._problem = problem
        palette = self.parentWidget().palette() if self.parentWidget() else self.style().standardPalette()
        if problem:
            palette.setColor(QPalette.ColorRole.Base, COLOURS["error"])
        self.setPalette(palette)
        self.setToolTip(problem or "")

    def _changed(self, kind: str, key: str) -> None:
        value = self.doc.text_value(kind, key)
        if (kind, key) == ("meta", self.key) and value != self.text():
            self.setText(value)


class MetaChoice(QComboBox):
    """A ``choice`` field (报告类别): blank means “implied by the 机关全称, else the form's default”."""

    def __init__(self, doc: Document, field: MetaField, router: QObject, parent=None) -> None:
        super().__init__(parent)
        self.doc, self.kind, self.key = doc, "meta", field.id
        self.addItem(self.tr("（未选择：按机关全称判断）"), "")
        for choice in field.choices:
            self.addItem(choice.label, choice.label)
        self._show(doc.text_value("meta", field.id))
        self.installEventFilter(router)
        self.activated.connect(lambda index: doc.edit_text("meta", field.id, self.itemData(index)))
        doc.textChanged.connect(self._changed)

    def _show(self, value: str) -> None:
        index = self.findData(value)
        if index < 0 and value:  # typed in the workbook in another spelling: keep and show it
            self.addItem(value, value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def _changed(self, kind: str, key: str) -> None:
        if (kind, key) == ("meta", self.key):
            self._show(self.doc.text_value(kind, key))


class ReportForm(QWidget):
    message = Signal(str)
    placeChanged = Signal(str)

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.views: dict[str, ReportTableView] = {}
        self.fields: dict[tuple[str, str], QWidget] = {}
        self.anchors: list[QWidget] = []
        self.current_table: str | None = None
        self._scrolling = False
        self._router = _UndoToWindow(self)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab from the list goes to the first field
        page = QWidget()
        page.setObjectName("page")
        self.page_layout = QVBoxLayout(page)
        self._build()
        self.page_layout.addStretch(1)
        self.scroll.setWidget(page)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.scroll, 1)
        self._size_nav()
        self.nav.currentRowChanged.connect(self._nav_clicked)
        self.nav.itemClicked.connect(lambda item: self.show_anchor(self.nav.row(item)))  # also the current one
        self.nav.itemActivated.connect(lambda item: self.focus_section(self.nav.row(item)))
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.scroll.viewport().installEventFilter(self)
        self.sticky = StickyHeaders(self.scroll, list(self.views.values()))

    def _offer_room(self) -> None:
        """Tell the tables how wide the page is, so that they fit it (总计 in sight at 1024 × 700)."""
        margins = self.page_layout.contentsMargins()
        room = self.scroll.viewport().width() - margins.left() - margins.right()
        for view in self.views.values():
            view.set_room(room)

    # -- building --------------------------------------------------------------------
    @staticmethod
    def _heading_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        return font

    def set_page_font(self, font: QFont) -> None:
        """Zoom: the page (tables refit themselves, text boxes regrow) and its headings."""
        self.scroll.widget().setFont(font)
        for label in self.anchors:
            label.setFont(self._heading_font(font))
            label.setContentsMargins(0, QFontMetrics(font).height(), 0, 4)

    def reveal(self, change) -> None:
        """Bring what an undo or redo changed into view (the clerk may have scrolled far away)."""
        if not change:
            return
        kind, what = change
        if kind == "cells":
            cells = [c for c in what if c in self.doc.form.cells]
            if cells:
                view = self.views[self.doc.form.cells[cells[0]].table]
                view.go_to(cells[0])
                self._cell_focused(view, cells[0])  # scroll even when it already was the current cell
            return
        field = self.fields.get((kind, what))
        if field is not None:
            self.scroll.ensureWidgetVisible(field)
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setFont(self._heading_font(self.font()))
        label.setContentsMargins(0, self.fontMetrics().height(), 0, 4)
        self.page_layout.addWidget(label)
        self.anchors.append(label)
        self.nav.addItem(text)
        return label

    def _build(self) -> None:
        self._heading(self.tr("基本信息"))
        box = QWidget()
        rows = QFormLayout(box)
        for meta in self.doc.form.meta:
            if meta.kind == "choice":
                rows.addRow(meta.label, choice := MetaChoice(self.doc, meta, self._router))
                self.fields[("meta", meta.id)] = choice
                continue
            line = MetaLine(self.doc, meta.id, self._router)
            line.place = meta.label
            line.setPlaceholderText({"year": self.tr("如 2024"), "date": self.tr("如 2025年1月8日")}.get(meta.kind, ""))
            rows.addRow(meta.label + ("" if not meta.required else " *"), line)
            self.fields[("meta", meta.id)] = line
        self.page_layout.addWidget(box)
        for section in self.doc.form.sections:
            self._heading(section.title)
            if section.kind == "text":
                field = TextField(self.doc, "text", section.id, self._router)
                field.place = section.title
                TextMarks(field, self.doc, section.id)
                self.fields[("text", section.id)] = field
                self.page_layout.addWidget(field)
            else:
                self.page_layout.addWidget(self._table(section.id), 0, Qt.AlignmentFlag.AlignLeft)

    def _table(self, table_id: str) -> ReportTableView:
        view = ReportTableView(self.doc, table_id)
        view.message.connect(self.message)
        view.currentCellChanged.connect(lambda cell, v=view: self._cell_focused(v, cell))
        view.leftTable.connect(lambda d, v=view: self.focus_section(self.section_ids().index(v.table_id) + d))
        view.installEventFilter(self)
        self.views[table_id] = view
        return view

    def _size_nav(self) -> None:
        """Wide enough for the longest part title, within reason; long titles wrap."""
        em = self.fontMetrics().horizontalAdvance("国")
        widest = max(self.fontMetrics().horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(max(2, em // 4))
        self.nav.setFixedWidth(min(widest + 2 * em, 16 * em))

    # -- navigation ------------------------------------------------------------------
    def _nav_clicked(self, row: int) -> None:
        if not self._scrolling:
            self.show_anchor(row)

    def show_anchor(self, row: int) -> None:
        if 0 <= row < len(self.anchors):
            self.scroll.verticalScrollBar().setValue(self.anchors[row].y())

    def section_ids(self) -> list[str]:
        return [META_ANCHOR] + [s.id for s in self.doc.form.sections]

    def current_section(self) -> int:
        focus = self.focusWidget()
        for i, sid in enumerate(self.section_ids()):
            if focus is not None and focus is self.section_widget(sid):
                return i
        return max(self.nav.currentRow(), 0)

    def section_widget(self, section_id: str) -> QWidget | None:
        if section_id == META_ANCHOR:
            first = self.doc.form.meta[0].id if self.doc.form.meta else ""
            return self.fields.get(("meta", first))
        return self.views.get(section_id) or self.fields.get(("text", section_id))

    def focus_section(self, row: int) -> None:
        """Show a part of the report and put the cursor in it (its first cell that is typed in)."""
        ids = self.section_ids()
        row = min(max(row, 0), len(ids) - 1)
        self.show_anchor(row)
        widget = self.section_widget(ids[row])
        if isinstance(widget, ReportTableView):
            widget.go_to_first()
        elif widget is not None:
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._scrolling = True
        self.nav.setCurrentRow(row)
        self._scrolling = False

    def move_section(self, delta: int) -> None:
        self.focus_section(self.current_section() + delta)

    def _scrolled(self, value: int) -> None:
        row = max((i for i, a in enumerate(self.anchors) if a.y() <= value + 4), default=0)
        self._scrolling = True
        self.nav.setCurrentRow(row)
        self._scrolling = False

    def show_section(self, section_id: str) -> None:
        ids = [META_ANCHOR] + [s.id for s in self.doc.form.sections]
        self.scroll.verticalScrollBar().setValue(self.anchors[ids.index(section_id)].y())

    def _cell_focused(self, view: ReportTableView, cell_id: str) -> None:
        self.current_table = view.table_id
        rect = view.visualRect(view.model().index_of(cell_id))
        centre = view.viewport().mapTo(self.scroll.widget(), rect.center())
        clear = rect.height() + self.sticky.covered(view)  # never under the table's frozen header
        self.scroll.ensureVisible(centre.x(), centre.y(), rect.width(), clear)
        self.placeChanged.emit(self.doc.form.place_of(cell_id))

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and obj is self.scroll.viewport():
            self._offer_room()
            self.sticky.place()
        elif kind in _MOVED and isinstance(obj, ReportTableView):
            self.sticky.place()  # refitted (zoom, room) or moved by the page's layout
        if isinstance(obj, ReportTableView) and event.type() == QEvent.Type.FocusIn:
            self.current_table = obj.table_id
            if not obj.currentIndex().isValid():
                obj.go_to_first(focus=False)  # a table with the focus always shows its current cell
        return False

    def current_view(self) -> ReportTableView | None:
        return self.views.get(self.current_table or "") or next(iter(self.views.values()), None)

    def select_cells(self, cells: tuple[str, ...]) -> None:
        """Select every cell of a grouped finding in its table (the first one's), for the clerk to fill."""
        table = self.doc.form.cells[cells[0]].table if cells else ""
        view = self.views.get(table)
        if view is None:
            return
        view.go_to(cells[0])
        selection = view.selectionModel()
        for cell in cells:
            if self.doc.form.cells[cell].table == table:
                selection.select(view.model().index_of(cell), QItemSelectionModel.SelectionFlag.Select)

    def go_to(self, finding: Finding) -> None:
        """Jump to where a finding is: its culprit cell, its first blank or flagged cell, or its field."""
        section = finding.section or ""
        if section in self.views:
            cell = finding.culprit or (finding.missing[0] if finding.missing else finding.cells[0] if finding.cells else None)
            if cell is None:
                self.show_section(section)
                return
            self.views[section].go_to(cell)
            return
        field = self.fields.get(("meta", finding.field or "")) if section == "meta" else self.fields.get(("text", section))
        if field is not None:
            self.scroll.ensureWidgetVisible(field)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            if finding.span is not None and isinstance(field, QPlainTextEdit):
                select_span(field, finding.span)  # the stated figure the tables contradict
