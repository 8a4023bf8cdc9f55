"""Where the 落款 and the title's lines go: GB/T 9704 §7.3.5 and §7.3.1, as positions in the text block.

Two 落款 layouts (§7.3.5): the *sealed* copy (§7.3.5.1, 加盖印章) puts the date 右空四字 and
centres the agency's name over it, one blank line under the text; the *unsealed* one
(§7.3.5.2) puts the name 右空二字 and the date's first character two characters right of the
name's. A name too long for that place breaks over two lines, evenly, and every line stays
inside the text block whatever the name's length. Titles break between words (§7.3.1,
「回行时要做到词意完整，排列对称」): the agency name is cut only after an administrative
unit (省、自治区、市、州、县、区 …, 人民政府), and the lines are chosen as even as possible.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

SEALED_BLANK_LINES, UNSEALED_BLANK_LINES = 1, 2  # lines under the text: one (§7.3.5.1); seal room (§7.3.5.2)
SEALED_DATE_RIGHT, UNSEALED_NAME_RIGHT, DATE_SHIFT = 4, 2, 2  # in characters (字)
_UNIT = re.compile(r".*?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|人民政府|委员会|办公厅|办公室|[省市州县区旗盟镇乡])(?=.)")


@dataclass(frozen=True)
class Placed:
    lines: list[tuple[str, float]]  # (name line, x from the block's left)
    date_x: float


def place_closing(
    name_lines: list[str], date: str, width: Callable[[str], float], em: float, block: float, sealed: bool
) -> Placed:
    """x of each name line and of the date (see the module doc); everything within [0, block]."""
    widths = [width(line) for line in name_lines]
    d_w = width(date)
    if sealed:
        date_x = max(0.0, block - SEALED_DATE_RIGHT * em - d_w)
        centre = date_x + d_w / 2
        xs = [min(max(0.0, centre - w / 2), block - w) for w in widths]
        return Placed(list(zip(name_lines, xs, strict=True)), date_x)
    right = block - UNSEALED_NAME_RIGHT * em
    left = max(0.0, right - max(widths, default=0.0))
    date_x = max(0.0, min(left + DATE_SHIFT * em, block - UNSEALED_NAME_RIGHT * em - d_w))
    if date_x < left + DATE_SHIFT * em:  # a date longer than the name: the name moves left (§7.3.5.2)
        left = max(0.0, date_x - DATE_SHIFT * em)
    return Placed([(line, left) for line in name_lines], date_x)


def name_room(em: float, block: float, sealed: bool) -> float:
    """The widest name line the layout allows before it breaks the name over two lines."""
    return block - (0 if sealed else (UNSEALED_NAME_RIGHT + DATE_SHIFT) * em)


def words(agency: str) -> list[str]:
    """An agency's name cut after each administrative unit: 「新疆维吾尔自治区」「巴音郭楞蒙古自治州」…"""
    out, rest = [], agency
    while match := _UNIT.match(rest):
        out.append(match.group(0))
        rest = rest[match.end() :]
    return [*out, rest] if rest else out


def balanced(parts: list[str], width: Callable[[str], float], room: float) -> list[str] | None:
    """``parts`` joined into the fewest lines that fit ``room``, the most even of them (a
    trapezoid or diamond rather than a zigzag, then the most even); None if a part alone is too wide."""
    if any(width(p) > room for p in parts):
        return None
    n = len(parts)
    for count in range(1, n + 1):
        best = None
        for cuts in itertools.combinations(range(1, n), count - 1):
            bounds = [0, *cuts, n]
            lines = ["".join(parts[a:b]) for a, b in itertools.pairwise(bounds)]
            sizes = [width(line) for line in lines]
            if max(sizes) > room:
                continue
            score = (_zigzag(sizes), max(sizes) - min(sizes))
            if best is None or score < best[0]:
                best = (score, lines)
        if best:
            return best[1]
    return None


def _zigzag(sizes: list[float]) -> int:
    """0 for a trapezoid (lengths only grow or only shrink) or a diamond (grow, then shrink); else 1."""
    steps = [b - a for a, b in itertools.pairwise(sizes) if b != a]
    turns = [i for i in range(1, len(steps)) if (steps[i - 1] > 0) != (steps[i] > 0)]
    return 0 if not turns or (len(turns) == 1 and steps[0] > 0) else 1
