"""导出网页… and 导出 Word…: the report for the 公开专栏 and for the site's editor, through the output seam.

The window chooses an output exactly as ``ogi export`` does (``ogi.outputs``, by suffix) and asks the
same options as printing, so the web page and the Word file carry the draft mark
exactly when the PDF would, with the same remembered choices (sign-off, sealed 落款).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.outputs import ExportOptions, export, output_for

SETTING_FOLDER = "export/folder"  # where the last exported file went
KINDS = {  # menu key → (suffix, fragment)
    "html": (".html", False),
    "fragment": (".html", True),
    "docx": (".docx", False),
}


def export_copy(
    parent: QWidget, report: Report, findings: list[Finding], kind: str, report_path: Path | None = None
) -> Path | None:
    """Ask for a file name (and draft or final when the report has errors); write it; the path or None."""
    from . import printing  # the one options dialog (draft or formal, sign-off, 落款), shared with printing

    suffix, fragment = KINDS[kind]
    path = ask_path(parent, _suggested(report, suffix, fragment, report_path), suffix)
    if path is None:
        return None
    choice = printing.ask_choice(parent, QCoreApplication.translate("Publish", "导出"), findings)
    if choice is None:
        return None
    export(report, path, findings, choice.pdf_options(ExportOptions, fragment=fragment, font_dir=choice.font_dir or None))
    QSettings().setValue(SETTING_FOLDER, str(path.parent))
    return path


def ask_path(parent: QWidget, suggested: Path, suffix: str) -> Path | None:
    label = output_for(Path("x" + suffix)).label
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Publish", "导出{0}").format(label),
        str(suggested),
        f"{label} (*{suffix})",
    )
    if not path:
        return None
    return Path(path) if path.lower().endswith(suffix) else Path(path + suffix)


def _suggested(report: Report, suffix: str, fragment: bool, report_path: Path | None = None) -> Path:
    from .files import export_place

    return export_place(report_path, report.title(), ("（片段）" if fragment else "") + suffix, SETTING_FOLDER)
