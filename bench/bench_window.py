"""Benchmark of the window (issue 4 goals: cold start ≤ 3× a bare Qt window; keystroke p99 ≤ 5 ms;
peak memory ≤ 150 MB RSS with a full report open).

- cold start: a child process from spawn to the first painted window, ``ogi-report FILE`` vs a bare
  QApplication + QMainWindow child (median of several runs each, and the ratio);
- keystroke: real key presses into a cell of 表三 in a full report, each timed from the key event to
  the view having repainted the updated totals and the problems panel (p50/p99 per run, medians);
- memory: the peak RSS of a child that opens a full report, shows it and makes edits.

Uses the platform in QT_QPA_PLATFORM (offscreen if unset). Run: python bench/bench_window.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.tools.childenv import child_env, percentile  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RUNS, KEYS = 5, 400

PAINT_HOOK = """
import os
from PySide6.QtCore import QEvent, QObject
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.window() is WINDOW:
            print("PAINTED", flush=True)
            QApplication.instance().removeEventFilter(self)
            if not LOAD:
                os._exit(0)
        return False
"""
BARE = (
    PAINT_HOOK
    + """
LOAD = False
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
app = QApplication([])
WINDOW = QMainWindow(); WINDOW.setCentralWidget(QWidget()); WINDOW.resize(1400, 900)
hook = FirstPaint(); app.installEventFilter(hook)
WINDOW.show(); app.exec()
"""
)
APP = (
    PAINT_HOOK
    + """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
LOAD = True
app = QApplication(sys.argv)
hook = FirstPaint()
from ogi_gui.mainwindow import MainWindow
_show = MainWindow.show
def show(self):
    global WINDOW
    WINDOW = self
    app.installEventFilter(hook)
    _show(self)
MainWindow.show = show
import ogi_gui.app
_, window = ogi_gui.app.build(["ogi-report", sys.argv[1]])
def loaded():
    if window.started and window.doc.path is not None:
        print("LOADED", flush=True)
        os._exit(0)
timer = QTimer(interval=1, timeout=loaded); timer.start()
app.exec()
"""
)
MEMORY = """
import resource, sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ogi_gui.app import build
app, window = build(["ogi-report", sys.argv[1]])
while not window.started:  # the file opens right after the first paint
    QTest.qWait(5)
view = window.form.views["t3"]
for cell in ("t3.new.natural", "t3.granted.business", "t3.denied.3.legal", "t3.carried_over.other"):
    view.go_to(cell)
    QTest.keyClicks(view, "1")
    QTest.keyClicks(view.cell_delegate.open_editor, "23")
    QTest.keyClick(view.cell_delegate.open_editor, Qt.Key.Key_Return)
window.form.show_section("t4")
QTest.qWait(200)
print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
import os; os._exit(0)
"""


def child(code: str, data: Path, *args: str) -> dict[str, float | str]:
    """Run a child in its own settings and data folders (a killed child leaves a recovery journal);
    returns the time from spawn to each line it prints (PAINTED, LOADED, PEAK_KB …)."""
    own = Path(tempfile.mkdtemp(dir=data))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=child_env(own), stdout=subprocess.PIPE, text=True)
    seen: dict[str, float | str] = {}
    for line in proc.stdout:
        word, _, rest = line.strip().partition(" ")
        seen[word] = time.perf_counter() - start
        seen[word + "_text"] = rest
    proc.wait(timeout=120)
    if "PAINTED" not in seen and "PEAK_KB" not in seen:
        raise SystemExit(f"child failed (exit {proc.returncode})")
    return seen


def keystrokes(report_path: Path) -> tuple[float, float, float]:
    """p50, p99 (ms, wall clock) from a key press in a cell to the repainted totals and findings, and
    the p99 of the CPU time this process spent on it (unaffected by other busy processes)."""
    from ogi_gui.app import build
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    _app, window = build(["ogi-report", str(report_path)])
    while not window.started:
        QTest.qWait(5)
    window.form.show_section("t3")
    view = window.form.views["t3"]
    view.go_to("t3.new.natural")
    QTest.keyClicks(view, "1")
    editor = view.cell_delegate.open_editor
    total = view.model().index_of("t3.new.total")
    samples, cpu = [], []
    for i in range(KEYS):
        key = Qt.Key.Key_Backspace if i % 2 else Qt.Key(Qt.Key.Key_0 + i % 10)
        start, start_cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(editor, key)
        QApplication.processEvents()  # deliver the repaint of the view and the problems panel
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert total.data() == window.doc.report.value("t3.new.total").__str__()
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    window.doc.undo.setClean()
    window.close()
    return percentile(samples, 0.5), percentile(samples, 0.99), percentile(cpu, 0.99)


def main() -> None:
    from ogi.formats.jsonfile import write
    from ogi.model.loader import load_form
    from ogi.model.sample import full_report

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        report = data / "full.json"
        write(full_report(load_form("ogi-2021")), report)
        platform = os.environ["QT_QPA_PLATFORM"]
        bare = statistics.median(child(BARE, data)["PAINTED"] for _ in range(RUNS))
        apps = [child(APP, data, str(report)) for _ in range(RUNS)]
        painted = statistics.median(a["PAINTED"] for a in apps)
        loaded = statistics.median(a["LOADED"] for a in apps)
        print(
            f"cold start to first paint ({platform}, median of {RUNS}): bare Qt window {bare * 1000:.0f} ms, "
            f"ogi-report FILE {painted * 1000:.0f} ms, ratio {painted / bare:.2f}× (goal ≤ 3×); "
            f"the full report shown at {loaded * 1000:.0f} ms ({loaded / bare:.2f}×)"
        )
        peaks = [int(child(MEMORY, data, str(report))["PEAK_KB_text"]) / 1024 for _ in range(3)]
        print(f"peak memory with a full report open (median of 3): {statistics.median(peaks):.0f} MB RSS (goal ≤ 150 MB)")
        os.environ.update(child_env(data))
        runs = [keystrokes(report) for _ in range(RUNS)]
        print(
            f"keystroke → repainted totals and findings ({KEYS} keys × {RUNS} runs): "
            f"p50 {statistics.median(r[0] for r in runs):.2f} ms, p99 {statistics.median(r[1] for r in runs):.2f} ms (goal p99 ≤ 5 ms); "
            f"CPU time p99 {statistics.median(r[2] for r in runs):.2f} ms; load average {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main()
