"""What a clerk's whole day in the window needs beyond editing: zoom, undo that says what it did,
section shortcuts, the edition and year always shown, and a status bar that never goes stale.

Mixed into MainWindow (``self.doc``, ``self.form``, ``self.undo_group`` are the window's), so the
window module keeps its menus and documents and this one its small conveniences.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

ZOOM_STEPS = (60, 70, 80, 90, 100, 110, 125, 150, 175, 200)
SETTING_ZOOM = "view/zoom"
RESUME_FILE, RESUME_SCROLL, RESUME_CELL = "resume/file", "resume/scroll", "resume/cell"


def zoom_step(current: int, delta: int) -> int:
    """The next zoom level up (delta > 0) or down from ``current``, within ZOOM_STEPS."""
    if delta > 0:
        return next((z for z in ZOOM_STEPS if z > current), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < current), ZOOM_STEPS[0])


class _CtrlWheel(QObject):
    """Ctrl + wheel anywhere on the page zooms (children ignore the wheel: they never scroll themselves)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Wheel and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.window.set_zoom(zoom_step(self.window.zoom, delta))
            return True
        return False


class WorkdayActions:
    zoom = 100

    def _workday_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_undo = self._action(self.tr("撤销"), lambda: self.undo_redo(undo=True))
        self.act_undo.setShortcut(QKeySequence(keys.Undo))
        self.act_redo = self._action(self.tr("重做"), lambda: self.undo_redo(undo=False))
        self.act_redo.setShortcuts([QKeySequence(keys.Redo), QKeySequence("Ctrl+Y")])
        self.undo_group.undoTextChanged.connect(lambda _t: self._name_steps())
        self.undo_group.redoTextChanged.connect(lambda _t: self._name_steps())
        self.undo_group.activeStackChanged.connect(lambda _s: self._name_steps())
        self._name_steps()
        self.act_zoom_in = self._action(self.tr("放大"), lambda: self.set_zoom(zoom_step(self.zoom, 1)))
        self.act_zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.act_zoom_out = self._action(self.tr("缩小"), lambda: self.set_zoom(zoom_step(self.zoom, -1)))
        self.act_zoom_out.setShortcuts([QKeySequence("Ctrl+-")])
        self.act_zoom_reset = self._action(self.tr("实际大小"), lambda: self.set_zoom(100), "Ctrl+0")
        self.act_next_part = self._action(self.tr("下一部分"), lambda: self.form.move_section(1), "Ctrl+PgDown")
        self.act_prev_part = self._action(self.tr("上一部分"), lambda: self.form.move_section(-1), "Ctrl+PgUp")
        self.zoom = int(QSettings().value(SETTING_ZOOM, 100) or 100)
        self._wheel = _CtrlWheel(self)
        QApplication.instance().focusChanged.connect(self._focus_moved)

    def _workday_menu(self) -> None:
        self.view_menu.addActions([self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.act_prev_part, self.act_next_part])
        self.view_menu.addSeparator()

    # -- undo ----------------------------------------------------------------------------
    def _name_steps(self) -> None:
        """The Edit menu names the step: 「撤销 粘贴」."""
        for action, can, text, verb in (
            (self.act_undo, self.undo_group.canUndo(), self.undo_group.undoText(), self.tr("撤销")),
            (self.act_redo, self.undo_group.canRedo(), self.undo_group.redoText(), self.tr("重做")),
        ):
            action.setEnabled(can)
            action.setText(f"{verb} {text}" if can and text else verb)

    def undo_redo(self, undo: bool) -> None:
        """Undo or redo one step, bring what changed into view (even when off-screen), and say what it was."""
        if not (self.undo_group.canUndo() if undo else self.undo_group.canRedo()):
            return
        self.finish_editing()
        text = self.undo_group.undoText() if undo else self.undo_group.redoText()
        (self.undo_group.undo if undo else self.undo_group.redo)()
        self.form.reveal(self.doc.last_change)
        done = self.tr("已撤销：{0}") if undo else self.tr("已重做：{0}")
        self.statusBar().showMessage(done.format(text), 8000)

    # -- zoom ----------------------------------------------------------------------------
    def set_zoom(self, percent: int) -> None:
        self.zoom = min(max(percent, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        QSettings().setValue(SETTING_ZOOM, self.zoom)
        self.apply_zoom()
        self.statusBar().showMessage(self.tr("显示比例 {0}%").format(self.zoom), 3000)

    def watch_wheel(self) -> None:
        """Ctrl + wheel over the page, a table or a text box zooms."""
        widgets = [self.form.scroll.viewport()] + [v.viewport() for v in self.form.views.values()]
        widgets += [f.viewport() if isinstance(f, QPlainTextEdit) else f for f in self.form.fields.values()]
        for widget in widgets:
            widget.installEventFilter(self._wheel)

    def apply_zoom(self) -> None:
        if self.form is None:
            return
        base = QFont(QApplication.font())
        if base.pointSizeF() > 0:
            base.setPointSizeF(base.pointSizeF() * self.zoom / 100)
        else:
            base.setPixelSize(max(6, round(base.pixelSize() * self.zoom / 100)))
        self.form.set_page_font(base)

    # -- start page and where the clerk left off -------------------------------------------------
    def show_start_page(self) -> None:
        from .startpage import StartPage

        self.start = StartPage(self.recent_files())
        self.start.newRequested.connect(self.start_new)
        self.start.openRequested.connect(lambda path: self.open_file(path or None))
        self.stack.addWidget(self.start)
        self.stack.setCurrentWidget(self.start)
        self.problems_dock.hide()
        self.edition.hide()
        self.counts.hide()

    def close_start_page(self) -> None:
        if self.start is None:
            return
        self.stack.removeWidget(self.start)
        self.start.deleteLater()
        self.start = None
        for widget in (self.problems_dock, self.edition, self.counts):
            widget.show()

    def start_new(self, form_id: str, meta: dict) -> None:
        from ogi.model.loader import load_form
        from ogi.model.report import Report

        report = Report(load_form(form_id))
        report.meta.update(meta)
        self.set_document(self._new_document(report, None))
        self.doc.checker.meta_changed()
        self.doc.notes_changed()
        blank = next((m.id for m in report.form.meta if not report.meta.get(m.id)), None)
        field = self.form.fields.get(("meta", blank or ""))
        if field is not None:  # the cursor in the report (not in the side list): the next field to fill in
            self.form.scroll.ensureWidgetVisible(field)
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def remember_place(self) -> None:
        """Closing: where the clerk was, so that the report can reopen there."""
        if self.doc is None or self.doc.path is None or self.form is None or self.start is not None:
            return
        settings = QSettings()
        settings.setValue(RESUME_FILE, str(self.doc.path))
        settings.setValue(RESUME_SCROLL, self.form.scroll.verticalScrollBar().value())
        view = self.form.current_view()
        cell = view.model().grid_cell(view.currentIndex()) if view is not None else None
        settings.setValue(RESUME_CELL, cell.cell_id if cell is not None and cell.cell_id else "")

    def restore_place(self, path) -> None:
        settings = QSettings()
        if str(settings.value(RESUME_FILE, "") or "") != str(path):
            return
        cell = str(settings.value(RESUME_CELL, "") or "")
        scroll = int(settings.value(RESUME_SCROLL, 0) or 0)

        def restore() -> None:
            if self.form is None or any(v.state() == v.State.EditingState for v in self.form.views.values()):
                return  # the clerk is already typing: never move them
            if cell in self.doc.form.cells:
                self.form.views[self.doc.form.cells[cell].table].go_to(cell)
            self.form.scroll.verticalScrollBar().setValue(scroll)

        QTimer.singleShot(0, restore)

    def resume_file(self) -> str | None:
        """The report to reopen at start, if the clerk asked for that and it is still there."""
        settings = QSettings()
        if str(settings.value("start/resume", "false")).lower() != "true":
            return None
        path = str(settings.value(RESUME_FILE, "") or "")
        return path if path and Path(path).is_file() else None

    # -- what is shown at all times ------------------------------------------------------------
    def update_edition(self, *_args) -> None:
        form = self.doc.report.form
        year = self.doc.report.role("year")
        text = self.tr("{0} 年版").format(form.edition)
        self.edition.setText(text + " · " + (self.tr("{0} 年度").format(year) if year else self.tr("年度未填")))

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Leaving the tables for a text field: the cell's place and its last message are no longer true."""
        if isinstance(new, (QPlainTextEdit, QLineEdit)) and new.window() is self and new.objectName() != "cellEditor":
            self.statusBar().clearMessage()
            self.place.setText(getattr(new, "place", ""))
