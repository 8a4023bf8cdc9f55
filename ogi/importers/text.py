"""Text copied from a published web page or Word document (``.txt`` or pasted into the window).

Copying flattens the grid in several ways, and each is undone only as far as it is certain:

- rows joined with ``|`` (`` | ``-separated, or one cell per line ending in ``|``): the text
  between bars is a cell; the last bar ends the line, it does not open an empty cell;
- one cell per line with a blank line after every line (each cell a paragraph): the blank
  lines are separators, not cells;
- cells indented with a tab (copied from a browser's table): a tab line starts a cell, a
  following line without the tab that holds only a value or spaces belongs to that cell;
- otherwise one cell per line, an empty line being an empty cell; a line that ends in values
  separated by spaces (「行政许可 97」, 「…申请数量 3001 53 0 0 61 4 3119」: text taken from a
  PDF) is its text followed by those values — which are placed only if that text names a row.

Text saved as Markdown (what PDF and Word converters write) is text with two kinds of syntax
that are not cells: a heading's leading ``#`` marks, and a table's delimiter row
(``|---|---|``) under a row with the same number of cells. Both are removed; a lone ``---``
or a row of single ``-`` is still a published blank. In a text that has such a delimiter row,
a line written ``| … |`` is one table row, as in a real table: its cells belong to that row
(a label on a line of its own does not take the values of the row below it — converters from
PDF put a label's broken lines away from its row).

A text that does not end with a line break was cut off: its last, unterminated cell is dropped
rather than read as a number it may be only the beginning of.
"""

from __future__ import annotations

import re
from pathlib import Path

from ogi.formats.regular import read_regular
from ogi.importers import Importer
from ogi.importers.build import ImportResult, import_tokens, source_name
from ogi.importers.tokens import Kind, Token, clean, kind
from ogi.model.messages import OgiError

MAX_BYTES = 5 * 1024 * 1024
_TAB_STYLE_LINES = 10
_DOUBLE_SPACED = 0.9
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+")
_MD_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _double_spaced(lines: list[str]) -> bool:
    """True when (almost) every non-empty line is followed by an empty one."""
    full = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    if len(full) < _TAB_STYLE_LINES:
        return False
    followed = sum(1 for i in full if not lines[i + 1].strip())
    return followed >= _DOUBLE_SPACED * len(full)


def _undouble(lines: list[str]) -> list[str]:
    out, skip = [], False
    for line in lines:
        if skip and not line.strip():
            skip = False
            continue
        out.append(line)
        skip = bool(line.strip())
    return out


def _pipe_cells(line: str) -> list[str]:
    cells = line.split("|")
    if not cells[-1].strip():
        cells.pop()  # the bar that ends the line
    return cells


def _line_cells(line: str) -> list[str]:
    """A line's cells: split at its bars, or its text and the values that end it."""
    if "|" in line:
        return _pipe_cells(line)
    parts = line.split()
    n = len(parts)
    while n > 1 and kind(parts[n - 1]) in (Kind.NUMBER, Kind.MARK):
        n -= 1
    if n == len(parts) or not any(kind(p) is Kind.NUMBER for p in parts[n:]):
        return [line]
    return [" ".join(parts[:n]), *parts[n:]]


def _delimits(line: str, row: str) -> bool:
    """A Markdown delimiter row under a table row of as many cells."""
    if "|" not in line or "|" not in row or not _MD_DELIMITER.match(line):
        return False
    return len(_pipe_cells(line.strip())) == len(_pipe_cells(row.strip()))


def _markdown(lines: list[str]) -> tuple[list[str], bool]:
    """Drop Markdown heading marks and table delimiter rows (see the module docstring);
    True when there was a delimiter row (the text is Markdown)."""
    out: list[str] = []
    tables = False
    for line in lines:
        row = next((p for p in reversed(out) if p.strip()), "")
        if _delimits(line, row):
            tables = True
            continue
        out.append(_MD_HEADING.sub("", line))
    return out, tables


def _md_row(line: str) -> list[str] | None:
    """The cells of a Markdown table row ``| a | b |``, or None for any other line."""
    flat = line.strip()
    if len(flat) < 2 or not flat.startswith("|") or not flat.endswith("|"):
        return None
    return flat[1:-1].split("|")


def _md_tokens(lines: list[str]) -> list[Token]:
    out: list[Token] = []
    for n, line in enumerate(lines):
        cells = _md_row(line)
        if cells is not None:
            out.extend(Token(c, row=n) for c in cells)
        else:
            out.extend(Token(c) for c in _line_cells(line))
    return out


def _tab_tokens(lines: list[str]) -> list[Token]:
    out: list[Token] = []
    for line in lines:
        joins = out and not line.startswith("\t") and not out[-1].text.strip()
        if joins and kind(line) in (Kind.NUMBER, Kind.MARK, Kind.EMPTY):
            out[-1] = Token(out[-1].text + line)
        elif line.startswith("\t") or line.strip():
            out.extend(Token(c) for c in (_pipe_cells(line) if "|" in line else [line]))
    return out


def tokenize(raw: str) -> list[Token]:
    """The tokens of a flattened text (see the module docstring for the styles recognised)."""
    body = clean(raw.replace("\r\n", "\n").replace("\r", "\n"))
    cut = not body.endswith("\n")
    lines = body.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines, markdown = _markdown(lines)
    if markdown:
        return _md_tokens(lines)
    if cut and lines and "|" not in lines[-1].rstrip()[-1:]:
        lines[-1] = lines[-1].rsplit("|", 1)[0] + "|" if "|" in lines[-1] else ""
    if sum(1 for line in lines if line.startswith("\t")) >= _TAB_STYLE_LINES:
        return _tab_tokens(lines)
    if _double_spaced(lines):
        lines = _undouble(lines)
    out: list[Token] = []
    for line in lines:
        out.extend(Token(c) for c in _line_cells(line))
    return out


def import_text(raw: str, source: str = "") -> ImportResult:
    """Import a report from text already in memory (pasted into the window)."""
    return import_tokens(tokenize(raw), source, structured=False)


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which reads GB2312 and GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OgiError("IMPORT_ENCODING", file=path)


def read(path: Path) -> ImportResult:
    path = Path(path)
    return import_text(decode(read_regular(path, MAX_BYTES), path), source_name(path))


IMPORTER = Importer(suffixes=(".txt",), label="文本", read=read)
