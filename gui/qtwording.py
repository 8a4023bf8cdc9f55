"""Corrections to Qt's own Chinese catalogue (qtbase_zh_CN): the file dialog's 「Look in:」 and
「Files of type:」 are missing from it, and its size column says 「体积」 (volume). Installed after
Qt's catalogue, so it is asked first; anything it does not know falls through to Qt's."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

CORRECTIONS = {
    ("QFileDialog", "Look in:"): "查找范围：",
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of type:"): "文件类型：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileSystemModel", "Size"): "大小",
    ("QFileDialog", "Size"): "大小",
    # the file list's 类型 column (found under Xvfb: folders were listed as 「Folder」)
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "Unknown"): "未知",
}


class QtWording(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return CORRECTIONS.get((context, source))  # None: not ours, ask the next catalogue

    def isEmpty(self) -> bool:
        return False
