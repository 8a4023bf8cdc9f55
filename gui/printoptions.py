"""The choices a printed or exported copy offers (as ``ogi pdf`` does), asked in one dialog and
remembered per user: the sign-off block, a sealed or unsealed 落款, the font folder, draft or formal."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ogi.model.messages import OgiError
from ogi.model.rules import Finding
from ogi.outputs.pdf.fonts import FontSet

KEYS = {"sign_off": "print/sign_off", "seal": "print/seal", "font_dir": "print/font_dir", "final": "print/final"}


@dataclass(frozen=True)
class PrintChoice:
    final: bool = False  # no draft mark even with error findings
    sign_off: bool = False
    seal: bool = True  # 落款 laid out for the seal (加盖公章) or plain
    font_dir: str = ""

    def pdf_options(self, options_class, **more):
        """The renderer's options; ``seal`` only where the renderer already knows it."""
        names = {f.name for f in dataclasses.fields(options_class)}
        given = {"final": self.final, "sign_off": self.sign_off, "seal": self.seal, **more}
        return options_class(**{k: v for k, v in given.items() if k in names})


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    return str(settings.value(KEYS[key], "true" if default else "false")).lower() == "true"


def remembered() -> PrintChoice:
    s = QSettings()
    font_dir = str(s.value(KEYS["font_dir"], "") or "")
    return PrintChoice(_flag(s, "final", False), _flag(s, "sign_off", False), _flag(s, "seal", True), font_dir)


def remember(choice: PrintChoice) -> None:
    s = QSettings()
    for key in ("final", "sign_off", "seal"):
        s.setValue(KEYS[key], "true" if getattr(choice, key) else "false")
    s.setValue(KEYS["font_dir"], choice.font_dir)


class PrintOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, findings: list[Finding]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        start = remembered()
        errors = sum(f.severity == "error" for f in findings)
        self.sign_off = QCheckBox(self.tr("打印签字栏（单位负责人、填报人签字）"))
        self.sign_off.setChecked(start.sign_off)
        self.sealed, self.unsealed = QRadioButton(self.tr("加盖公章")), QRadioButton(self.tr("不盖章"))
        self.draft, self.final = QRadioButton(self.tr("草稿")), QRadioButton(self.tr("正式文本"))
        (self.sealed if start.seal else self.unsealed).setChecked(True)
        (self.final if start.final or not errors else self.draft).setChecked(True)
        self.font_dir = QLineEdit(start.font_dir)
        self.font_dir.setPlaceholderText(self.tr("自动查找"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse)
        layout = QFormLayout(self)
        layout.addRow(self.tr("落款"), self._pair(self.sealed, self.unsealed))
        layout.addRow(self.tr("文本"), self._pair(self.draft, self.final))
        if errors:
            warn = QLabel(self.tr("报告中有 {0} 个错误，数据未通过校验；草稿各页标注“草稿：数据未通过校验”。").format(errors))
            warn.setWordWrap(True)
            layout.addRow(warn)
        layout.addRow(self.sign_off)
        layout.addRow(self.tr("字体文件夹"), self._pair(self.font_dir, browse))
        self.fonts = QLabel(font_notice(start.font_dir))  # which role prints in which face, when not GB/T 9704's
        self.fonts.setWordWrap(True)
        self.font_dir.editingFinished.connect(lambda: self.fonts.setText(font_notice(self.font_dir.text().strip())))
        layout.addRow(self.fonts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    @staticmethod
    def _pair(a: QWidget, b: QWidget) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(a, 1)
        row.addWidget(b)
        if isinstance(a, QRadioButton):
            group = QButtonGroup(box)
            group.addButton(a)
            group.addButton(b)
        return box

    def _browse(self) -> None:
        from .files import choose_folder

        folder = choose_folder(self, self.tr("选择字体文件夹"), self.font_dir.text())
        if folder:
            self.font_dir.setText(folder)
            self.fonts.setText(font_notice(folder))

    def choice(self) -> PrintChoice:
        return PrintChoice(
            self.final.isChecked(), self.sign_off.isChecked(), self.sealed.isChecked(), self.font_dir.text().strip()
        )


def font_notice(font_dir: str) -> str:
    """The font substitutions, one per line, in plain words (empty when every role has its 公文 font)."""
    try:
        return "\n".join(FontSet.discover(font_dir or None).substitutions())
    except OgiError as error:  # a folder that does not exist: say so here, printing will refuse it too
        return str(error)


def ask_options(parent: QWidget | None, title: str, findings: list[Finding]) -> PrintChoice | None:
    dialog = PrintOptionsDialog(parent, title, findings)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = dialog.choice()
    remember(choice)
    return choice
