"""Chinese line breaking (禁则): the one line-breaker of every paragraph and table cell in the PDF.

reportlab's own CJK wrap breaks between any two characters, so a line may start with 「，」
or end with 「（」 — a mistake any reader of an official document notices. Here a line never
starts with a closing mark (``NO_START``) and never ends with an opening one (``NO_END``):
when the greedy fill would do that, the last character is pushed on to the next line
(推出), and the caller's justification stretches the shorter line to the full width.
Runs of Latin letters and digits (「2023」, 「0513-12345678」) are kept whole when they fit.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable

NO_START = frozenset("，。、；：？！）》」』”’〕】〗〉…—·%‰℃,.;:?!)]}")
NO_END = frozenset("（《「『“‘〔【〖〈([{")

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-/_@%]*|.", re.S)


def tokens(text: str) -> list[str]:
    """Break opportunities: every character, except inside a run of Latin letters and digits."""
    return _TOKEN.findall(text)


def _split_long(token: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A Latin run wider than a whole line is cut by characters (a long number in a narrow cell)."""
    return list(token) if measure(token) > width else [token]


def _legal(line: list[str], rest: deque[str]) -> bool:
    return not ((rest and rest[0][0] in NO_START) or (line and line[-1][-1] in NO_END))


def _settle(line: list[str], rest: deque[str]) -> None:
    """Push tokens from the end of ``line`` on to ``rest`` until the break is legal."""
    moved = 0
    while len(line) > 1 and not _legal(line, rest):
        rest.appendleft(line.pop())
        moved += 1
    if not _legal(line, rest):  # a run of marks no break can fix: keep the greedy break
        line.extend(rest.popleft() for _ in range(moved))


def break_lines(text: str, width: float, measure: Callable[[str], float], first_width: float | None = None) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (``first_width`` for the first, e.g. indented).

    ``measure(s)`` is the printed width of ``s`` (additive: no kerning across tokens). Breaks are greedy, then moved back as
    little as needed to obey the rules above. Always returns at least one line.
    """
    # A deque: a narrative may be one paragraph of a million characters (taking from the front of a
    # list would make breaking it quadratic).
    pending = deque(t for tok in tokens(text) for t in _split_long(tok, width, measure))
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
