"""WIN (issue 14, item 4): a small screen — 1024 × 700 and 200 % scaling. The 总计 column in sight
without zooming out, column headers that stay visible while the rows scroll, nothing cut off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from ogi_gui.delegate import TEXT_FLAGS, label_padding
from ogi_gui.tableview import squeeze
from PySide6.QtCore import QPoint, QRect, Qt

from ogi.model.layout import VALUE
from ogi.model.sample import full_report
from tests import guikit
from tests.guikit import ENTER

isolated, make_window = guikit.isolated, guikit.make_window
ROOT = Path(__file__).resolve().parent.parent


def small_window(make_window, report, qtbot, width=1024, height=700):
    window = make_window(report)
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    qtbot.wait(50)
    return window


def _right_edge(form, view) -> int:
    return view.mapTo(form.scroll.viewport(), QPoint(view.width(), 0)).x()


def _cut_off_labels(view) -> list[str]:
    """Label texts that do not fit their (merged) cell."""
    fm = view.fontMetrics()
    pad = label_padding(fm.height())
    cut = []
    for cell in view.grid.cells:
        if cell.role == VALUE or not cell.text:
            continue
        width = sum(view.columnWidth(c) for c in range(cell.col, cell.col + cell.colspan)) - 2 * pad
        height = sum(view.rowHeight(r) for r in range(cell.row, cell.row + cell.rowspan)) - 2 * pad
        if fm.boundingRect(QRect(0, 0, max(width, 1), 100000), TEXT_FLAGS, cell.text).height() > height:
            cut.append(cell.text)
    return cut


def test_WIN_total_column_in_sight_at_1024x700(make_window, form21, qtbot):
    window = small_window(make_window, full_report(form21), qtbot)
    form = window.form
    assert window.zoom == 100 and form.scroll.horizontalScrollBar().maximum() == 0  # no sideways scrolling
    for view in form.views.values():
        assert _right_edge(form, view) <= form.scroll.viewport().width(), view.table_id
        assert not _cut_off_labels(view), view.table_id
    t3 = form.views["t3"]
    t3.go_to("t3.total.total")
    rect = t3.visualRect(t3.currentIndex())
    assert t3.viewport().mapTo(form.scroll.viewport(), rect.topRight()).x() <= form.scroll.viewport().width()


def test_WIN_value_columns_stay_readable_when_squeezed(make_window, form21, qtbot):
    window = small_window(make_window, full_report(form21), qtbot, 800, 600)
    window.set_zoom(200)
    qtbot.wait(50)
    for view in window.form.views.values():
        digits = view.fontMetrics().horizontalAdvance("888888")
        for col in range(view.grid.label_columns, view.grid.width):
            assert view.columnWidth(col) >= digits, (view.table_id, col)
        assert not _cut_off_labels(view), view.table_id


@given(
    st.lists(st.integers(20, 400), min_size=2, max_size=16),
    st.integers(0, 3),
    st.integers(100, 2000),
    st.integers(30, 80),
)
def test_WIN_squeeze_fits_or_stops_at_the_minimums(widths, labels, room, value_min):
    labels = min(labels, len(widths) - 1)
    em = 12
    out = squeeze(widths, room, labels, em, value_min)
    assert len(out) == len(widths)
    assert all(o <= w for o, w in zip(out, widths, strict=True))
    for col, (o, w) in enumerate(zip(out, widths, strict=True)):
        floor = min(w, 8 * em) if col < labels else min(w, value_min)
        assert o >= floor
    at_minimum = all(o == min(w, 8 * em if c < labels else value_min) for c, (o, w) in enumerate(zip(out, widths, strict=True)))
    assert sum(out) <= max(room, 0) or at_minimum
    if sum(widths) <= room:
        assert out == widths


def test_WIN_header_stays_visible_while_rows_scroll(make_window, form21, qtbot):
    window = small_window(make_window, full_report(form21), qtbot)
    form, t3 = window.form, window.form.views["t3"]
    header = form.sticky.header_of(t3)
    t3.go_to_first()
    assert not header.isVisible()
    for _ in range(22):  # Enter down the table, as a clerk does
        qtbot.keyClick(t3, ENTER)
    assert form.doc.form.place_of(t3.model().grid_cell(t3.currentIndex()).cell_id).startswith("表三")
    assert header.isVisible() and header.y() == 0
    viewport = form.scroll.viewport()
    assert header.x() == t3.mapTo(viewport, QPoint(0, 0)).x()
    assert [header.columnWidth(c) for c in range(t3.grid.width)] == [t3.columnWidth(c) for c in range(t3.grid.width)]
    assert header.height() >= sum(t3.rowHeight(r) for r in range(t3.grid.header_rows))
    current = t3.visualRect(t3.currentIndex())
    assert t3.viewport().mapTo(viewport, current.topLeft()).y() >= header.height()  # never under the header
    pixels = header.grab().toImage()
    assert len({pixels.pixel(x, pixels.height() // 2) for x in range(0, pixels.width(), 3)}) > 2  # painted labels


def test_WIN_header_follows_sideways_scroll_and_leaves_with_the_table(make_window, form21, qtbot):
    window = small_window(make_window, full_report(form21), qtbot)
    window.set_zoom(175)  # wider than the page: it scrolls sideways
    qtbot.wait(50)
    form, t3 = window.form, window.form.views["t3"]
    header = form.sticky.header_of(t3)
    bar = form.scroll.horizontalScrollBar()
    assert bar.maximum() > 0
    form.scroll.verticalScrollBar().setValue(t3.mapTo(form.scroll.widget(), QPoint(0, 0)).y() + t3.height() // 2)
    bar.setValue(bar.maximum())
    viewport = form.scroll.viewport()
    assert header.isVisible() and header.x() == t3.mapTo(viewport, QPoint(0, 0)).x() < 0
    assert header.font() == t3.font()
    form.show_section("meta")
    assert not header.isVisible()
    form.show_section("t5" if "t5" in form.views else "meta")
    qtbot.keyClick(window.form.views["t4"], Qt.Key.Key_Down)  # nothing is left floating elsewhere
    form.scroll.verticalScrollBar().setValue(form.scroll.verticalScrollBar().maximum())
    assert not header.isVisible()


_SCALED = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication
    from PySide6.QtTest import QTest
    app = QApplication(sys.argv)
    from ogi_gui.app import setup_application
    setup_application(app, "zh_CN")
    from ogi_gui.mainwindow import MainWindow
    from ogi.model.loader import load_form
    from ogi.model.sample import full_report
    window = MainWindow(full_report(load_form("ogi-2021"), year=2024), journaling=False)
    window.resize(1024, 700)
    window.show()
    QTest.qWaitForWindowExposed(window)
    form = window.form
    form.views["t3"].go_to("t3.other.2.natural")  # the longest row label in the status bar
    QTest.qWait(100)
    inside = lambda w: w.isVisible() and window.rect().contains(w.mapTo(window, w.rect().bottomRight()))
    out = {
        "ratio": window.devicePixelRatio(),
        "size": [window.width(), window.height()],
        "widgets": all(inside(w) for w in (form.nav, form.scroll, window.problems, window.edition, window.counts)),
        "status": all(w.width() >= w.sizeHint().width() for w in (window.edition, window.counts)),
        "fits": all(
            v.mapTo(form.scroll.viewport(), QPoint(v.width(), 0)).x() <= form.scroll.viewport().width()
            for v in form.views.values()
        ),
        "readable": all(
            v.columnWidth(c) >= v.fontMetrics().horizontalAdvance("888888")
            for v in form.views.values() for c in range(v.grid.label_columns, v.grid.width)
        ),
        "rows": form.scroll.viewport().height() // form.views["t3"].rowHeight(5),
    }
    window.doc.undo.setClean()
    window.close()
    print(json.dumps(out))
    """
)


def test_WIN_report_usable_at_200_percent_scaling(tmp_path):
    env = dict(os.environ, QT_SCALE_FACTOR="2", QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    env["XDG_DATA_HOME"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", _SCALED], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["ratio"] == 2 and got["size"] == [1024, 700]
    assert got["widgets"] and got["status"] and got["fits"] and got["readable"]
    assert got["rows"] >= 12  # a good part of 表三 in sight at once


@given(st.text(alphabet="结果维持纠正其他尚未审总计自然人商业企业", min_size=1, max_size=10), st.integers(8, 120))
def test_WIN_short_headers_wrap_into_even_lines(qapp, text, width):
    from ogi_gui.delegate import balanced
    from PySide6.QtGui import QFontMetrics

    fm = QFontMetrics(qapp.font())
    out = balanced(text, fm, width)
    assert out.replace("\n", "") == text
    lines = out.split("\n")
    if len(lines) > 1:
        assert all(fm.horizontalAdvance(line) <= width for line in lines)
        assert max(map(len, lines)) - min(map(len, lines)) <= max(1, len(lines) - 1)
        assert len(lines) <= -(-fm.horizontalAdvance(text) // width) + 1


def test_WIN_result_headers_of_table_four_wrap_evenly(qapp):
    from ogi_gui.delegate import balanced
    from PySide6.QtGui import QFontMetrics

    fm = QFontMetrics(qapp.font())
    em = fm.horizontalAdvance("国")
    assert balanced("结果维持", fm, int(em * 3.5)) == "结果\n维持"
    assert balanced("结果维持", fm, em * 5) == "结果维持"
