"""IMP: 表四 split into one small table per column group (PDF converters) reads by the groups' names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ogi.importers.text import import_text

HEAD = "# 某县人民政府 2025 年 政府信息公开工作年度报告\n\n## 四、政府信息公开行政复议、行政诉讼情况\n"
COLUMNS = {"结果维持": "upheld", "结果纠正": "corrected", "其他结果": "other", "尚未审结": "pending", "总计": "total"}
GROUPS = {"行政复议": "review", "行政诉讼（未经复议直接起诉）": "direct_suit", "行政诉讼（复议后起诉）": "suit_after_review"}


def _group(name: str, header: list[str], values: list[int]) -> str:
    rule = "|".join("---" for _ in header)
    return f"### {name}\n| {' | '.join(header)} |\n|{rule}|\n| {' | '.join(map(str, values))} |\n"


def _text(parts: list[tuple[str, list[str], list[int]]]) -> str:
    return HEAD + "".join(_group(*part) for part in parts) + "\n## 五、存在的主要问题及改进情况\n无。\n"


orders = st.permutations(list(COLUMNS))
numbers = st.lists(st.integers(0, 99999), min_size=5, max_size=5)


@given(st.lists(st.tuples(orders, numbers), min_size=3, max_size=3))
def test_IMP_split_table4_values_go_to_the_columns_their_header_names(groups):
    parts = [(name, header, values) for name, (header, values) in zip(GROUPS, groups, strict=True)]
    result = import_text(_text(parts))
    got = result.report.stored_values()
    for name, header, values in parts:
        for label, value in zip(header, values, strict=True):
            assert got[f"t4.{GROUPS[name]}.{COLUMNS[label]}"] == value
    assert not [n for n in result.reading.notes if n.startswith("表四")]


def test_IMP_split_table4_with_a_group_missing_reads_nothing_of_it():
    header = list(COLUMNS)
    parts = [("行政复议", header, [1, 2, 3, 4, 10]), ("行政诉讼（复议后起诉）", header, [1, 0, 0, 0, 1])]
    result = import_text(_text(parts))
    assert not any(c.startswith("t4.") for c in result.report.stored_values())
    assert not result.complete and any(n.startswith("表四") for n in result.reading.notes)


def test_IMP_split_table4_header_missing_a_column_is_not_read():
    short = list(COLUMNS)[:4]
    parts = [
        (name, short if name == "行政复议" else list(COLUMNS), [1, 2, 3, 4, 10][: 4 if name == "行政复议" else 5])
        for name in GROUPS
    ]
    result = import_text(_text(parts))
    assert not any(c.startswith("t4.") for c in result.report.stored_values())
