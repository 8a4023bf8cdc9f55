"""WIN (issue 14, items 6–7): 文件 → 新建 asks what the start page asks (edition, 机关全称, 报告年度,
报告类别 where the form has one); exported copies are suggested beside the report, then where the
clerk last put one."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st
from ogi_gui import newreport
from ogi_gui.dialogs import NewReportDialog
from ogi_gui.files import SETTING_LAST_FOLDER, export_place
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox

from ogi.model.loader import load_form
from ogi.model.report import Report
from ogi.model.schema import MetaField
from tests import guikit

isolated, make_window = guikit.isolated, guikit.make_window
AGENCY = "南通市海门区住房和城乡建设局政府信息公开工作领导小组办公室"


def _answer_dialog(qtbot, keys) -> None:
    """Type into the modal 新建报告 dialog once it is up, as a clerk would, then press Enter."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewReportDialog):
            QTimer.singleShot(20, answer)
            return
        keys(dialog)
        qtbot.keyClick(dialog.fields.agency, Qt.Key.Key_Return)
        if dialog.isVisible():
            dialog.accept()

    QTimer.singleShot(0, answer)


def test_WIN_new_dialog_asks_agency_and_year_and_offers_the_open_agency(make_window, form21, qtbot):
    old = Report(form21)
    old.meta["agency"] = AGENCY
    window = make_window(old)

    def keys(dialog: NewReportDialog) -> None:
        assert dialog.fields.agency.text() == AGENCY  # next year's report is usually the same agency's
        qtbot.keyClick(dialog.fields.year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.fields.year, "2023")

    _answer_dialog(qtbot, keys)
    assert window.new_report()
    assert window.doc.report.meta == {"agency": AGENCY, "year": "2023"}
    assert "2023 年度" in window.edition.text()


def test_WIN_new_dialog_typed_agency_on_an_empty_window(make_window, form21, qtbot):
    window = make_window(Report(form21))

    def keys(dialog: NewReportDialog) -> None:
        dialog.fields.agency.setFocus()
        qtbot.keyClicks(dialog.fields.agency, "  ")
        guikit.commit_ime(dialog.fields.agency, "某县教育局")  # Chinese arrives through the input method
        qtbot.keyClicks(dialog.fields.agency, " ")

    _answer_dialog(qtbot, keys)
    assert window.new_report()
    assert window.doc.report.role("agency") == "某县教育局"


def test_WIN_new_dialog_offers_report_category_where_the_form_has_one(isolated, qtbot, monkeypatch):
    base = load_form("ogi-2021")
    kind = MetaField("category", "报告类别", "text", False, "kind")
    object.__setattr__(kind, "choices", ("本机关报告", "汇总报告")) if not hasattr(kind, "choices") else None
    with_kind = dataclasses.replace(base, meta=(*base.meta, kind))
    monkeypatch.setattr(newreport, "load_form", lambda form_id: with_kind if form_id == "ogi-2021" else load_form(form_id))
    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog.fields.kind, QComboBox)
    dialog.fields.kind.setFocus()
    qtbot.keyClick(dialog.fields.kind, Qt.Key.Key_Down)
    form_id, meta = dialog.choice()
    assert form_id == "ogi-2021" and meta["category"] == "汇总报告"
    dialog.fields.edition.setCurrentIndex(dialog.fields.edition.findData("ogi-2019"))
    assert dialog.fields.kind is None and "category" not in dialog.choice()[1]


def test_WIN_export_suggested_beside_the_report_then_last_used(isolated, tmp_path):
    report_dir, last, old = tmp_path / "报告", tmp_path / "上次导出", tmp_path / "上次打开"
    for folder in (report_dir, last, old):
        folder.mkdir()
    QSettings().setValue("print/folder", str(last))
    QSettings().setValue(SETTING_LAST_FOLDER, str(old))
    assert export_place(report_dir / "2024年报告.xlsx", "标题", ".pdf", "print/folder") == report_dir / "2024年报告.pdf"
    assert export_place(None, "某局2024年报告", ".pdf", "print/folder") == last / "某局2024年报告.pdf"
    QSettings().setValue("print/folder", str(tmp_path / "已删除"))
    assert export_place(None, "某局", ".docx", "print/folder") == old / "某局.docx"


@given(st.text(min_size=0, max_size=60))
def test_WIN_export_name_is_always_a_plain_file_name(title):
    path = export_place(None, title, ".pdf", "nothing/here")
    assert path.suffix == ".pdf" and path.name.strip() and not set(path.name) & set('\\/:*?"<>|\n')


def test_WIN_start_page_cursor_waits_in_the_agency_field(make_window, form21, qtbot):
    window = make_window(Report(form21))
    window.show_start_page()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.start.fields.agency, timeout=2000)
    qtbot.keyClicks(QApplication.focusWidget(), "Haimen")  # typed where the focus is, as on a real keyboard
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.start is None and window.doc.report.role("agency") == "Haimen"


def test_WIN_new_report_puts_the_cursor_in_the_next_field_to_fill(make_window, form21, qtbot):
    window = make_window(Report(form21))
    window.show_start_page()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.start.fields.agency, timeout=2000)
    qtbot.keyClicks(window.start.fields.agency, "Haimen")
    qtbot.keyClick(window.start.fields.agency, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.form.fields[("meta", "date")]  # 机关全称 and 年度 are filled
    qtbot.keyClicks(QApplication.focusWidget(), "2025-01-08")
    assert window.doc.report.role("date") == "2025-01-08"


def test_WIN_file_dialog_lists_folders_in_chinese(isolated, qtbot, tmp_path):
    from PySide6.QtWidgets import QFileSystemModel

    (tmp_path / "报告").mkdir()
    model = QFileSystemModel()
    with qtbot.waitSignal(model.directoryLoaded, timeout=5000):
        root = model.setRootPath(str(tmp_path))
    qtbot.waitUntil(lambda: model.rowCount(root) > 0)
    folder = model.index(str(tmp_path / "报告"))
    assert model.index(folder.row(), 2, folder.parent()).data() == "文件夹"  # the 类型 column, not 「Folder」


def test_WIN_pasting_what_is_there_says_so_and_undo_stays_put(make_window, form21, qtbot):
    """Found under Xvfb: pasting blanks onto blanks said 「粘贴 2 个单元格」 and Ctrl+Z then undid the
    edit before it, without a word of warning."""
    window = make_window(Report(form21))
    view = window.form.views["t3"]
    guikit.type_in(qtbot, view, "t3.new.natural", "7", guikit.ENTER)
    view.go_to("t3.carried_in.natural")
    guikit.clipboard().setText("\t\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "没有修改" in window.statusBar().currentMessage()
    assert window.undo_group.undoText() == "编辑单元格" and window.act_undo.text() == "撤销 编辑单元格"
