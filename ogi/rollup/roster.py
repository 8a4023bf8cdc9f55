"""The roster: which units are expected, and who is missing.

Names are compared after folding full-width forms to half-width (NFKC) and removing spaces of
any width, so 「示例区 财政局」 and 「示例区财政局」 are one unit. Anything looser is only ever a
*possible* match, listed for a person to decide: 「住建局」 may well be 「住房和城乡建设局」, but
merging them silently could hide a unit that really did not report.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from ogi.formats.regular import check_regular
from ogi.formats.safesave import reason
from ogi.model.messages import OgiError

MAX_BYTES = 20 * 1024 * 1024
HEADERS = ("机关全称", "单位名称", "单位", "名称", "机关名称")
SIMILAR = 0.8  # SequenceMatcher ratio from which two names are a possible match
_NUMBERS = re.compile(r"[0-9〇零一二三四五六七八九十百千]+")
MAX_COMPARISONS = 2_000_000  # near-miss search is quadratic: beyond this, possible matches are not looked for


def normalise(name: str) -> str:
    """The form in which names are compared: NFKC-folded, without spaces."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def read_roster(path: Path) -> list[str]:
    """Unit names from a text file (one a line) or a workbook (a column of its first sheet)."""
    path = Path(path)
    check_regular(path, MAX_BYTES)
    names = _from_workbook(path) if path.suffix.lower() == ".xlsx" else _from_text(path)
    return list(dict.fromkeys(n for n in (" ".join(x.split()) for x in names) if n))


def _from_text(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OgiError("FILE_UNREADABLE", file=path, reason=reason(exc)) from None
    for encoding in ("utf-8-sig", "gb18030"):  # Notepad on a Chinese Windows saves GBK
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise OgiError("FILE_UNREADABLE", file=path, reason="不是 UTF-8 或 GBK 编码的文本")


def _from_workbook(path: Path) -> list[str]:
    """The column headed 机关全称 (or 单位名称 …) of the first sheet, else its first column with text."""
    from ogi.formats.xlsx.guard import check_container, load, parsing
    from ogi.formats.xlsx.text import decode

    data = path.read_bytes()
    check_container(data, path)
    wb = load(data, path)
    try:
        with parsing(path):
            rows = [[decode(v) if isinstance(v, str) else v for v in row] for row in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()
    column = _name_column(rows)
    start = 1 if rows and column < len(rows[0]) and str(rows[0][column] or "").strip() in HEADERS else 0
    return [str(r[column]) for r in rows[start:] if column < len(r) and r[column] is not None]


def _name_column(rows: list[list]) -> int:
    for row in rows[:5]:
        for col, value in enumerate(row):
            if isinstance(value, str) and value.strip() in HEADERS:
                return col
    counts: dict[int, int] = {}
    for row in rows:
        for col, value in enumerate(row):
            if isinstance(value, str) and value.strip():
                counts[col] = counts.get(col, 0) + 1
    return min(counts, key=lambda c: (-counts[c], c)) if counts else 0


@dataclass
class Matching:
    """Roster entries without a report, reports not on the roster, and the possible matches between them."""

    missing: list[str] = field(default_factory=list)  # roster names, as written there
    unlisted: list[str] = field(default_factory=list)  # agency names of included reports
    possible: dict[str, list[str]] = field(default_factory=dict)  # missing roster name → unlisted names like it


def match(roster: list[str], agencies: list[str]) -> Matching:
    known = {normalise(a): a for a in agencies}
    expected = {normalise(r): r for r in roster}
    result = Matching(
        missing=[r for key, r in expected.items() if key not in known],
        unlisted=[a for key, a in known.items() if key not in expected],
    )
    budget = MAX_COMPARISONS
    for name in result.missing:
        budget -= len(result.unlisted)
        if budget < 0:
            break
        alike = [a for a in result.unlisted if near(name, a)]
        if alike:
            result.possible[name] = alike
    return result


def near(a: str, b: str) -> bool:
    """Possibly the same unit: one name abbreviates the other, or they differ by a character or two."""
    a, b = normalise(a), normalise(b)
    if a == b:
        return True
    if _NUMBERS.sub("#", a) == _NUMBERS.sub("#", b):
        return False  # 第一中学 and 第二中学: numbered siblings, not spellings of one name
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and short[0] == long[0] and short[-1] == long[-1] and _subsequence(short, long):
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= SIMILAR and matcher.quick_ratio() >= SIMILAR and matcher.ratio() >= SIMILAR


def _subsequence(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)
