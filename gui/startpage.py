"""The first thing the clerk sees: recent reports, a new report (edition, 机关全称, 报告年度 and, where
the form has one, 报告类别), and 打开 — instead of a blank report with no year and six red errors."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .newreport import NewReportFields

SETTING_RESUME = "start/resume"  # open the last report (where the clerk left off) instead of this page


class StartPage(QWidget):
    newRequested = Signal(str, dict)  # form id, metadata
    openRequested = Signal(str)  # a path, or "" to choose one

    def __init__(self, recent: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel(self.tr("政府信息公开工作年度报告"))
        font = QFont(self.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        row = QHBoxLayout()
        row.addWidget(self._new_box(), 1)
        row.addWidget(self._recent_box(recent), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(row, 1)

    def showEvent(self, event) -> None:
        """The cursor waits in 机关全称: the first thing a clerk types (not the edition list)."""
        super().showEvent(event)
        QTimer.singleShot(0, lambda: self.fields.agency.setFocus(Qt.FocusReason.OtherFocusReason))

    # -- 新建报告 --------------------------------------------------------------------
    def _new_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("新建报告"))
        layout = QVBoxLayout(box)
        self.fields = NewReportFields()
        self.edition, self.agency, self.year = self.fields.edition, self.fields.agency, self.fields.year
        create = QPushButton(self.tr("新建报告"))
        create.setDefault(True)
        create.clicked.connect(self.create)
        self.fields.submitted.connect(self.create)
        layout.addWidget(self.fields)
        layout.addWidget(create)
        layout.addStretch(1)
        return box

    @property
    def kind(self):
        return self.fields.kind

    def metadata(self) -> dict[str, str]:
        return self.fields.metadata()

    def create(self) -> None:
        self.newRequested.emit(self.fields.form_id(), self.metadata())

    # -- 最近的报告 / 打开 ---------------------------------------------------------------
    def _recent_box(self, recent: list[str]) -> QGroupBox:
        box = QGroupBox(self.tr("最近的报告"))
        layout = QVBoxLayout(box)
        self.recent = QListWidget()
        for path in recent:
            item = QListWidgetItem(f"{Path(path).name}\n{Path(path).parent}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            item.setToolTip(path)
            self.recent.addItem(item)
        if not recent:
            self.recent.addItem(self.tr("（还没有打开过报告）"))
            self.recent.setEnabled(False)
        else:
            self.recent.setCurrentRow(0)
        self.recent.itemActivated.connect(lambda item: self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole)))
        opener = QPushButton(self.tr("打开…"))
        opener.clicked.connect(lambda: self.openRequested.emit(""))
        self.resume = QCheckBox(self.tr("启动时直接打开上次的报告，回到上次的位置"))
        self.resume.setChecked(str(QSettings().value(SETTING_RESUME, "false")).lower() == "true")
        self.resume.toggled.connect(lambda on: QSettings().setValue(SETTING_RESUME, "true" if on else "false"))
        layout.addWidget(self.recent, 1)
        layout.addWidget(opener)
        layout.addWidget(self.resume)
        return box
