"""The parts of a published report around its tables: edition, sections, title and 落款.

Each is read from what the report itself prints — the edition from 表二's columns and 表三's
rows (a report may cite the 2019 notice and use the 2021 tables), 机关全称 and 报告年度 from the
title, 成文日期 from the 落款 or the page's 成文日期 field — never from a web address.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ogi.importers.labels import edition_marks, is_heading
from ogi.importers.tokens import Kind, Token, kind, norm
from ogi.model.loader import available_forms, load_form
from ogi.model.schema import Form
from ogi.model.values import parse_date

_TITLE = re.compile(r"^(?P<agency>.*?)(?P<year>(?:19|20)\d\d)年度?(?:本机关)?(?:政府信息公开|政务公开|信息公开)")
_TITLE_YEAR_FIRST = re.compile(
    r"^(?P<year>(?:19|20)\d\d)年度?(?P<agency>.+?)(?:政府信息公开|政务公开|信息公开)(?:工作)?年度?(?:工作)?报告$"
)
_TITLE_NO_YEAR = re.compile(r"^(?P<agency>.+?)(?:政府信息公开|政务公开)(?:工作)?年度?(?:工作)?报告$")
_PAGE_DATE = re.compile(r"^(?:成文日期|发文日期)[:：]?\s*(.+)$")
_CN_DIGITS = dict(zip("〇○零一二三四五六七八九", "000123456789", strict=False))
_CN_DATE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_LAST_TOKENS = 8  # the 落款 is among the last lines


@dataclass(frozen=True)
class Edition:
    form: Form
    marks: int  # labels read that only this edition has
    certain: bool


def choose_edition(tokens: Sequence[Token]) -> Edition:
    """The edition whose own labels (not shared with another edition) the source uses most."""
    forms = [load_form(f) for f in available_forms()]  # newest first
    keys = {norm(t.text) for t in tokens if kind(t.text) is Kind.TEXT}
    scores = []
    for form in forms:
        others = set().union(*(edition_marks(f) for f in forms if f is not form))
        scores.append(len((edition_marks(form) - others) & keys))
    best = max(range(len(forms)), key=lambda i: (scores[i], -i))
    certain = scores[best] > 0 and scores.count(scores[best]) == 1
    return Edition(forms[best], scores[best], certain)


def find_sections(form: Form, tokens: Sequence[Token]) -> dict[str, tuple[int, int]]:
    """Section id → token range of its content, for the headings found, in the form's order."""
    found: list[tuple[str, int]] = []
    pos = 0
    for section in form.sections:
        for i in range(pos, len(tokens)):
            if tokens[i].row is None and is_heading(tokens[i].text, section.title):
                found.append((section.id, i))
                pos = i + 1
                break
    ranges = {}
    for n, (section, i) in enumerate(found):
        end = found[n + 1][1] if n + 1 < len(found) else len(tokens)
        ranges[section] = (i + 1, end)
    return ranges


def section_text(tokens: Sequence[Token], start: int, end: int) -> str:
    lines = (" ".join(t.text.split()) if t.row is not None else t.text.strip() for t in tokens[start:end])
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class Closing:
    """The 落款: where it starts, the agency line above the date, and the date."""

    start: int
    agency: str
    date: dt.date


def _date(raw: str) -> dt.date | None:
    flat = "".join(raw.split())
    found = _CN_DATE.match(flat)
    if found:
        year = "".join(_CN_DIGITS[c] for c in found.group(1))
        return parse_date(f"{year}-{_cn_number(found.group(2))}-{_cn_number(found.group(3))}")
    return parse_date(flat)


def _cn_number(s: str) -> int:
    """一 … 三十一 (months and days)."""
    if "十" not in s:
        return int(_CN_DIGITS[s])
    tens, _, units = s.partition("十")
    return (int(_CN_DIGITS[tens]) if tens else 1) * 10 + (int(_CN_DIGITS[units]) if units else 0)


def find_closing(tokens: Sequence[Token], after: int) -> Closing | None:
    """The 落款 at the end: a date line, usually below the agency's name."""
    lines = [i for i in range(max(after, len(tokens) - 3 * _LAST_TOKENS), len(tokens)) if tokens[i].text.strip()]
    for n in range(len(lines) - 1, max(-1, len(lines) - 1 - _LAST_TOKENS), -1):
        day = _date(tokens[lines[n]].text)
        if day is None:
            continue
        above = tokens[lines[n - 1]].text.strip() if n > 0 else ""
        if above and len(above) <= 40 and not re.search(r"[。；;，,]", above) and _date(above) is None:
            return Closing(lines[n - 1], above, day)
        return Closing(lines[n], "", day)
    return None


def page_date(tokens: Sequence[Token], before: int) -> dt.date | None:
    """The page's own 成文日期 field (in the metadata block above the title), when printed."""
    for t in tokens[:before]:
        found = _PAGE_DATE.match(t.text.strip())
        if found:
            return _date(found.group(1))
    return None


def find_title(tokens: Sequence[Token], before: int) -> tuple[str, str] | None:
    """(机关全称, 报告年度) from the title, which may be broken over two lines (「…年度工作」/「报 告」)."""
    for i in range(min(before, len(tokens))):
        line = norm(tokens[i].text)
        if "公开" not in line or len(line) > 70 or line.startswith(("根据", "按照", "依据")):
            continue
        joined = line + (norm(tokens[i + 1].text) if i + 1 < len(tokens) else "")
        for candidate in (line, joined):
            if candidate.endswith("报告"):
                found = _TITLE.match(candidate)
                if found:
                    return found.group("agency").lstrip("关于"), found.group("year")
                found = _TITLE_YEAR_FIRST.match(candidate)  # 「2024年上海市科委政府信息公开工作年度报告」
                if found:
                    return found.group("agency"), found.group("year")
                found = _TITLE_NO_YEAR.match(candidate)
                if found:
                    return found.group("agency"), ""
    return None
