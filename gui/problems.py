"""The problems panel: every finding (tables, narrative, metadata), errors first.

Clicking a row jumps to the cell (the likely culprit when the Checker names one) or to the
text or metadata field. A warning the clerk accepts can carry a 说明 (report.notes), which
is saved with the report and shown beside the warning.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ogi.model.rules import Finding

from .document import Document
from .tablemodel import COLOURS

FINDING_ROLE = Qt.ItemDataRole.UserRole + 10
_SEVERITY_COLOUR = {"error": "error", "warning": "warning", "incomplete": "computed"}


class ProblemsModel(QAbstractTableModel):
    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc: Document | None = None
        self.show_incomplete = True
        self.rows: list[Finding] = []
        self._notes: dict[str, str] = {}
        self._headers = [self.tr("级别"), self.tr("位置"), self.tr("问题"), self.tr("说明")]
        self._severity = {"error": self.tr("错误"), "warning": self.tr("警告"), "incomplete": self.tr("未完成")}
        self.set_document(doc)

    def set_document(self, doc: Document) -> None:
        """One model for the window's life: a new report replaces the old one's findings, and the old
        Document (being deleted) is no longer listened to."""
        if self.doc is not None:
            self.doc.findingsChanged.disconnect(self.refresh)
        self.doc = doc
        self.beginResetModel()
        self.rows = []
        self.endResetModel()
        self.refresh()
        doc.findingsChanged.connect(self.refresh)

    def refresh(self) -> None:
        rows = [f for f in self.doc.findings() if self.show_incomplete or f.severity != "incomplete"]
        note_changed, self._notes = self._notes != self.doc.report.notes, dict(self.doc.report.notes)
        if [f.key for f in rows] == [f.key for f in self.rows]:  # same problems, new figures: keep the selection
            old, self.rows = self.rows, rows
            last = len(self._headers) - 1
            for i, (a, b) in enumerate(zip(old, rows, strict=True)):
                if a != b or note_changed:
                    self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def set_show_incomplete(self, show: bool) -> None:
        self.show_incomplete = show
        self.refresh()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        f = self.rows[index.row()]
        note = self.doc.report.notes.get(f.key, "")
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._severity[f.severity], f.place, f.message, note)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f.message + (("\n" + self.tr("说明：") + note) if note else "")
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return QBrush(COLOURS["accepted" if note and f.severity == "warning" else _SEVERITY_COLOUR[f.severity]])
        if role == FINDING_ROLE:
            return f
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProblemsPanel(QWidget):
    findingActivated = Signal(object)  # Finding
    cellsChosen = Signal(object)  # tuple of cell ids: select them all in their table

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.view = QTableView()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.incomplete = QCheckBox(self.tr("显示未完成项"))
        self.incomplete.setChecked(True)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.incomplete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.model = ProblemsModel(doc, self)
        self.incomplete.toggled.connect(self.model.set_show_incomplete)
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()
        layout.addWidget(self.detail)
        self.doc: Document | None = None
        self._setup_columns()
        self.set_document(doc)

    def set_document(self, doc: Document) -> None:
        if self.doc is not None:
            self.doc.findingsChanged.disconnect(self._summarise)
        self.doc = doc
        self.model.set_document(doc)
        doc.findingsChanged.connect(self._summarise)
        self._summarise()

    def _show_detail(self, current: QModelIndex, _previous=None) -> None:
        """A long finding is read whole here (the list shows one line of each)."""
        finding = current.data(FINDING_ROLE) if current.isValid() else None
        self.detail.setText(
            "" if finding is None else current.siblingAtColumn(2).data(Qt.ItemDataRole.ToolTipRole)  # names its place
        )
        self.detail.setVisible(finding is not None)

    def _setup_columns(self) -> None:
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("国")
        header.resizeSection(0, em * 4)
        header.resizeSection(1, em * 16)
        header.resizeSection(3, em * 10)

    def _summarise(self) -> None:
        if not self.model.rows:
            self.detail.hide()
        counts = self.doc.checker.counts()
        self.summary.setText(
            self.tr("错误 {0} 个 · 警告 {1} 个 · 未完成 {2} 项").format(counts["error"], counts["warning"], counts["incomplete"])
        )

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.findingActivated.emit(finding)

    def _menu(self, pos) -> None:
        finding = self.view.indexAt(pos).data(FINDING_ROLE)
        if finding is None or finding.severity not in ("warning", "incomplete"):
            return
        menu = QMenu(self)
        if finding.severity == "warning":
            menu.addAction(self.tr("添加或修改说明…"), lambda: self.edit_note(finding))
        elif finding.missing:  # a grouped "not filled in" finding carries every blank cell it stands for
            menu.addAction(self.tr("选中这些单元格"), lambda: self.cellsChosen.emit(finding.missing))
            menu.addAction(self.tr("将这些单元格填为 0"), lambda: self.doc.fill_cells(finding.missing))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def edit_note(self, finding: Finding) -> None:
        old = self.doc.report.notes.get(finding.key, "")
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("说明"), finding.message + "\n\n" + self.tr("说明（将随报告保存）："), old
        )
        if ok:
            self.doc.edit_text("note", finding.key, text.strip())
