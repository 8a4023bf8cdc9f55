"""Value shapes of real published reports: 6-decimal 万元 fees, blank marks, figures in the other unit."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ogi.formats import read_report, write_report
from ogi.model.report import Report
from ogi.model.values import format_number, parse

FEE = "t2.fees.amount"


@given(yuan_fen=st.integers(0, 10**9 * 100 - 1))
def test_VAL_fee_in_wanyuan_to_the_fen_is_exact(form21, yuan_fen):
    """元 to the fen divided by 10,000 has at most 6 places: accepted and printed as given."""
    typed = format(Decimal(yuan_fen).scaleb(-6), "f")
    got = parse(typed, form21.types["amount"])
    assert got.ok and format_number(got.value) == typed


@pytest.mark.parametrize("typed", ["1234.567891", "１２３４．５６７８９１", "1,234.567891", "1234.567891万元", "0.000100"])
def test_VAL_published_fee_spellings(form21, typed):
    got = parse(typed, form21.types["amount"])
    assert got.ok and got.value == Decimal(typed.replace("万元", "").replace(",", "").translate(_FULL))


_FULL = str.maketrans("１２３４５６７８９０．", "1234567890.")


@pytest.mark.parametrize("mark", ["/", "／", "-", "—", "－", "无", "\\"])
def test_VAL_blank_marks_refused_with_what_to_type(form21, mark):
    got = parse(mark, form21.types["count"])
    assert not got.ok and "填 0" in got.error and "留空" in got.error


def test_VAL_fee_in_yuan_names_the_wanyuan_figure(form21, form19):
    assert parse("251000元", form21.types["amount"]).error == "本栏以万元为单位，请填 25.1"
    assert parse("12,345.67元", form21.types["amount"]).error.endswith("1.234567")
    assert parse("25.1万元", form19.types["money"]).error == "本栏以元为单位，请填 251000"


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_VAL_six_places_survive_save_and_load(tmp_path, form21, suffix):
    report = Report(form21)
    report.set(FEE, Decimal("1234.560000"))
    path = tmp_path / f"r{suffix}"
    write_report(report, path)
    again = read_report(path)
    assert format_number(again.value(FEE)) == "1234.560000" and not again.invalid
