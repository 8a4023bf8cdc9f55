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


BROKEN = "行政复议行政诉讼\n未经复议直接起诉复议后起诉\n结果结果其他尚未\n总计\n维持纠正结果审结维持纠正结果审结\n"


def _broken(header: str, rows: list[list[int]]) -> str:
    lines = ["| 维持 | 纠正 | 结果 | 审结 |", "|---|---|---|---|"]
    for row in rows:
        lines += ["| " + " | ".join(map(str, row)) + " |", "|" + "---|" * len(row)]
    return HEAD + header + "\n".join(lines) + "\n\n## 五、存在的主要问题及改进情况\n无。\n"


def _t4(values) -> dict[str, int]:
    return {k: v for k, v in values.items() if k.startswith("t4.")}


@given(st.lists(st.integers(0, 99999), min_size=15, max_size=15))
def test_IMP_table4_row_under_a_broken_standard_header_reads_in_form_order(row):
    values = import_text(_broken(BROKEN, [row])).report.stored_values()
    cells = [f"t4.{g}.{c}" for g in GROUPS.values() for c in COLUMNS.values()]
    assert [values[c] for c in cells] == row


def test_IMP_table4_broken_header_not_naming_the_groups_in_order_reads_nothing():
    swapped = BROKEN.replace("未经复议直接起诉复议后起诉", "复议后起诉未经复议直接起诉")
    assert _t4(import_text(_broken(swapped, [[1] * 15])).report.stored_values()) == {}


def test_IMP_table4_broken_header_with_two_value_rows_reads_nothing():
    assert _t4(import_text(_broken(BROKEN, [[1] * 15, [2] * 15])).report.stored_values()) == {}
