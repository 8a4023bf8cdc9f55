"""The printed report: GB/T 9704 pages drawn with reportlab from the form's grid.

``render`` is the one renderer; ``style`` holds every size and face, ``fonts`` finds and registers
the faces once, ``text``/``kinsoku`` set paragraphs, ``table`` draws the grid and ``flow`` paginates.
"""

from __future__ import annotations

from pathlib import Path

from ogi.model import messages
from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.outputs import ExportOptions, Output
from ogi.outputs.pdf.fonts import FontSet
from ogi.outputs.pdf.render import PdfOptions, write_pdf

__all__ = ["OUTPUT", "PdfOptions", "write_pdf"]


def _write(report: Report, path: Path, findings: list[Finding], options: ExportOptions) -> str:
    """The registry's entry point (see ogi.outputs): the shared options become the renderer's own."""
    fonts = FontSet.discover(options.font_dir)
    pdf = PdfOptions(
        title=options.title, final=options.final, sign_off=options.sign_off, notes=options.notes, fonts=fonts, seal=options.seal
    )
    return messages.text("EXPORT_PAGES", pages=write_pdf(report, path, findings, pdf))


OUTPUT = Output(".pdf", messages.text("EXPORT_LABEL_PDF"), _write)  # (the name "text" is the submodule)
