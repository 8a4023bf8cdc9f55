"""Chinese line breaking (禁则): the one line-breaker of every paragraph and table cell in the PDF.

reportlab's own CJK wrap breaks between any two characters, so a line may start with 「，」
or end with 「（」 — a mistake any reader of an official document notices. Here a line never
starts with a closing mark (``NO_START``) and never ends with an opening one (``NO_END``):
when the greedy fill would do that, the last character is pushed on to the next line
(推出), and the caller's justification stretches the shorter line to the full width.
Some runs are one *token*, never broken inside (``tokens``): a Latin word, a number with its
unit sign (「1,234条」, 「5.5万元」, 「30%」), a date (「2024年1月31日」), an e-mail address and a
URL. A token wider than a whole line is cut: a URL after 「/」 or 「.」, anything else by
characters (``pieces``). Justification adds space only between tokens (``gaps``), and adjacent
full-width punctuation is compressed (标点挤压, ``squeezed``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable

NO_START = frozenset("，。、；：？！）》」』”’〕】〗〉…—·%‰℃,.;:?!)]}")
NO_END = frozenset("（《「『“‘〔【〖〈([{")

# Full-width punctuation by where its empty half lies: opening marks are blank on the left;
# closing and pause/stop marks (mainland style: ink in the lower left) are blank on the right.
OPENING = frozenset("（《「『“‘〔【〖〈")
CLOSING = frozenset("）》」』”’〕】〗〉，。、；：？！")
UNITS = "条件个次人元份天日项家篇期场名位所户页册批起宗类余多部台张套岁小时分钟秒%‰℃"
_NUMBER = r"(?>\d[\d,.:\-]*)(?:万元|亿元|万|亿|千|百)?[" + UNITS + r"]?"
_DATE = r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?|度)?|\d{1,2}月\d{1,2}日"
_URL = r"(?:https?://|ftp://|www\.)[!-~]+|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"
_LATIN = r"[A-Za-z0-9][A-Za-z0-9.+\-/_@%'’]*"
_TOKEN = re.compile(rf"{_URL}|{_DATE}|{_NUMBER}(?![A-Za-z])|{_LATIN}|.", re.S | re.A)
_RUNS = re.compile(r"[A-Za-z0-9,.:%\-]+|.", re.S | re.A)
_WEB = re.compile(r"https?://|ftp://|www\.", re.A)
_URL_CUT = re.compile(r"[^/.]*[/.]+|[^/.]+")


def tokens(text: str) -> list[str]:
    """Break opportunities: between tokens only (see the module doc)."""
    return _TOKEN.findall(text)


def pieces(token: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Break units of ``token``: a URL's parts ending in 「/」 or 「.」 (so a line is not left loose
    before it), any other token whole if it fits a line, else by characters."""
    if len(token) == 1:
        return [token]
    if _WEB.match(token):  # a URL (not an e-mail address, which stays whole)
        parts = _URL_CUT.findall(token)
        if all(measure(p) <= width for p in parts):
            return parts
    if measure(token) <= width:
        return [token]
    runs = _RUNS.findall(token)  # 「2024」「年」「1」…: digits stay whole while a line holds them
    return [piece for run in runs for piece in ([run] if measure(run) <= width else list(run))]


def gaps(line: str) -> list[bool]:
    """gaps[i]: justification may add space after character i (not inside a token, not after the last)."""
    out = [False] * len(line)
    at = 0
    for token in tokens(line):
        at += len(token)
        out[at - 1] = at < len(line)
    return out


def squeezed(line: str) -> list[bool]:
    """squeezed[i]: character i loses its empty half (标点挤压): a closing or stop mark before any
    full-width mark (「。”」「）、」), an opening mark before another opening mark (「（《」)."""
    out = [False] * len(line)
    for i in range(len(line) - 1):
        a, b = line[i], line[i + 1]
        out[i] = (a in CLOSING and (b in CLOSING or b in OPENING)) or (a in OPENING and b in OPENING)
    return out


def _legal(line: list[str], rest: deque[str]) -> bool:
    return not ((rest and rest[0][0] in NO_START) or (line and line[-1][-1] in NO_END))


def _settle(line: list[str], rest: deque[str]) -> None:
    """Push tokens from the end of ``line`` on to ``rest`` until the break is legal."""
    moved = 0
    while len(line) > 1 and not _legal(line, rest):
        rest.appendleft(line.pop())
        moved += 1
    cut = _cut(line[0]) if len(line) == 1 and not _legal(line, rest) else None
    if cut:  # a token alone fills the line before 「，」: cut where digits meet a character, never inside digits
        token = line[0]
        line[0] = token[:cut]
        rest.appendleft(token[cut:])
        if _legal(line, rest):
            return
        rest.popleft()
        line[0] = token
    if not _legal(line, rest):  # a run of marks no break can fix: keep the greedy break
        line.extend(rest.popleft() for _ in range(moved))


def _cut(token: str) -> int | None:
    """Where a number or date token may be cut as a last resort: after a character that follows digits
    (「2024年|1月31日」), else before its unit (「100010000|条」, 「12.5|万元」); None inside pure digits or words."""
    ascii_run = [c.isascii() and (c.isalnum() or c in ",.:-%") for c in token]
    after_char = [i for i in range(1, len(token)) if not ascii_run[i - 1] and ascii_run[i]]
    before_unit = [i for i in range(1, len(token)) if ascii_run[i - 1] and not ascii_run[i] and not token[i].isascii()]
    return after_char[0] if after_char else (before_unit[0] if before_unit else None)


def break_lines(text: str, width: float, measure: Callable[[str], float], first_width: float | None = None) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (``first_width`` for the first, e.g. indented).

    ``measure(s)`` is the printed width of ``s`` (additive: no kerning across tokens). Breaks are greedy, then moved back as
    little as needed to obey the rules above. Always returns at least one line.
    """
    # A deque: a narrative may be one paragraph of a million characters (taking from the front of a
    # list would make breaking it quadratic).
    pending = deque(t for tok in tokens(text) for t in pieces(tok, width, measure))
    lines: list[str] = []
    while pending:
        limit = first_width if (first_width is not None and not lines) else width
        while lines and len(pending) > 1 and pending[0] == " ":  # no space at the start of a wrapped line
            pending.popleft()
        line: list[str] = [pending.popleft()]
        used = measure(line[0])
        while pending and used + measure(pending[0]) <= limit:
            used += measure(pending[0])
            line.append(pending.popleft())
        if pending:
            _settle(line, pending)
        lines.append("".join(line).rstrip(" ") if pending else "".join(line))
    return lines or [""]


def line_ok(previous: str, line: str) -> bool:
    """True when the break between ``previous`` and ``line`` obeys the rules (for tests/checks)."""
    return not (line[:1] in NO_START or previous[-1:] in NO_END)
