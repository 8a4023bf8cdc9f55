"""CLI-CONVERT: `ogi convert IN OUT` between .json and .xlsx, by extension, in a real child process."""

from __future__ import annotations

from ogi.formats import read_report, write_report
from ogi.formats.jsonfile import dumps
from ogi.model.report import Invalid
from ogi.model.sample import full_report
from tests.conftest import DATA
from tests.tools.cli import ogi


def test_CLI_CONVERT_json_to_xlsx_and_back(tmp_path):
    xlsx, back = tmp_path / "年报.xlsx", tmp_path / "back.json"
    out = ogi("convert", str(DATA / "seed-2023.json"), str(xlsx))
    assert out.returncode == 0 and "年报.xlsx" in out.stdout, out.stderr
    assert ogi("convert", str(xlsx), str(back)).returncode == 0
    seed = read_report(DATA / "seed-2023.json")
    assert read_report(xlsx) == seed and dumps(read_report(back)) == dumps(seed)
    assert ogi("check", str(xlsx)).returncode == 0  # `ogi check` reads workbooks through the plug-in


def test_CLI_CONVERT_failures_exit_2_one_line(tmp_path, form21):
    report = full_report(form21)
    report.set_invalid("t3.new.natural", Invalid("十二", "不是数字", "表三!D5"))
    write_report(report, tmp_path / "bad.xlsx")
    (tmp_path / "old.xlsx").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    cases = [
        (tmp_path / "missing.json", tmp_path / "x.xlsx", "不存在"),
        (DATA / "seed-2023.json", tmp_path / "x.docx", "不支持"),
        (tmp_path / "old.xlsx", tmp_path / "x.json", "97-2003"),
        (tmp_path / "bad.xlsx", tmp_path / "x.json", "表三!D5"),  # JSON cannot keep unreadable text
        (DATA / "seed-2023.json", tmp_path / "no-folder" / "x.xlsx", "文件夹不存在"),
    ]
    for source, target, needle in cases:
        out = ogi("convert", str(source), str(target))
        assert out.returncode == 2 and out.stdout == "" and needle in out.stderr, (source, out.stderr)
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
        assert not target.exists()
