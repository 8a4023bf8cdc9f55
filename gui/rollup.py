"""文件 → 汇总…: roll units' reports up from the window, and trace each figure back to its units.

The roll-up itself is :mod:`ogi.rollup` (the same as ``ogi rollup``); it runs in a thread behind a
progress dialog with 取消. The result is saved where the clerk chose (with 单位情况, 缺报, 明细),
then opens as a report; a panel beside it lists, for the selected cell, each unit's value, and a
double-click opens that unit's report in a window of its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ogi.formats import read_report
from ogi.model.messages import OgiError, text
from ogi.model.values import format_number
from ogi.rollup import Cancelled, Options, Rollup, rollup, save
from ogi.rollup.roster import read_roster


class RollupDialog(QDialog):
    """Choose the units (files and folders), the roster, the year, the collecting body and where to save."""

    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("汇总各单位的报告"))
        self.folder = folder
        self.sources = QListWidget()
        self.roster, self.year, self.agency, self.output = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.year.setPlaceholderText(self.tr("自动（多数报告的年度）"))
        self.roster.setPlaceholderText(self.tr("可不选；每行一个机关全称的 .txt，或含“机关全称”列的 .xlsx"))
        self.output.setText(str(Path(folder or Path.home()) / "汇总.xlsx"))
        self.include_errors = QCheckBox(self.tr("包括有错误的报告（在“单位情况”中标注）"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("各单位的报告"), self._sources_box())
        layout.addRow(self.tr("单位名单"), self._with_button(self.roster, self._choose_roster))
        layout.addRow(self.tr("年度"), self.year)
        layout.addRow(self.tr("汇总单位"), self.agency)
        layout.addRow(self.tr("保存为"), self._with_button(self.output, self._choose_output))
        layout.addRow(self.include_errors)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _sources_box(self) -> QWidget:
        box, column = QWidget(), QVBoxLayout()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sources, 1)
        for label, slot in (
            (self.tr("添加文件…"), self._add_files),
            (self.tr("添加文件夹…"), self._add_folder),
            (self.tr("移除"), self._remove),
        ):
            button = QPushButton(label)
            button.clicked.connect(slot)
            column.addWidget(button)
        column.addStretch(1)
        row.addLayout(column)
        return box

    def _with_button(self, edit: QLineEdit, slot) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("浏览…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    def _add_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择报告"), self.folder, self.tr("报告文件 (*.xlsx *.json)"))
        self.sources.addItems(paths)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择文件夹（含子文件夹）"), self.folder)
        if folder:
            self.sources.addItem(folder)

    def _remove(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))

    def _choose_roster(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("单位名单"), self.folder, self.tr("名单 (*.txt *.xlsx)"))
        if path:
            self.roster.setText(path)

    def _choose_output(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存汇总结果"), self.output.text(), self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.output.setText(path)

    def choice(self) -> tuple[list[Path], Path | None, Options, Path]:
        """(units, roster file or None, options without the roster, output)."""
        sources = [Path(self.sources.item(i).text()) for i in range(self.sources.count())]
        roster = Path(self.roster.text().strip()) if self.roster.text().strip() else None
        options = Options(
            year=self.year.text().strip(), agency=self.agency.text().strip(), include_errors=self.include_errors.isChecked()
        )
        return sources, roster, options, Path(self.output.text().strip())


class _Worker(QThread):
    """The roll-up off the window's thread; ``progress`` answers False once cancelled."""

    advanced = Signal(int, int)

    def __init__(self, sources: list[Path], options: Options, skip: Path) -> None:
        super().__init__()
        self.sources, self.options, self.skip = sources, options, skip
        self.cancelled = False
        self.result: Rollup | None = None
        self.error = ""

    def progress(self, done: int, total: int) -> bool:
        self.advanced.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            self.result = rollup(self.sources, self.options, self.progress, skip=self.skip)
        except Cancelled:
            self.error = text("ROLLUP_CANCELLED")
        except OgiError as exc:
            self.error = exc.message


class _Shown(QObject):
    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    @Slot(int, int)
    def update(self, done: int, total: int) -> None:
        self.dialog.setMaximum(total)
        self.dialog.setValue(done)


def run_with_progress(parent: QWidget, sources: list[Path], options: Options, skip: Path) -> tuple[Rollup | None, str]:
    """Roll up behind a progress dialog with 取消; (result, "") or (None, why not)."""
    worker = _Worker(sources, options, skip)
    dialog = QProgressDialog(parent.tr("正在读取各单位的报告…"), parent.tr("取消"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
    shown = _Shown(dialog)  # lives in this thread: the worker's signal arrives queued
    worker.advanced.connect(shown.update)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    worker.start()
    loop.exec()
    worker.wait()
    dialog.reset()
    dialog.deleteLater()
    return worker.result, worker.error


class ContributionsPanel(QWidget):
    """The selected cell's value in each unit of the roll-up; a double-click opens the unit's report."""

    openUnit = Signal(str)

    def __init__(self, result: Rollup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result = result
        self.cells = list(result.report.form.cells)
        self.head = QLabel(self.tr("选择一个单元格，查看各单位的数值"))
        self.head.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("单位"), self.tr("数值"), self.tr("文件")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.openUnit.emit(self.table.item(row, 2).text()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.table, 1)

    def show_cell(self, cell_id: str) -> None:
        index = self.cells.index(cell_id)
        form, report = self.result.report.form, self.result.report
        blank = self.result.blanks.get(cell_id, 0)
        self.head.setText(
            self.tr("{0}：汇总数 {1}，{2} 个单位计入").format(
                form.place_of(cell_id), format_number(report.value(cell_id)), len(self.result.included)
            )
            + (self.tr("；{0} 个单位未填写，汇总数不完整").format(blank) if blank else "")
        )
        units = self.result.included
        self.table.setRowCount(len(units))
        for row, unit in enumerate(units):
            value = unit.values[index]
            shown = format_number(value) if value is not None else self.tr("（未填写）")
            for col, item in enumerate((unit.agency, shown, unit.file)):
                self.table.setItem(row, col, QTableWidgetItem(item))


def start_rollup(window) -> None:
    """文件 → 汇总…: the dialog, the roll-up, then the result opens in ``window``."""
    dialog = RollupDialog(window, window._last_folder())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    sources, roster, options, output = dialog.choice()
    open_rollup(window, sources, roster, options, output)


def open_rollup(window, sources: list[Path], roster: Path | None, options: Options, output: Path) -> Rollup | None:
    """Roll up, save to ``output`` and open the result in ``window`` with the contributions panel."""
    if not window.maybe_save():
        return None
    try:
        options.roster = read_roster(roster) if roster is not None else None
    except OgiError as exc:
        window.show_error(exc.message)
        return None
    result, error = run_with_progress(window, sources, options, output)
    if result is None:
        window.show_error(error)
        return None
    try:
        save(result, output)
    except OgiError as exc:
        window.show_error(exc.message)
        return None
    window.set_document(window._new_document(result.report, output))
    window._remember(output)
    _show_contributions(window, result)
    return result


def _show_contributions(window, result: Rollup) -> None:
    old = getattr(window, "rollup_dock", None)
    if old is not None:
        old.deleteLater()
    panel = ContributionsPanel(result)
    panel.openUnit.connect(lambda path: open_unit(window, path))
    for view in window.form.views.values():
        view.currentCellChanged.connect(panel.show_cell)
    dock = QDockWidget(window.tr("各单位的数值"), window)
    dock.setObjectName("rollupDock")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.rollup_dock = dock
    window.doc.destroyed.connect(dock.deleteLater)  # another report opened: the panel no longer applies


def open_unit(window, path: str) -> QWidget | None:
    """A unit's report in a window of its own (the roll-up stays open)."""
    try:
        report = read_report(Path(path))
    except OgiError as exc:
        window.show_error(exc.message)
        return None
    other = type(window)(report, Path(path), journaling=window.journaling)
    other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.unit_windows = [*getattr(window, "unit_windows", []), other]
    other.show()
    return other
