"""Findings a clerk can act on: grouped blanks, each place said once, workbook addresses, deadlines by kind."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogi.formats import read_report, write_report
from ogi.model.checker import Checker
from ogi.model.report import Report
from ogi.model.sample import full_report

DATA = Path(__file__).parent / "data"
PUBLISHED = sorted((DATA / "published").glob("*/expected.json"))


def test_reference_report_gives_a_handful_of_grouped_findings():
    found = Checker(read_report(DATA / "seed-2023.json")).findings()
    assert [(f.rule, f.place) for f in found] == [("C-1", "表三"), ("C-1", "表四")]
    assert "只填了总计列" in found[0].message and len(found[0].missing) == 150


@given(columns=st.sets(st.sampled_from(["natural", "business", "research", "charity", "legal", "other"]), min_size=1))
@settings(max_examples=20, deadline=None)
def test_blank_columns_are_one_finding_with_every_cell(form21, columns):
    report = full_report(form21)
    for cell in [c for c in form21.cells.values() if c.table == "t3" and c.column.path in columns]:
        report.set(cell.id, None)
    t3 = [f for f in Checker(report).findings() if f.section == "t3"]
    wanted = {c.id for c in form21.cells.values() if c.table == "t3" and c.column.path in columns}
    assert [f.rule for f in t3] == ["C-1"] and wanted <= set(t3[0].missing)


def test_each_place_said_once(form21):
    report = full_report(form21)
    report.set("t3.total.natural", report.value("t3.total.natural") + 6)
    messages = [f.message for f in Checker(report).findings()]
    assert messages and all(m.split("；最可能")[0].count("（七）总计") <= 1 for m in messages)
    assert all(m.split("；最可能")[0].count("总计填报") == 0 for m in messages)
    balance = next(m for m in messages if m.startswith("表三 自然人列"))
    assert " + " in balance and "相差 6" in balance


def test_every_finding_from_a_workbook_names_its_cells(tmp_path, form21):
    report = full_report(form21)
    report.set("t3.new.natural", report.value("t3.new.natural") + 2)
    report.set("t3.new.total", report.value("t3.new.total"))  # an entered total that no longer adds up
    path = tmp_path / "r.xlsx"
    write_report(report, path)
    found = [f for f in Checker(read_report(path)).findings() if f.section in ("t3", "t4")]
    assert found and all("（工作簿 表三!" in f.message for f in found)


@pytest.mark.parametrize(
    ("kind", "published", "late"),
    [
        ("县级以上人民政府部门", "2024-02-20", True),
        ("县级以上地方人民政府（本级政府）", "2024-03-28", False),
        ("县级以上地方人民政府（本级政府）", "2024-04-02", True),
        ("", "2024-01-30", False),
    ],
)
def test_deadline_follows_the_report_kind(form21, kind, published, late):
    report = full_report(form21)
    report.meta.update(report_kind=kind, date=published, year="2023", agency="南通市海门区住房建设服务中心")
    assert bool([f for f in Checker(report).findings() if f.rule == "D-2"]) is late


def test_area_government_is_implied_by_its_name(form21):
    report = full_report(form21)
    report.meta.update(date="2024-03-20", year="2023", agency="南通市海门区人民政府")
    assert not [f for f in Checker(report).findings() if f.rule in ("D-2", "M-2")]


def test_unknown_report_kind_is_named(form21):
    report = full_report(form21)
    report.meta["report_kind"] = "乡镇"
    (f,) = [f for f in Checker(report).findings() if f.rule == "M-2"]
    assert "县级以上人民政府部门" in f.message and f.field == "report_kind"


@pytest.mark.parametrize("path", PUBLISHED, ids=lambda p: p.parent.name)
def test_published_reports_raise_no_false_alarm(path):
    """Every error or warning on a real report must be a real fact of the text as taken (a partial
    excerpt lacks sections 五/六 and the 成文日期): nothing about its figures, fees or addresses."""
    report = read_report(path)
    found = Checker(report).findings()
    data = json.loads(path.read_text(encoding="utf-8"))
    allowed = {("N-1", s) for s in ("overview", "problems", "other") if not data["texts"].get(s)}
    allowed |= {("M-1", "meta")}
    assert {(f.rule, f.section) for f in found if f.severity != "incomplete"} <= allowed
    parts = sum(len(t.blocks) for t in report.form.tables.values())
    assert len([f for f in found if f.severity == "incomplete"]) <= parts  # at most one per table part


# -- rules real checking uses ------------------------------------------------------------
def _with_last_year(form21, in_force: int, issued: int, repealed: int, last: int):
    report, previous = full_report(form21), full_report(form21, seed=3)
    report.set("t2.normative.in_force", in_force)
    report.set("t2.normative.issued", issued)
    report.set("t2.normative.repealed", repealed)
    previous.set("t2.normative.in_force", last)
    return [f for f in Checker(report, previous).findings() if f.instance == "T2-2/normative"]


@given(last=st.integers(0, 99999), issued=st.integers(0, 999), repealed=st.integers(0, 999))
@settings(max_examples=30, deadline=None)
def test_T2_2_stock_carried_across_years(form21, last, issued, repealed):
    if repealed > last + issued:
        return
    assert _with_last_year(form21, last + issued - repealed, issued, repealed, last) == []
    (f,) = _with_last_year(form21, last + issued - repealed + 3, issued, repealed, last)
    assert f.severity == "warning" and f.flagged == ("t2.normative.in_force",) and "相差 3" in f.message


def test_T2_2_needs_last_years_report(form21):
    report = full_report(form21)
    report.set("t2.normative.in_force", 123456)
    assert not [f for f in Checker(report).findings() if f.rule == "T2-2"]


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("无", True),
        ("无。", True),
        ("暂无", True),
        ("问题较少。", True),
        ("一是公开内容不够全面，二是更新不够及时。下一步将加强培训，完善审核机制。", False),
    ],
)
def test_N_4_section_five_of_only_nothing(form21, text, warned):
    report = full_report(form21)
    report.texts["problems"] = text
    assert bool([f for f in Checker(report).findings() if f.rule == "N-4"]) is warned


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        ("本机关本年度无行政事业性收费。", True),
        ("2023年度未收取任何费用。", True),
        ("本年度未收取信息处理费。", False),
        ("2023年度，县发展和改革局政府信息公开未发生收费情况。", False),
        ("本机关依法向申请人收取信息处理费0元，无其他需要报告的事项。", False),
    ],
)
def test_N_5_fees_in_table_two_but_none_in_section_six(form21, text, warned):
    report = full_report(form21)
    report.set("t2.fees.amount", Decimal("1234.567891"))
    report.texts["other"] = text
    found = [f for f in Checker(report).findings() if f.rule == "N-5"]
    assert bool(found) is warned
    report.set("t2.fees.amount", Decimal(0))
    assert not [f for f in Checker(report).findings() if f.rule == "N-5"]  # re-checked when the cell changes


def test_clean_report_with_a_column_url_and_a_six_decimal_fee(form21):
    report = full_report(form21)
    report.set("t2.fees.amount", Decimal("1234.567891"))
    report.texts["other"] = "本机关政府信息公开专栏：http://www.haimen.gov.cn/hmszjj/xxgk/zfxxgk/ ，邮箱 xxgk@haimen.gov.cn……"
    report.meta.update(year="2023", date="2024-01-20", agency="南通市海门区住房建设服务中心")
    assert Checker(report).findings() == []


def test_a_part_with_two_figures_names_what_was_filled(form21):
    report = Report(form21)
    report.set("t3.new.total", 5)
    report.set("t3.carried_in.total", 0)
    (t3,) = [f for f in Checker(report).findings() if f.section == "t3"]
    assert "只填了一、本年新收政府信息公开申请数量 · 总计、二、上年结转政府信息公开申请数量 · 总计" in t3.message
    assert len(t3.missing) == 173
