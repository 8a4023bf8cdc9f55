"""Helpers for the window tests: an isolated window (settings, data folder) and real typing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

_SETUP = []


@pytest.fixture()
def isolated(tmp_path, monkeypatch, qapp):
    """Settings and the recovery folder under tmp_path; the application set up once (Chinese)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    if not _SETUP:
        from ogi_gui.app import setup_application

        setup_application(qapp, "zh_CN")
        _SETUP.append(True)
    return tmp_path


@pytest.fixture()
def make_window(isolated, qtbot):
    """A factory: make_window(report=None, path=None) → a shown MainWindow with recorded errors."""
    from ogi_gui.mainwindow import MainWindow

    def make(report=None, path=None, journaling=True):
        window = MainWindow(report, path, journaling=journaling)
        window.errors = []
        window.show_error = window.errors.append
        window.ask_save_changes = lambda: "discard"
        window.ask_use_previous = lambda problems: True
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def editor_of(view):
    from ogi_gui.delegate import CellEditor

    editors = [e for e in view.viewport().findChildren(CellEditor) if e.isVisible()]
    return editors[0] if editors else None


def type_in(qtbot, view, cell_id: str, text: str, end=None):
    """Select the cell, type as a clerk does (the first key opens the editor), optionally press ``end``.
    A computed total is typed over the deliberate way a clerk must: F2, then the new value."""
    view.go_to(cell_id)
    if view.is_computed(cell_id):
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = editor_of(view)
        assert editor is not None, "F2 did not open an editor"
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        if end is not None:
            qtbot.keyClick(editor, end)
        return editor
    qtbot.keyClicks(view, text[0])
    editor = editor_of(view)
    assert editor is not None, "typing did not open an editor"
    if text[1:]:
        qtbot.keyClicks(editor, text[1:])
    if end is not None:
        qtbot.keyClick(editor, end)
    return editor


def commit_ime(widget, text: str) -> None:
    """What a Chinese input method does: commit a string (e.g. full-width digits) in one event."""
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def clipboard():
    return QApplication.clipboard()


ENTER, TAB, ESC = Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape
