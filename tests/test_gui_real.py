"""The window's small parts for real reports: 报告类别 when creating, asked when last year's report is not."""

from __future__ import annotations

import datetime as _dt

from ogi.formats.jsonfile import write
from ogi.model.report import Report
from ogi.model.sample import full_report
from tests import guikit

isolated = guikit.isolated
make_window = guikit.make_window

GOVERNMENT = "县级以上地方人民政府（本级政府）"


def test_WIN_new_report_chooses_the_report_kind(isolated, qtbot):
    from ogi_gui.dialogs import NewReportDialog

    dialog = NewReportDialog()
    qtbot.addWidget(dialog)
    year = str(_dt.date.today().year - 1)
    assert dialog.choice() == ("ogi-2021", {"year": year, "report_kind": "县级以上人民政府部门"})  # default: a department
    kind = dialog.fields.kind
    kind.setCurrentIndex(kind.findText(GOVERNMENT))
    assert dialog.choice() == ("ogi-2021", {"year": year, "report_kind": GOVERNMENT})


def test_WIN_new_report_keeps_the_kind_and_the_deadline_follows(make_window, form21):
    window = make_window(Report(form21))
    window.ask_new = lambda: ("ogi-2021", {"year": "2023", "report_kind": GOVERNMENT})
    assert window.new_report()
    window.doc.report.meta["date"] = "2024-03-20"
    window.doc.checker.meta_changed()
    assert window.doc.report.meta["report_kind"] == GOVERNMENT
    assert not [f for f in window.doc.findings() if f.rule == "D-2"]
    combo = window.form.fields[("meta", "report_kind")]
    assert combo.currentText() == GOVERNMENT


def test_WIN_report_kind_combo_edits_with_undo(make_window, form21):
    window = make_window(Report(form21))
    combo = window.form.fields[("meta", "report_kind")]
    combo.activated.emit(combo.findText(GOVERNMENT))
    assert window.doc.report.meta["report_kind"] == GOVERNMENT
    window.doc.undo.undo()
    assert not window.doc.report.meta.get("report_kind") and combo.currentIndex() == 0


def test_WIN_last_years_report_of_another_body_asks(make_window, form21, tmp_path):
    last = full_report(form21, seed=3, year=2023)
    last.meta["agency"] = "沭阳县发展和改革局"
    write(last, tmp_path / "2023.json")
    report = Report(form21)
    report.meta.update(year="2025", agency="南通市海门区住房建设服务中心")
    window = make_window(report)
    asked = []
    window.ask_use_previous = lambda problems: asked.append(problems) or False
    assert not window.load_previous(tmp_path / "2023.json")
    assert len(asked[0]) == 2 and window.doc.report.value("t3.carried_in.natural") is None
    window.ask_use_previous = lambda problems: True
    assert window.load_previous(tmp_path / "2023.json")
    assert window.doc.report.value("t3.carried_in.natural") == last.value("t3.carried_over.natural")


def test_WIN_grouped_blank_finding_selects_and_fills_all_its_cells(make_window, form21):
    """One "not filled in" finding per table part carries all its cells: the window selects them all,
    and fills them with 0 in one undo step."""
    report = full_report(form21)
    blanks = ["t3.new.natural", "t3.new.business", "t3.granted.natural"]
    for cell in blanks:
        report.set(cell, None)
    window = make_window(report)
    group = next(f for f in window.doc.findings() if f.severity == "incomplete" and set(blanks) <= set(f.missing))
    window.problems.cellsChosen.emit(group.missing)
    view = window.form.views["t3"]
    assert set(blanks) <= set(view.selected_cells())
    assert window.doc.fill_cells(group.missing) == len(blanks)
    assert all(window.doc.report.value(c) == 0 for c in blanks)
    window.doc.undo.undo()
    assert all(window.doc.report.value(c) is None for c in blanks)
