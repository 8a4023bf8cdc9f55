"""Painting and in-cell editing of a statutory table.

Labels are painted as the printed form's headers (wrapped, centred, never greyed out
although they are not selectable). Value cells keep their finding colour when selected,
with a frame instead of a solid highlight, like a spreadsheet. The editor previews every
keystroke through the Document (totals and findings follow as the clerk types), refuses to
commit text the value parser cannot read, and Esc restores the old value and findings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QPen, QPolygon
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from ogi.model.layout import VALUE

from .tablemodel import CELL_ROLE, COLOURS, MARK_ROLE, STATE_ROLE

TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter
_VALUE_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_COMMIT_KEYS = {
    Qt.Key.Key_Return: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Enter: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
    Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
    Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem,
}


MARKER_COLOUR = QColor("#0b1f4f")  # the hand-typed-total mark


def balanced(text: str, fm, width: int, longest: int = 8) -> str:
    """A short header that must wrap, wrapped into even lines (「结果/维持」, not 「结果维/持」), as the
    printed form does in a narrow column; longer labels wrap as Qt wraps them."""
    if len(text) > longest or width <= 0 or any(ch.isspace() for ch in text) or fm.horizontalAdvance(text) <= width:
        return text
    lines = -(-fm.horizontalAdvance(text) // width)
    size = -(-len(text) // lines)
    chunks = [text[i : i + size] for i in range(0, len(text), size)]
    return "\n".join(chunks) if all(fm.horizontalAdvance(c) <= width for c in chunks) else text


def label_padding(font_height: int) -> int:
    return max(2, font_height // 6)


class CellEditor(QLineEdit):
    """The in-cell editor: knows its cell, whether it was typed in, and shows refusals."""

    def __init__(self, parent: QWidget, cell_id: str) -> None:
        super().__init__(parent)
        self.cell_id = cell_id
        self.edited = False
        self.initialised = False
        self.error: str | None = None
        self.setObjectName("cellEditor")
        self.setFrame(False)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def show_error(self, reason: str | None) -> None:
        if reason == self.error:
            return
        self.error = reason
        palette = self.parentWidget().palette() if self.parentWidget() else QPalette()
        if reason:
            palette.setColor(QPalette.ColorRole.Base, COLOURS["error"])
            palette.setColor(QPalette.ColorRole.Text, COLOURS["invalid_text"])
        self.setPalette(palette)
        self.setToolTip(reason or "")


class CellDelegate(QStyledItemDelegate):
    message = Signal(str)  # for the status bar

    def __init__(self, doc, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.replace_next = False  # the view sets this when typing (not F2) opened the editor
        self.open_editor: CellEditor | None = None

    # -- painting ------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        """Value cells are painted here directly from the model's role table: a keystroke repaints a
        handful of cells, and one Python call per cell keeps that well inside the 5 ms budget."""
        model = index.model()
        cell = model.grid_cell(index)
        if cell is None:
            return
        if cell.role != VALUE:
            self._paint_label(painter, option, cell.text)
            return
        roles = model.roles(cell.cell_id)
        rect = option.rect
        painter.save()
        painter.fillRect(rect, roles[Qt.ItemDataRole.BackgroundRole])
        painter.setFont(roles.get(Qt.ItemDataRole.FontRole) or option.font)
        painter.setPen(roles[Qt.ItemDataRole.ForegroundRole].color())
        pad = label_padding(option.fontMetrics.height()) + 2
        painter.drawText(rect.adjusted(pad, 0, -pad, 0), _VALUE_ALIGN, roles[Qt.ItemDataRole.DisplayRole])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        mark = roles[MARK_ROLE]
        if mark is not None and mark.culprit:
            painter.setPen(QPen(QColor("#b71c1c"), 2))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        if option.state & QStyle.StateFlag.State_Selected:
            highlight = option.palette.color(QPalette.ColorRole.Highlight)
            tint = QColor(highlight)
            tint.setAlpha(50)
            painter.fillRect(rect, tint)
            painter.setPen(QPen(highlight, 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        if roles[STATE_ROLE] == "entered_total":
            self._paint_marker(painter, rect)  # last: on top of colours, culprit frame and selection
        painter.restore()

    def _paint_label(self, painter: QPainter, option: QStyleOptionViewItem, text: str) -> None:
        painter.save()
        painter.fillRect(option.rect, COLOURS["label"])
        painter.setPen(COLOURS["text"])
        painter.setFont(option.font)
        pad = label_padding(option.fontMetrics.height())
        inner = option.rect.adjusted(pad, pad, -pad, -pad)
        painter.drawText(inner, TEXT_FLAGS, balanced(text, option.fontMetrics, inner.width()))
        painter.restore()

    @staticmethod
    def _paint_marker(painter: QPainter, rect: QRect) -> None:
        """A corner triangle (like a spreadsheet's comment marker): a total typed by hand. Dark navy
        with a white edge, so that it stands out on white, grey, error red, the culprit's deep red,
        warning yellow and the selection alike (contrast ≥ 3:1 against each, tested)."""
        size = max(8, rect.height() * 2 // 5)
        tl = rect.topLeft() + QPoint(2, 2)
        triangle = QPolygon([tl, tl + QPoint(size, 0), tl + QPoint(0, size)])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(MARKER_COLOUR)
        painter.drawPolygon(triangle)

    # -- editing -------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = CellEditor(parent, index.data(CELL_ROLE))
        editor.setFont(option.font)
        editor.textEdited.connect(lambda text, e=editor: self._preview(e, text))
        editor.installEventFilter(self)
        self.open_editor = editor
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if not isinstance(editor, CellEditor) or editor.initialised:
            return  # never overwrite what is being typed when the preview updates the cell
        editor.initialised = True
        editor.setText("" if self.replace_next else index.data(Qt.ItemDataRole.EditRole) or "")
        self.replace_next = False
        editor.end(False)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        if not isinstance(editor, CellEditor) or not editor.edited:
            return  # opened and left without typing: a computed total stays automatic
        if not model.setData(index, editor.text(), Qt.ItemDataRole.EditRole):
            self.doc.cancel_preview()
            self.message.emit(self.tr("“{0}”无法识别（{1}），已恢复原值").format(editor.text(), editor.error or ""))

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, CellEditor) and self.doc.has_preview(editor.cell_id):
            self.doc.cancel_preview()
        if editor is self.open_editor:
            self.open_editor = None
        super().destroyEditor(editor, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        editor.setGeometry(option.rect.adjusted(1, 1, -1, -1))

    def _preview(self, editor: CellEditor, text: str) -> None:
        editor.edited = True
        editor.show_error(self.doc.preview(editor.cell_id, text))

    def eventFilter(self, editor, event) -> bool:
        if isinstance(editor, CellEditor) and event.type() == QEvent.Type.KeyPress:
            return self._editor_key(editor, event)
        return super().eventFilter(editor, event)

    def _editor_key(self, editor: CellEditor, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            self.message.emit("")  # what was said about the typed text no longer holds
            return True
        hint = _COMMIT_KEYS.get(key)
        if hint is None:
            return False
        if editor.edited and editor.error:
            self._refuse(editor)
            return True
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)
        return True

    def _refuse(self, editor: CellEditor) -> None:
        text = self.tr("无法识别“{0}”：{1}（按 Esc 恢复原值）").format(editor.text(), editor.error)
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), text, editor)
        self.message.emit(text)
