"""XLSX: numbers and texts changed in Excel/WPS come back through the value parser and the rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from ogi.formats import read_report, write_report
from ogi.formats.xlsx.identity import SHEET, from_rows
from ogi.model.checker import Checker
from ogi.model.sample import full_report


@pytest.fixture()
def saved(tmp_path, form21):
    report = full_report(form21)
    report.set("t3.new.total", report.value("t3.new.total"))  # entered
    path = tmp_path / "r.xlsx"
    write_report(report, path)
    return report, path


def where(path, cell_id: str) -> tuple[str, str]:
    """Sheet and address of a cell id, from the workbook's own identity record."""
    wb = openpyxl.load_workbook(path)
    place = from_rows(list(wb[SHEET].iter_rows(values_only=True)), path).cells[cell_id]
    return place[0], place[1]


def edit(path, changes: dict[str, object]) -> None:
    """Change cells as a clerk would in Excel (openpyxl stands in for Excel here)."""
    places = {cell_id: where(path, cell_id) for cell_id in changes}
    wb = openpyxl.load_workbook(path)
    for cell_id, value in changes.items():
        sheet, address = places[cell_id]
        wb[sheet][address].value = value
    wb.save(path)


@pytest.mark.parametrize(
    "typed,expected",
    [("12", 12), ("１２", 12), ("1,234", 1234), (" 7 件", 7), (12.0, 12), (0, 0), (None, None), ("", None)],
)
def test_EDIT_readable_values(saved, typed, expected):
    _, path = saved
    edit(path, {"t3.new.natural": typed})
    again = read_report(path)
    assert again.stored("t3.new.natural") == expected and not again.invalid


@pytest.mark.parametrize(
    "typed,shown,reason",
    [
        (-3, "-3", "负数"),
        ("abc", "abc", "不是数字"),
        ("12.5", "12.5", "整数"),
        (12.5, "12.5", "整数"),
        (dt.datetime(2024, 1, 8), "2024-01-08", "日期"),
        ("=1+2", "=1+2", "公式"),
        (True, "TRUE", "不是数字"),
    ],
)
def test_EDIT_unreadable_values_kept_with_address(saved, typed, shown, reason):
    _, path = saved
    edit(path, {"t3.new.natural": typed})
    again = read_report(path)
    bad = again.invalid["t3.new.natural"]
    sheet, address = where(path, "t3.new.natural")
    assert bad.text == shown and reason in bad.reason and bad.source == f"{sheet}!{address}" == "表三!D5"
    v1 = [f for f in Checker(again).findings() if f.rule == "V-1"]
    assert len(v1) == 1 and "表三!D5" in v1[0].message and shown in v1[0].message


def test_EDIT_changed_computed_total_becomes_entered(saved):
    report, path = saved
    wrong = report.value("t3.carried_in.total") + 5
    edit(path, {"t3.carried_in.total": wrong})
    again = read_report(path)
    assert again.is_entered_total("t3.carried_in.total") and again.value("t3.carried_in.total") == wrong
    errors = [f for f in Checker(again).findings() if f.severity == "error"]
    assert any("t3.carried_in.total" in f.cells and f.rule == "T3-3" for f in errors)


def test_EDIT_untouched_total_stays_automatic_and_follows_parts(saved):
    report, path = saved
    edit(path, {"t3.carried_in.natural": report.value("t3.carried_in.natural") + 1})
    again = read_report(path)
    assert not again.is_entered_total("t3.carried_in.total")
    assert again.value("t3.carried_in.total") == report.value("t3.carried_in.total") + 1


def test_EDIT_cleared_entered_total_returns_to_automatic(saved):
    report, path = saved
    edit(path, {"t3.new.total": None})
    again = read_report(path)
    assert not again.is_entered_total("t3.new.total") and again.value("t3.new.total") == report.value("t3.new.total")


def test_EDIT_amount_typed_as_text(saved):
    _, path = saved
    edit(path, {"t2.fees.amount": "1,234.50万元"})
    assert read_report(path).value("t2.fees.amount") == Decimal("1234.5")


def test_EDIT_fixed_invalid_cell_reads_as_value(tmp_path, form21):
    from ogi.model.report import Invalid

    report = full_report(form21)
    report.set_invalid("t4.review.upheld", Invalid("三", "不是数字", ""))
    path = tmp_path / "r.xlsx"
    write_report(report, path)
    assert read_report(path).invalid["t4.review.upheld"] == Invalid("三", "不是数字", "")
    edit(path, {"t4.review.upheld": 3})
    again = read_report(path)
    assert again.stored("t4.review.upheld") == 3 and not again.invalid


def test_EDIT_texts_and_meta_typed_in_excel(saved):
    _, path = saved
    wb = openpyxl.load_workbook(path)
    meta, body = wb["基本信息"], wb["正文"]
    meta["B3"].value = 2023  # 报告年度 typed as a number
    meta["B4"].value = dt.datetime(2024, 1, 8)  # 成文日期 typed as a date
    body["A2"].value = "=改写后的总体情况"
    wb.save(path)
    again = read_report(path)
    assert again.meta["year"] == "2023" and again.meta["date"] == "2024-01-08"
    assert again.texts["overview"] == "=改写后的总体情况"
