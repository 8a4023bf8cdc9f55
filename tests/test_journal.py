"""JOURNAL: the recovery journal replays every committed edit; a torn last line is ignored."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ogi.formats.journal import JournalWriter, cells_entry, header, previous_entry, read_journal, replay, start_report, text_entry
from ogi.formats.jsonfile import write
from ogi.model.messages import OgiError
from ogi.model.report import Invalid, Report


def _edit_and_journal(report: Report, writer: JournalWriter) -> None:
    report.set("t3.new.natural", 12)
    writer.append(cells_entry(report, ["t3.new.natural"]))
    report.set("t2.fees.amount", Decimal("1.25"))
    report.set("t3.new.total", 99)  # an entered total
    writer.append(cells_entry(report, ["t2.fees.amount", "t3.new.total"]))
    report.set_invalid("t4.review.upheld", Invalid("十二", "不是数字", "粘贴"))
    writer.append(cells_entry(report, ["t4.review.upheld"]))
    report.texts["overview"] = "总体情况\n第二行"
    writer.append(text_entry("text", "overview", report.texts["overview"]))
    report.meta["agency"] = "示例局"
    writer.append(text_entry("meta", "agency", "示例局"))
    report.notes["T3-5/natural"] = "机构改革"
    writer.append(text_entry("note", "T3-5/natural", "机构改革"))


def test_JOURNAL_replay_restores_every_edit(tmp_path, form21):
    report = Report(form21)
    writer = JournalWriter(tmp_path / "j.jsonl", header(form21.id, None))
    _edit_and_journal(report, writer)
    journal = read_journal(writer.path)
    assert journal.form == "ogi-2021" and journal.source is None and journal.edits == 6
    again = start_report(journal)
    replay(again, journal.entries)
    assert again == report and again.is_entered_total("t3.new.total")


def test_JOURNAL_automatic_and_blank_replay(tmp_path, form21):
    report = Report(form21)
    writer = JournalWriter(tmp_path / "j.jsonl", header(form21.id, None))
    _edit_and_journal(report, writer)
    report.make_automatic("t3.new.total")
    report.set("t3.new.natural", None)
    writer.append(cells_entry(report, ["t3.new.total", "t3.new.natural"]))
    again = start_report(read_journal(writer.path))
    replay(again, read_journal(writer.path).entries)
    assert again == report and not again.is_entered_total("t3.new.total") and again.value("t3.new.natural") is None


def test_JOURNAL_torn_last_line_ignored(tmp_path, form21):
    writer = JournalWriter(tmp_path / "j.jsonl", header(form21.id, None))
    _edit_and_journal(Report(form21), writer)
    writer.close(remove=False)
    with open(writer.path, "a", encoding="utf-8") as fh:
        fh.write('{"op":"cells","cells":{"t3.new.natural":"5')  # the crash hit mid-line
    journal = read_journal(writer.path)
    assert journal.edits == 6
    again = start_report(journal)
    replay(again, journal.entries)
    assert again.value("t3.new.natural") == 12


def test_JOURNAL_source_file_and_previous(tmp_path, seed):
    source = tmp_path / "r.json"
    write(seed, source)
    writer = JournalWriter(tmp_path / "j.jsonl", header(seed.form.id, source))
    writer.append(previous_entry(tmp_path / "last.json"))
    seed.set("t3.new.natural", 7)
    writer.append(cells_entry(seed, ["t3.new.natural"]))
    journal = read_journal(writer.path)
    again = start_report(journal)
    assert replay(again, journal.entries) == tmp_path / "last.json"
    assert again == seed and journal.edits == 1


def test_JOURNAL_new_report_starts_with_header_meta(tmp_path, form21):
    writer = JournalWriter(tmp_path / "j.jsonl", header(form21.id, None, {"year": "2025"}))
    writer.append(text_entry("meta", "agency", "示例局"))
    again = start_report(read_journal(writer.path))
    replay(again, read_journal(writer.path).entries)
    assert again.meta == {"year": "2025", "agency": "示例局"}


def test_JOURNAL_created_lazily_and_removed(tmp_path, form21):
    writer = JournalWriter(tmp_path / "sub" / "j.jsonl", header(form21.id, None))
    assert not writer.path.exists() and not writer.started
    writer.append(text_entry("meta", "year", "2024"))
    assert writer.path.exists() and json.loads(writer.path.read_text(encoding="utf-8").splitlines()[0])["journal"] == 1
    writer.close(remove=True)
    assert not writer.path.exists()


@pytest.mark.parametrize("content", ["", "not json\n", '{"journal": 99, "form": "ogi-2021"}\n'])
def test_JOURNAL_unreadable_header_refused(tmp_path, content):
    path = tmp_path / "j.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OgiError) as err:
        read_journal(path)
    assert err.value.code == "JOURNAL_UNREADABLE" and "j.jsonl" in err.value.message
