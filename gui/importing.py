"""文件 → 导入已发布的报告…: a published report (text, web page, Word file) becomes a new, unsaved report.

The import says what it read and what it left blank before the usual findings appear in the
problems panel; nothing is guessed, so the clerk fills in what the summary lists. The same
sources are accepted by 载入上年报告 (see :meth:`ImportActions.read_any`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout

from ogi.formats import read_report, registry
from ogi.importers import PLUGINS, importer_for
from ogi.importers.text import import_text
from ogi.model.messages import OgiError


class PasteDialog(QDialog):
    """Text copied from a published web page or Word document, pasted in."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("粘贴已发布的报告"))
        self.edit = QPlainTextEdit()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("请把从网页或 Word 文档中复制的报告全文粘贴在下面：")))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(640, 480)


class ImportActions:
    """Mixed into MainWindow after FileActions."""

    # -- hooks (tests replace them) -------------------------------------------------------
    def ask_import_path(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, self._last_folder(), self._import_filters())
        return Path(path) if path else None

    def ask_previous_path(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, self._last_folder(), self.previous_filters())
        return Path(path) if path else None

    def ask_pasted_text(self) -> str | None:
        dialog = PasteDialog(self)
        return dialog.edit.toPlainText() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_import_summary(self, lines: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("导入已发布的报告"), lines[0], parent=self)
        box.setInformativeText("\n".join(lines[1:]))
        box.open()  # not modal: the report and its problems are visible behind it

    # -- commands -------------------------------------------------------------------------
    def import_published(self, path: Path | str | None = None) -> bool:
        """A published report from a file becomes a new, unsaved report in the window."""
        if not self.maybe_save():
            return False
        path = Path(path) if path else self.ask_import_path(self.tr("导入已发布的报告"))
        if path is None:
            return False
        try:
            result = importer_for(path).read(path)
        except OgiError as exc:
            self.show_error(exc.message)
            return False
        return self._show_imported(result)

    def paste_published(self, pasted: str | None = None) -> bool:
        if not self.maybe_save():
            return False
        pasted = pasted if pasted is not None else self.ask_pasted_text()
        if not pasted or not pasted.strip():
            return False
        return self._show_imported(import_text(pasted, self.tr("粘贴的文本")))

    def _show_imported(self, result) -> bool:
        doc = self._new_document(result.report, None)
        doc.undo.resetClean()  # an import is unsaved work
        self.set_document(doc)
        self.show_import_summary(result.summary())
        return True

    def read_any(self, path: Path):
        """A report file of the program's own, or a published report (载入上年报告 takes both)."""
        if path.suffix.lower() in PLUGINS:
            return importer_for(path).read(path).report
        return read_report(path)

    def _import_filters(self) -> str:
        every = " ".join(f"*{s}" for s in PLUGINS)
        return self.tr("已发布的报告") + f" ({every})"

    def previous_filters(self) -> str:
        own = " ".join(f"*{s}" for s in registry())
        return self.tr("报告文件") + f" ({own} {' '.join('*' + s for s in PLUGINS)})"
