"""NAR: the figures the narrative states agree with the tables (rule kind ``figures``)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogi.model.checker import Checker
from ogi.model.loader import load_form, load_form_file
from ogi.model.messages import OgiError
from ogi.model.narrative.draft import append_draft, draft_paragraph
from ogi.model.narrative.extract import extract
from ogi.model.narrative.numerals import chinese_number, figure_pattern, figures, fold
from ogi.model.rules.figures import agrees, narrative_spec
from ogi.model.sample import full_report
from tests.tools.narrative_corpus import cases, corpus, flagged, report_for, run, scores, ties

EDITIONS = ("2021", "2019")


def spec(edition: str):
    return narrative_spec(load_form(f"ogi-{edition}"))[1]


# -- the corpus ---------------------------------------------------------------------------
def test_NAR_corpus_is_balanced_and_covers_the_hard_cases():
    every = corpus()["cases"]
    kinds = [c["kind"] for c in every]
    assert len(every) >= 60 and kinds.count("agree") >= 30 and kinds.count("disagree") >= 30
    texts = "".join(c["text"] for c in every)
    for needle in (
        "二十一件",
        "１５件",
        "1,234件",
        "元",
        "万元",
        "〔2021〕30号",
        "第二十条第（一）项",
        "0513-",
        "http://",
        "同比",
    ):
        assert needle in texts, needle
    assert sum(len(c["ties"]) >= 3 for c in every) >= 5  # several figures in one sentence


@pytest.mark.parametrize("edition", EDITIONS)
def test_NAR_corpus_ties_and_flags_exactly_what_it_should(edition):
    wrong = [
        (c["text"], found, c["ties"], got, c["wrong"])
        for c, found, got in run(edition)
        if found != c["ties"] or sorted(got) != sorted(c["wrong"])
    ]
    assert not wrong


@pytest.mark.parametrize("edition", EDITIONS)
def test_NAR_no_false_alarm_and_full_recall_on_the_corpus(edition):
    results = run(edition)
    assert all(not got for c, _, got in results if c["kind"] != "disagree")
    precision, recall, tp, fp, fn = scores(results)
    assert (fp, fn) == (0, 0) and tp >= 30 and precision == recall == 1.0


@pytest.mark.parametrize("edition", EDITIONS)
def test_NAR_every_statement_pattern_is_needed_by_the_corpus(edition):
    """Drop any one statement of the form's data and some sentence of the corpus is tied differently."""
    full = spec(edition)
    expected = {c["text"]: c["ties"] for c in cases(edition)}
    for statement in full.statements:
        fewer = dataclasses.replace(full, statements=tuple(s for s in full.statements if s is not statement), memo={})
        assert any(ties(fewer, text) != want for text, want in expected.items()), statement.id


@pytest.mark.parametrize("edition", EDITIONS)
def test_NAR_change_and_ignore_patterns_are_needed(edition):
    full = spec(edition)
    expected = {c["text"]: c["ties"] for c in cases(edition)}
    changes = full.changes
    for field in ("reference", "up", "down", "flat"):
        never = dataclasses.replace(changes, **{field: __import__("re").compile("(?!)")})
        fewer = dataclasses.replace(full, changes=never, memo={})
        assert any(ties(fewer, t) != want for t, want in expected.items()), field
    loose = dataclasses.replace(full, ignore=None, memo={})
    report = report_for(edition, corpus()["tables"][edition])
    assert ties(loose, "对收到的申请均在15个工作日内予以答复。") == ["done"]
    assert ties(full, "对收到的申请均在15个工作日内予以答复。") == []
    assert flagged(report, None, "对收到的申请均在15个工作日内予以答复。") == []


# -- numerals: each part of the figure pattern ---------------------------------------------
PATTERN = figure_pattern(["件", "万元", "元", "个", "项", "%"])


@pytest.mark.parametrize(
    ("written", "value", "unit"),
    [
        ("１２件", 12, "件"),
        ("1,234件", 1234, "件"),
        ("二十一件", 21, "件"),
        ("一万二千件", 12000, "件"),
        ("0.5万元", Decimal("0.5"), "万元"),
        ("3000元", 3000, "元"),
        ("十二 件", 12, "件"),
        ("15.5%", Decimal("15.5"), "%"),
        ("两项", 2, "项"),
    ],
)
def test_NAR_figures_are_read_in_every_spelling(written, value, unit):
    found = figures(fold("共" + written + "。"), PATTERN)
    assert [(f.value, f.unit) for f in found] == [(value, unit)]


@pytest.mark.parametrize(
    "text",
    [
        "第二十件",
        "第（一）项",
        "(一)项",
        "〔2021〕30号",
        "[3]项",
        "xxgk/12件",
        "0513-12件",
        "v2.3件",
        "a12件",
        "1:2件",
        "x_3件",
        "2023年1月8日",
        "电话0513-82123456",
        "http://a.gov.cn/12",
        "三类内部事务信息",
        "二〇二一年",
        "二一件",
    ],
)
def test_NAR_what_is_no_figure(text):
    assert figures(fold(text), PATTERN) == []


def _cn(n: int) -> str:
    """Write n (< 10^8) in Chinese numerals, the way a clerk would (「一百零五」, 「十二」)."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def below(k: int, lead: bool) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = k // unit % 10
            if d == 0:
                zero = bool(out)
                continue
            out += ("零" if zero else "") + ("" if (d == 1 and unit == 10 and not out and lead) else digits[d]) + name
            zero = False
        return out

    high, low = divmod(n, 10000)
    if not high:
        return below(low, True)
    return below(high, True) + "万" + ("零" if 0 < low < 1000 else "") + below(low, False)


@given(st.integers(0, 99_999_999))
def test_NAR_chinese_numerals_round_trip(n):
    assert chinese_number(_cn(n)) == n


@given(st.integers(0, 10**9), st.booleans(), st.booleans())
def test_NAR_arabic_figures_with_separators_and_full_width(n, grouped, wide):
    written = f"{n:,}" if grouped else str(n)
    if wide:
        written = written.translate({ord(str(d)): chr(0xFF10 + d) for d in range(10)})
    found = figures(fold(f"收到申请{written}件。"), PATTERN)
    assert [f.value for f in found] == [n]


NOISE = [
    "2023年1月8日，",
    "根据国办公开办函〔2021〕30号，",
    "依据第二十条第（一）项，",
    "咨询电话0513-82123456，",
    "详见http://www.example.gov.cn/xxgk/123.html，",
    "办理市长信箱12件，",
    "主动公开信息1234条，",
]


@settings(max_examples=60)
@given(st.sampled_from([c for c in cases("2021") if c["kind"] == "agree"]), st.lists(st.sampled_from(NOISE), max_size=3))
def test_NAR_noise_never_makes_an_agreeing_sentence_disagree(case, noise):
    report = report_for("2021", corpus()["tables"]["2021"])
    previous = report_for("2021", corpus()["previous"])
    assert flagged(report, previous, "".join(noise) + case["text"]) == []


# -- findings --------------------------------------------------------------------------------
@pytest.fixture()
def r21():
    return report_for("2021", corpus()["tables"]["2021"])


def test_NAR_finding_names_section_sentence_figure_table_and_cell(r21):
    r21.texts = {"overview": "2023年，全年共收到政府信息公开申请75件，办结21件。"}
    found = [f for f in Checker(r21).findings() if f.rule == "X-1"]
    assert [f.message for f in found] == [
        "一、总体情况：“全年共收到政府信息公开申请75件”，表三 一、本年新收政府信息公开申请数量 · 总计 为 21"
    ]
    f = found[0]
    assert (f.severity, f.section, f.flagged, f.reported, f.computed) == ("warning", "overview", ("t3.new.total",), 75, 21)
    assert r21.texts["overview"][slice(*f.span)] == "75件"


def test_NAR_fee_in_yuan_compared_with_wan_yuan(r21):
    r21.texts = {"other": "本年度收取行政事业性收费5000元。"}
    (f,) = [f for f in Checker(r21).findings() if f.rule == "X-1"]
    assert (
        f.message
        == "六、其他需要报告的事项：“本年度收取行政事业性收费5000元”，表二 行政事业性收费 · 本年收费金额（单位：万元） 为 0.3万元"
    )


@pytest.mark.parametrize(
    ("stated", "table", "ok"),
    [
        ("3000", "0.3", True),
        ("1.23", "1.2345", True),
        ("1.23", "1.235", False),
        ("1.234567", "1.2346", True),
        ("21", "21", True),
        ("20", "21", False),
        ("0", "0.3", False),
        ("0", "0", True),
        ("12", "12.3456", True),
    ],
)
def test_NAR_agreement_to_the_precision_of_both(stated, table, ok):
    factor = Decimal("0.0001") if stated == "3000" else 1
    assert agrees(Decimal(stated) * factor, Decimal(table), 4) is ok


def test_NAR_blank_cell_is_incomplete_not_disagreement(form21):
    from ogi.model.report import Report

    report = Report(form21)
    report.texts = {"overview": "全年共收到政府信息公开申请75件。"}
    (f,) = [f for f in Checker(report).findings() if f.rule == "X-1"]
    assert f.severity == "incomplete" and "暂无法核对" in f.message and f.missing == ("t3.new.total",)


def test_NAR_the_same_figure_stated_twice_gives_two_keys_and_notes_stay(r21):
    r21.texts = {
        "overview": "全年共收到政府信息公开申请75件。",
        "problems": "如前所述，共收到政府信息公开申请75件，收到政府信息公开申请75件。",
    }
    keys = [f.key for f in Checker(r21).findings() if f.rule == "X-1"]
    assert keys == ["X-1/overview/new/75", "X-1/problems/new/75", "X-1/problems/new/75#2"]
    r21.notes["X-1/overview/new/75"] = "75件含来信转办，已核实"
    r21.texts["overview"] = "一是完善制度。" + r21.texts["overview"]  # unrelated editing keeps the key (and the note)
    assert "X-1/overview/new/75" in [f.key for f in Checker(r21).findings()]


def test_NAR_year_on_year_only_with_last_years_report(r21):
    previous = report_for("2021", corpus()["previous"])
    r21.texts = {"overview": "收到政府信息公开申请21件，较上年增加6件。"}
    assert [f for f in Checker(r21).findings() if f.rule == "X-1"] == []
    (f,) = [f for f in Checker(r21, previous).findings() if f.rule == "X-1"]
    assert (
        f.message
        == "一、总体情况：“较上年增加6件”，表三 一、本年新收政府信息公开申请数量 · 总计 本年 21、上年 16 为 较上年增加 5"
    )


def test_NAR_incremental_recheck_on_text_and_cells(r21):
    checker = Checker(r21)
    r21.texts["overview"] = "全年共收到政府信息公开申请21件。"
    checker.texts_changed()
    assert not [f for f in checker.findings() if f.rule == "X-1"]
    checker.set_value("t3.new.natural", 21)
    assert [f.key for f in checker.findings() if f.rule == "X-1"] == ["X-1/overview/new/21"]
    assert [f.key for f in checker.findings()] == [f.key for f in Checker(r21).findings()]


# -- the drafted paragraph ---------------------------------------------------------------------
@settings(max_examples=20, deadline=None)
@given(st.sampled_from(EDITIONS), st.integers(0, 10_000))
def test_NAR_draft_checks_clean_and_ties_every_figure(edition, seed):
    report = full_report(load_form(f"ogi-{edition}"), seed=seed)
    paragraph = draft_paragraph(report)
    report.texts = {}
    append_draft(report, paragraph)
    assert not [f for f in Checker(report).findings() if f.rule == "X-1"]
    found = extract(spec(edition), paragraph)
    every = paragraph.count("件") - paragraph.count("文件") + paragraph.count("万元")  # 「文件」 is no figure
    assert len(found.mentions) == len(figures(fold(paragraph), spec(edition).figure)) == every
    assert {m.statement.id for m in found.mentions} >= {"new", "done", "carried_over", "review", "suit"}
    report.set("t3.new.natural", report.value("t3.new.natural") + 1)
    assert [f.key.split("/")[2] for f in Checker(report).findings() if f.rule == "X-1"] == ["new", "new_natural"]


def test_NAR_draft_refuses_while_cells_are_blank(seed):
    with pytest.raises(OgiError) as err:
        draft_paragraph(seed, file="seed.json")
    assert err.value.code == "DRAFT_BLANK" and "seed.json" in str(err.value)


# -- the data is validated when the form loads ---------------------------------------------------
def _broken(tmp_path: Path, change) -> OgiError:
    data = json.loads((Path(load_form("ogi-2021").source)).read_text(encoding="utf-8"))
    rule = next(r for r in data["rules"] if r["kind"] == "figures")
    change(rule)
    path = tmp_path / "ogi-2021.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(OgiError) as err:
        load_form_file(path)
    return err.value


@pytest.mark.parametrize(
    ("change", "code", "word"),
    [
        (lambda r: r["statements"][0].update(label="(收到"), "FORM_BAD_VALUE", "正则"),
        (lambda r: r["statements"][0].update(typo=1), "FORM_UNKNOWN_KEY", "typo"),
        (lambda r: r["statements"][0].update(cells=["t3.nope.total"]), "FORM_MISSING_CELL", "t3.nope.total"),
        (lambda r: r["statements"][0].update(cells=["t3.new.total", "t2.fees.amount"]), "FORM_BAD_VALUE", "类型"),
        (lambda r: r["statements"][1].update(parent=["nobody"]), "FORM_BAD_VALUE", "nobody"),
        (lambda r: r["statements"][1].update(id="new"), "FORM_DUPLICATE_ID", "new"),
        (lambda r: r["units"].update({"件": "zero"}), "FORM_BAD_VALUE", "折算"),
        (lambda r: r.update(draft="共{nobody}件"), "FORM_BAD_VALUE", "nobody"),
        (lambda r: r.update(message="{place}{plcae}"), "FORM_BAD_VALUE", "plcae"),
        (lambda r: r.update(sections=["t3"]), "FORM_MISSING_CELL", "t3"),
        (lambda r: r["changes"].pop("flat"), "FORM_MISSING_KEY", "flat"),
        (lambda r: r.update(ignore="("), "FORM_BAD_VALUE", "ignore"),
    ],
)
def test_NAR_broken_statement_data_is_refused_naming_the_key(tmp_path, change, code, word):
    err = _broken(tmp_path, change)
    assert err.code == code and word in str(err) and "ogi-2021.json" in str(err)


# -- the command line ----------------------------------------------------------------------------
def test_NAR_cli_draft_prints_and_saves_a_copy_that_checks_clean(tmp_path, form21):
    from ogi.formats.jsonfile import read, write
    from tests.test_cli import ogi

    source, target = tmp_path / "r.json", tmp_path / "r-draft.json"
    report = full_report(form21, seed=5)
    write(report, source)
    done = ogi("draft", str(source), "-o", str(target))
    assert done.returncode == 0 and done.stdout.strip() == draft_paragraph(report)
    saved = read(target)
    assert saved.texts["overview"].endswith(done.stdout.strip()) and saved.texts["overview"].startswith(report.texts["overview"])
    assert ogi("check", str(target)).returncode == 0
    assert not [f for f in Checker(saved).findings() if f.rule == "X-1"]


def test_NAR_cli_draft_names_blank_cells(seed):
    from tests.conftest import DATA
    from tests.test_cli import ogi

    done = ogi("draft", str(DATA / "seed-2023.json"))
    assert done.returncode == 2 and "表格尚未填完" in done.stderr and "seed-2023.json" in done.stderr
