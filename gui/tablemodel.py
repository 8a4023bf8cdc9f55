"""A statutory table as a Qt model: an adapter over the Report, never a copy of it.

Rows and columns are those of ``ogi.model.layout.table_grid`` — the official table itself, label
cells included — so the view can merge the label cells with setSpan and look like the paper
form. Data is read from the Document on demand; edits are handed back to it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ogi.model.layout import VALUE, GridCell, table_grid
from ogi.model.values import format_number

from .document import Document

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "label" | "value"
CELL_ROLE = Qt.ItemDataRole.UserRole + 2  # the cell id of a value cell
STATE_ROLE = Qt.ItemDataRole.UserRole + 3  # "input" | "computed" | "entered_total"
MARK_ROLE = Qt.ItemDataRole.UserRole + 4  # CellMark or None

COLOURS = {
    "error": QColor("#f6c9c9"),
    "culprit": QColor("#e57373"),
    "warning": QColor("#fbe7a6"),
    "accepted": QColor("#dcefdc"),
    "computed": QColor("#ececec"),
    "label": QColor("#e8eef6"),
    "input": QColor("#ffffff"),
    "invalid_text": QColor("#b00020"),
    "text": QColor("#1a1a1a"),
    "computed_text": QColor("#505050"),
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CENTRE = Qt.AlignmentFlag.AlignCenter
_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class TableModel(QAbstractTableModel):
    def __init__(self, doc: Document, table_id: str, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.grid = table_grid(doc.form.tables[table_id])
        self.table_id = table_id
        self._top = self.grid.at()  # (row, col) → the grid cell starting there
        self.cover: dict[tuple[int, int], GridCell] = {}  # every position → the grid cell covering it
        for cell in self.grid.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    self.cover[(r, c)] = cell
        self.position = {c.cell_id: (c.row, c.col) for c in self.grid.value_cells()}
        self._cache: dict[str, dict] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        doc.cellsChanged.connect(self._cells_changed)

    # -- shape ---------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.height

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.grid.width

    def grid_cell(self, index: QModelIndex) -> GridCell | None:
        """The grid cell starting at ``index`` (None inside a merged area)."""
        return self._top.get((index.row(), index.column())) if index.isValid() else None

    def index_of(self, cell_id: str) -> QModelIndex:
        row, col = self.position[cell_id]
        return self.index(row, col)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        cell = self.grid_cell(index)
        if cell is None or cell.role != VALUE:
            return Qt.ItemFlag.NoItemFlags  # labels: not selectable, so keyboard moves skip them
        return _EDITABLE

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    # -- data ----------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        cell = self.grid_cell(index)
        if cell is None:
            return None
        if cell.role != VALUE:
            return self._label_data(cell, role)
        return self._value_data(cell.cell_id, role)

    def _label_data(self, cell: GridCell, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == KIND_ROLE:
            return "label"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(COLOURS["label"])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRE
        return None

    def state(self, cell_id: str) -> str:
        if not self.doc.form.is_total(cell_id):
            return "input"
        return "entered_total" if self.doc.report.is_entered_total(cell_id) else "computed"

    def roles(self, cell_id: str) -> dict:
        """Every role of a value cell, computed once per change (painting asks for many, often)."""
        roles = self._cache.get(cell_id)
        if roles is None:
            roles = self._cache[cell_id] = self._value_roles(cell_id)
        return roles

    def _value_data(self, cell_id: str, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(cell_id)  # rare: only when hovered
        return self.roles(cell_id).get(role)

    def _value_roles(self, cell_id: str) -> dict:
        report = self.doc.report
        bad = report.invalid.get(cell_id)
        shown = bad.text if bad else format_number(report.value(cell_id))
        state = self.state(cell_id)
        colour = "invalid_text" if bad else "computed_text" if state == "computed" else "text"
        roles = {
            Qt.ItemDataRole.DisplayRole: shown,
            Qt.ItemDataRole.EditRole: shown,
            Qt.ItemDataRole.BackgroundRole: QBrush(self._background(cell_id)),
            Qt.ItemDataRole.ForegroundRole: QBrush(COLOURS[colour]),
            Qt.ItemDataRole.TextAlignmentRole: _RIGHT,
            KIND_ROLE: "value",
            CELL_ROLE: cell_id,
            STATE_ROLE: state,
            MARK_ROLE: self.doc.mark(cell_id),
        }
        if state == "computed":
            roles[Qt.ItemDataRole.FontRole] = self._italic
        return roles

    def _background(self, cell_id: str) -> QColor:
        mark = self.doc.mark(cell_id)
        if mark is not None:
            return COLOURS["culprit" if mark.culprit and mark.severity == "error" else mark.severity]
        if cell_id in self.doc.report.invalid:
            return COLOURS["error"]
        return COLOURS["computed" if self.state(cell_id) == "computed" else "input"]

    def _tooltip(self, cell_id: str) -> str:
        cell = self.doc.form.cells[cell_id]
        lines = [self.doc.form.place_of(cell.id)]
        state = self.state(cell_id)
        if state == "computed":
            lines.append(self.tr("自动合计（输入数值可改为手工填写）"))
        elif state == "entered_total":
            computed = format_number(self.doc.report.computed(cell_id)) or self.tr("（暂无法计算）")
            lines.append(self.tr("手工填写的合计；自动计算为 {0}（右键可恢复自动计算）").format(computed))
        bad = self.doc.report.invalid.get(cell_id)
        if bad is not None:
            lines.append(self.tr("无法识别“{0}”：{1}").format(bad.text, bad.reason))
        mark = self.doc.mark(cell_id)
        if mark is not None:
            lines += mark.messages
        return "\n".join(lines)

    # -- editing -------------------------------------------------------------------
    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        cell = self.grid_cell(index)
        if role != Qt.ItemDataRole.EditRole or cell is None or cell.role != VALUE:
            return False
        return self.doc.commit(cell.cell_id, "" if value is None else str(value)) is None

    def _cells_changed(self, cells: list[str]) -> None:
        for cell_id in cells:
            self._cache.pop(cell_id, None)
            pos = self.position.get(cell_id)
            if pos is not None:
                index = self.index(*pos)
                self.dataChanged.emit(index, index)
