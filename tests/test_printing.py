"""PRINT: 导出 PDF, 打印预览, 打印 — the window shows and prints the PDF's own pages (offscreen)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

pytest.importorskip("PySide6.QtPdf")

from ogi_gui import printing
from ogi_gui.printoptions import PrintChoice
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget

from ogi.model.checker import Checker
from ogi.model.sample import full_report
from ogi.outputs.pdf.render import render_pdf
from ogi.paths import fonts_dir
from tests import guikit

isolated = guikit.isolated  # settings under tmp_path, the application set up in Chinese


@pytest.fixture()
def quiet(isolated, monkeypatch):
    """No real dialogs: the clerk's answers are given by the test."""
    monkeypatch.setattr(printing, "ask_choice", lambda parent, title, findings: PrintChoice())
    return isolated


def dark_share(image: QImage) -> float:
    """Share of dark pixels of a page image (text and rules), read from its grey bytes."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    return sum(b < 160 for b in data) / len(data)


def test_PRINT_1_preview_shows_the_pdf_pages(quiet, seed, qtbot):
    pdf = render_pdf(seed, [])
    dialog = printing.preview_dialog(None, pdf, "海门")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == 5)
    assert dialog.windowTitle() == "打印预览"


def test_PRINT_2_print_preview_entry_point_opens_the_dialog(quiet, seed, qtbot, monkeypatch):
    opened = []

    def fake_exec(dialog):
        dialog.show()
        opened.append(dialog.findChild(QPrintPreviewWidget).pageCount())
        return 0

    monkeypatch.setattr(printing.QPrintPreviewDialog, "exec", fake_exec)
    printing.print_preview(None, seed, Checker(seed).findings())
    assert opened == [5]


def test_PRINT_3_print_paints_every_page_on_the_printer(quiet, seed, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"

    class FakePrintDialog:
        DialogCode = QPrintDialog.DialogCode

        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(target))
            self.printer = printer

        def setWindowTitle(self, title):
            pass

        def exec(self):
            return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(printing, "QPrintDialog", FakePrintDialog)
    printing.print_report(None, seed, [])
    reader = PdfReader(target)
    assert len(reader.pages) == 5
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((595.3, 841.9), abs=1.0)
    pages = printing.PdfPages(target.read_bytes())
    assert pages.count == 5 and all(dark_share(pages.image(n, 40)) > 0.001 for n in range(5))


def test_PRINT_4_export_asks_for_a_name_and_writes(quiet, form21, tmp_path, monkeypatch):
    report = full_report(form21)
    asked = []
    monkeypatch.setattr(printing, "ask_pdf_path", lambda parent, suggested: asked.append(suggested) or tmp_path / "out.pdf")
    path = printing.export_pdf(None, report, [])
    assert path == tmp_path / "out.pdf" and len(PdfReader(path).pages) == 3
    assert asked[0].name == "示例市示例区住房和城乡建设局2023年政府信息公开工作年度报告.pdf"
    monkeypatch.setattr(printing, "ask_pdf_path", lambda parent, suggested: None)
    assert printing.export_pdf(None, report, []) is None


def test_PRINT_5_errors_ask_before_a_final_copy(isolated, form21, tmp_path, monkeypatch):
    report = full_report(form21)
    report.set("t4.review.total", report.value("t4.review.total") + 1)
    findings = Checker(report).findings()
    from ogi_gui.printoptions import PrintOptionsDialog

    assert PrintOptionsDialog(None, "导出 PDF", []).choice().final  # no errors: nothing to mark
    assert not PrintOptionsDialog(None, "导出 PDF", findings).choice().final  # errors: a draft unless chosen
    monkeypatch.setattr(printing, "ask_pdf_path", lambda parent, suggested: tmp_path / "r.pdf")
    answers = iter([None, PrintChoice(final=False), PrintChoice(final=True)])
    monkeypatch.setattr(printing, "ask_choice", lambda parent, title, found: next(answers))
    assert printing.export_pdf(None, report, findings) is None and not (tmp_path / "r.pdf").exists()
    printing.export_pdf(None, report, findings)
    assert "草稿" in PdfReader(tmp_path / "r.pdf").pages[0].extract_text()
    printing.export_pdf(None, report, findings)
    assert "草稿" not in PdfReader(tmp_path / "r.pdf").pages[0].extract_text()


@pytest.mark.parametrize(("button", "expected"), [("打印正式文本", True), ("继续填写", False)])
def test_PRINT_incomplete_report_asks_with_the_count(isolated, form21, monkeypatch, button, expected):
    """No errors but blank cells: the clerk is asked, told how many cells are blank, before a formal copy."""
    from PySide6.QtWidgets import QMessageBox

    report = full_report(form21)
    for cell in ("t3.new.legal", "t3.new.charity", "t4.review.upheld"):
        report.set(cell, None)
    findings = Checker(report).findings()
    assert not [f for f in findings if f.severity == "error"]
    shown = []

    def answer(box):
        shown.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert printing.confirm_incomplete(None, findings) is expected
    blanks = len({c for f in findings for c in f.missing})
    assert shown and f"{blanks} 个单元格未填写" in shown[0]


def test_PRINT_fonts_substituted_are_said_in_the_options_dialog(isolated, tmp_path):
    """Bundled faces stand in for 仿宋/小标宋/楷体: the dialog says which, and that it differs from GB/T 9704."""
    from ogi_gui.printoptions import PrintOptionsDialog, font_notice
    from PySide6.QtWidgets import QLabel

    said = "\n".join(label.text() for label in PrintOptionsDialog(None, "打印", []).findChildren(QLabel))
    assert "仿宋" in said and "GB/T 9704" in said and "uming.ttc" in said
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "fangsong.ttf").symlink_to(fonts_dir() / "wqy-microhei.ttc")
    assert "仿宋：" not in font_notice(str(tmp_path / "fonts"))  # a 仿宋 of its own: not a substitute any more
    assert str(tmp_path / "missing") in font_notice(str(tmp_path / "missing"))
