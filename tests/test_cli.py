"""CLI: `ogi check` and `ogi forms`, their output and exit codes, in a real child process."""

from __future__ import annotations

import json

from tests.conftest import DATA
from tests.tools.cli import ogi


def test_CLI_seed_checks_clean_with_missing_listed():
    out = ogi("check", str(DATA / "seed-2023.json"))
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines and all(line.startswith("未完成") for line in lines)
    assert any("表三：150 个单元格未填写，只填了总计列" in line for line in lines)
    assert len(lines) == 2  # one line per table part, not one per rule
    assert "0 个错误" in out.stderr


def test_CLI_errors_first_and_exit_1(tmp_path, form21):
    from ogi.formats.jsonfile import write
    from ogi.model.sample import full_report

    r = full_report(form21)
    r.set("t3.total.natural", r.value("t3.total.natural") + 6)
    r.set("t3.new.business", None)
    path = tmp_path / "r.json"
    write(r, path)
    out = ogi("check", str(path))
    assert out.returncode == 1
    severities = [line.split("\t")[0] for line in out.stdout.splitlines()]
    assert severities == sorted(severities, key=["错误", "警告", "未完成"].index) and severities[0] == "错误"
    data = json.loads(ogi("check", "--json", str(path)).stdout)
    assert data[0]["rule"] in ("T3-2", "T3-3") and data[0]["delta"] in (6, -6)


def test_CLI_previous_year_warning_exit_0(tmp_path, form21, form19):
    from ogi.formats.jsonfile import write
    from ogi.model.sample import full_report

    this, last = full_report(form21, seed=1), full_report(form19, seed=2, year=2022)
    write(this, tmp_path / "this.json")
    write(last, tmp_path / "last.json")
    out = ogi("check", str(tmp_path / "this.json"), "--previous", str(tmp_path / "last.json"))
    assert out.returncode == 0 and out.stdout.startswith("警告\tT3-5")


def test_CLI_unreadable_exit_2_one_line(tmp_path):
    for path in (tmp_path / "missing.json", tmp_path, tmp_path / "x.doc"):
        out = ogi("check", str(path))
        assert out.returncode == 2 and out.stdout == ""
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_CLI_forms_lists_editions():
    out = ogi("forms")
    assert out.returncode == 0 and out.stdout.splitlines()[0].startswith("ogi-2021\t")
    assert "ogi-2019" in out.stdout


def test_CLI_previous_of_another_year_and_body_warns(tmp_path):
    """A 2023 report of another body given as last year's report of a 2025 report: two warnings, still checked."""
    from ogi.formats.jsonfile import write
    from ogi.model.loader import load_form
    from ogi.model.sample import full_report

    form = load_form("ogi-2021")
    this, last = full_report(form), full_report(form)
    this.meta.update(year="2025", agency="南通市海门区住房建设服务中心")
    last.meta.update(year="2023", agency="沭阳县发展和改革局")
    write(this, tmp_path / "this.json")
    write(last, tmp_path / "last.json")
    out = ogi("check", str(tmp_path / "this.json"), "--previous", str(tmp_path / "last.json"))
    warnings = [line for line in out.stderr.splitlines() if line.startswith("警告：上年报告")]
    assert len(warnings) == 2 and "2023 年度" in warnings[0] and "沭阳县发展和改革局" in warnings[1]
    last.meta.update(year="2024", agency="南通市海门区 住房建设服务中心")
    write(last, tmp_path / "last.json")
    out = ogi("check", str(tmp_path / "this.json"), "--previous", str(tmp_path / "last.json"))
    assert "警告：上年报告" not in out.stderr
