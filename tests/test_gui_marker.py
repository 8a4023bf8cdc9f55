"""WIN (issue 14, item 8): the hand-typed-total mark is visible on any background — plain, computed
grey, error red, the culprit's deep red, warning yellow, an accepted warning, and selected."""

from __future__ import annotations

import pytest
from ogi_gui.tablemodel import COLOURS, STATE_ROLE
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor

from ogi.model.sample import full_report
from tests import guikit
from tests.guikit import ENTER

isolated, make_window = guikit.isolated, guikit.make_window


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _pixels(view, cell_id: str) -> tuple[QColor, QColor]:
    """The colour inside the corner mark and the cell's background beside it."""
    view.viewport().repaint()
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index_of(cell_id))
    size = max(8, rect.height() * 2 // 5)
    inside = rect.topLeft() + QPoint(2 + size // 4, 2 + size // 4)
    beside = QPoint(rect.left() + size + 8, rect.bottom() - 4)
    return QColor(image.pixel(inside)), QColor(image.pixel(beside))


@pytest.fixture()
def entered(make_window, form21, qtbot):
    window = make_window(full_report(form21))
    view = window.form.views["t3"]
    guikit.type_in(qtbot, view, "t3.new.total", "9999", ENTER)  # F2, a wrong total: typed by hand
    assert view.model().roles("t3.new.total")[STATE_ROLE] == "entered_total"
    return window, view


@pytest.mark.parametrize("background", ["input", "computed", "error", "culprit", "warning", "accepted"])
@pytest.mark.parametrize("selected", [False, True])
def test_WIN_entered_total_mark_contrasts_with_every_background(entered, monkeypatch, background, selected):
    _window, view = entered
    model, cell = view.model(), "t3.new.total"
    roles = dict(model.roles(cell))
    roles[Qt.ItemDataRole.BackgroundRole] = QBrush(COLOURS[background])
    original = model.roles
    monkeypatch.setattr(model, "roles", lambda c: roles if c == cell else original(c))
    if selected:
        view.go_to(cell)
    else:
        view.go_to("t3.new.natural")
    mark, beside = _pixels(view, cell)
    assert contrast(mark, beside) >= 3.0, (background, selected, mark.name(), beside.name())


def test_WIN_mark_goes_with_the_entered_total(entered):
    _window, view = entered
    mark, beside = _pixels(view, "t3.new.total")
    assert contrast(mark, beside) >= 3.0
    view.go_to("t3.new.total")
    view.make_automatic()
    mark, beside = _pixels(view, "t3.new.total")
    assert contrast(mark, beside) < 1.5  # the automatic total has no mark
