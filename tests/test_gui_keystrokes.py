"""KEYS: a table of bad and odd keystrokes for count and amount cells, through typing and through paste.

Each input is either normalised to a value or refused with its reason — typed, the editor keeps
it and says why; pasted, the text is kept as unreadable (rule V-1 names it) so nothing is lost.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ogi.model.report import Report
from tests import guikit
from tests.guikit import ENTER, commit_ime, editor_of, type_in

isolated, make_window = guikit.isolated, guikit.make_window

COUNT = "t3.new.natural"
AMOUNT = "t2.fees.amount"
# (typed, expected in a count cell, expected in a 万元 amount cell); a str is the refusal reason
KEYSTROKES = [
    ("abc", "不是数字", "不是数字"),
    ("八", "不是数字", "不是数字"),
    ("1e3", "不是数字", "不是数字"),
    ("-0", "不能为负数", "不能为负数"),
    ("0x10", "不是数字", "不是数字"),
    ("１２３", 123, Decimal(123)),
    ("1，234", 1234, Decimal(1234)),
    (" 7 ", 7, Decimal(7)),
    ("12件", 12, "不是数字"),
    ("3.5", "应为整数", Decimal("3.5")),
    ("3.5万元", "不是数字", Decimal("3.5")),
    ("1000000000000", "数值过大", "数值过大"),
    ("0.0000001", "应为整数", "最多保留 6 位小数"),
]


@pytest.fixture()
def blank(make_window, form21):
    return make_window(Report(form21), journaling=False)


def _cell(window, cell_id):
    return window.doc.report, window.form.views[cell_id.split(".")[0]]


def _enter(qtbot, view, cell_id: str, typed: str):
    """Key presses for Latin input; an input-method commit for Chinese and full-width text
    (as a Chinese IME delivers it — QTest cannot press keys for characters outside Latin-1)."""
    if typed.isascii():
        return type_in(qtbot, view, cell_id, typed, end=ENTER)
    view.go_to(cell_id)
    commit_ime(view, typed)
    editor = editor_of(view)
    assert editor is not None and editor.text() == typed
    qtbot.keyClick(editor, ENTER)
    return editor


@pytest.mark.parametrize("cell_id,column", [(COUNT, 1), (AMOUNT, 2)])
@pytest.mark.parametrize("typed,for_count,for_amount", KEYSTROKES)
def test_KEYS_typed(blank, qtbot, cell_id, column, typed, for_count, for_amount):
    expected = (for_count, for_amount)[column - 1]
    report, view = _cell(blank, cell_id)
    editor = _enter(qtbot, view, cell_id, typed)
    if isinstance(expected, str):
        assert editor_of(view) is editor and expected in editor.error  # Enter refused, the text stays
        assert report.value(cell_id) is None and blank.doc.undo.count() == 0
    else:
        assert report.value(cell_id) == expected and type(report.value(cell_id)) is type(expected)


@pytest.mark.parametrize("cell_id,column", [(COUNT, 1), (AMOUNT, 2)])
@pytest.mark.parametrize("typed,for_count,for_amount", KEYSTROKES)
def test_KEYS_pasted(blank, cell_id, column, typed, for_count, for_amount):
    expected = (for_count, for_amount)[column - 1]
    report, view = _cell(blank, cell_id)
    view.go_to(cell_id)
    view.paste_text(typed + "\r\n")
    if isinstance(expected, str):
        assert report.value(cell_id) is None and report.invalid[cell_id].text == typed
        assert any(f.key == f"V-1/{cell_id}" and expected in f.message for f in blank.doc.findings())
    else:
        assert report.value(cell_id) == expected and cell_id not in report.invalid
    assert blank.doc.undo.count() == 1
