"""Child process for the killed-while-editing trials: a real window making random edits, forever.

Usage: python -m tests.tools.edit_child SOURCE SEED  (QT_QPA_PLATFORM=offscreen, XDG_* set by the parent)
Before each edit it prints ``NEXT k <expected report JSON>``, computed on a copy in the core; after
the edit is committed (and so journaled) it prints ``DONE k``.
"""

from __future__ import annotations

import json
import random
import sys

from ogi_gui.app import setup_application
from ogi_gui.mainwindow import MainWindow
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.tools.edit_trials import comparable


def edit(view, cell: str, value: int | None) -> None:
    view.go_to(cell)
    if value is None:
        QTest.keyClick(view, Qt.Key.Key_Delete)
        return
    digits = str(value)
    if view.is_computed(cell):  # typing never overwrites a computed total: F2 enters it by hand, deliberately
        QTest.keyClick(view, Qt.Key.Key_F2)
        editor = view.cell_delegate.open_editor
        editor.selectAll()
        QTest.keyClicks(editor, digits)
    else:
        QTest.keyClicks(view, digits[0])  # typing starts editing, as in Excel
        editor = view.cell_delegate.open_editor
        if digits[1:]:
            QTest.keyClicks(editor, digits[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)


def main(source: str, seed: int) -> None:
    app = QApplication([])
    setup_application(app, "zh_CN")
    window = MainWindow()
    window.open_file(source)
    window.show()
    QTest.qWaitForWindowExposed(window)
    rng = random.Random(seed)
    report = window.doc.report
    cells = [c.id for c in report.form.cells.values() if c.type.kind == "integer" and c.type.minimum >= 0]
    print("READY", flush=True)
    for k in range(1, 1_000_000):
        cell = rng.choice(cells)
        value = None if rng.random() < 0.15 else rng.randint(0, 999)
        expected = report.copy()
        expected.set(cell, value)
        print("NEXT", k, json.dumps(comparable(expected), ensure_ascii=False), flush=True)
        edit(window.form.views[cell.split(".")[0]], cell, value)
        print("DONE", k, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
