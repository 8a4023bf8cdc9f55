"""Reading the figures a narrative states: 「21件」, 「1,234件」, 「１２件」, 「二十一件」, 「0.5万元」.

Only a number immediately followed by a unit the form's statements know counts as a figure, so
dates (2023年), document numbers (〔2021〕30号), article numbers (第二十条第（一）项), phone numbers
and web addresses are never read as figures. Offsets are kept: the text is folded character for
character (full-width digits → ASCII) so a figure's span is its span in what the clerk typed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

_FOLD = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "．": ".", "％": "%"})
_WIDE = re.compile("[０-９．％]")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "".join(_CN_DIGIT) + "".join(_CN_UNIT)
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = f"[{_CN_CHARS}]+(?:万[{_CN_CHARS}]+)?"
# Not a figure when the number continues a word, a code, an address or an ordinal (第…, （一）, 〔2021〕).
_BEFORE = rf"(?<![第（(〔\[0-9A-Za-z.,/:_\-{_CN_CHARS}])"


class Figure(NamedTuple):
    """A number with its unit, as written, at ``start:end`` of the text."""

    start: int
    end: int
    value: Decimal
    unit: str
    written: str


def fold(text: str) -> str:
    """Fold full-width digits, point and percent to ASCII, one character for one (offsets kept)."""
    return text.translate(_FOLD) if _WIDE.search(text) else text  # translate is slow on long Chinese text


def figure_pattern(units: list[str]) -> re.Pattern[str]:
    """The pattern of a figure followed by one of ``units`` (longest unit first: 万元 before 元)."""
    alternatives = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True))
    return re.compile(f"{_BEFORE}(?P<num>{_ARABIC}|{_CHINESE})\\s?(?P<unit>{alternatives})")


def figures(folded: str, pattern: re.Pattern[str]) -> list[Figure]:
    """Every figure of ``folded`` text (see :func:`fold`) that reads as a number."""
    out = []
    for m in pattern.finditer(folded):
        value = to_number(m.group("num"))
        if value is not None:
            out.append(Figure(m.start(), m.end(), value, m.group("unit"), m.group(0)))
    return out


def to_number(written: str) -> Decimal | None:
    """「1,234」, 「0.5」 or 「二十一」 → exact value; None for what is not a well-formed number."""
    if written[0].isdigit():
        return Decimal(written.replace(",", ""))
    return chinese_number(written)


def chinese_number(written: str) -> Decimal | None:
    """Chinese numerals up to 99,999,999 (「十二」, 「一百零五」, 「两千三百」, 「一万二千」)."""
    high, _, low = written.rpartition("万")
    if high:
        upper, lower = _below_10000(high), _below_10000(low)
        return None if upper is None or lower is None else Decimal(upper * 10000 + lower)
    value = _below_10000(low)
    return None if value is None else Decimal(value)


def _below_10000(written: str) -> int | None:
    total, digit, last_unit = 0, None, 10000
    for ch in written:
        if ch in _CN_DIGIT:
            if digit not in (None, 0) and _CN_DIGIT[ch] != 0:
                return None  # 「二一」: a digit string, not a count
            digit = _CN_DIGIT[ch]
        else:
            unit = _CN_UNIT[ch]
            if unit >= last_unit:
                return None
            total, digit, last_unit = total + (1 if digit is None else digit) * unit, None, unit
    return total + (digit or 0)
