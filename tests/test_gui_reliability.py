"""WIN, second round: a file changed on disk is never overwritten unasked; recovery survives moved,
missing and foreign files; unusable journals are set aside, never offered forever."""

from __future__ import annotations

import json
import os

import pytest

from ogi.formats import read_report, write_report
from ogi.formats.journal import UNUSABLE, JournalWriter, cells_entry, header, text_entry
from ogi.model.report import Report
from ogi.model.sample import full_report
from tests import guikit
from tests.guikit import ENTER, type_in
from tests.tools.cli import ogi

make_window = guikit.make_window
isolated = guikit.isolated


def _asked(window, answer: str) -> list:
    asked: list = []
    window.ask_changed_on_disk = lambda: asked.append(True) or answer
    return asked


# -- a file changed on disk ------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["cancel", "overwrite", "reopen"])
def test_WIN_two_windows_on_one_file_ask_before_overwriting(make_window, form21, qtbot, tmp_path, answer):
    path = tmp_path / "报告.json"
    write_report(full_report(form21, seed=1), path)
    first, second = make_window(), make_window()
    assert first.open_file(path) and second.open_file(path)
    first.doc.set_values({"t3.new.natural": 111})
    assert first.save()
    second.doc.set_values({"t3.new.natural": 222})
    asked = _asked(second, answer)
    saved = second.save()
    assert asked == [True] and saved is (answer == "overwrite")
    on_disk = read_report(path).value("t3.new.natural")
    assert on_disk == (222 if answer == "overwrite" else 111)
    if answer == "reopen":
        assert second.doc.report.value("t3.new.natural") == 111 and second.doc.undo.isClean()
    if answer == "overwrite":  # asked once: the next save of its own version goes through quietly
        assert second.save() and len(asked) == 1


def test_WIN_command_line_wrote_over_the_open_file(make_window, form21, qtbot, tmp_path):
    path, other = tmp_path / "报告.xlsx", tmp_path / "别的.json"
    write_report(full_report(form21, seed=1), path)
    write_report(full_report(form21, seed=2), other)
    window = make_window()
    assert window.open_file(path)
    cli = ogi("convert", str(other), str(path))
    assert cli.returncode == 0
    window.doc.set_values({"t3.new.natural": 7})
    asked = _asked(window, "cancel")
    assert not window.save() and asked and read_report(path) == read_report(other)


def test_WIN_own_saves_never_ask(make_window, form21, qtbot, tmp_path):
    window = make_window(Report(form21))
    asked = _asked(window, "cancel")
    for value in ("1", "2", "3"):
        type_in(qtbot, window.form.views["t3"], "t3.new.natural", value, end=ENTER)
        assert window.save_as(tmp_path / "r.json") if value == "1" else window.save()
    assert asked == []


def test_WIN_stray_text_told_on_opening(make_window, form21, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    write_report(full_report(form21), path)
    wb = load_workbook(path)
    wb["正文"]["C3"] = "会被丢掉的补充说明"
    wb.save(path)
    window = make_window()
    notices: list[str] = []
    window.show_notice = notices.append
    assert window.open_file(path)
    assert len(notices) == 1 and "正文!C3" in notices[0] and "此处的内容不会被读入" in notices[0]


# -- recovery --------------------------------------------------------------------------------------------
def _orphan(form_id: str, source, entries: list[dict], meta: dict | None = None):
    from ogi_gui import recovery

    writer = JournalWriter(
        recovery.folder() / f"journal-test-{len(list(recovery.folder().glob('*')))}.jsonl", header(form_id, source, meta)
    )
    for entry in entries:
        writer.append(entry)
    writer.close(remove=False)
    return writer.path


def _edit(form, value: int = 42) -> dict:
    report = Report(form)
    report.set("t3.new.natural", value)
    return cells_entry(report, ["t3.new.natural"])


def test_JOURNAL_relative_path_stored_absolute(tmp_path, monkeypatch, form21):
    monkeypatch.chdir(tmp_path)
    assert header(form21.id, "报告.json")["source"] == str(tmp_path / "报告.json")


def test_WIN_recovery_when_the_file_moved_locate_it(make_window, form21, tmp_path):
    old, new = tmp_path / "old" / "报告.json", tmp_path / "new" / "报告.json"
    old.parent.mkdir(), new.parent.mkdir()
    write_report(full_report(form21), old)
    _orphan(form21.id, old, [_edit(form21)])
    os.replace(old, new)
    window = make_window()
    window.ask_recover = lambda journal: "recover"
    messages: list[str] = []
    window.ask_recover_source = lambda journal, message: messages.append(message) or "locate"
    window.ask_open_path = lambda title: new
    assert window.offer_recovery()
    assert "不存在" in messages[0] and window.doc.path == new and window.doc.report.value("t3.new.natural") == 42


def test_WIN_recovery_when_the_file_is_gone_new_report_of_that_edition(make_window, form19, tmp_path):
    _orphan(form19.id, tmp_path / "gone.json", [_edit(form19, 5), text_entry("meta", "agency", "示例局")])
    window = make_window()
    window.ask_recover = lambda journal: "recover"
    window.ask_recover_source = lambda journal, message: "new"
    assert window.offer_recovery()
    doc = window.doc
    assert doc.path is None and doc.form.id == form19.id and doc.report.value("t3.new.natural") == 5
    assert doc.report.meta["agency"] == "示例局" and window.isWindowModified()
    target = tmp_path / "elsewhere.json"
    assert window.save_as(target) and read_report(target).value("t3.new.natural") == 5


def test_WIN_recovery_never_onto_another_edition(make_window, form21, form19, tmp_path):
    from ogi_gui import recovery

    other = tmp_path / "2019.json"
    write_report(full_report(form19), other)
    path = _orphan(form21.id, other, [_edit(form21)])  # e.g. the file was replaced by another edition's
    window = make_window()
    window.ask_recover = lambda journal: "recover"
    messages: list[str] = []
    window.ask_recover_source = lambda journal, message: messages.append(message) or "set_aside"
    assert not window.offer_recovery()
    assert "格式" in messages[0] and read_report(other) == full_report(form19)
    assert not path.exists() and path.with_name(path.name + UNUSABLE).exists() and recovery.orphans() == []


@pytest.mark.parametrize("content", ['{"journal": 1, "form": "ogi-1999"}\n{"op": "cells"}\n', "garbage\n"])
def test_WIN_unusable_journal_set_aside_and_told_once(make_window, content):
    from ogi_gui import recovery

    recovery.folder().mkdir(parents=True, exist_ok=True)
    path = recovery.folder() / "journal-bad.jsonl"
    path.write_text(content, encoding="utf-8")
    window = make_window()
    window.ask_recover = lambda journal: pytest.fail("an unusable journal was offered")
    assert not window.offer_recovery()
    assert len(window.errors) == 1 and "不再提示" in window.errors[0]
    assert path.with_name(path.name + UNUSABLE).read_text(encoding="utf-8") == content
    assert not window.offer_recovery() and len(window.errors) == 1


def test_JOURNAL_unknown_fields_never_make_an_unopenable_file(tmp_path, form21):
    from ogi.formats.journal import read_journal, replay, start_report

    path = JournalWriter(tmp_path / "j.jsonl", header(form21.id, None)).path
    lines = [header(form21.id, None), text_entry("meta", "no_such_field", "x"), text_entry("text", "no_such_section", "y")]
    lines.append({"op": "cells", "cells": {"t3.nowhere": 1, "t3.new.natural": [1, 2]}})
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    journal = read_journal(path)
    report = start_report(journal)
    replay(report, journal.entries)
    write_report(report, tmp_path / "r.json")
    assert read_report(tmp_path / "r.json") == report
