"""Cell text that comes back from Excel, WPS, LibreOffice and openpyxl byte for byte.

Three things stand between a clerk's text and a spreadsheet cell, and each is handled here:

* XML cannot carry most control characters, and an XML parser turns a carriage return into a
  line feed. OOXML's own escape (``_xHHHH_``, with ``_x005F_`` protecting a literal ``_xHHHH_``)
  is what Excel, WPS and LibreOffice decode, so we encode with it and decode every string we read.
* LibreOffice turns ``\\r\\n`` inside one cell into ``\\n``. Narratives are therefore written one
  line per row (the rows are joined with ``\\n`` again), so no cell ever holds a line break.
* A cell holds at most 32767 characters (UTF-16 units), and a row can be at most 409 pt high.
  Long lines continue in the next row (joined with nothing), at most :data:`PIECE` units each,
  so every part stays visible and printable; nothing is ever cut off.
"""

from __future__ import annotations

import re
import unicodedata

from ogi.model.values import clean_text

CELL_LIMIT = 32767  # Excel's limit on the characters of one cell (UTF-16 code units)
PIECE = 600  # units of one display row of narrative: ≤ 409 pt high when wrapped on an A4 page
NEW_LINE, CONTINUED = "\n", ""

_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")
_UNESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def encode(text: str) -> str:
    """Text → what to store in a cell (OOXML ST_Xstring escaping)."""
    return _ESCAPE.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)


def decode(stored: str) -> str:
    """What a cell holds → the text (inverse of :func:`encode`, and of Excel's own escaping)."""
    if "_x" not in stored:
        return clean_text(stored)
    return clean_text(_UNESCAPE.sub(lambda m: chr(int(m.group(1), 16)), stored))


def utf16_len(text: str) -> int:
    """Length as Excel counts it: characters beyond U+FFFF take two units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def pieces(text: str, size: int = PIECE) -> list[tuple[str, str]]:
    """Split ``text`` into ``(joiner, piece)`` rows: joiner ``\\n`` starts a new line, ``''`` continues."""
    out: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n")):
        chunks = _chunks(line, size)
        out.append((NEW_LINE if number else CONTINUED, chunks[0]))
        out.extend((CONTINUED, chunk) for chunk in chunks[1:])
    return out


def join(parts: list[tuple[str, str]]) -> str:
    return "".join(joiner + piece for joiner, piece in parts)


def _chunks(line: str, size: int) -> list[str]:
    if utf16_len(line) <= size:
        return [line]
    out, start, used = [], 0, 0
    for i, ch in enumerate(line):
        width = 2 if ord(ch) > 0xFFFF else 1
        if used + width > size:
            out.append(line[start:i])
            start, used = i, 0
        used += width
    out.append(line[start:])
    return out


def display_units(text: str) -> int:
    """Width in half-width character cells: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def display_lines(text: str, width_units: float) -> int:
    """How many lines ``text`` wraps to in a column ``width_units`` half-width characters wide."""
    usable = max(2.0, width_units)
    return sum(max(1, -(-display_units(line) // int(usable))) for line in text.split("\n"))
