"""The main window: the report form, the problems panel, menus and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QStackedWidget

from ogi.model.loader import newest_form
from ogi.model.messages import OgiError
from ogi.model.report import Report

from .delegate import CellEditor
from .document import Document
from .files import FileActions
from .form import ReportForm
from .importing import ImportActions
from .narrative import draft_command
from .problems import ProblemsPanel
from .workday import WorkdayActions


class MainWindow(WorkdayActions, FileActions, ImportActions, QMainWindow):
    def __init__(self, report: Report | None = None, path=None, journaling: bool = True) -> None:
        super().__init__()
        self.journaling = journaling
        self.undo_group = QUndoGroup(self)
        self.undo_group.cleanChanged.connect(lambda clean: self.setWindowModified(not clean))
        self.doc: Document | None = None
        self.form: ReportForm | None = None
        self.counts = QLabel()
        self.place = QLabel()
        self.edition = QLabel()  # 「2021 年版 · 2024 年度」: always in sight
        self.statusBar().addPermanentWidget(self.place)
        self.statusBar().addPermanentWidget(self.edition)
        self.statusBar().addPermanentWidget(self.counts)
        self.problems = None
        self.start = None  # the start page while it is shown
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build_actions()
        self._build_menus()
        self.set_document(self._new_document(report or Report(newest_form()), path))
        self._restore_geometry()

    # -- document ----------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        old = self.doc
        self.doc = doc
        doc.setParent(self)
        self.undo_group.addStack(doc.undo)
        self.undo_group.setActiveStack(doc.undo)
        old_form, self.form = self.form, ReportForm(doc)
        self.form.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.form.placeChanged.connect(self.place.setText)
        self.stack.addWidget(self.form)
        self.stack.setCurrentWidget(self.form)
        if old_form is not None:
            self.stack.removeWidget(old_form)
            old_form.deleteLater()
        self.close_start_page()
        self.statusBar().clearMessage()  # nothing said about the previous report is true of this one
        self.place.clear()
        self.watch_wheel()
        if self.zoom != 100:
            self.apply_zoom()
        doc.textChanged.connect(self.update_edition)
        self.update_edition()
        if self.problems is None:
            self._build_problems(doc)
        else:
            self.problems.set_document(doc)
        QTimer.singleShot(0, self._size_problems_dock)  # a new central widget re-distributes the height
        doc.findingsChanged.connect(self.update_counts)
        doc.findingsChanged.connect(self._fit_problems)
        self._fit_problems()  # a report opened without findings shows no empty list either
        doc.journalFailed.connect(
            lambda why: self.show_error(
                self.tr("无法写入恢复记录（{0}），本次修改在意外退出时将无法恢复。请及时保存。").format(why)
            )
        )
        self.update_counts()
        self.update_title()
        if old is not None:
            if old.journal is not None:
                old.journal.close(remove=True)
            self.undo_group.removeStack(old.undo)
            old.deleteLater()

    def _build_problems(self, doc: Document) -> None:
        self.problems = ProblemsPanel(doc)
        self.problems.findingActivated.connect(lambda finding: self.form.go_to(finding))  # noqa: PLW0108 (form changes)
        self.problems.cellsChosen.connect(lambda cells: self.form.select_cells(cells))  # noqa: PLW0108
        dock = QDockWidget(self.tr("问题清单"), self)
        dock.setObjectName("problemsDock")
        dock.setWidget(self.problems)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence("F8"))
        self.view_menu.addAction(toggle)
        self.problems_dock = dock
        self._problems_empty: bool | None = None

    def _fit_problems(self) -> None:
        """An empty list shrinks to its one summary line; it grows back when there is something to show."""
        empty = not self.problems.model.rows
        if empty == self._problems_empty:
            return
        self._problems_empty = empty
        self.problems.view.setVisible(not empty)
        if empty:
            self.problems.setMaximumHeight(self.problems.sizeHint().height())
        else:
            self.problems.setMaximumHeight(16777215)
            QTimer.singleShot(0, self._size_problems_dock)

    def _size_problems_dock(self) -> None:
        """About eleven lines, never more than a third of the window: the form stays the main thing.

        Done once the window is shown (a size asked for before that is ignored by the layout).
        """
        lines = self.fontMetrics().height() * 11
        self.resizeDocks([self.problems_dock], [min(lines, max(self.height() // 3, 1))], Qt.Orientation.Vertical)

    def update_title(self) -> None:
        self.setWindowTitle(self.tr("{0}[*] — 政府信息公开工作年度报告").format(self.document_name()))
        self.setWindowModified(not self.undo_group.isClean())

    def update_counts(self) -> None:
        counts = self.doc.checker.counts()
        blank = len(self.doc.report.blank_cells())
        self.counts.setText(self.tr("错误 {0} · 警告 {1} · 空白 {2}").format(counts["error"], counts["warning"], blank))

    def finish_editing(self) -> None:
        """Commit (or, if unreadable, revert) a cell being typed in before saving or printing."""
        if self.form is None:
            return
        editor = QApplication.focusWidget()
        if isinstance(editor, CellEditor):
            for view in self.form.views.values():
                if editor.parentWidget() is view.viewport():
                    hint = view.cell_delegate.EndEditHint
                    if editor.edited and not editor.error:
                        view.cell_delegate.commitData.emit(editor)
                    view.cell_delegate.closeEditor.emit(editor, hint.RevertModelCache if editor.error else hint.NoHint)
        self.doc.flush_journal()

    # -- actions -----------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("新建…"), self.new_report, keys.New)
        self.act_open = self._action(self.tr("打开…"), self.open_file, keys.Open)
        self.act_save = self._action(self.tr("保存"), self.save, keys.Save)
        self.act_save_as = self._action(self.tr("另存为…"), self.save_as, "Ctrl+Shift+S")
        self.act_previous = self._action(self.tr("载入上年报告…"), self.load_previous)
        self.act_import = self._action(self.tr("导入已发布的报告…"), self.import_published)
        self.act_paste = self._action(self.tr("粘贴已发布的报告…"), self.paste_published)
        self.act_rollup = self._action(self.tr("汇总…"), self._rollup)
        self.act_pdf = self._action(self.tr("导出 PDF…"), lambda: self._printing("export_pdf"))
        self.act_preview = self._action(self.tr("打印预览…"), lambda: self._printing("print_preview"))
        self.act_print = self._action(self.tr("打印…"), lambda: self._printing("print_report"), "Ctrl+P")
        self.act_html = self._action(self.tr("导出网页…"), lambda: self._publish("html"))
        self.act_fragment = self._action(self.tr("导出网页片段（粘贴到网站编辑器）…"), lambda: self._publish("fragment"))
        self.act_docx = self._action(self.tr("导出 Word…"), lambda: self._publish("docx"))
        self.act_quit = self._action(self.tr("退出"), self.close, keys.Quit)
        self._workday_actions()
        self.act_fill = self._action(self.tr("将本表空白单元格填为 0"), lambda: self._on_view("fill_blanks"))
        self.act_auto = self._action(self.tr("恢复自动计算"), lambda: self._on_view("make_automatic"))
        drafted = self.tr("已在正文末尾加入依据表格起草的统计段落（已选中），可直接修改；撤销可去掉")
        self.act_draft = self._action(self.tr("起草统计段落（依据表格）"), lambda: draft_command(self, drafted))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        files = bar.addMenu(self.tr("文件(&F)"))
        files.addActions([self.act_new, self.act_open])
        self.recent_menu = files.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        files.addActions([self.act_save, self.act_save_as])
        files.addSeparator()
        files.addAction(self.act_previous)
        files.addActions([self.act_import, self.act_paste])
        files.addAction(self.act_rollup)
        files.addSeparator()
        files.addActions([self.act_pdf, self.act_preview, self.act_print])
        files.addSeparator()
        files.addActions([self.act_html, self.act_fragment, self.act_docx])
        files.addSeparator()
        files.addAction(self.act_quit)
        edit = bar.addMenu(self.tr("编辑(&E)"))
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addActions([self.act_auto, self.act_fill])
        edit.addSeparator()
        edit.addAction(self.act_draft)
        self.view_menu = bar.addMenu(self.tr("视图(&V)"))
        self._workday_menu()
        settings = bar.addMenu(self.tr("设置(&S)"))
        self._language_menu(settings.addMenu(self.tr("界面语言")))

    def _language_menu(self, menu: QMenu) -> None:
        group = QActionGroup(self)
        current = QSettings().value("language", "")
        for code, label in (("", self.tr("跟随系统")), ("zh_CN", "中文"), ("en", "English")):
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda checked=False, c=code: self._set_language(c))
            group.addAction(action)

    def _set_language(self, code: str) -> None:
        QSettings().setValue("language", code)
        QMessageBox.information(self, self.tr("界面语言"), self.tr("重新启动程序后生效。"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            self.recent_menu.addAction(path, lambda p=path: self.open_file(p))
        self.recent_menu.setEnabled(True)

    def _on_view(self, method: str) -> None:
        view = self.form.current_view()
        if view is not None:
            getattr(view, method)()

    def _printing(self, function: str) -> None:
        """Printing is imported when first asked (keeps start-up light), directly: a defect inside it
        surfaces as the defect it is, never as a missing component."""
        from . import printing

        self.finish_editing()
        try:
            more = {"report_path": self.doc.path} if function == "export_pdf" else {}
            result = getattr(printing, function)(self, self.doc.report, self.doc.findings(), **more)
        except OgiError as exc:
            self.show_error(exc.message)
            return
        if function == "export_pdf" and result:
            self.statusBar().showMessage(self.tr("已导出 {0}").format(result), 6000)

    def _publish(self, kind: str) -> None:
        """导出网页 / 网页片段 / Word through the output seam (ogi_gui.publish)."""
        from . import publish

        self.finish_editing()
        try:
            path = publish.export_copy(self, self.doc.report, self.doc.findings(), kind, self.doc.path)
        except OgiError as exc:
            self.show_error(exc.message)
            return
        if path is not None:
            self.statusBar().showMessage(self.tr("已导出 {0}").format(path), 6000)

    def _rollup(self) -> None:
        """文件 → 汇总… lives in its own module (ogi_gui.rollup), loaded when first used."""
        from .rollup import start_rollup

        self.finish_editing()
        start_rollup(self)

    # -- window ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The last geometry, or a roomy default, never larger than the screen (a 1024 × 700 screen
        without a window manager would otherwise cut off the right and bottom edges)."""
        geometry = QSettings().value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            em = self.fontMetrics().horizontalAdvance("国")
            self.resize(em * 100, em * 64)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None and not screen.contains(self.frameGeometry()):
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height()))
            self.move(max(screen.left(), min(self.x(), screen.right() - self.width())), max(screen.top(), self.y()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        QSettings().setValue("geometry", self.saveGeometry())
        self.remember_place()
        if self.doc.journal is not None:
            self.doc.journal.close(remove=True)
        event.accept()
