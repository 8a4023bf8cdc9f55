"""WIN: no lost work — a killed window's committed edits come back at the next start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ogi.formats.jsonfile import dumps, write
from ogi.model.report import Report
from ogi.model.sample import full_report
from tests import guikit
from tests.guikit import ENTER, type_in
from tests.tools.childenv import child_env

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ogi_gui.app import setup_application
from ogi_gui.mainwindow import MainWindow
from ogi.formats.jsonfile import dumps

app = QApplication([])
setup_application(app, "zh_CN")
w = MainWindow()
w.open_file(sys.argv[1])
w.show()
QTest.qWaitForWindowExposed(w)
t3 = w.form.views["t3"]

def type_in(cell, text, key=Qt.Key.Key_Return):
    t3.go_to(cell)
    QTest.keyClick(t3, Qt.Key.Key_F2)                # F2: also the deliberate way onto a computed total
    editor = t3.cell_delegate.open_editor
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, key)

type_in("t3.new.natural", "17")                      # a cell value
type_in("t3.new.total", "999")                       # an entered total
type_in("t3.carried_in.total", "12", Qt.Key.Key_Tab) # another, then back to automatic
t3.go_to("t3.carried_in.total"); t3.make_automatic()
QGuiApplication.clipboard().setText("1\t2\r\n3\t4\r\n")
t3.go_to("t3.denied.1.natural"); t3.paste()          # a pasted block
event = QInputMethodEvent("", []); event.setCommitString("恢复测试")
w.form.fields[("text", "overview")].setFocus()
QApplication.sendEvent(w.form.fields[("text", "overview")], event)   # narrative typing
w.doc.edit_text("meta", "phone", "0513-1234")
w.doc.edit_text("note", "T3-5/natural", "说明")
w.doc.undo.undo(); w.doc.undo.redo()                 # undo/redo are edits too
while w.doc._timer.isActive():                       # the text journal is written when typing pauses
    QTest.qWait(20)
print("STATE", dumps(w.doc.report).replace("\n", " "), flush=True)
t3.go_to("t3.new.business")
QTest.keyClicks(t3, "5")                             # being typed, never committed: not recovered
print("READY", flush=True)
app.exec()
"""

isolated, make_window = guikit.isolated, guikit.make_window  # fixtures shared by the window tests


def _run_and_kill(tmp_path, source: Path) -> str:
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(source)], cwd=ROOT, env=child_env(tmp_path), stdout=subprocess.PIPE, text=True
    )
    state = ""
    try:
        for line in proc.stdout:
            if line.startswith("STATE "):
                state = line[6:]
            if line.startswith("READY"):
                break
    finally:
        proc.kill()  # SIGKILL: no clean-up code runs, as in a crash or a power cut
        proc.wait(timeout=30)
    assert state, "the child window did not get as far as its edits"
    return state


@pytest.mark.slow
def test_WIN_crash_recovery_restores_every_committed_edit(make_window, form21, tmp_path):
    source = tmp_path / "报告.json"
    write(full_report(form21), source)
    expected = _run_and_kill(tmp_path, source)
    window = make_window(Report(form21))
    offered = []
    window.ask_recover = lambda journal: offered.append(journal) or "recover"
    assert window.offer_recovery()
    assert offered[0].source == str(source) and offered[0].edits >= 8 and offered[0].started
    assert " ".join(dumps(window.doc.report).split()) == " ".join(expected.split())
    assert window.doc.report.is_entered_total("t3.new.total") and not window.doc.report.is_entered_total("t3.carried_in.total")
    assert window.isWindowModified() and window.doc.path == source
    assert window.offer_recovery() is False  # recovered once, not offered again


def test_WIN_normal_close_and_save_remove_journal(make_window, form21, qtbot, tmp_path):
    from ogi_gui import recovery

    window = make_window(Report(form21))
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "3", end=ENTER)
    journal = window.doc.journal.path
    assert journal.exists() and journal.parent == recovery.folder()
    window.save_as(tmp_path / "r.json")
    assert not journal.exists() and recovery.orphans() == []
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "4", end=ENTER)
    assert window.doc.journal.path.exists()
    window.close()
    assert list(recovery.folder().glob("*.jsonl")) == []


def test_WIN_live_journal_not_offered_discard_removes(make_window, form21, qtbot):
    from ogi_gui import recovery

    window = make_window(Report(form21))
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "3", end=ENTER)
    assert recovery.orphans() == []  # its window is alive (locked)
    window.doc.journal.lock.unlock()  # as if that window had died
    other = make_window(Report(form21))
    other.ask_recover = lambda journal: "discard"
    assert not other.offer_recovery() and recovery.orphans() == []


def test_WIN_journal_failure_told_editing_goes_on(make_window, form21, qtbot, tmp_path):
    window = make_window(Report(form21))
    window.doc.journal.path = tmp_path / "a-file" / "j.jsonl"
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    type_in(qtbot, window.form.views["t3"], "t3.new.natural", "3", end=ENTER)
    assert window.doc.report.value("t3.new.natural") == 3 and window.doc.journal is None
    assert len(window.errors) == 1 and "恢复记录" in window.errors[0]
