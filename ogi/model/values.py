"""The one value parser: what a clerk types or pastes becomes a typed value or a reason.

Full-width digits typed under a Chinese input method, thousands separators and trailing
units are normal input, not errors; numbers are kept exact (``int`` or ``Decimal``, never
``float``) because a report must print exactly what was entered.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ogi.model.messages import text
from ogi.model.schema import Number, ValueType

_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2014": "-", "\ufe63": "-"})
_PLAIN = re.compile(r"^[+-]?\d+(\.\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_BLANK_MARKS = frozenset({"/", "\\", "-", "--", "无", "空", "不适用"})  # how published tables mark "nothing"
_MONEY_UNITS = {"元": Decimal(1), "万元": Decimal(10000)}  # a figure in the other unit is converted in the hint
_MAX_INPUT = 64  # longer input cannot be a sensible figure; refuse before regex work


@dataclass(frozen=True)
class Parsed:
    """Outcome of parsing: ``value`` (None for blank) or ``error`` (a Chinese reason)."""

    value: Number | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def normalise(raw: str) -> str:
    """NFKC-fold (０-９ ． ， －), unify minus signs and drop spaces of any width."""
    folded = unicodedata.normalize("NFKC", raw).translate(_MINUS)
    return "".join(folded.split())


def _strip_unit(s: str, vtype: ValueType) -> str:
    for unit in sorted(vtype.units, key=len, reverse=True):
        if s.endswith(unit):
            return s[: -len(unit)]
    return s


def parse(raw: object, vtype: ValueType) -> Parsed:
    """Parse ``raw`` (text, or a number from a file) as a value of ``vtype``. Never raises."""
    try:
        return _parse(raw, vtype)
    except (ValueError, ArithmeticError, TypeError):
        return Parsed(error=text("VALUE_NOT_NUMBER"))


def _parse(raw: object, vtype: ValueType) -> Parsed:
    if raw is None:
        return Parsed()
    if isinstance(raw, bool):
        return Parsed(error=text("VALUE_NOT_NUMBER"))
    if isinstance(raw, (int, Decimal)):
        return _check(Decimal(raw), vtype)
    if isinstance(raw, float):
        return _check(Decimal(repr(raw)), vtype)
    if not isinstance(raw, str):
        return Parsed(error=text("VALUE_NOT_NUMBER"))
    s = normalise(raw[: _MAX_INPUT * 4])
    if not s:
        return Parsed()
    if len(s) > _MAX_INPUT:
        return Parsed(error=text("VALUE_NOT_NUMBER"))
    if s in _BLANK_MARKS:
        return Parsed(error=text("VALUE_BLANK_MARK", text=s))
    hint = _other_unit(s, vtype)
    if hint:
        return hint
    s = _strip_unit(s, vtype)
    if _GROUPED.match(s):
        s = s.replace(",", "")
    elif "," in s and _PLAIN.match(s.replace(",", "")):
        return Parsed(error=text("VALUE_BAD_SEPARATOR"))
    if not _PLAIN.match(s):
        return Parsed(error=text("VALUE_NOT_NUMBER"))
    return _check(Decimal(s), vtype)


def _other_unit(s: str, vtype: ValueType) -> Parsed | None:
    """A money figure written in the other unit (「251000元」 where 万元 is asked): refuse, naming what to type."""
    wanted = next((u for u in vtype.units if u in _MONEY_UNITS), None)
    given = next((u for u in sorted(_MONEY_UNITS, key=len, reverse=True) if s.endswith(u)), None)
    if wanted is None or given is None or given == wanted:
        return None
    figure = s[: -len(given)].replace(",", "")
    if not _PLAIN.match(figure):
        return None
    converted = Decimal(figure) * _MONEY_UNITS[given] / _MONEY_UNITS[wanted]
    return Parsed(error=text("VALUE_OTHER_UNIT", unit=wanted, suggestion=format(converted.normalize(), "f")))


def _check(number: Decimal, vtype: ValueType) -> Parsed:
    if not number.is_finite():
        return Parsed(error=text("VALUE_NOT_NUMBER"))
    if vtype.minimum >= 0 and number.is_signed():  # catches -0 too
        return Parsed(error=text("VALUE_NEGATIVE"))
    if abs(number) > max(vtype.maximum, -vtype.minimum):
        return Parsed(error=text("VALUE_TOO_LARGE", maximum=format_number(vtype.maximum)))
    if vtype.kind == "integer":
        if number != number.to_integral_value():
            return Parsed(error=text("VALUE_NOT_INTEGER"))
        return Parsed(value=int(number))
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > vtype.places:
        return Parsed(error=text("VALUE_TOO_MANY_PLACES", places=vtype.places))
    given = number.as_tuple().exponent
    if isinstance(given, int) and -given > vtype.places:  # 1.50000000: trailing zeros beyond the places go
        number = number.quantize(Decimal(1).scaleb(-vtype.places))
    return Parsed(value=canonical_decimal(number))


def canonical_decimal(number: Decimal) -> Decimal:
    """Plain digits with the places the clerk gave (``12.50`` stays ``12.50``: a published 万元
    figure such as ``1234.560000`` is printed as published); only exponents go (``1E+1`` → ``10``)."""
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        return number.quantize(Decimal(1))
    return number + 0 if number.is_zero() else number


def format_number(value: Number | None) -> str:
    """Display form of a value: plain digits, no exponent, no separators; blank for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(canonical_decimal(value), "f")
    return str(value)


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(raw: str) -> _dt.date | None:
    """Read 「2024-01-08」, 「2024年1月8日」, 「2024/1/8」 or 「2024.1.8」; None if it is none of them."""
    match = _DATE.match(unicodedata.normalize("NFKC", raw or "").strip())
    if not match:
        return None
    try:
        return _dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def format_date_cn(day: _dt.date) -> str:
    """GB/T 9704 §7.3.5.4: full year, no leading zeros: 「2024年1月8日」."""
    return f"{day.year}年{day.month}月{day.day}日"


def parse_year(raw: str) -> int | None:
    s = unicodedata.normalize("NFKC", raw or "").strip().removesuffix("年")
    return int(s) if re.fullmatch(r"(19|20|21)\d\d", s) else None


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text that can be saved as UTF-8: a surrogate pair (as JSON or ``_xD83D_`` escapes may
    spell one) is joined into its character, a lone surrogate becomes U+FFFD."""
    if not _SURROGATE.search(value):
        return value
    return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
