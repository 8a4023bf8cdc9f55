"""Every rule of both editions, by tiny inline cases named after the rule ids."""

from __future__ import annotations

import pytest

from ogi.model.checker import Checker
from ogi.model.report import Invalid, Report
from ogi.model.rules import evaluate
from ogi.model.sample import full_report

APPLICANTS = ["natural", "business", "research", "charity", "legal", "other"]


def report_with(form, values: dict, **extra) -> Report:
    r = full_report(form, seed=1)
    for cell, value in values.items():
        r.set(cell, value)
    for key, value in extra.items():
        getattr(r, key).update(value)
    return r


def by_rule(report: Report, rule: str, previous: Report | None = None):
    return [f for f in Checker(report, previous).findings() if f.rule == rule]


@pytest.fixture(params=["form21", "form19"])
def form(request):
    return request.getfixturevalue(request.param)


def test_full_sample_has_no_findings(form):
    assert Checker(full_report(form, seed=7)).findings() == []


def test_T3_1_balance_per_column(form):
    r = full_report(form, seed=2)
    r.set("t3.carried_over.natural", r.value("t3.carried_over.natural") + 3)
    found = by_rule(r, "T3-1")
    assert [f.key for f in found] == ["T3-1/natural", "T3-1/total"]
    assert found[0].delta == -3 and "表三 自然人" in found[0].message and "相差 3" in found[0].message


def test_T3_2_items_sum_to_total_row(form):
    r = full_report(form, seed=2)
    computed = r.value("t3.total.natural")
    r.set("t3.total.natural", computed + 6)  # an entered total that disagrees
    found = by_rule(r, "T3-2")
    assert [f.key for f in found] == ["T3-2/natural"]
    f = found[0]
    assert f.culprit == "t3.total.natural"  # its row (七)总计 fails by the same amount
    assert (f.reported, f.computed, f.delta) == (computed + 6, computed, 6)
    assert f.message.startswith(f"表三 （七）总计 · 自然人：填报 {computed + 6}，（一）至（六）各项之和 {computed}，相差 6")


def test_T3_2_counts_every_item_of_the_edition(form21, form19):
    inst21 = next(i for i in form21.instances if i.key == "T3-2/natural")
    inst19 = next(i for i in form19.instances if i.key == "T3-2/natural")
    assert len(inst21.parts) == 21 and len(inst19.parts) == 19
    assert "t3.other.3.natural" in inst21.parts and "t3.other.natural" in inst19.parts


def test_T3_3_applicant_columns_sum_to_total_column(form):
    r = full_report(form, seed=2)
    r.set("t3.new.total", r.computed("t3.new.total") - 1)
    assert [f.key for f in by_rule(r, "T3-3")] == ["T3-3/new"]


def test_T4_1_each_group(form):
    r = full_report(form, seed=2)
    for group in ("review", "direct_suit", "suit_after_review"):
        r.set(f"t4.{group}.total", r.computed(f"t4.{group}.total") + 1)
    found = by_rule(r, "T4-1")
    assert [f.place for f in found] == ["表四 行政复议 总计", "表四 未经复议直接起诉 总计", "表四 复议后起诉 总计"]


def test_T3_5_carry_over_from_last_year(form21, form19):
    last = full_report(form19, seed=4, year=2020)
    this = full_report(form21, seed=5, year=2021)
    assert by_rule(this, "T3-5") == []  # no previous report given: nothing to compare
    found = by_rule(this, "T3-5", last)
    differing = [c for c in [*APPLICANTS, "total"] if this.value(f"t3.carried_in.{c}") != last.value(f"t3.carried_over.{c}")]
    assert [f.key for f in found] == [f"T3-5/{c}" for c in differing] and differing
    assert all(f.severity == "warning" for f in found)


def test_V_1_unreadable_cell_is_an_error_with_its_source(form21):
    r = full_report(form21)
    r.set_invalid("t3.new.natural", Invalid("十二", "不是数字", "表三!D7"))
    (f,) = by_rule(r, "V-1")
    assert f.severity == "error" and "表三!D7" in f.message and "十二" in f.message


def test_C_1_completeness_separate_from_arithmetic(form21):
    r = Report(form21)
    found = by_rule(r, "C-1")
    places = [f.place for f in found]
    assert places[0] == "表二 第二十条第（一）项" and places[-2:] == ["表三", "表四"]
    assert len(found[-2].missing) == 175


def test_N_1_narrative_present(form21):
    r = report_with(form21, {}, texts={"problems": "  \n"})
    assert [f.key for f in by_rule(r, "N-1")] == ["N-1/problems"]


@pytest.mark.parametrize("text", ["本年共受理XX件", "ＸＸ单位", "……", "（待补充）", "待填写"])
def test_N_2_placeholders(form21, text):
    r = report_with(form21, {}, texts={"overview": text})
    assert [f.key for f in by_rule(r, "N-2")] == ["N-2/overview"]


def test_M_1_required_metadata(form21):
    r = full_report(form21)
    r.meta.pop("agency")
    assert [f.place for f in by_rule(r, "M-1")] == ["机关全称"]


def test_M_2_metadata_formats(form21):
    r = report_with(form21, {}, meta={"year": "二〇二三", "date": "明年一月"})
    assert [f.place for f in by_rule(r, "M-2")] == ["报告年度", "成文日期"]


@pytest.mark.parametrize("date,d1,d2", [("2023-12-30", 1, 0), ("2024-01-08", 0, 0), ("2024-01-31", 0, 0), ("2024-02-01", 0, 1)])
def test_D_1_D_2_date_after_year_and_deadline(form21, date, d1, d2):
    r = report_with(form21, {}, meta={"year": "2023", "date": date})
    assert len(by_rule(r, "D-1")) == d1 and len(by_rule(r, "D-2")) == d2
    if d2:
        assert by_rule(r, "D-2")[0].severity == "warning" and "2024年1月31日" in by_rule(r, "D-2")[0].message


def test_blank_inputs_make_a_rule_incomplete_not_failed(form21):
    r = full_report(form21)
    r.set("t3.granted.natural", None)
    checker = Checker(r)
    inst = next(i for i in form21.instances if i.key == "T3-3/granted")
    (own,) = evaluate(inst, r)
    assert own.severity == "incomplete" and own.missing == ("t3.granted.natural",)
    found = {f.key: f for f in checker.findings()}  # said once, by the table's completeness finding
    assert list(found) == ["C-1/t3"] and "t3.granted.natural" in found["C-1/t3"].missing
    assert all(c in form21.totals for c in set(found["C-1/t3"].missing) - {"t3.granted.natural"})  # totals it blocks
    assert r.value("t3.granted.total") == r.stored("t3.granted.total") is None  # not computed from a blank


def test_culprit_where_row_and_column_totals_cross(form21):
    """A mistyped item: its row total and its column total both fail by the same Δ."""
    r = full_report(form21, seed=9)
    for cell in ("t3.denied.4.total", "t3.total.charity"):
        r.set(cell, r.value(cell))  # the clerk typed these totals
    r.set("t3.denied.4.charity", r.value("t3.denied.4.charity") + 5)
    found = {f.key: f for f in Checker(r).findings() if f.severity == "error"}
    assert set(found) >= {"T3-3/denied.4", "T3-2/charity"}
    for key in ("T3-3/denied.4", "T3-2/charity"):
        assert found[key].culprit == "t3.denied.4.charity"
        assert "最可能出错的单元格：表三 （三）不予公开 4.保护第三方合法权益 · 社会公益组织" in found[key].message


def test_totals_compute_until_entered_and_return_to_automatic(form21):
    r = full_report(form21)
    auto = r.value("t3.new.total")
    assert not r.is_entered_total("t3.new.total")
    r.set("t3.new.total", auto + 1)
    assert r.is_entered_total("t3.new.total") and r.value("t3.new.total") == auto + 1
    r.make_automatic("t3.new.total")
    assert r.value("t3.new.total") == auto and not r.is_entered_total("t3.new.total")


def test_fill_blanks_with_zero(form21, seed):
    filled = seed.fill_blanks()
    assert len(filled) == 144 + 12 and seed.blank_cells() == []  # the six (七)总计 cells compute
    assert all(seed.stored(c) == 0 for c in filled)
    assert seed.is_entered_total("t3.new.total")  # what the clerk typed stays as typed


def test_seed_has_no_arithmetic_failure_and_lists_missing(seed):
    findings = Checker(seed).findings()
    assert [f for f in findings if f.severity != "incomplete"] == []
    c1 = {f.place: f for f in findings if f.rule == "C-1"}
    assert set(c1) == {"表三", "表四"} and len(c1["表三"].missing) == 150
    assert all(seed.form.cells[c].column.path != "total" for c in c1["表三"].missing)


def test_incremental_matches_full_check(form21):
    import random

    rng = random.Random(5)
    r = full_report(form21, seed=5)
    checker = Checker(r)
    cells = list(form21.cells)
    for _ in range(300):
        cell = rng.choice(cells)
        checker.set_value(
            cell, rng.choice([None, 0, 1, rng.randint(0, 50)]) if form21.cells[cell].type.kind == "integer" else None
        )
        if rng.random() < 0.1:
            checker.make_automatic(rng.choice(list(form21.totals)))
    assert checker.findings() == Checker(r.copy()).findings()


def test_T3_5_carried_values_pair_last_years_carry_over(form21, form19):
    from ogi.model.rules import carried_values

    last = full_report(form19, seed=4, year=2020)
    pairs = carried_values(Report(form21), last)
    assert pairs == {f"t3.carried_in.{c}": last.value(f"t3.carried_over.{c}") for c in APPLICANTS}  # 总计 computes


def test_RULE_a_pasted_total_equal_to_its_sum_stays_automatic(form21):
    """Totals in a block entered at once are settled in the core (the window's paste only words it)."""
    from ogi.model.report import Report

    report = Report(form21)
    parts = ["t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending"]
    block = dict.fromkeys(parts, 2) | {"t4.review.total": 8}
    assert report.settle_totals(block)["t4.review.total"] is None  # 8 = 2 + 2 + 2 + 2: automatic
    block["t4.review.total"] = 9
    assert report.settle_totals(block)["t4.review.total"] == 9  # differs: entered as given
    assert all(report.settle_totals(block)[p] == 2 for p in parts)
