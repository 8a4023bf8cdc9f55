"""File handling of the main window: new, open, save, recent files, last year, recovery.

Every reader and writer comes from ``ogi.formats.registry()``, so a new format plug-in
(e.g. Excel) appears in the dialogs without a change here. Failures are OgiError messages in
a Chinese message box, never a traceback.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from ogi.formats import read_report, registry, write_report
from ogi.formats.journal import Journal, blank_report, replay, set_aside, start_report
from ogi.formats.regular import Stamp, changed_since
from ogi.model.lastyear import mismatches
from ogi.model.messages import OgiError
from ogi.model.report import Report

from . import recovery
from .dialogs import NewReportDialog, ask_changed_on_disk, ask_recover, ask_recover_source, ask_save_changes
from .document import Document

MAX_RECENT = 8
SETTING_LAST_FOLDER = "files/last_folder"


def plain_name(title: str) -> str:
    """A report title as a file name: without the characters Windows and Linux refuse in one."""
    return "".join(ch for ch in title if ch not in '\\/:*?"<>|\n').strip()


def export_place(report_path: Path | None, title: str, suffix: str, last_setting: str) -> Path:
    """Where an exported copy (PDF, web page, Word) is suggested: beside the report, named as it is
    (报告.xlsx → 报告.pdf), else the folder last exported to, then the one last used for reports."""
    settings = QSettings()
    folders = (
        report_path.parent if report_path else None,
        settings.value(last_setting, ""),
        settings.value(SETTING_LAST_FOLDER, ""),
    )
    folder = next((Path(str(f)) for f in folders if f and Path(str(f)).is_dir()), Path.home())
    name = report_path.stem if report_path else plain_name(title)
    return folder / ((name or "报告") + suffix)


def choose_folder(parent, title: str, start: str = "") -> str:
    """A folder, chosen in the (Chinese) Qt dialog; "" if cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start or str(QSettings().value(SETTING_LAST_FOLDER, "") or ""))


class FileActions:
    """Mixed into MainWindow: ``self.doc`` is the open Document, ``set_document`` shows one."""

    # -- hooks (tests replace them; the window shows dialogs) ---------------------------------
    def show_error(self, message: str) -> None:
        QMessageBox.critical(self, self.tr("出错了"), message)

    def show_notice(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("请注意"), message)

    def ask_save_changes(self) -> str:
        return ask_save_changes(self, self.document_name())

    def ask_open_path(self, title: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, title, self._last_folder(), self._filters())
        return self._used(path)

    def ask_save_path(self) -> Path | None:
        suggested = str(Path(self._last_folder()) / self.suggested_name())
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("另存为"), suggested, self._filters(with_all=False))
        return self._used(path)

    @staticmethod
    def _used(path: str) -> Path | None:
        if not path:
            return None
        QSettings().setValue(SETTING_LAST_FOLDER, str(Path(path).parent))
        return Path(path)

    def ask_new(self) -> tuple[str, dict[str, str]] | None:
        dialog = NewReportDialog(self, self.doc.report.role("agency") or "" if self.doc is not None else "")
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_use_previous(self, problems: list[str]) -> bool:
        """Last year's report does not look like this body's report of the year before: use it anyway?"""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("载入上年报告"),
            "\n".join(problems) + "\n\n" + self.tr("仍要载入并据此填入上年结转吗？"),
            buttons.Yes | buttons.No,
            buttons.No,
        )
        return answer == buttons.Yes

    def ask_recover(self, journal: Journal) -> str:
        last = _dt.datetime.fromtimestamp(journal.path.stat().st_mtime).strftime("%Y-%m-%d %H:%M:%S")
        return ask_recover(self, journal, last)

    def ask_recover_source(self, journal: Journal, message: str) -> str:
        return ask_recover_source(self, journal, message)

    def ask_changed_on_disk(self) -> str:
        return ask_changed_on_disk(self, self.document_name())

    # -- helpers -----------------------------------------------------------------------
    def _filters(self, with_all: bool = True) -> str:
        formats = sorted(registry().values(), key=lambda f: f.suffix != ".xlsx")
        parts = [f"{f.label} (*{f.suffix})" for f in formats]
        if with_all:
            every = " ".join(f"*{f.suffix}" for f in formats)
            parts.insert(0, self.tr("报告文件") + f" ({every})")
        return ";;".join(parts)

    def default_suffix(self) -> str:
        return ".xlsx" if ".xlsx" in registry() else ".json"

    def suggested_name(self) -> str:
        if self.doc.path:
            return self.doc.path.name
        title = self.doc.report.title()
        return (plain_name(title) or "报告") + self.default_suffix()

    def document_name(self) -> str:
        return self.doc.path.name if self.doc.path else self.tr("未命名报告")

    def _last_folder(self) -> str:
        """The open report's folder, else the folder last used, else the newest recent file's, else home."""
        if self.doc is not None and self.doc.path is not None:
            return str(self.doc.path.parent)
        last = str(QSettings().value(SETTING_LAST_FOLDER, "") or "")
        if last and Path(last).is_dir():
            return last
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def recent_files(self) -> list[str]:
        value = QSettings().value("recentFiles", [])
        return [v for v in ([value] if isinstance(value, str) else value or []) if v]

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self.recent_files() if p != str(path)]
        QSettings().setValue("recentFiles", recent[:MAX_RECENT])

    def _new_journal(self, report: Report, path: Path | None) -> recovery.LockedJournal | None:
        if not self.journaling:
            return None
        try:
            return recovery.new_journal(report.form.id, path, dict(report.meta) if path is None else None)
        except OSError:
            return None  # no writable data folder: the window still works, without recovery

    def _new_document(self, report: Report, path: Path | None) -> Document:
        doc = Document(report, path, self._new_journal(report, path))
        opened, self._opened_stamp = getattr(self, "_opened_stamp", None), None
        if path is not None and opened is not None:
            doc.disk_stamp = opened  # as it was when read (a change since then must still be noticed)
        return doc

    # -- commands ----------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Before closing or replacing the report: False if the clerk cancels."""
        self.finish_editing()
        if self.doc.undo.isClean():
            return True
        answer = self.ask_save_changes()
        return answer == "discard" or (answer == "save" and self.save())

    def new_report(self) -> bool:
        if not self.maybe_save():
            return False
        choice = self.ask_new()
        if choice is None:
            return False
        self.start_new(*choice)
        return True

    def open_file(self, path: Path | str | None = None) -> bool:
        if not self.maybe_save():
            return False
        opened = self._read(path, self.tr("打开报告"))
        if opened is None:
            return False
        path, report = opened
        self.set_document(self._new_document(report, path))
        for notice in report.notices:  # text the reader found outside every field: it would be lost at the next save
            self.show_notice(notice)
        self._remember(path)
        self.restore_place(path)
        return True

    def _read(self, path: Path | str | None, title: str, published: bool = False):
        """(path, report) of the file given or chosen; None after telling the clerk why it cannot be read.

        ``published``: a published report (text, web page, Word file) is accepted too (载入上年报告).
        """
        path = Path(path) if path else self.ask_open_path(title)
        if path is None:
            return None
        try:
            stamp = Stamp.of(path)  # before reading: a change while we read is a change too
            report = self.read_any(path) if published else read_report(path)
            self._opened_stamp = stamp
            return path, report
        except OgiError as exc:
            self.show_error(exc.message)
            return None

    def save(self) -> bool:
        path = self.doc.path
        if path is None or path.suffix.lower() not in registry():
            return self.save_as()
        return self._write(path)

    def save_as(self, path: Path | str | None = None) -> bool:
        path = Path(path) if path else self.ask_save_path()
        if path is None:
            return False
        if path.suffix.lower() not in registry():
            path = path.with_name(path.name + self.default_suffix())
        return self._write(path)

    def _write(self, path: Path) -> bool:
        self.finish_editing()
        if not self._may_overwrite(path):
            return False
        try:
            write_report(self.doc.report, path)
        except OgiError as exc:
            self.show_error(exc.message)
            return False
        self.doc.path = path
        self.doc.disk_stamp = Stamp.of(path)
        self.doc.rotate_journal(self._new_journal(self.doc.report, path))
        self.doc.undo.setClean()
        self._remember(path)
        self.update_title()
        self.statusBar().showMessage(self.tr("已保存到 {0}").format(path), 5000)
        return True

    def _may_overwrite(self, path: Path) -> bool:
        """Another window or ``ogi convert`` wrote this file since we read or saved it: ask first."""
        if path != self.doc.path or not changed_since(path, self.doc.disk_stamp):
            return True
        answer = self.ask_changed_on_disk()
        if answer == "reopen":
            self.doc.undo.setClean()  # the clerk chose the version on disk over these edits
            self.open_file(path)
        return answer == "overwrite"

    def load_previous(self, path: Path | str | None = None) -> bool:
        """Last year's report: prefill 上年结转 (one undo step) and check against it (T3-5)."""
        path = path or self.ask_previous_path(self.tr("选择上一年度的报告"))
        opened = self._read(path, self.tr("选择上一年度的报告"), published=True) if path else None
        if opened is None:
            return False
        path, previous = opened
        problems = mismatches(self.doc.report, previous, path.name)
        if problems and not self.ask_use_previous(problems):
            return False
        count = self.doc.carry_in(previous, path)
        self.statusBar().showMessage(self.tr("已载入上年报告 {0}，填入上年结转 {1} 个单元格").format(path.name, count), 8000)
        return True

    # -- recovery ----------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """At start: offer each orphaned journal; recovers at most one into this window.
        Journals that cannot be used were set aside by the scan: the clerk is told, once."""
        found, set_aside_messages = recovery.scan()
        for message in set_aside_messages:
            self.show_error(message)
        for journal in found:
            answer = self.ask_recover(journal)
            if answer == "recover":
                return self.recover(journal)
            if answer == "discard":
                recovery.discard(journal.path)
        return False

    def recover(self, journal: Journal) -> bool:
        started = self._recovery_start(journal)
        if started is None:
            return False
        report, source = started
        previous_path = replay(report, journal.entries)
        doc = self._new_document(report, source)
        if doc.journal is not None:
            doc.journal.head["meta"] = dict(journal.meta)
            for entry in journal.entries:  # a second crash before saving still recovers everything
                doc.journal.append(entry)
        if previous_path is not None:
            self._reload_previous(doc, previous_path)
        doc.undo.resetClean()  # recovered edits are unsaved
        self.set_document(doc)
        recovery.discard(journal.path)
        self.statusBar().showMessage(self.tr("已恢复 {0} 处未保存的修改").format(journal.edits), 8000)
        return True

    def _recovery_start(self, journal: Journal) -> tuple[Report, Path | None] | None:
        """(report to replay onto, its file) — the journal's file, one the clerk locates, or a new report
        of the journal's edition (saved elsewhere later). None: not now (or set aside)."""
        source: Path | None = Path(journal.source) if journal.source else None
        while True:
            try:
                stamp = Stamp.of(source)
                report = start_report(journal, source)
                self._opened_stamp = stamp
                return report, source
            except OgiError as exc:
                answer = self.ask_recover_source(journal, exc.message)
            if answer == "locate":
                source = self.ask_open_path(self.tr("查找报告文件")) or source
            elif answer == "new":
                return blank_report(journal), None
            else:
                if answer == "set_aside":
                    set_aside(journal.path)
                return None

    def _reload_previous(self, doc: Document, path: Path) -> None:
        try:
            doc.checker.set_previous(read_report(path))
            doc.previous_path = path
            doc.notes_changed()
        except OgiError:
            pass  # last year's file moved: the report itself is recovered all the same
