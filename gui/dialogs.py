"""Small dialogs: a new report (edition, year and 报告类别), recovering unsaved work, unsaved changes."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QMessageBox, QSpinBox, QWidget

from ogi.formats.journal import Journal
from ogi.model.loader import available_forms, load_form
from ogi.model.schema import MetaField


class NewReportDialog(QDialog):
    """Choose the edition (2021 by default: the newest) and the year (last year by default)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告"))
        self.edition = QComboBox()
        for form_id in available_forms():
            form = load_form(form_id)
            self.edition.addItem(self.tr("{0} 年版（{1}）").format(form.edition, form.basis), form_id)
        self.year = QSpinBox()
        self.year.setRange(2008, 2100)
        self.year.setValue(_dt.date.today().year - 1)
        self.kind = QComboBox()  # 报告类别: who reports decides the deadline (条例第四十九条)
        self.edition.currentIndexChanged.connect(self._fill_kinds)
        self._fill_kinds()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("报告格式"), self.edition)
        layout.addRow(self.tr("报告年度"), self.year)
        if self._kind_field() is not None:
            layout.addRow(self._kind_field().label, self.kind)
        layout.addRow(buttons)

    def choice(self) -> tuple[str, int]:
        return self.edition.currentData(), self.year.value()

    def meta(self) -> dict[str, str]:
        """The chosen 报告类别 as metadata (its label, as the workbook and the JSON show it)."""
        field = self._kind_field()
        return {field.id: self.kind.currentText()} if field is not None and self.kind.currentText() else {}

    def _kind_field(self) -> MetaField | None:
        return next((m for m in load_form(self.edition.currentData()).meta if m.kind == "choice"), None)

    def _fill_kinds(self) -> None:
        field = self._kind_field()
        self.kind.clear()
        for choice in field.choices if field else ():
            self.kind.addItem(choice.label, choice.id)
        if field is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(field.default)))


def ask_recover(parent: QWidget, journal: Journal, last_edit: str) -> str:
    """Returns "recover", "discard" or "later"."""
    source = journal.source or QCoreApplication.translate("Dialogs", "（新建的报告，尚未保存）")
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "恢复未保存的修改"))
    box.setText(QCoreApplication.translate("Dialogs", "上次程序没有正常关闭，有未保存的修改可以恢复。"))
    box.setInformativeText(
        QCoreApplication.translate(
            "Dialogs", "文件：{0}\n开始编辑：{1}\n最后修改：{2}\n已记录修改：{3} 处\n\n是否恢复这些修改？"
        ).format(source, journal.started.replace("T", " "), last_edit, journal.edits)
    )
    recover = box.addButton(QCoreApplication.translate("Dialogs", "恢复"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("Dialogs", "放弃修改"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("Dialogs", "以后再说"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    return "recover" if clicked is recover else "discard" if clicked is discard else "later"


def ask_save_changes(parent: QWidget, name: str) -> str:
    """Returns "save", "discard" or "cancel"."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("Dialogs", "保存修改"),
        QCoreApplication.translate("Dialogs", "“{0}”有未保存的修改。是否保存？").format(name),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")
