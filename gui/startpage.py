"""The first thing the clerk sees: recent reports, a new report (edition, 机关全称, 报告年度 and, where
the form has one, 报告类别), and 打开 — instead of a blank report with no year and six red errors."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ogi.model.loader import available_forms, load_form
from ogi.model.schema import MetaField

SETTING_RESUME = "start/resume"  # open the last report (where the clerk left off) instead of this page


def kind_field(form) -> MetaField | None:
    """The 报告类别 field if the form has one: role "kind", or a field offering choices."""
    return form.meta_field("kind") or next((m for m in form.meta if getattr(m, "choices", None)), None)


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

    # -- 新建报告 --------------------------------------------------------------------
    def _new_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("新建报告"))
        rows = QFormLayout(box)
        self.edition = QComboBox()
        for form_id in available_forms():
            form = load_form(form_id)
            self.edition.addItem(self.tr("{0} 年版（{1}）").format(form.edition, form.basis), form_id)
        self.agency = QLineEdit()
        self.agency.setPlaceholderText(self.tr("如 海门市住房和城乡建设局"))
        self.year = QSpinBox()
        self.year.setRange(2008, 2100)
        self.year.setValue(_dt.date.today().year - 1)
        rows.addRow(self.tr("报告格式"), self.edition)
        rows.addRow(self.tr("机关全称"), self.agency)
        rows.addRow(self.tr("报告年度"), self.year)
        self.kind: QComboBox | QLineEdit | None = None
        self._kind_rows = rows
        self._kind_label: QLabel | None = None
        self.edition.currentIndexChanged.connect(self._edition_changed)
        self._edition_changed()
        create = QPushButton(self.tr("新建报告"))
        create.setDefault(True)
        create.clicked.connect(self.create)
        self.agency.returnPressed.connect(self.create)
        rows.addRow(create)
        return box

    def _edition_changed(self, *_args) -> None:
        """报告类别 only where the chosen edition's form defines it."""
        if self.kind is not None:
            self._kind_rows.removeRow(3)
            self.kind = None
        field = kind_field(load_form(self.edition.currentData()))
        if field is None:
            return
        choices = getattr(field, "choices", None)
        if choices:
            self.kind = QComboBox()
            self.kind.addItems([str(c) for c in choices])
        else:
            self.kind = QLineEdit()
        self.kind.setProperty("meta_id", field.id)
        self._kind_rows.insertRow(3, field.label, self.kind)

    def metadata(self) -> dict[str, str]:
        form = load_form(self.edition.currentData())
        meta = {}
        for role, value in (("agency", self.agency.text().strip()), ("year", str(self.year.value()))):
            field = form.meta_field(role)
            if field is not None and value:
                meta[field.id] = value
        if self.kind is not None:
            value = self.kind.currentText() if isinstance(self.kind, QComboBox) else self.kind.text().strip()
            if value:
                meta[str(self.kind.property("meta_id"))] = value
        return meta

    def create(self) -> None:
        self.newRequested.emit(self.edition.currentData(), self.metadata())

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
