"""VAL: the one value parser, by a table of inputs as a clerk types or pastes them."""

from decimal import Decimal

import pytest

from ogi.model.values import format_date_cn, format_number, parse, parse_date, parse_year

ACCEPTED = [
    # (typed, count value, amount value)
    ("0", 0, Decimal(0)),
    ("１２３", 123, Decimal(123)),
    ("1,234", 1234, Decimal(1234)),
    ("1，234", 1234, Decimal(1234)),
    (" 7 ", 7, Decimal(7)),
    ("\u30007\u3000", 7, Decimal(7)),
    ("1,234,567", 1234567, Decimal(1234567)),
    ("12件", 12, None),
    ("3.5万元", None, Decimal("3.5")),
    ("０．２５", None, Decimal("0.25")),
    ("2.50000", None, Decimal("2.5")),
    ("1000000000", 1000000000, Decimal(1000000000)),
]

REFUSED = [
    ("八", "不是数字"),
    ("abc", "不是数字"),
    ("1e3", "不是数字"),
    ("0x10", "不是数字"),
    ("-3", "不能为负数"),
    ("-0", "不能为负数"),
    ("－5", "不能为负数"),
    ("1000000001", "数值过大"),
    ("10^12", "不是数字"),
    ("1,23", "千位分隔符"),
    ("1.2.3", "不是数字"),
    ("NaN", "不是数字"),
    ("Infinity", "不是数字"),
    ("9" * 500, "不是数字"),
]


@pytest.mark.parametrize("typed,count,amount", ACCEPTED)
def test_VAL_accepted(form21, typed, count, amount):
    ctype, atype = form21.types["count"], form21.types["amount"]
    if count is not None:
        assert parse(typed, ctype).value == count and isinstance(parse(typed, ctype).value, int)
    if amount is not None:
        assert parse(typed, atype).value == amount and isinstance(parse(typed, atype).value, Decimal)


@pytest.mark.parametrize("typed,reason", REFUSED)
def test_VAL_refused(form21, typed, reason):
    got = parse(typed, form21.types["count"])
    assert got.value is None and reason in got.error


def test_VAL_decimals_in_counts_refused(form21):
    assert "整数" in parse("3.5", form21.types["count"]).error


def test_VAL_amount_places_limited(form21):
    assert "6 位小数" in parse("0.1234567", form21.types["amount"]).error
    assert parse("0.123456", form21.types["amount"]).value == Decimal("0.123456")


def test_VAL_blank_is_none_not_zero(form21):
    assert parse("", form21.types["count"]).value is None and parse("", form21.types["count"]).ok
    assert parse("   ", form21.types["count"]).ok and parse(None, form21.types["count"]).value is None


def test_VAL_signed_type_of_2019(form19):
    assert parse("-12", form19.types["signed"]).value == -12


@pytest.mark.parametrize("raw", [object(), [], {}, True, float("nan"), float("inf"), "\x00", "\u202e12"])
def test_VAL_never_raises(form21, raw):
    assert not parse(raw, form21.types["count"]).ok


def test_VAL_numbers_from_files(form21):
    assert parse(12, form21.types["count"]).value == 12
    assert parse(12.0, form21.types["count"]).value == 12
    assert parse(0.1, form21.types["amount"]).value == Decimal("0.1")


def test_VAL_display_is_exact():
    assert format_number(Decimal("12.50")) == "12.50"  # printed with the places given
    assert format_number(Decimal("1E+3")) == "1000"
    assert format_number(None) == ""


def test_VAL_dates():
    assert format_date_cn(parse_date("2024-01-08")) == "2024年1月8日"
    assert parse_date("2024年1月8日") == parse_date("2024/1/8") == parse_date("２０２４．１．８")
    assert parse_date("2024-02-30") is None and parse_date("明天") is None
    assert parse_year("2023") == 2023 and parse_year("2023年") == 2023 and parse_year("23") is None
