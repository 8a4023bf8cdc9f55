"""A lean reader for the roll-up: a report's figures and metadata in a few milliseconds.

Opening a workbook with openpyxl builds every cell, style and sheet (about 40 ms); a province
rolls up 10,000 of them. This reader streams only the sheets that hold figures and metadata,
stops each one past the last place the identity sheet records, and keeps only those places.
It is not a second set of reading rules: the container is checked by
:func:`ogi.formats.xlsx.guard.check_container`, no XML with a document type declaration is parsed
(see :meth:`_Book._stream`), failures become the same Chinese messages (:func:`~ogi.formats.xlsx.guard.parsing`),
cell values are typed as openpyxl types them, and the report is then assembled by the normal
reader's :func:`ogi.formats.xlsx.read.assemble` — labels checked, values parsed, totals recomputed.

The narrative sheet is skipped (a roll-up sums figures), so its labels and texts are not read.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast
from xml.etree.ElementTree import Element, XMLPullParser

from defusedxml.ElementTree import iterparse  # explicitly: openpyxl would use lxml when it is installed
from openpyxl.styles.numbers import builtin_format_code, is_date_format, is_timedelta_format
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.xml.constants import SHEET_MAIN_NS

from ogi.formats.regular import read_regular
from ogi.formats.xlsx.guard import _raw_strings, check_container, parsing
from ogi.formats.xlsx.identity import MAP_ROW, MAX_CHUNKS, SHEET, Identity, from_rows
from ogi.formats.xlsx.read import MAX_BYTES, assemble
from ogi.model.loader import load_form_for
from ogi.model.messages import OgiError, text
from ogi.model.report import Report

_NS = f"{{{SHEET_MAIN_NS}}}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
BLOCK = 64 * 1024
MAX_STYLES = 4 * 1024 * 1024  # a stylesheet beyond this is not one that any office program wrote
_C, _ROW, _V, _F, _IS, _T, _R = (_NS + t for t in ("c", "row", "v", "f", "is", "t", "r"))
_Event = Literal["start", "end"]  # the events that carry an element (namespace events carry strings)


def read(path: Path) -> Report:
    """The report's figures and metadata (no narrative); OgiError naming the file when it cannot."""
    path = Path(path)
    return from_bytes(read_regular(path, MAX_BYTES), path)


def from_bytes(data: bytes, path: Path) -> Report:
    check_container(data, path)
    with parsing(path), zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = _Book(archive, path)
        rows = book.rows(SHEET, MAP_ROW + MAX_CHUNKS)
        ident = _figures_only(from_rows(rows, path))
        report = Report(load_form_for(ident.form, path))
        cells = {sheet: book.cells(sheet, wanted) for sheet, wanted in _wanted(ident).items()}
    return assemble(report, ident, cells, path)


def _figures_only(ident: Identity) -> Identity:
    """The identity without the narrative: labels only on the sheets that hold figures or metadata."""
    sheets = {p[0] for p in ident.cells.values()} | {p[0] for p in ident.meta.values()}
    return replace(ident, texts={}, notes={}, labels=[p for p in ident.labels if p[0] in sheets])


def _wanted(ident: Identity) -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = {}
    for place in (*ident.labels, *ident.cells.values(), *ident.meta.values()):
        wanted.setdefault(place[0], set()).add(place[1])
    return wanted


class _Book:
    """The parts of one workbook, found through its relationships as Excel and WPS write them."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive, self.path = archive, path
        self.names = {info.filename.lower(): info.filename for info in archive.infolist()}
        main = next((t for _, kind, t in self._relations("_rels/.rels", "") if kind == "officeDocument"), "xl/workbook.xml")
        folder, name = posixpath.split(main)
        links = self._relations(posixpath.join(folder, "_rels", name + ".rels"), folder)
        by_id = {rid: target for rid, _, target in links}
        self.sheets = {
            n.get("name"): by_id[rid]
            for n in self._parse(main)
            if n.tag == _NS + "sheet" and (rid := n.get(_DOC_REL)) is not None and rid in by_id
        }
        self.strings_part = next((t for _, kind, t in links if kind == "sharedStrings"), None)
        self.styles_part = next((t for _, kind, t in links if kind == "styles"), None)
        self._strings: list[str] | None = None
        self._dates: tuple[frozenset[int], frozenset[int]] | None = None

    def _open(self, part: str):
        return self.archive.open(self.names[part.lower()])

    def _parse(self, part: str) -> Iterator[Element]:
        if part.lower() not in self.names:
            raise OgiError("XLSX_NOT_OURS", file=self.path)
        for _, node in self._stream(part, ("end",)):
            yield node

    def _stream(self, part: str, events: tuple[_Event, ...]) -> Iterator[tuple[_Event, Element]]:
        """Parse events of one part, streamed in blocks.

        Parts in UTF-8 (all that Excel, WPS, LibreOffice and openpyxl write) go to the C parser after
        a check that refuses any document type declaration — what defusedxml refuses, and the only
        way to declare an entity; anything else goes through defusedxml itself, as openpyxl does.
        """
        with self._open(part) as source:
            head = source.read(BLOCK)
            if not _plain_utf8(head):
                yield from iterparse(_Joined(head, source), events=events)
                return
            parser: XMLPullParser[Element] = XMLPullParser(events)
            tail = b""
            while head:
                if b"<!DOCTYPE" in tail + head:
                    raise OgiError("XLSX_DAMAGED", file=self.path, reason=text("XLSX_REASON_ENTITIES"))
                parser.feed(head)
                yield from _element_events(parser)
                tail, head = head[-16:], source.read(BLOCK)
            parser.close()
            yield from _element_events(parser)

    def _relations(self, rels: str, folder: str) -> list[tuple[str, str, str]]:
        """(id, type name such as ``worksheet`` or ``styles``, part) of each internal relationship."""
        if rels.lower() not in self.names:
            return []
        out = []
        for node in self._parse(rels):
            if node.tag != _REL_NS + "Relationship" or node.get("TargetMode") == "External":
                continue
            target = node.get("Target", "")
            target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.append((node.get("Id", ""), node.get("Type", "").rpartition("/")[2], target))
        return out

    def _sheet(self, name: str) -> str:
        part = self.sheets.get(name)
        if part is None or part.lower() not in self.names:
            raise OgiError("XLSX_NOT_OURS" if name == SHEET else "XLSX_SHEET_MISSING", file=self.path, sheet=name)
        return part

    def rows(self, name: str, max_row: int) -> list[tuple]:
        """Columns A and B of rows 1 … ``max_row`` as value tuples (missing rows as blanks)."""
        found = self.cells(name, None, max_row=max_row, max_col=2)
        last = max((coordinate_to_tuple(a)[0] for a in found), default=0)
        return [tuple(found.get(f"{col}{row}", (None, "n"))[0] for col in ("A", "B")) for row in range(1, last + 1)]

    def cells(self, name: str, wanted: set[str] | None, max_row: int = 0, max_col: int = 0) -> dict[str, tuple[object, str]]:
        """address → (value, openpyxl data type) of the wanted places (all within reach when None)."""
        if wanted is not None:
            spots = [coordinate_to_tuple(a) for a in wanted]
            max_row = max(r for r, _ in spots)
        out: dict[str, tuple[object, str]] = {}
        for address, node in self._walk(name, max_row):
            if (address in wanted) if wanted is not None else coordinate_to_tuple(address)[1] <= max_col:
                value = self._value(node)
                if value[0] is not None:
                    out[address] = value
        return out

    def _walk(self, name: str, max_row: int) -> Iterator[tuple[str, Element]]:
        """(address, element) of each cell up to ``max_row`` (and possibly a row beyond).

        Only end events are asked for (half the work); a cell without an address, which the
        format allows, waits for the end of its row to learn the row number.
        """
        row = 0
        pending: list[Element] = []
        for _, node in self._stream(self._sheet(name), ("end",)):
            if node.tag == _C:
                address = node.get("r")
                if address and not pending:
                    yield address, node
                else:
                    pending.append(node)
            elif node.tag == _ROW:
                row = int(node.get("r") or row + 1)
                yield from _placed(pending, row)
                pending = []
                node.clear()
                if row >= max_row:
                    return

    def _value(self, node: Element) -> tuple[object, str]:
        """A cell's value typed as openpyxl types it (read-only mode, formulas kept)."""
        kind, formula = node.get("t", "n"), node.find(_F)
        if formula is not None:
            return "=" + (formula.text or ""), "f"
        if kind == "inlineStr":
            box = node.find(_IS)
            return (_inline(box), "s") if box is not None else (None, "n")
        raw = node.findtext(_V) or None
        if raw is None:
            return None, kind
        if kind == "n":
            return self._number(raw, int(node.get("s") or 0))
        if kind == "s":
            return self.strings()[int(raw)], "s"
        if kind == "b":
            return bool(int(raw)), "b"
        if kind == "str":
            return raw, "s"
        return raw, kind  # "e" (an error such as #DIV/0!) and ISO dates ("d") are never figures

    def _number(self, raw: str, style: int) -> tuple[object, str]:
        number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
        dates, spans = self.dates()
        if style not in dates:
            return number, "n"
        try:
            return from_excel(number, timedelta=style in spans), "d"
        except (OverflowError, ValueError):
            return "#VALUE!", "e"

    def strings(self) -> list[str]:
        """Shared strings, read only when a wanted cell refers to them (Excel and WPS saves)."""
        if self._strings is None:
            self._strings = []
            if self.strings_part and self.strings_part.lower() in self.names:
                with self._open(self.strings_part) as source:
                    self._strings = _raw_strings(source, self.path)
        return self._strings

    def dates(self) -> tuple[frozenset[int], frozenset[int]]:
        """Cell styles whose number format shows a date (or a duration), as openpyxl indexes them."""
        if self._dates is None:
            self._dates = (frozenset(), frozenset())
            if self.styles_part and self.styles_part.lower() in self.names:
                with self._open(self.styles_part) as source:
                    self._dates = _date_styles(source.read(MAX_STYLES))
        return self._dates


_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _plain_utf8(head: bytes) -> bool:
    """Markup in UTF-8 from the first byte, declared so or not declared: a byte search then sees all of it."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"<"):
        return False
    declared = _DECLARED.match(head)
    return declared is None or declared[1].lower() in (b"utf-8", b"utf8")


class _Joined(io.RawIOBase):
    """The first block already read, then the rest of the part: defusedxml streams it too."""

    def __init__(self, head: bytes, rest) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.head:
            out, self.head = self.head, b""
            return out
        return self.rest.read(size)


def _element_events(parser: XMLPullParser[Element]) -> Iterator[tuple[_Event, Element]]:
    """The events read so far. Typeshed types them for every kind of event a parser can be asked
    for (namespace events carry strings); this parser is only asked for :data:`_Event`, which carry
    an element each."""
    return cast(Iterator[tuple[_Event, Element]], parser.read_events())


def _placed(nodes: list[Element], row: int) -> Iterator[tuple[str, Element]]:
    """Cells of one row in order: an address where given, else the column after the previous cell's."""
    col = 0
    for node in nodes:
        address = node.get("r")
        col = coordinate_to_tuple(address)[1] if address else col + 1
        yield address or f"{get_column_letter(col)}{row}", node


def _inline(box: Element) -> str:
    """The text of an inline string as openpyxl's ``Text.content``: plain text, then each run (no phonetics)."""
    pieces = [box.findtext(_T) or ""]
    pieces += [run.findtext(_T) or "" for run in box.iterfind(_R)]
    return "".join(pieces)


@lru_cache(maxsize=32)
def _date_styles(xml: bytes) -> tuple[frozenset[int], frozenset[int]]:
    """Indexed as openpyxl does; remembered per stylesheet, which the units of one collection share."""
    custom: dict[int, str] = {}
    formats: list[int] = []
    for node in _safe_nodes(xml):
        if node.tag == _NS + "numFmt":
            custom[int(node.get("numFmtId", "0"))] = node.get("formatCode", "")
        elif node.tag == _NS + "cellXfs":
            formats = [int(xf.get("numFmtId", "0")) for xf in node.iterfind(_NS + "xf")]
    codes = [custom.get(n) or builtin_format_code(n) for n in formats]
    dates = frozenset(i for i, code in enumerate(codes) if is_date_format(code))
    return dates, frozenset(i for i, code in enumerate(codes) if is_timedelta_format(code))


def _safe_nodes(xml: bytes) -> Iterator[Element]:
    return (node for _, node in iterparse(io.BytesIO(xml)))
