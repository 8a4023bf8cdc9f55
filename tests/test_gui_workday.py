"""WIN (issue 14): a clerk's day with real key presses — totals typing cannot overwrite, paste with
totals, undo that says what it did, zoom, the start page, finding one's way, messages."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ogi_gui.document import inserted
from ogi_gui.workday import ZOOM_STEPS, zoom_step
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication

from ogi.model.report import Report
from ogi.model.sample import full_report
from tests import guikit
from tests.guikit import ENTER, TAB, editor_of

isolated, make_window = guikit.isolated, guikit.make_window


def _type(qtbot, view, text: str, key) -> None:
    qtbot.keyClicks(view, text[0])
    editor = editor_of(view)
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)


def _cell(view) -> str:
    return view.model().grid_cell(view.currentIndex()).cell_id


def test_WIN_tab_never_lands_on_a_total(make_window, form21, qtbot):
    window = make_window(Report(form21))
    t4 = window.form.views["t4"]
    t4.go_to("t4.review.upheld")
    for text in ("1", "0", "0", "0", "0", "2"):
        _type(qtbot, t4, text, TAB)
    report = window.doc.report
    assert not report.is_entered_total("t4.review.total") and report.value("t4.review.total") == 1
    assert report.value("t4.direct_suit.upheld") == 0 and report.value("t4.direct_suit.corrected") == 2
    assert _cell(t4) == "t4.direct_suit.other"


def test_WIN_typing_on_a_computed_total_is_refused_f2_is_deliberate(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    view = window.form.views["t3"]
    view.go_to("t3.new.total")
    qtbot.keyClicks(view, "7")
    assert editor_of(view) is None and not window.doc.report.is_entered_total("t3.new.total")
    assert "F2" in window.statusBar().currentMessage()
    view.cell_delegate.closeEditor.emit(editor_of(view), 0) if editor_of(view) else None
    guikit.type_in(qtbot, view, "t3.new.total", "7777", ENTER)  # F2: the deliberate way
    assert window.doc.report.is_entered_total("t3.new.total")
    view.go_to("t3.new.total")
    menu_texts = []
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    view.fill_menu(menu)
    menu_texts = {a.text(): a.isEnabled() for a in menu.actions()}
    assert menu_texts["恢复自动计算"] and not menu_texts["手工填写合计"]


def test_WIN_enter_skips_total_row_and_leaves_the_table(make_window, form21, qtbot):
    window = make_window(Report(form21))
    t3 = window.form.views["t3"]
    t3.go_to("t3.other.3.natural")
    _type(qtbot, t3, "4", ENTER)
    assert _cell(t3) == "t3.carried_over.natural"  # not （七）总计
    _type(qtbot, t3, "0", ENTER)
    t4 = window.form.views["t4"]
    assert window.focusWidget() is t4 and _cell(t4) == "t4.review.upheld"


def test_WIN_enter_after_tab_returns_to_the_starting_column(make_window, form21, qtbot):
    window = make_window(Report(form21))
    t3 = window.form.views["t3"]
    t3.go_to("t3.new.business")
    _type(qtbot, t3, "1", TAB)
    _type(qtbot, t3, "2", TAB)
    _type(qtbot, t3, "3", ENTER)
    assert _cell(t3) == "t3.carried_in.business"
    qtbot.keyClick(t3, Qt.Key.Key_Down)  # another move: Enter goes straight down again
    _type(qtbot, t3, "5", ENTER)
    assert _cell(t3).endswith(".business")


def test_WIN_pasted_totals_equal_to_the_sum_stay_automatic(make_window, form21, qtbot):
    window = make_window(Report(form21))
    t4 = window.form.views["t4"]
    t4.go_to("t4.review.upheld")
    guikit.clipboard().setText("1\t2\t3\t4\t10\t1\t1\t1\t1\t5\r\n")  # 10 is right, 5 is not (4)
    qtbot.keyClick(t4, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    report = window.doc.report
    assert not report.is_entered_total("t4.review.total") and report.value("t4.review.total") == 10
    assert report.is_entered_total("t4.direct_suit.total")
    expected = "粘贴 10 个单元格，其中 1 个合计改为手工填写"
    assert window.statusBar().currentMessage() == expected and window.doc.undo.undoText() == expected
    assert window.act_undo.text() == "撤销 " + expected


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(0, 999_999), min_size=4, max_size=4), st.integers(-3, 3))
def test_WIN_paste_total_automatic_exactly_when_equal(make_window, form21, values, delta):
    window = make_window(Report(form21))
    t4 = window.form.views["t4"]
    t4.go_to("t4.review.upheld")
    t4.paste_text("\t".join(str(v) for v in [*values, sum(values) + delta]))
    assert window.doc.report.is_entered_total("t4.review.total") == (delta != 0)
    window.close()


def test_WIN_undo_reveals_and_says_what_was_undone(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    window.resize(1024, 700)
    t3 = window.form.views["t3"]
    t3.go_to("t3.denied.1.natural")
    t3.paste_text("1\t2\r\n3\t4\r\n")
    window.activateWindow()
    qtbot.waitActive(window)
    window.form.show_anchor(0)  # scrolled away to 基本信息
    before = window.form.scroll.verticalScrollBar().value()
    assert window.act_undo.shortcut().matches(QKeySequence("Ctrl+Z")) == QKeySequence.SequenceMatch.ExactMatch
    window.act_undo.trigger()
    assert window.statusBar().currentMessage() == "已撤销：粘贴 4 个单元格"
    assert window.form.scroll.verticalScrollBar().value() != before and _cell(t3) == "t3.denied.1.natural"
    assert window.act_redo.text() == "重做 粘贴 4 个单元格"


def test_WIN_narrative_undo_goes_back_a_phrase_or_a_pause(make_window, form21, qtbot):
    window = make_window(Report(form21))
    now = [100.0]
    window.doc.clock = lambda: now[0]
    field = window.form.fields[("text", "overview")]
    field.setFocus()
    for phrase in ("本机关全年", "主动公开信息。", "办理申请十件"):  # as a Chinese input method commits them
        guikit.commit_ime(field, phrase)
        now[0] += 0.5
    now[0] += 5  # a typing pause
    guikit.commit_ime(field, "均按时答复")
    window.undo_redo(undo=True)
    assert field.toPlainText() == "本机关全年主动公开信息。办理申请十件"  # the pause made a step
    window.undo_redo(undo=True)
    assert field.toPlainText() == "本机关全年主动公开信息。"


@given(st.text(max_size=20), st.text(max_size=20), st.text(min_size=1, max_size=5))
def test_WIN_inserted_finds_what_was_typed(before, after, typed):
    """What was typed is ambiguous ("1" → "101" is "10" before or "01" after); the answer must be *an* insertion."""
    old, new = before + after, before + typed + after
    found = inserted(old, new)
    assert len(found) == len(typed)
    assert any(old[:at] + found + old[at:] == new for at in range(len(old) + 1))
    if typed not in old and len(set(before + typed + after)) == len(before + typed + after):
        assert found == typed  # unambiguous: every character distinct


def test_WIN_zoom_by_keys_and_wheel_is_remembered(make_window, form21, qtbot):
    window = make_window(Report(form21))
    window.activateWindow()
    qtbot.waitActive(window)
    t3 = window.form.views["t3"]
    width = t3.width()
    t3.go_to("t3.new.natural")
    assert QKeySequence("Ctrl+=") in window.act_zoom_in.shortcuts()
    window.act_zoom_in.trigger()
    assert window.zoom == 110 and t3.width() > width
    assert int(QSettings().value("view/zoom")) == 110
    pos = QPointF(5, 5)
    wheel = QWheelEvent(
        pos,
        pos,
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(t3.viewport(), wheel)
    window.act_zoom_out.trigger()
    assert window.zoom == 90
    again = make_window(Report(form21))
    assert again.zoom == 90 and again.form.views["t3"].width() < width


@given(st.sampled_from(ZOOM_STEPS), st.sampled_from([-1, 1]))
def test_WIN_zoom_steps_stay_in_range(start, direction):
    assert zoom_step(start, direction) in ZOOM_STEPS
    assert (zoom_step(start, direction) - start) * direction > 0 or start in (ZOOM_STEPS[0], ZOOM_STEPS[-1])


def test_WIN_start_page_creates_a_report_with_agency_and_year(make_window, form21, qtbot):
    window = make_window(Report(form21))
    window.show_start_page()
    page = window.start
    assert window.stack.currentWidget() is page and not window.problems_dock.isVisible()
    guikit.commit_ime(page.agency, "海门市住房和城乡建设局")
    page.year.setValue(2024)
    qtbot.keyClick(page.agency, ENTER)
    assert window.start is None and window.doc.report.role("agency") == "海门市住房和城乡建设局"
    assert window.doc.report.role("year") == "2024" and window.edition.text() == "2021 年版 · 2024 年度"


def test_WIN_one_problems_model_for_every_document(make_window, form21, form19):
    from ogi_gui.problems import ProblemsModel

    window = make_window(Report(form21))
    model = window.problems.model
    window.start_new(form19.id, {})
    window.start_new(form21.id, {})
    assert window.problems.findChildren(ProblemsModel) == [model] and model.doc is window.doc


def test_WIN_side_list_click_always_scrolls_and_shortcuts_move(make_window, form21, qtbot):
    window = make_window(Report(form21))
    window.resize(1024, 700)
    window.activateWindow()
    qtbot.waitActive(window)
    nav = window.form.nav
    rect = nav.visualItemRect(nav.item(3))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    target = window.form.scroll.verticalScrollBar().value()
    window.form.show_anchor(0)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the current entry again
    assert window.form.scroll.verticalScrollBar().value() == target
    window.form.fields[("meta", "agency")].setFocus()
    window.act_next_part.trigger()  # Ctrl+PgDown
    assert window.focusWidget() is window.form.fields[("text", "overview")]
    window.act_next_part.trigger()
    assert window.focusWidget() is window.form.views["t2"] and window.form.views["t2"].currentIndex().isValid()


def test_WIN_invalid_meta_field_red_at_the_field(make_window, form21, qtbot):
    from ogi_gui.tablemodel import COLOURS

    window = make_window(Report(form21))
    year = window.form.fields[("meta", "year")]
    qtbot.keyClicks(year, "20x4")
    assert year.palette().color(year.backgroundRole()) == COLOURS["error"] and year.toolTip()


def test_WIN_print_choice_passes_seal_only_where_known():
    from dataclasses import dataclass

    from ogi_gui.printoptions import PrintChoice

    @dataclass
    class Old:
        final: bool = False
        sign_off: bool = False

    @dataclass
    class New(Old):
        seal: bool = True

    assert PrintChoice(sign_off=True, seal=False).pdf_options(Old) == Old(False, True)
    assert PrintChoice(sign_off=True, seal=False).pdf_options(New) == New(False, True, False)


def test_WIN_print_options_remembered(isolated, qtbot):
    from ogi_gui.printoptions import PrintOptionsDialog, remember, remembered

    dialog = PrintOptionsDialog(None, "打印", [])
    qtbot.addWidget(dialog)
    dialog.sign_off.setChecked(True)
    dialog.unsealed.setChecked(True)
    dialog.font_dir.setText("/fonts")
    remember(dialog.choice())
    assert remembered().sign_off and not remembered().seal and remembered().font_dir == "/fonts"


def test_WIN_qt_file_dialog_wording_in_chinese(isolated):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "文件类型："
    assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"
    assert QCoreApplication.translate("QFileDialog", "Cancel") != ""
