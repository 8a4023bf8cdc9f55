"""WIN: narrative figures in the window — marks in the text, selecting a figure, live re-check, drafting."""

from __future__ import annotations

from ogi.model.narrative.draft import draft_paragraph
from ogi.model.report import Report
from ogi.model.sample import full_report
from tests import guikit

isolated, make_window = guikit.isolated, guikit.make_window  # fixtures shared by the window tests
WRONG = "全年共收到政府信息公开申请{n}件，办结情况见表三。"


def _report(form21, stated_offset: int = 1):
    report = full_report(form21, seed=7)
    report.texts["overview"] = "一是完善制度。" + WRONG.format(n=report.value("t3.new.total") + stated_offset)
    return report


def _x1(window):
    return [f for f in window.doc.findings() if f.rule == "X-1"]


def _marks(window):
    from ogi_gui.narrative import MARK_DELAY_MS  # noqa: F401  (the marks follow after this pause)

    field = window.form.fields[("text", "overview")]
    return [(s.cursor.selectedText(), s.format.toolTip()) for s in field.extraSelections()]


def test_WIN_disagreeing_figure_is_marked_in_the_text_with_the_table_value(make_window, form21, qtbot):
    report = _report(form21)
    window = make_window(report)
    (finding,) = _x1(window)
    qtbot.waitUntil(lambda: _marks(window) != [], timeout=3000)
    stated = f"{report.value('t3.new.total') + 1}件"
    assert _marks(window) == [(stated, finding.message)]
    assert f"为 {report.value('t3.new.total')}" in finding.message
    from ogi_gui.narrative import TextMarks

    marks = window.form.fields[("text", "overview")].findChild(TextMarks)
    start, end = finding.span
    assert marks.finding_at(start) == finding and marks.finding_at(end) is None and marks.finding_at(0) is None


def test_WIN_clicking_the_finding_selects_the_figure(make_window, form21, qtbot):
    window = make_window(_report(form21))
    (finding,) = _x1(window)
    window.problems.findingActivated.emit(finding)
    field = window.form.fields[("text", "overview")]
    assert field.textCursor().selectedText() == f"{finding.reported}件"


def test_WIN_typing_and_cell_changes_recheck_the_text(make_window, form21, qtbot):
    report = _report(form21, stated_offset=0)
    report.texts["overview"] = "一是完善制度。"
    window = make_window(report)
    field = window.form.fields[("text", "overview")]
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    guikit.commit_ime(field, "全年共收到政府信息公开申请")  # as an input method commits words
    qtbot.keyClicks(field, str(report.value("t3.new.total")))  # the figure typed digit by digit
    guikit.commit_ime(field, "件，办结情况见表三。")
    assert window.doc.report.texts["overview"].endswith(WRONG.format(n=report.value("t3.new.total")))
    assert _x1(window) == []
    natural = report.value("t3.new.natural")
    window.doc.set_values({"t3.new.natural": natural + 1})  # the table changes under the text
    assert [f.key for f in _x1(window)] == [f"X-1/overview/new/{report.value('t3.new.total') - 1}"]
    qtbot.waitUntil(lambda: len(_marks(window)) == 1, timeout=3000)
    window.doc.undo.undo()
    assert _x1(window) == []
    qtbot.waitUntil(lambda: _marks(window) == [], timeout=3000)


def test_WIN_draft_command_appends_a_paragraph_that_checks_clean_and_undoes(make_window, form21, qtbot):
    report = _report(form21, stated_offset=0)
    before = report.texts["overview"]
    window = make_window(report)
    window.act_draft.trigger()
    text = window.doc.report.texts["overview"]
    assert text == before + "\n" + draft_paragraph(report) and _x1(window) == []
    field = window.form.fields[("text", "overview")]
    assert field.textCursor().selectedText() == draft_paragraph(report)
    window.doc.undo.undo()
    assert window.doc.report.texts["overview"] == before


def test_WIN_draft_command_with_blank_tables_says_why_in_the_status_bar(make_window, form21):
    window = make_window(Report(form21))
    window.act_draft.trigger()
    assert "表格尚未填完" in window.statusBar().currentMessage() and window.doc.report.texts == {}
    assert window.errors == []
