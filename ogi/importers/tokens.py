"""What every source becomes before alignment: a sequence of tokens (cells and lines).

A text copied from a web page, a saved page and a Word file differ in how much of the grid
survives; they all reduce to tokens so that one aligner decides where values go. A token from
a real table (HTML, .docx) knows its table row, so a row's cells can never run into the next
row; a token from flattened text does not, and the aligner is stricter with it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class Token:
    text: str
    row: int | None = None  # the table row it was read from (structured sources only)


class Kind(Enum):
    EMPTY = "empty"  # an empty cell (or a filler left by a merged cell)
    MARK = "mark"  # a published blank: — / - ／
    NUMBER = "number"
    TEXT = "text"  # a label, a heading, a sentence


_MARKS = {"-", "/", "\\", "—", "——", "--", "－", "／", "–", "―", "一一", "－－", "×"}
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项|条)?$")
_DROP = str.maketrans("", "", "“”\"'‘’「」『』《》、，,.．。:：;；·•_")
_BLANKS = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Drop control characters that text pasted from Word carries (keep tabs and line breaks)."""
    return _CONTROLS.sub("", text)


def kind(text: str) -> Kind:
    """What a cell holds; 「——」 and 「/」 are published blanks, never 0."""
    flat = _BLANKS.sub("", unicodedata.normalize("NFKC", text))
    if not flat:
        return Kind.EMPTY
    if flat in _MARKS or set(flat) <= {"-", "—", "－", "–", "―"}:
        return Kind.MARK
    if _NUMBER.match(flat.replace("\u2212", "-")):
        return Kind.NUMBER
    return Kind.TEXT


def norm(label: str) -> str:
    """A label as compared: width-folded, without spaces, quotes and punctuation; brackets kept."""
    folded = unicodedata.normalize("NFKC", label)
    return _BLANKS.sub("", folded).translate(_DROP).replace("〔", "(").replace("〕", ")")


def flat_number(text: str) -> str:
    """The digits of a NUMBER token, for the value parser (it strips units and separators itself)."""
    return _BLANKS.sub("", unicodedata.normalize("NFKC", text))
