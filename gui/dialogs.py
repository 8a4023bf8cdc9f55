"""Small dialogs: a new report (edition, agency, year, category), recovering unsaved work, unsaved changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from ogi.formats.journal import Journal

from .newreport import NewReportFields


class NewReportDialog(QDialog):
    """文件 → 新建: the same fields as the start page (edition, 机关全称, 报告年度, 报告类别); the agency
    of the report that is open is offered again (next year's report is usually the same agency's)."""

    def __init__(self, parent: QWidget | None = None, agency: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新建报告"))
        self.fields = NewReportFields(agency)
        self.edition, self.year = self.fields.edition, self.fields.year
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("国")
        self.setMinimumWidth(em * 32)  # a 30–40 character agency name stays readable
        self.fields.agency.setFocus(Qt.FocusReason.OtherFocusReason)

    def choice(self) -> tuple[str, dict[str, str]]:
        """The edition's form id and the new report's 基本信息."""
        return self.fields.form_id(), self.fields.metadata()


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


def ask_changed_on_disk(parent: QWidget, name: str) -> str:
    """The file was changed by another window or program since we opened or saved it.
    Returns "overwrite", "reopen" (discard our edits, open what is on disk) or "cancel"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "文件已被修改"))
    box.setText(QCoreApplication.translate("Dialogs", "“{0}”在打开（或上次保存）之后，已被其他窗口或程序修改。").format(name))
    box.setInformativeText(
        QCoreApplication.translate(
            "Dialogs",
            "覆盖：用本窗口的内容替换它（它的内容将只保留在备份中）。\n重新打开：放弃本窗口未保存的修改，打开磁盘上的版本。",
        )
    )
    overwrite = box.addButton(QCoreApplication.translate("Dialogs", "覆盖"), QMessageBox.ButtonRole.DestructiveRole)
    reopen = box.addButton(QCoreApplication.translate("Dialogs", "重新打开"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QCoreApplication.translate("Dialogs", "取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "overwrite" if clicked is overwrite else "reopen" if clicked is reopen else "cancel"


def ask_recover_source(parent: QWidget, journal: Journal, message: str) -> str:
    """The report the unsaved edits belong to cannot be opened (moved, deleted, damaged).
    Returns "locate", "new" (replay onto a new report of that edition), "set_aside" or "later"."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Dialogs", "恢复未保存的修改"))
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "Dialogs",
            "可以找到该文件的新位置；或把已记录的 {0} 处修改恢复到一份新的 {1} 报告上，再另存为新文件。",
        ).format(journal.edits, journal.form)
    )
    locate = box.addButton(QCoreApplication.translate("Dialogs", "查找文件…"), QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton(QCoreApplication.translate("Dialogs", "恢复到新报告"), QMessageBox.ButtonRole.ActionRole)
    aside = box.addButton(QCoreApplication.translate("Dialogs", "不再提示"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("Dialogs", "以后再说"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(locate)
    box.exec()
    clicked = box.clickedButton()
    return {id(locate): "locate", id(new): "new", id(aside): "set_aside"}.get(id(clicked), "later")
