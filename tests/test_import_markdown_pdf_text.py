"""IMP: text written by PDF/Word converters (Markdown tables, 「label value」 lines) reads without guessing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ogi.importers.labels import is_heading
from ogi.importers.text import import_text, tokenize

ROW = "| 一、本年新收政府信息公开申请数量 | 705 | 3 | 0 | 0 | 5 | 0 | 713 |"
HEAD = "\n".join(["# 某县人民政府 2025 年 政府信息公开工作年度报告", "", "## 三、收到和处理政府信息公开申请情况"])


def test_IMP_markdown_heading_marks_and_delimiter_rows_are_not_cells():
    tokens = [t.text.strip() for t in tokenize("# 标题\n| 信息内容 | 数量 |\n|---|---|\n| 规章 | 3 |\n")]
    assert tokens == ["标题", "信息内容", "数量", "规章", "3"]


def test_IMP_lone_dashes_stay_published_blanks():
    assert [t.text for t in tokenize("规章\n---\n")] == ["规章", "---"]
    assert [t.text.strip() for t in tokenize("| a | b |\n|---|---|\n| - | - |\n")][-2:] == ["-", "-"]


def test_IMP_markdown_row_label_repeated_as_heading_reads_from_the_row():
    text = (
        HEAD + "\n### 一、本年新收政府信息公开申请数量\n| 类别 | 数据1 | 总计 |\n|---|---|---|\n" + ROW.replace("一、", "") + "\n"
    )
    values = import_text(text).report.stored_values()
    assert values["t3.new.natural"] == 705 and values["t3.new.total"] == 713


def test_IMP_detached_label_never_takes_the_next_rows_values():
    text = HEAD + "\n| a | b |\n|---|---|\n1.本机关不掌握相关政\n府信息\n| 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
    result = import_text(text)
    assert not any(c.startswith("t3.unable.1") for c in result.report.stored_values())
    assert any("1.本机关不掌握相关政府信息" in n for n in result.reading.notes)


@given(st.lists(st.integers(0, 99999), min_size=7, max_size=7))
def test_IMP_label_then_values_line_from_pdf_text(numbers):
    line = "二、上年结转政府信息公开申请数量 " + " ".join(map(str, numbers))
    values = import_text(HEAD + "\n" + line + "\n").report.stored_values()
    assert [
        values[f"t3.carried_in.{c}"] for c in ("natural", "business", "research", "charity", "legal", "other", "total")
    ] == numbers


def test_IMP_sentence_ending_in_a_number_places_nothing():
    values = import_text(HEAD + "\n全年收到政府信息公开申请 34\n").report.stored_values()
    assert values == {}


def test_IMP_year_first_title():
    result = import_text("2024 年上海市科委政府信息公开工作\n年度报告\n一、总体情况\n正文。\n")
    assert (result.report.meta.get("agency"), result.report.meta.get("year")) == ("上海市科委", "2024")


def test_IMP_renumbered_heading_only_with_the_whole_title():
    assert is_heading("三、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况")
    assert is_heading("五、政府信息公开工作存在的主要问题及改进情况", "五、存在的主要问题及改进情况")
    assert not is_heading("三、主动公开工作情况", "二、主动公开政府信息情况")
    assert not is_heading("四、政府信息公开申请情况", "三、收到和处理政府信息公开申请情况")
