"""WIN: files from the window — new, open, save, reopen, last year's report, printing hooks."""

from __future__ import annotations

import datetime as _dt
import sys
import types

import ogi_gui
import pytest
from PySide6.QtCore import Qt

from ogi.formats import registry
from ogi.formats.jsonfile import read, write
from ogi.model.report import Report
from ogi.model.sample import full_report
from tests import guikit
from tests.guikit import ENTER, type_in

isolated, make_window = guikit.isolated, guikit.make_window  # fixtures shared by the window tests


def _edited(window, qtbot):
    view = window.form.views["t3"]
    type_in(qtbot, view, "t3.new.natural", "7", end=ENTER)
    type_in(qtbot, view, "t3.new.total", "99", end=ENTER)  # an entered total
    window.doc.edit_text("text", "overview", "总体情况")
    window.doc.edit_text("meta", "agency", "示例局")


def test_WIN_save_reopen_json_equal(make_window, form21, qtbot, tmp_path):
    window = make_window(Report(form21))
    _edited(window, qtbot)
    path = tmp_path / "报告.json"
    assert window.save_as(path) and window.errors == []
    assert read(path) == window.doc.report and read(path).is_entered_total("t3.new.total")
    again = make_window()
    assert again.open_file(path) and again.doc.report == window.doc.report
    assert again.doc.path == path and str(path) in again.recent_files()


def test_WIN_save_reopen_xlsx(make_window, form21, qtbot, tmp_path):
    if ".xlsx" not in registry():
        pytest.skip("the Excel format plug-in (ogi.formats.xlsx) is not registered in ogi.formats.PLUGINS yet")
    window = make_window(full_report(form21))
    _edited(window, qtbot)
    path = tmp_path / "报告.xlsx"
    assert window.save_as(path) and window.errors == []
    again = make_window()
    assert again.open_file(path) and again.doc.report == window.doc.report


def test_WIN_modified_marker_follows_undo_clean_state(make_window, form21, qtbot, tmp_path):
    window = make_window(Report(form21))
    assert not window.isWindowModified() and "[*]" in window.windowTitle()
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "1", end=ENTER)
    assert window.isWindowModified()
    window.doc.undo.undo()
    assert not window.isWindowModified()
    window.doc.undo.redo()
    window.save_as(tmp_path / "a.json")
    assert not window.isWindowModified() and "a.json" in window.windowTitle()


def test_WIN_open_bad_file_shows_chinese_error(make_window, tmp_path):
    window = make_window()
    bad = tmp_path / "坏.json"
    bad.write_text("{ 不是 JSON", encoding="utf-8")
    assert not window.open_file(bad)
    assert len(window.errors) == 1 and "坏.json" in window.errors[0] and "Traceback" not in window.errors[0]
    assert not window.open_file(tmp_path / "没有.json") and "不存在" in window.errors[1]


def test_WIN_save_failure_shows_error_keeps_modified(make_window, form21, qtbot, tmp_path):
    window = make_window(Report(form21))
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "1", end=ENTER)
    assert not window.save_as(tmp_path / "no-such-folder" / "r.json")
    assert "无法保存" in window.errors[0] and window.isWindowModified()


def test_WIN_new_report_dialog_defaults(isolated, qtbot):
    from ogi_gui.dialogs import NewReportDialog

    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    year = str(_dt.date.today().year - 1)
    assert dialog.choice() == ("ogi-2021", {"year": year, "report_kind": "县级以上人民政府部门"})  # the form's default kind


def test_WIN_new_report_prompts_over_unsaved(make_window, form21, qtbot):
    window = make_window(Report(form21))
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "1", end=ENTER)
    asked = []
    window.ask_save_changes = lambda: asked.append(1) or "cancel"
    window.ask_new = lambda: ("ogi-2019", {"year": "2020"})
    assert not window.new_report() and window.doc.report.value("t3.new.natural") == 1
    window.ask_save_changes = lambda: "discard"
    assert window.new_report() and window.doc.form.id == "ogi-2019" and window.doc.report.meta == {"year": "2020"}
    assert asked and not window.isWindowModified()


def test_WIN_close_prompt_cancel_keeps_window(make_window, form21, qtbot):
    window = make_window(Report(form21))
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "1", end=ENTER)
    window.ask_save_changes = lambda: "cancel"
    assert not window.close() and window.isVisible()
    window.ask_save_changes = lambda: "discard"
    assert window.close()


def test_WIN_load_last_year_carries_over_one_undo(make_window, form21, tmp_path):
    last = full_report(form21, seed=3, year=2023)
    write(last, tmp_path / "2023.json")
    window = make_window(Report(form21))
    assert window.load_previous(tmp_path / "2023.json")
    report = window.doc.report
    assert report.value("t3.carried_in.natural") == last.value("t3.carried_over.natural")
    assert report.value("t3.carried_in.total") == last.value("t3.carried_over.total") and not report.is_entered_total(
        "t3.carried_in.total"
    )
    assert window.doc.undo.count() == 1
    window.doc.set_values({"t3.carried_in.natural": last.value("t3.carried_over.natural") + 1})
    assert any(f.key == "T3-5/natural" and f.severity == "warning" for f in window.doc.findings())
    window.doc.undo.undo()
    window.doc.undo.undo()
    assert report.value("t3.carried_in.natural") is None and window.doc.checker.previous is not None


def test_WIN_printing_actions_call_gui_printing(make_window, form21, monkeypatch, tmp_path):
    calls = []
    fake = types.ModuleType("ogi_gui.printing")
    fake.export_pdf = lambda parent, report, findings, report_path=None: (
        calls.append(("pdf", report, findings)) or tmp_path / "r.pdf"
    )
    fake.print_preview = lambda parent, report, findings: calls.append(("preview", report, findings))
    fake.print_report = lambda parent, report, findings: calls.append(("print", report, findings))
    monkeypatch.setitem(sys.modules, "ogi_gui.printing", fake)
    monkeypatch.setattr(ogi_gui, "printing", fake, raising=False)  # `from . import printing` reads the package
    window = make_window(full_report(form21))
    window.act_pdf.trigger()
    window.act_preview.trigger()
    window.act_print.trigger()
    assert [c[0] for c in calls] == ["pdf", "preview", "print"] and calls[0][1] is window.doc.report
    assert window.act_print.shortcut().toString() == "Ctrl+P" and window.errors == []


def test_WIN_recent_files_menu(make_window, form21, tmp_path):
    window = make_window(full_report(form21))
    for name in ("a.json", "b.json"):
        window.save_as(tmp_path / name)
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[:2] == [str(tmp_path / "b.json"), str(tmp_path / "a.json")]


def test_WIN_file_dialog_filters_from_registry(make_window):
    window = make_window()
    filters = window._filters()
    assert all(f"*{suffix}" in filters for suffix in registry()) and filters.startswith("报告文件")
    assert window.act_save.shortcut().matches(Qt.Key.Key_S | Qt.KeyboardModifier.ControlModifier) is not None
