"""Finding the statements of figures in a narrative and tying each to its table cells.

The text is cut into sentences (。！？ and line ends) and each figure into a clause: the words
since the previous figure or clause mark (，：；) before it, and up to the next mark after it.
A figure is tied to a statement when exactly one statement's wording matches its clause (「其中」
parts only under their head figure of the same sentence); a figure no statement or several
statements claim is left alone — never guessed. Figures after 「较上年」「同比」 are changes of the
figure before them, and 「与上年持平」 after a figure says it did not change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ogi.model.narrative.numerals import Figure, figures, fold
from ogi.model.narrative.spec import PERCENT, Spec, Statement

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_MARK = re.compile(r"[，,：:；;]")
_AFTER_MARK = re.compile(r"[，,：:；;、（(]")
_CACHE_SIZE = 32
_MEMO_SIZE = 4096  # sentences remembered per edition


class Mention(NamedTuple):
    """A figure the text states for ``statement``: its value in the cells' unit and its clause."""

    statement: Statement
    figure: Figure
    stated: Decimal
    start: int  # the clause to quote, in the text
    end: int


class Change(NamedTuple):
    """「较上年增加12件」: ``direction`` up/down/flat of ``mention``'s figure, by ``figure`` (None: 持平)."""

    mention: Mention
    direction: str
    figure: Figure | None
    start: int  # the words to quote, in the text
    end: int


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    ambiguous: list[tuple[Figure, tuple[str, ...]]] = field(default_factory=list)  # figures left alone


_cache: dict[str, tuple[Spec, Extraction]] = {}


def extract(spec: Spec, text: str) -> Extraction:
    """Every statement of a figure in ``text``; cached, since cell edits re-compare the same text."""
    hit = _cache.get(text)
    if hit is not None and hit[0] is spec:
        return hit[1]
    result = _extract(spec, fold(text))
    if len(_cache) >= _CACHE_SIZE:
        _cache.pop(next(iter(_cache)))
    _cache[text] = (spec, result)
    return result


def _extract(spec: Spec, folded: str) -> Extraction:
    """Sentence by sentence (each is independent), each remembered: after typing, only the
    edited sentence is read again."""
    out, start = Extraction(), 0
    for mark in [*_SENTENCE_END.finditer(folded), None]:
        close = mark.start() if mark else len(folded)
        if close > start:
            _add(out, _sentence(spec, folded[start:close]), start)
        start = mark.end() if mark else close
    return out


def _sentence(spec: Spec, sentence: str) -> Extraction:
    memo = spec.memo
    if sentence not in memo:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[sentence] = _read_sentence(spec, sentence)
    return memo[sentence]


def _add(out: Extraction, local: Extraction, by: int) -> None:
    """Append one sentence's findings, moved to where the sentence starts (plain constructors: fast)."""
    if not by:
        out.mentions += local.mentions
        out.changes += local.changes
        out.ambiguous += local.ambiguous
        return
    moved = {id(m): Mention(m.statement, _moved(m.figure, by), m.stated, m.start + by, m.end + by) for m in local.mentions}
    out.mentions += moved.values()
    out.changes += [
        Change(moved[id(c.mention)], c.direction, c.figure and _moved(c.figure, by), c.start + by, c.end + by)
        for c in local.changes
    ]
    out.ambiguous += [(_moved(f, by), ids) for f, ids in local.ambiguous]


def _moved(f: Figure, by: int) -> Figure:
    return Figure(f.start + by, f.end + by, f.value, f.unit, f.written)


def _read_sentence(spec: Spec, folded: str) -> Extraction:
    out = Extraction()
    found = [f for f in figures(folded, spec.figure) if not (spec.ignore and spec.ignore.match(folded, f.end))]
    last = head = None
    prev_end = 0
    for n, fig in enumerate(found):
        stop = found[n + 1].start if n + 1 < len(found) else len(folded)
        change = _change(spec, folded, prev_end, fig, last)
        if change:
            out.changes.append(change)
        else:
            mention = _tie(spec, folded, prev_end, fig, stop, head, out)
            if mention:
                out.mentions.append(mention)
                last = mention
                head = mention if not mention.statement.parents else head
                _flat(spec, folded, mention, stop, out)
        prev_end = fig.end
    return out


def _clause(folded: str, prev_end: int, fig: Figure, stop: int) -> tuple[int, int]:
    before = folded[prev_end : fig.start]
    marks = list(_CLAUSE_MARK.finditer(before))
    start = prev_end + (marks[-1].end() if marks else 0)
    after = _AFTER_MARK.search(folded, fig.end, stop)
    return start, after.start() if after else stop


def _tie(spec: Spec, folded: str, prev_end: int, fig: Figure, stop: int, head: Mention | None, out: Extraction):
    start, end = _clause(folded, prev_end, fig, stop)
    clause = folded[start : fig.start] + "#" + folded[fig.end : end]
    if not spec.any_label.search(clause):
        return None
    candidates = [s for s in spec.statements if _claims(s, fig, clause, head)]
    if len({s.cells for s in candidates}) != 1:
        if candidates:
            out.ambiguous.append((fig, tuple(s.id for s in candidates)))
        return None
    statement = candidates[0]
    start, end = _trim(folded, start, end)
    return Mention(statement, fig, fig.value * statement.units[fig.unit], start, end)


def _claims(s: Statement, fig: Figure, clause: str, head: Mention | None) -> bool:
    if fig.unit not in s.units or (s.parents and (head is None or head.statement.id not in s.parents)):
        return False
    return bool(s.label.search(clause)) and not (s.not_ and s.not_.search(clause))


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    while start < end and folded[start] in "、，,：:；; \t\u3000":
        start += 1
    while end > start and folded[end - 1] in " \t\u3000":
        end -= 1
    return start, end


def _change(spec: Spec, folded: str, prev_end: int, fig: Figure, last: Mention | None) -> Change | None:
    if spec.changes is None or last is None or last.figure.end != prev_end:
        return None
    gap = folded[prev_end : fig.start]
    if not spec.changes.reference.search(gap) or (fig.unit != PERCENT and fig.unit not in last.statement.units):
        return None
    direction = "up" if spec.changes.up.search(gap) else "down" if spec.changes.down.search(gap) else None
    if direction is None:
        return None
    start, end = _trim(folded, prev_end, fig.end)
    return Change(last, direction, fig, start, end)


def _flat(spec: Spec, folded: str, mention: Mention, stop: int, out: Extraction) -> None:
    if spec.changes is None:
        return
    gap = folded[mention.figure.end : stop]
    ref, flat = spec.changes.reference.search(gap), spec.changes.flat.search(gap)
    if ref and flat:
        start, end = _trim(folded, mention.figure.end, mention.figure.end + max(ref.end(), flat.end()))
        out.changes.append(Change(mention, "flat", None, start, end))
