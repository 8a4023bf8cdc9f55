"""Regenerates docs/screenshot.png from a real window (run under Xvfb, see README).

    Xvfb :99 -screen 0 1600x1000x24 &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/screenshot.py
    xvfb-run -s "-screen 0 1024x700x24" python docs/screenshot.py docs/screenshot-1024x700.png

Shows 表三 of a complete sample report in which the clerk has just typed a wrong （七）总计 ·
自然人: the culprit cell, the failing balance of its column and the problems panel. On a small
screen (1024 × 700) the page is scrolled to that total, 表三's column headers frozen above it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    import os

    scratch = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"], os.environ["XDG_DATA_HOME"] = scratch, scratch  # no recent files, no recovery
    from ogi_gui.app import setup_application
    from ogi_gui.mainwindow import MainWindow
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ogi.model.loader import load_form
    from ogi.model.sample import full_report

    app = QApplication(sys.argv)
    setup_application(app, "zh_CN")
    report = full_report(load_form("ogi-2021"), year=2024)
    window = MainWindow(report, journaling=False)
    window.setGeometry(app.primaryScreen().availableGeometry())  # Xvfb has no window manager to maximise
    window.show()
    QTest.qWaitForWindowExposed(window)
    view = window.form.views["t3"]
    view.go_to("t3.total.natural")
    wrong = str(report.value("t3.total.natural") + 10)
    QTest.keyClick(view, Qt.Key.Key_F2)  # a computed total is typed over deliberately
    view.cell_delegate.open_editor.selectAll()
    QTest.keyClicks(view.cell_delegate.open_editor, wrong)
    QTest.keyClick(view.cell_delegate.open_editor, Qt.Key.Key_Return)
    window.problems.view.selectRow(0)
    QTest.qWait(500)
    if window.height() >= 800:
        window.form.show_section("t3")
    else:  # a small screen: the wrong total in sight, with 表三's column headers frozen above it
        view.go_to("t3.total.natural")
    QTest.qWait(300)
    target = next((a for a in sys.argv[1:] if a.endswith(".png")), str(ROOT / "docs" / "screenshot.png"))
    app.primaryScreen().grabWindow(0).save(target)
    window.doc.undo.setClean()
    window.close()


if __name__ == "__main__":
    main()
