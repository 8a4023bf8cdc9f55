"""WIN: the statutory tables as an editable form, checked live as the clerk types."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ogi.model.report import Report
from ogi.model.sample import full_report
from tests import guikit
from tests.guikit import ENTER, ESC, TAB, clipboard, commit_ime, editor_of, type_in

isolated, make_window = guikit.isolated, guikit.make_window  # fixtures shared by the window tests


@pytest.fixture()
def blank(make_window, form21):
    return make_window(Report(form21))


def _shown(window, cell_id: str) -> str:
    view = window.form.views[cell_id.split(".", maxsplit=1)[0]]
    return view.model().index_of(cell_id).data() or ""


def _keys(window) -> set[str]:
    return {f.key for f in window.doc.findings()}


def test_WIN_models_pass_modeltester(make_window, form21, form19, qtmodeltester):
    for form in (form21, form19):
        window = make_window(full_report(form))
        for view in window.form.views.values():
            qtmodeltester.check(view.model(), force_py=True)
        qtmodeltester.check(window.problems.model, force_py=True)


def test_WIN_grid_spans_match_official_table(blank):
    view = blank.form.views["t3"]
    assert (view.model().rowCount(), view.model().columnCount()) == (28, 10)
    assert (view.rowSpan(5, 0), view.columnSpan(0, 0), view.rowSpan(0, 0)) == (22, 3, 3)  # 三、本年度办理结果; corner note
    assert view.rowSpan(7, 1) == 8 and view.model().index(7, 1).data() == "（三）不予公开"
    assert view.columnSpan(0, 3) == 7 and view.model().index(0, 3).data() == "申请人情况"
    label = view.model().index(5, 0)
    assert not label.flags() & Qt.ItemFlag.ItemIsEditable and label.data() == "三、本年度办理结果"
    t4 = blank.form.views["t4"]
    assert t4.columnSpan(1, 5) == 5 and t4.model().index(1, 5).data() == "未经复议直接起诉"
    assert all(v.height() >= sum(v.rowHeight(r) for r in range(v.model().rowCount())) for v in blank.form.views.values())


def test_WIN_typing_updates_totals_and_findings_live(blank, qtbot):
    for cell in ("t3.new.business", "t3.new.research", "t3.new.charity", "t3.new.legal", "t3.new.other"):
        blank.doc.set_values({cell: 0})
    view = blank.form.views["t3"]
    editor = type_in(qtbot, view, "t3.new.natural", "1")
    assert _shown(blank, "t3.new.total") == "1"  # the total follows the keystroke before Enter
    assert "T3-3/new" not in {f.key for f in blank.doc.findings() if f.severity == "incomplete"}
    qtbot.keyClicks(editor, "2")
    assert _shown(blank, "t3.new.total") == "12"
    qtbot.keyClick(editor, ENTER)
    assert blank.doc.report.value("t3.new.natural") == 12 and blank.doc.report.value("t3.new.total") == 12
    assert blank.doc.undo.count() == 6


def test_WIN_esc_restores_value_and_findings(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    before_value, before = window.doc.report.value("t3.new.natural"), _keys(window)
    view = window.form.views["t3"]
    editor = type_in(qtbot, view, "t3.new.natural", "99999")
    assert "T3-1/natural" in _keys(window)  # the balance fails while typing …
    assert view.model().index_of("t3.new.natural").data(Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.keyClick(editor, ESC)
    assert editor_of(view) is None
    assert window.doc.report.value("t3.new.natural") == before_value and _keys(window) == before  # … and Esc restores both
    assert window.doc.undo.count() == 0


def test_WIN_bad_entry_refused_with_reason(blank, qtbot):
    view = blank.form.views["t3"]
    editor = type_in(qtbot, view, "t3.new.natural", "12a", end=ENTER)
    assert editor_of(view) is editor  # still editing: Enter refused
    assert editor.error == "不是数字" and "不是数字" in editor.toolTip()
    assert blank.doc.report.value("t3.new.natural") is None and blank.doc.undo.count() == 0
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, ENTER)
    assert blank.doc.report.value("t3.new.natural") == 12


def test_WIN_negative_refused(blank, qtbot):
    editor = type_in(qtbot, blank.form.views["t3"], "t3.new.natural", "-3", end=TAB)
    assert editor.error == "不能为负数" and blank.doc.report.value("t3.new.natural") is None


def test_WIN_full_width_digits_and_separators(blank, qtbot):
    view = blank.form.views["t3"]
    view.go_to("t3.new.natural")
    commit_ime(view, "１２")  # a Chinese input method commits full-width digits; that starts editing too
    assert editor_of(view).text() == "１２" and _shown(blank, "t3.new.total") == ""
    qtbot.keyClick(editor_of(view), ENTER)
    type_in(qtbot, blank.form.views["t3"], "t3.new.business", "1,234", end=ENTER)
    assert blank.doc.report.value("t3.new.natural") == 12 and blank.doc.report.value("t3.new.business") == 1234


def test_WIN_enter_moves_down_tab_moves_right(blank, qtbot):
    view = blank.form.views["t3"]
    type_in(qtbot, view, "t3.new.natural", "1", end=ENTER)
    assert view.model().grid_cell(view.currentIndex()).cell_id == "t3.carried_in.natural"
    editor = type_in(qtbot, view, "t3.carried_in.natural", "2", end=TAB)
    assert editor_of(view) is None and editor is not None
    assert view.model().grid_cell(view.currentIndex()).cell_id == "t3.carried_in.business"
    view.go_to("t3.carried_in.total")
    qtbot.keyClick(view, TAB)  # the row ends: Tab wraps to the next row, past its labels
    assert view.model().grid_cell(view.currentIndex()).cell_id == "t3.granted.natural"
    t2 = blank.form.views["t2"]
    t2.go_to("t2.normative.repealed")
    qtbot.keyClick(t2, Qt.Key.Key_Down)  # over the caption and header rows into the merged value cell
    assert t2.model().grid_cell(t2.currentIndex()).cell_id == "t2.licensing.decisions"


def test_WIN_entering_total_by_f2_makes_entered_and_back(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    view = window.form.views["t3"]
    computed = window.doc.report.value("t3.new.total")
    index = view.model().index_of("t3.new.total")
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    view.go_to("t3.new.total")
    qtbot.keyClick(view, Qt.Key.Key_F2)  # deliberate: typing alone never overwrites a computed total
    editor = editor_of(view)
    editor.selectAll()
    qtbot.keyClicks(editor, str(computed + 1))
    qtbot.keyClick(editor, ENTER)
    assert window.doc.report.is_entered_total("t3.new.total") and "T3-3/new" in _keys(window)
    assert index.data(Qt.ItemDataRole.FontRole) is None  # looks like an input now (with a marker)
    view.go_to("t3.new.total")
    view.make_automatic()
    assert not window.doc.report.is_entered_total("t3.new.total") and window.doc.report.value("t3.new.total") == computed
    window.doc.undo.undo()
    assert window.doc.report.is_entered_total("t3.new.total")


def test_WIN_f2_then_enter_keeps_total_automatic(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    view = window.form.views["t3"]
    view.go_to("t3.new.total")
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.keyClick(editor_of(view), ENTER)
    assert not window.doc.report.is_entered_total("t3.new.total") and window.doc.undo.count() == 0


def test_WIN_paste_block_one_undo(blank, qtbot):
    view = blank.form.views["t3"]
    clipboard().setText("1\t2\t3\r\n4\t5\t6\r\n")
    view.go_to("t3.new.natural")
    qtbot.keySequence(view, "Ctrl+V") if hasattr(qtbot, "keySequence") else view.paste()
    report = blank.doc.report
    assert [report.value(c) for c in ("t3.new.natural", "t3.new.business", "t3.new.research")] == [1, 2, 3]
    assert [report.value(c) for c in ("t3.carried_in.natural", "t3.carried_in.business", "t3.carried_in.research")] == [4, 5, 6]
    assert blank.doc.undo.count() == 1
    blank.doc.undo.undo()
    assert report.value("t3.new.natural") is None and report.value("t3.carried_in.research") is None


def test_WIN_paste_skips_labels_and_keeps_bad_text(blank, qtbot):
    t2 = blank.form.views["t2"]
    t2.go_to("t2.normative.issued")
    clipboard().setText("1\t2\t3\n第二十条\t\t\t\n信息内容\t\t\t\n行政许可\t７\t\t\n")
    t2.setCurrentIndex(t2.model().index(3, 0).siblingAtColumn(1))
    t2.paste_text("1\t2\tx\n\t\t\t\n\t\t\t\n７\t\t\n")
    report = blank.doc.report
    assert report.value("t2.normative.issued") == 1 and report.value("t2.normative.repealed") == 2
    assert report.invalid["t2.normative.in_force"].text == "x" and "V-1/t2.normative.in_force" in _keys(blank)
    assert report.value("t2.licensing.decisions") == 7  # the merged value cell took the value at its first column


def test_WIN_copy_selection_tab_separated(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    view = window.form.views["t3"]
    model = view.model()
    view.setCurrentIndex(model.index_of("t3.new.natural"))
    view.selectionModel().select(view.model().index_of("t3.new.natural"), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index_of("t3.carried_in.business"), view.selectionModel().SelectionFlag.Select)
    qtbot.keySequence(view, "Ctrl+C") if hasattr(qtbot, "keySequence") else view.copy()
    r = window.doc.report
    assert clipboard().text() == f"{r.value('t3.new.natural')}\t\r\n\t{r.value('t3.carried_in.business')}\r\n"


def test_WIN_delete_clears_selection(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    view = window.form.views["t3"]
    view.go_to("t3.new.natural")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.doc.report.value("t3.new.natural") is None and window.doc.report.value("t3.new.total") is None
    assert _shown(window, "t3.new.natural") == ""


def test_WIN_fill_blanks_one_undo(blank):
    view = blank.form.views["t4"]
    view.fill_blanks()
    report = blank.doc.report
    assert (
        report.blank_cells("t4") == [] and report.value("t4.review.total") == 0 and not report.is_entered_total("t4.review.total")
    )
    assert report.blank_cells("t3") and blank.doc.undo.count() == 1
    blank.doc.undo.undo()
    assert len(report.blank_cells("t4")) == 15


def test_WIN_error_cell_coloured_culprit_marked(make_window, form21, qtbot):
    from ogi_gui.tablemodel import COLOURS

    window = make_window(full_report(form21))
    view = window.form.views["t3"]
    good = view.model().index_of("t3.new.natural").data(Qt.ItemDataRole.BackgroundRole).color()
    type_in(qtbot, view, "t3.total.natural", str(window.doc.report.value("t3.total.natural") + 5), end=ENTER)
    finding = next(f for f in window.doc.findings() if f.key == "T3-2/natural")
    assert finding.severity == "error" and finding.culprit == "t3.total.natural"
    index = view.model().index_of("t3.total.natural")
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == COLOURS["culprit"] != good
    assert "T3-2" not in index.data(Qt.ItemDataRole.ToolTipRole) and finding.message in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "错误 " in window.counts.text() and "错误 0" not in window.counts.text()


def test_WIN_problems_click_jumps(make_window, form21, qtbot):
    report = full_report(form21)
    report.set("t3.new.natural", report.value("t3.new.natural") + 3)
    report.meta.pop("agency")
    window = make_window(report)
    model = window.problems.model
    rows = {model.rows[i].key: i for i in range(model.rowCount())}
    window.problems.view.clicked.emit(model.index(rows["T3-1/natural"], 2))
    view = window.form.views["t3"]
    finding = model.rows[rows["T3-1/natural"]]
    assert view.model().grid_cell(view.currentIndex()).cell_id == (finding.culprit or finding.cells[0])
    window.problems.view.clicked.emit(model.index(rows["M-1/agency"], 2))
    assert window.focusWidget() is window.form.fields[("meta", "agency")]


def test_WIN_note_on_warning_saved(make_window, form21, tmp_path):
    from ogi.formats.jsonfile import read

    window = make_window(full_report(form21))
    previous = full_report(form21, seed=5)
    window.doc.carry_in(previous, None)
    window.doc.set_values({"t3.carried_in.natural": previous.value("t3.carried_over.natural") + 1})
    warning = next(f for f in window.doc.findings() if f.key == "T3-5/natural")
    assert warning.severity == "warning"
    window.doc.edit_text("note", warning.key, "机构改革，职能划入")
    index = window.form.views["t3"].model().index_of("t3.carried_in.natural")
    assert "机构改革" in index.data(Qt.ItemDataRole.ToolTipRole)
    row = [f.key for f in window.problems.model.rows].index(warning.key)
    assert window.problems.model.index(row, 3).data() == "机构改革，职能划入"
    assert window.save_as(tmp_path / "r.json") and read(tmp_path / "r.json").notes[warning.key] == "机构改革，职能划入"


def test_WIN_text_typing_merges_into_one_undo(blank, qtbot):
    field = blank.form.fields[("text", "overview")]
    field.setFocus()
    commit_ime(field, "本年度")  # Chinese arrives from the input method …
    qtbot.keyClicks(field, " 2024")  # … and digits from the keyboard: one undo step for the whole run
    assert blank.doc.report.texts["overview"] == "本年度 2024" and blank.doc.undo.count() == 1
    assert "N-1/overview" not in _keys(blank)
    meta = blank.form.fields[("meta", "agency")]
    commit_ime(meta, "示例局")
    assert blank.doc.report.meta["agency"] == "示例局" and blank.doc.undo.count() == 2
    qtbot.keyClick(meta, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's undo, not the field's own
    assert "agency" not in blank.doc.report.meta and meta.text() == ""
    blank.doc.undo.undo()
    assert "overview" not in blank.doc.report.texts and field.toPlainText() == "" and "N-1/overview" in _keys(blank)
