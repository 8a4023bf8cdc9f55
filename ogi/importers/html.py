"""A saved web page (``.html``/``.htm``) in any encoding a Chinese government site uses.

The page keeps its grid: every ``<td>`` is one token that knows its ``<tr>``, so a row's
values can never run into the next row, and an empty cell is an empty cell. Paragraphs outside
tables become lines. Scripts, styles and the ``<head>`` are skipped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ogi.formats.regular import read_regular
from ogi.importers import Importer
from ogi.importers.build import ImportResult, import_tokens, source_name
from ogi.importers.tokens import Token, clean
from ogi.model.messages import OgiError

MAX_BYTES = 20 * 1024 * 1024
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "gb_2312-80", "cp936"}
_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "title"}
_SKIP = {"script", "style", "head", "noscript", "select", "option"}


def decode(data: bytes, path: Path) -> str:
    """By BOM, then the declared charset (GB2312/GBK read as GB18030, their superset), then by trying."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    declared = _CHARSET.search(data[:4096])
    name = declared.group(1).decode("ascii", "replace").lower() if declared else ""
    order = ["gb18030", "utf-8"] if name in _GB else ["utf-8", "gb18030"]
    for encoding in order:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OgiError("IMPORT_ENCODING", file=path)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[Token] = []
        self.line: list[str] = []
        self.cell: list[str] | None = None
        self.depth = 0  # table nesting
        self.rows = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self._flush()
            self.depth += 1
        elif tag == "tr" and self.depth:
            self.rows += 1
        elif tag in ("td", "th") and self.depth:
            self.cell = []
        elif tag in _BLOCKS or tag == "p":
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.cell is not None:
            self.tokens.append(Token(clean(" ".join("".join(self.cell).split("\n"))), self.rows))
            self.cell = None
        elif tag == "table" and self.depth:
            self.depth -= 1
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        data = data.replace("\r", "").replace("\n", "")
        if self.cell is not None:
            self.cell.append(data)
        elif not self.depth:
            self.line.append(data)

    def _break(self) -> None:
        if self.cell is not None:
            self.cell.append("\n")
        elif not self.depth:
            self._flush()

    def _flush(self) -> None:
        text = clean("".join(self.line)).strip()
        if text:
            self.tokens.append(Token(text))
        self.line = []

    def close(self) -> None:
        super().close()
        self._flush()


def tokenize(markup: str) -> list[Token]:
    page = _Page()
    page.feed(markup)
    page.close()
    return page.tokens


def read(path: Path) -> ImportResult:
    path = Path(path)
    tokens = tokenize(decode(read_regular(path, MAX_BYTES), path))
    return import_tokens(tokens, source_name(path), structured=True)


IMPORTER = Importer(suffixes=(".html", ".htm"), label="网页", read=read)
