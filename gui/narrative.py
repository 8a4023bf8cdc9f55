"""The narrative figures in the window: marks in the text, selecting a figure, 「起草统计段落」.

A figure the tables contradict is underlined in its text field (wavy, warning colour; green once
the clerk explained it with a 说明), with the finding — stated figure, table value and cells — as
its tooltip. The marks follow the findings after a short pause in typing, so a figure is not
flagged while it is still being typed; the core re-checks the text itself (ogi.model.narrative).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from ogi.model.messages import OgiError, text
from ogi.model.narrative.draft import append_draft, draft_paragraph
from ogi.model.rules import Finding

from .document import Document
from .tablemodel import COLOURS

MARK_DELAY_MS = 300  # the pause in typing after which the text's marks follow the findings
_UNDERLINE = {"warning": "#c77800", "accepted": "#3c8d3c", "incomplete": "#8a8a8a"}


def text_findings(doc: Document, section: str) -> list[Finding]:
    """Findings that point at characters of ``section``'s text."""
    return [f for f in doc.findings() if f.section == section and f.span is not None]


class TextMarks(QObject):
    """Underlines and tooltips of one text field; installed by the form on every narrative field."""

    def __init__(self, field: QPlainTextEdit, doc: Document, section: str) -> None:
        super().__init__(field)
        self.field, self.doc, self.section = field, doc, section
        self.shown: list[tuple[QTextCursor, Finding]] = []
        self.timer = QTimer(self, singleShot=True, interval=MARK_DELAY_MS, timeout=self.refresh)
        doc.findingsChanged.connect(self.timer.start)
        field.viewport().installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        body, selections, self.shown = self.field.toPlainText(), [], []
        for finding in text_findings(self.doc, self.section):
            start, end = finding.span
            if end > len(body):
                continue  # the text moved on since the check: the next refresh marks it
            cursor = QTextCursor(self.field.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, self._format(finding)
            selections.append(selection)
            self.shown.append((cursor, finding))
        self.field.setExtraSelections(selections)

    def _format(self, finding: Finding) -> QTextCharFormat:
        state = "accepted" if finding.severity == "warning" and self.doc.report.notes.get(finding.key) else finding.severity
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(_UNDERLINE.get(state, _UNDERLINE["warning"]))
        if state == "warning":
            fmt.setBackground(COLOURS["warning"])
        fmt.setToolTip(finding.message)
        return fmt

    def finding_at(self, position: int) -> Finding | None:
        return next((f for c, f in self.shown if c.selectionStart() <= position < c.selectionEnd()), None)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.field.cursorForPosition(event.pos()).position()
            finding = self.finding_at(position)
            if finding is not None:
                QToolTip.showText(event.globalPos(), finding.message, self.field)
                return True
            QToolTip.hideText()
        return False


def select_span(field: QPlainTextEdit, span: tuple[int, int]) -> None:
    """Select the stated figure a finding points at (clicking the finding in the problems panel)."""
    length = len(field.toPlainText())
    cursor = field.textCursor()
    cursor.setPosition(min(span[0], length))
    cursor.setPosition(min(span[1], length), QTextCursor.MoveMode.KeepAnchor)
    field.setTextCursor(cursor)
    field.ensureCursorVisible()


def draft_into(doc: Document) -> tuple[str | None, str]:
    """Append the drafted statistics paragraph to 一、总体情况 as one undoable edit.

    Returns (the section written, "") or (None, why not) — never a dialog, the caller shows the line.
    """
    name = doc.path.name if doc.path else text("DRAFT_UNTITLED")
    try:
        paragraph = draft_paragraph(doc.report, file=name)
    except OgiError as exc:
        return None, exc.message
    scratch = doc.report.copy()
    section = append_draft(scratch, paragraph)
    doc.break_merge()
    doc.edit_text("text", section, scratch.texts[section])
    doc.break_merge()
    return section, paragraph


def draft_command(window, done: str) -> None:
    """编辑 › 起草统计段落: append it to 一、总体情况, select it for editing, say ``done`` in the status bar."""
    window.finish_editing()
    section, result = draft_into(window.doc)
    if section is None:
        window.statusBar().showMessage(result, 8000)
        return
    field = window.form.fields[("text", section)]
    body = field.toPlainText()
    window.form.scroll.ensureWidgetVisible(field)
    field.setFocus()
    select_span(field, (len(body) - len(result), len(body)))
    window.statusBar().showMessage(done, 8000)
