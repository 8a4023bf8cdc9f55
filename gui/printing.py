"""导出 PDF, 打印预览 and 打印: always the pages of ogi.outputs.pdf.render, never a second layout in Qt.

The report is rendered once by the Qt-free core (ogi.outputs.pdf.render); preview and printing rasterise that
PDF's own pages with QtPdf (PDFium, shipped in the PySide6 wheels) and paint them onto the
QPrinter. QtPdf rather than poppler: it is there on Windows and inside the PyInstaller bundle,
where no pdftoppm exists. The preview is Qt's own QPrintPreviewDialog (zoom, page list, page
set-up, printer dialog, all translated by qtbase_zh_CN) fed through ``paintRequested``; the
same painting routine prints, so the preview shows exactly the sheets that come out. Pages are
painted at their true size on a full-page A4 printer, keeping the GB/T 9704 margins exact.

The window imports this module lazily and calls export_pdf, print_preview and print_report;
OgiError (fonts, a file that cannot be written) propagates to the window's error box.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSettings, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ogi.formats.safesave import atomic_write
from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.outputs import refuse_report_target
from ogi.outputs.pdf.fonts import FontSet
from ogi.outputs.pdf.render import PdfOptions, ReportPdf, report_title

from .printoptions import PrintChoice, ask_options

PREVIEW_DPI = 150  # the preview records every page as an image: enough to read, light on memory
PRINT_DPI = 300  # sharp text on paper without 1200-dpi page images
SETTING_FOLDER = "print/folder"  # where the last PDF was saved


# -- the three entry points of the window -------------------------------------------------------
def export_pdf(parent: QWidget, report: Report, findings: list[Finding], report_path: Path | None = None) -> Path | None:
    """Ask for a file name (beside the report first, see ``export_place``) and the copy's options; write it."""
    path = ask_pdf_path(parent, _suggested_path(report, report_path))
    if path is None:
        return None
    choice = ask_choice(parent, QCoreApplication.translate("Printing", "导出 PDF"), findings)
    if choice is None:
        return None
    refuse_report_target(path)  # a 「报告.pdf」 that is a link to the report itself
    with _busy():
        atomic_write(path, _render(report, findings, choice), keep_backup=False)
    QSettings().setValue(SETTING_FOLDER, str(path.parent))
    return path


def print_preview(parent: QWidget, report: Report, findings: list[Finding]) -> None:
    choice = ask_choice(parent, QCoreApplication.translate("Printing", "打印预览"), findings)
    if choice is None:
        return
    with _busy():
        dialog = preview_dialog(parent, _render(report, findings, choice), report_title(report))
    dialog.exec()
    dialog.deleteLater()


def print_report(parent: QWidget, report: Report, findings: list[Finding]) -> None:
    choice = ask_choice(parent, QCoreApplication.translate("Printing", "打印"), findings)
    if choice is None:
        return
    with _busy():
        pdf = _render(report, findings, choice)
    printer = new_printer(report_title(report))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "打印"))
    if dialog.exec() == QPrintDialog.DialogCode.Accepted:
        with _busy():
            print_pdf(printer, pdf, parent)


# -- questions (module functions so tests can answer them) -------------------------------------------
def ask_choice(parent: QWidget | None, title: str, findings: list[Finding]) -> PrintChoice | None:
    """The print/export options dialog (sign-off, 落款, font folder, draft or formal); None: cancelled.
    A formal copy of a report with blank cells is printed only once the clerk confirms it, told the count."""
    choice = ask_options(parent, title, findings)
    formal = choice is not None and (choice.final or not any(f.severity == "error" for f in findings))
    if formal and not confirm_incomplete(parent, findings):
        return None
    return choice


def ask_pdf_path(parent: QWidget, suggested: Path) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("Printing", "导出 PDF"),
        str(suggested),
        QCoreApplication.translate("Printing", "PDF 文件 (*.pdf)"),
    )
    if not path:
        return None
    return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")


def confirm_incomplete(parent: QWidget | None, findings: list[Finding]) -> bool:
    """No errors but blank cells: printing the formal copy is the clerk's decision, told the count first.
    True: go on (nothing blank, or the clerk confirms); False: keep filling in."""
    blanks = len({c for f in findings if f.severity == "incomplete" for c in f.missing})
    if not blanks:
        return True
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Printing", "报告尚未填完"),
        QCoreApplication.translate("Printing", "报告还有 {0} 个单元格未填写（空白不等于 0）。").format(blanks),
        parent=parent,
    )
    box.setInformativeText(QCoreApplication.translate("Printing", "没有发生的请填 0。确认这些单元格应留空，仍要打印正式文本吗？"))
    final = box.addButton(QCoreApplication.translate("Printing", "打印正式文本"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Printing", "继续填写"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is final


# -- rendering and painting --------------------------------------------------------------------
def _render(report: Report, findings: list[Finding], choice: PrintChoice) -> bytes:
    fonts = FontSet.discover(choice.font_dir or None)
    return ReportPdf(report, findings, choice.pdf_options(PdfOptions, fonts=fonts)).render()


def new_printer(title: str = "") -> QPrinter:
    """A4 portrait, full page (the PDF carries its own GB/T 9704 margins), two-sided by default."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDuplex(QPrinter.DuplexMode.DuplexLongSide)
    printer.setDocName(title)
    return printer


class PdfPages:
    """The generated PDF opened in QtPdf, its pages rendered on white at a chosen resolution."""

    def __init__(self, pdf: bytes) -> None:
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)

    @property
    def count(self) -> int:
        return self.document.pageCount()

    def image(self, page: int, dpi: float) -> QImage:
        points = self.document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        sheet = QImage(size, QImage.Format.Format_RGB32)
        sheet.fill(Qt.GlobalColor.white)  # QtPdf leaves the paper transparent
        painter = QPainter(sheet)
        painter.drawImage(0, 0, self.document.render(page, size))
        painter.end()
        return sheet


def preview_dialog(parent: QWidget | None, pdf: bytes, title: str = "") -> QPrintPreviewDialog:
    printer = new_printer(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "打印预览"))
    pages = PdfPages(pdf)
    dialog.paintRequested.connect(lambda target: paint_pages(target, pages))
    dialog._keep = (printer, pages)  # alive as long as the dialog
    return dialog


def print_pdf(printer: QPrinter, pdf: bytes, parent: QWidget | None = None) -> bool:
    """Print the PDF's pages (the range and copies chosen in the printer dialog)."""
    if not paint_pages(printer, PdfPages(pdf)):
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("Printing", "无法打印"),
            QCoreApplication.translate("Printing", "打印机不可用，或无法写入输出文件。"),
        )
        return False
    return True


def paint_pages(printer: QPrinter, pages: PdfPages) -> bool:
    painter = QPainter()
    if not painter.begin(printer):
        return False
    preview = painter.paintEngine().type() == QPaintEngine.Type.Picture
    dpi = PREVIEW_DPI if preview else min(printer.resolution(), PRINT_DPI)
    first, last = printer.fromPage() or 1, printer.toPage() or pages.count
    copies = 1 if printer.supportsMultipleCopies() else printer.copyCount()
    numbers = [n for _ in range(copies) for n in range(first - 1, min(last, pages.count))]
    for i, number in enumerate(numbers):
        if i:
            printer.newPage()
        _paint_sheet(painter, printer, pages.image(number, dpi))
    painter.end()
    return True


def _paint_sheet(painter: QPainter, printer: QPrinter, image: QImage) -> None:
    """Full paper at true size (A4 on A4); another paper size gets the page scaled to fit, centred."""
    paper = printer.pageLayout().fullRectPixels(printer.resolution())
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    w, h = image.width() * scale, image.height() * scale
    target = QRectF((paper.width() - w) / 2, (paper.height() - h) / 2, w, h)
    painter.drawImage(target, image)


# -- small helpers ----------------------------------------------------------------------------
def _suggested_path(report: Report, report_path: Path | None = None) -> Path:
    from .files import export_place

    return export_place(report_path, report_title(report), ".pdf", SETTING_FOLDER)


@contextmanager
def _busy():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
