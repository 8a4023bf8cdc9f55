"""SAVE/CLI, second round: links, FIFOs, modes, truthful messages and one clean line for hostile names."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogi.formats import read_report, safesave, write_report
from ogi.formats.safesave import atomic_write, backup_path
from ogi.model.messages import OgiError, escape_controls, shorten
from ogi.model.report import Invalid
from ogi.model.sample import full_report
from tests.tools.cli import ogi


# -- links and things that are not files ------------------------------------------------
def test_SAVE_through_symlink_updates_the_real_file(tmp_path, form21):
    real = tmp_path / "real" / "报告.json"
    real.parent.mkdir()
    write_report(full_report(form21, seed=1), real)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    report = full_report(form21, seed=2)
    write_report(report, link)
    assert link.is_symlink() and read_report(real) == report
    assert backup_path(real).exists()  # the backup sits beside the real file


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_SAVE_READ_fifo_refused_without_hanging(tmp_path, suffix, form21):
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    with pytest.raises(OgiError) as err:
        read_report(fifo)
    assert "管道" in err.value.message
    with pytest.raises(OgiError) as err:
        write_report(full_report(form21), fifo)
    assert "管道" in err.value.message and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_PDF_font_fifo_skipped(tmp_path):
    from ogi.outputs.pdf.fonts import unusable

    fifo = tmp_path / "simsun.ttf"
    os.mkfifo(fifo)
    assert "管道" in unusable(fifo)


# -- modes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", [0o664, 0o644, 0o640, 0o600, 0o666])
def test_SAVE_keeps_the_old_mode(tmp_path, mode):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    target.chmod(mode)
    atomic_write(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert stat.S_IMODE(backup_path(target).stat().st_mode) == mode


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_SAVE_new_file_follows_umask(tmp_path, mask):
    old = os.umask(mask)
    try:
        atomic_write(tmp_path / "n.json", b"x")
        assert safesave.umask() == mask
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "n.json").stat().st_mode) == 0o666 & ~mask


def test_PDF_keeps_mode(tmp_path, form21):
    from ogi.outputs.pdf.render import write_pdf

    out = tmp_path / "r.pdf"
    out.write_bytes(b"%PDF-old")
    out.chmod(0o664)
    write_pdf(full_report(form21), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o664


# -- truthful messages -----------------------------------------------------------------------
def test_SAVE_backup_name_is_a_folder(tmp_path):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    backup_path(target).mkdir()
    with pytest.raises(OgiError) as err:
        atomic_write(target, b"new")
    assert err.value.code == "BACKUP_FAILED" and "文件夹" in err.value.message and "r.bak.json" in err.value.message
    assert target.read_bytes() == b"old"


def test_SAVE_backup_immutable(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    real = os.replace

    def replace(src, dst):
        if str(dst).endswith(".bak.json"):
            raise PermissionError(errno.EPERM, "Operation not permitted")
        return real(src, dst)

    monkeypatch.setattr(safesave.os, "replace", replace)
    with pytest.raises(OgiError) as err:
        atomic_write(target, b"new")
    assert "不可更改" in err.value.message and "r.bak.json" in err.value.message
    assert target.read_bytes() == b"old" and not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def _chattr(flag: str, *paths) -> bool:
    return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True, check=False).returncode == 0


def test_SAVE_really_immutable_backup_and_target(tmp_path):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    atomic_write(target, b"mid")
    bak = backup_path(target)
    if not _chattr("+i", bak):
        pytest.skip("chattr +i is not permitted here")
    try:
        with pytest.raises(OgiError) as err:
            atomic_write(target, b"new")
        assert "不可更改" in err.value.message and "r.bak.json" in err.value.message and target.read_bytes() == b"mid"
        _chattr("-i", bak)
        _chattr("+i", target)
        with pytest.raises(OgiError) as err:
            atomic_write(target, b"new")
        assert "不可更改" in err.value.message and target.read_bytes() == b"mid"
    finally:
        _chattr("-i", bak, target)


def test_SAVE_read_only_file_system_named(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(safesave, "_read_only_fs", lambda folder: True)
    with pytest.raises(OgiError) as err:
        atomic_write(target, b"new")
    assert "只读" in err.value.message and "权限" not in err.value.message


def test_XLSX_over_long_agency_names_sheet_and_field(tmp_path, form21):
    report = full_report(form21)
    report.meta[report.form.meta_field("agency").id] = "机" * 40000
    with pytest.raises(OgiError) as err:
        write_report(report, tmp_path / "r.xlsx")
    assert "基本信息!B" in err.value.message and "机关" in err.value.message


# -- JSON that Python itself refuses or cannot save ------------------------------------------------
def test_JSON_integer_of_5000_digits_is_one_line(tmp_path):
    path = tmp_path / "r.json"
    path.write_text('{"form": "ogi-2021", "values": {"t3.new.natural": ' + "9" * 5000 + "}}", encoding="utf-8")
    with pytest.raises(OgiError) as err:
        read_report(path)
    assert "数值过大" in err.value.message


def test_JSON_lone_surrogate_replaced_so_save_and_journal_work(tmp_path, form21):
    from ogi.formats.journal import JournalWriter, header, text_entry

    path = tmp_path / "r.json"
    path.write_text('{"form": "ogi-2021", "texts": {"overview": "a\\ud800b\\ud83d\\ude00"}}', encoding="utf-8")
    report = read_report(path)
    assert report.texts["overview"] == "a\ufffdb😀"
    write_report(report, tmp_path / "again.json")
    journal = JournalWriter(tmp_path / "j.jsonl", header("ogi-2021", None))
    journal.append(text_entry("text", "overview", "typed \ud800"))
    journal.close(remove=False)
    assert "typed \ufffd" in (tmp_path / "j.jsonl").read_text(encoding="utf-8")


# -- the command line ---------------------------------------------------------------------------------
def test_CLI_pdf_onto_report_refused(tmp_path, form21):
    source = tmp_path / "报告.json"
    write_report(full_report(form21), source)
    other = tmp_path / "报告.xlsx"
    write_report(full_report(form21), other)
    before = other.read_bytes()
    for out in (other, source):
        got = ogi("pdf", str(source), "-o", str(out))
        assert got.returncode == 2 and got.stderr.count("\n") == 1
    link = tmp_path / "printed.pdf"
    link.symlink_to(other)
    got = ogi("export", str(source), "-o", str(link))
    assert got.returncode == 2 and "链接" in got.stderr
    assert other.read_bytes() == before


def test_CLI_check_into_closed_pipe_is_quiet(tmp_path):
    from tests.conftest import DATA

    proc = subprocess.Popen(
        f"{sys.executable} -m ogi check {DATA / 'seed-2023.json'} | head -1",
        shell=True,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_CLI_cell_text_cannot_forge_lines_or_colours(tmp_path, form21):
    report = full_report(form21)
    report.set_invalid("t3.new.natural", Invalid("\x1b[31m12\n错误\tFORGED\r\x9b2J", "不是数字", "表三!D7"))
    name = tmp_path / ("x\n\x1b[2J" + "长" * 70 + ".xlsx")
    write_report(report, name)
    got = ogi("check", str(name))
    assert "\x1b" not in got.stdout + got.stderr and "\x9b" not in got.stdout
    assert not any(line.startswith("错误\tFORGED") for line in got.stdout.splitlines())
    as_json = ogi("check", "--json", str(name))
    assert "\x1b" not in as_json.stdout and "\x9b" not in as_json.stdout
    assert any("FORGED" in f["message"] for f in __import__("json").loads(as_json.stdout))
    missing = ogi("check", str(tmp_path / ("\x1b[31m" + "长" * 3000 + ".json")))
    assert missing.stderr.count("\n") == 1 and len(missing.stderr) < 400 and "\x1b" not in missing.stderr


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_CLI_shorten_is_one_bounded_line_without_controls(value):
    out = shorten(value, 80)
    assert len(out) <= 80 and "\n" not in out and not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in out)
    assert escape_controls(value) == value or any(
        ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or 0x2028 <= ord(c) <= 0x2069 for c in value
    )
