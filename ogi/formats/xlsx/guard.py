"""Opening an untrusted workbook: look at the container before openpyxl touches it.

A file that arrives by e-mail may be anything with an .xlsx name: an old .xls, a workbook
with an opening password (Office stores those as OLE2 files too, holding ``EncryptionInfo``
and ``EncryptedPackage``), a zip bomb, a macro workbook renamed, or plain garbage. Each gets
its own Chinese message naming the file. Macro workbooks are refused rather than read with
the macros ignored: the clerk can re-save as .xlsx in Excel, and refusing never lets a
workbook of unknown origin pass as a report.

XML inside is parsed by openpyxl through defusedxml (entity expansion and external entities
forbidden) because defusedxml is installed; a test asserts it.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.etree.ElementTree import ParseError

from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from ogi.formats.xlsx.styles import date_formats
from ogi.model.messages import OgiError, text

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
MAX_ENTRIES = 2000
MAX_TOTAL = 100 * 1024 * 1024  # declared uncompressed bytes; a report workbook is well under 1 MB
# A big part that is also extremely compressed is a bomb; a small one may be a legitimately repetitive text
MAX_RATIO, RATIO_FLOOR = 100, 16 * 1024 * 1024
MAX_STRINGS = 120_000  # shared strings: a report at the writer's limits has ~55,000
MAX_PART = 2 * 1024 * 1024  # any part openpyxl parses whole (styles, workbook, relations …); sheets are streamed
STREAMED = ("xl/worksheets/", "xl/sharedstrings.xml", "xl/styles.xml")
_SI, _T = f"{{{SHEET_MAIN_NS}}}si", f"{{{SHEET_MAIN_NS}}}t"
MB = 1024 * 1024
DTD_CHUNK = 1024 * 1024


def check_container(data: bytes, path: Path) -> None:
    """Refuse what is not a plain .xlsx, before any XML is parsed."""
    if data.startswith(OLE2_MAGIC):
        code = "XLSX_ENCRYPTED" if any(s in data for s in ENCRYPTED_STREAMS) else "XLSX_OLD_XLS"
        raise OgiError(code, file=path)
    if not data.startswith(ZIP_MAGICS):
        raise OgiError("XLSX_NOT_ZIP", file=path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_sizes(infos, path)
            names = {info.filename.lower(): info.filename for info in infos}
            if "[content_types].xml" not in names:
                raise OgiError("XLSX_NOT_WORKBOOK", file=path, reason=text("XLSX_REASON_NO_TYPES"))
            _check_encrypted(infos, path)
            types = archive.read(names["[content_types].xml"]).lower()
            _check_no_dtd(archive, infos, path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise OgiError("XLSX_DAMAGED", file=path, reason=text("XLSX_REASON_ZIP")) from None
    if "xl/workbook.bin" in names:
        raise OgiError("XLSX_NOT_WORKBOOK", file=path, reason=text("XLSX_REASON_XLSB"))
    if any(name.endswith("vbaproject.bin") for name in names) or b"macroenabled" in types:
        raise OgiError("XLSX_MACRO", file=path)


def _check_sizes(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """Declared sizes are binding: zipfile stops at them and a lie fails the CRC check."""
    if len(infos) > MAX_ENTRIES:
        raise OgiError("XLSX_BOMB", file=path, reason=text("XLSX_REASON_ENTRIES", count=len(infos)))
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL:
        raise OgiError("XLSX_BOMB", file=path, reason=text("XLSX_REASON_TOTAL", size=total // MB, limit=MAX_TOTAL // MB))
    for info in infos:
        name = info.filename.lower()
        if info.file_size > MAX_PART and not name.startswith(STREAMED) and name.endswith(_XML_SUFFIXES):
            raise OgiError("XLSX_BOMB", file=path, reason=text("XLSX_REASON_PART", part=info.filename, size=info.file_size // MB))
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise OgiError("XLSX_BOMB", file=path, reason=text("XLSX_REASON_RATIO", part=info.filename, ratio=int(ratio)))


def _check_encrypted(infos: list[zipfile.ZipInfo], path: Path) -> None:
    """zipfile raises RuntimeError for a member with the encryption flag: name it instead."""
    for info in infos:
        if info.flag_bits & 0x1:
            raise OgiError("XLSX_DAMAGED", file=path, reason=text("XLSX_REASON_MEMBER_ENCRYPTED", part=info.filename))


_DTD = re.compile(
    b"|".join(re.escape(m.encode(enc)) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be")),
    re.IGNORECASE,
)
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def _check_no_dtd(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], path: Path) -> None:
    """No part of a workbook has a document type: refuse one before any parser sees it.

    Whether openpyxl parses through defusedxml or lxml depends on what else is installed; this
    check does not. Every XML part is searched whole (comments may push a DTD far down); the
    declared sizes are already bounded, so this costs a fraction of a second at worst."""
    for info in infos:
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        with archive.open(info) as part:
            tail = b""
            while chunk := part.read(DTD_CHUNK):
                window = tail + chunk
                if _DTD.search(window):
                    raise OgiError("XLSX_DAMAGED", file=path, reason=text("XLSX_REASON_ENTITIES"))
                tail = window[-64:]


def _count_strings(archive: zipfile.ZipFile, name: str, path: Path) -> None:
    """Count ``<si>`` at the speed of a byte search before a parser spends seconds on them."""
    count, tail = 0, b""
    with archive.open(name) as source:
        while chunk := source.read(DTD_CHUNK):
            window = tail + chunk
            count += window.count(b"<si>") + window.count(b"<si ") - tail.count(b"<si>") - tail.count(b"<si ")
            tail = window[-4:]
            if count > MAX_STRINGS:
                raise OgiError(
                    "XLSX_BOMB", file=path, reason=text("XLSX_REASON_STRINGS", count=f"{MAX_STRINGS}+", limit=MAX_STRINGS)
                )


def _raw_strings(source, path: Path) -> list[str]:
    """Shared strings exactly as stored (still ``_xHHHH_``-escaped; see :mod:`ogi.formats.xlsx.text`).

    Their number is bounded (a file may declare millions that no cell uses), each parsed string
    is dropped from the tree at once, and the common one-``<t>`` string skips openpyxl's slow path."""
    strings: list[str] = []
    root = None
    for event, node in iterparse(source, events=("start", "end")):
        if root is None:
            root = node
        if event == "start" or node.tag != _SI:
            continue
        if len(strings) >= MAX_STRINGS:
            raise OgiError("XLSX_BOMB", file=path, reason=text("XLSX_REASON_STRINGS", count=f"{MAX_STRINGS}+", limit=MAX_STRINGS))
        strings.append(node[0].text or "" if len(node) == 1 and node[0].tag == _T else Text.from_tree(node).content)
        node.clear()
        root.remove(node)
    return strings


class _Reader(ExcelReader):
    """openpyxl's reader, except that shared strings are left for us to decode.

    openpyxl deletes every ``x005F_`` from shared strings (so a literal ``_x000D_`` typed in
    Excel comes back as a carriage return) and decodes no other escape; decoding all of
    them in one place (:func:`ogi.formats.xlsx.text.decode`) makes text exact whoever saved the file.
    """

    def read(self) -> None:
        """openpyxl's sequence, with the style sheet reduced to what a reader needs (see styles.py)."""
        self.read_manifest()
        self.read_strings()
        self.read_workbook()
        self.read_properties()
        self.read_custom()
        self.read_theme()
        self._read_date_formats()
        self.read_worksheets()
        self.parser.assign_names()

    def _read_date_formats(self) -> None:
        name = next((n for n in self.archive.namelist() if n.lower() == "xl/styles.xml"), None)
        if name is None:
            return
        with self.archive.open(name) as source:
            self.wb._date_formats, self.wb._timedelta_formats, self.wb._ogi_number_formats = date_formats(source, self._ogi_path)

    def read_strings(self) -> None:
        part = self.package.find(SHARED_STRINGS)
        if part is not None:
            _count_strings(self.archive, part.PartName[1:], self._ogi_path)
            with self.archive.open(part.PartName[1:]) as source:
                self.shared_strings = _raw_strings(source, self._ogi_path)


@contextmanager
def parsing(path: Path) -> Iterator[None]:
    """Turn any failure of openpyxl on untrusted input into one Chinese line naming the file.

    Deliberately broad: openpyxl raises KeyError, ValueError, TypeError, IndexError, zip and
    XML errors (and defusedxml's refusals) for malformed parts, and a traceback is never an
    answer for a clerk. Our own OgiError passes through. openpyxl's warnings about parts it
    skips are silenced too: what matters is checked by our reader and reported in Chinese.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    except OgiError:
        raise
    except Exception as exc:
        raise OgiError("XLSX_DAMAGED", file=path, reason=failure_reason(exc)) from None


def load(data: bytes, path: Path):
    """The workbook in read-only mode (sheets are parsed lazily: iterate them inside :func:`parsing`)."""
    with parsing(path):
        reader = _Reader(io.BytesIO(data), read_only=True, keep_vba=False, data_only=False, keep_links=False)
        reader._ogi_path = path
        reader.read()
        return reader.wb


def failure_reason(exc: BaseException) -> str:
    """A Chinese reason for a parser failure (defusedxml's refusals say it may be malicious)."""
    cause: BaseException | None = exc
    while cause is not None:  # openpyxl wraps XML errors in a ValueError
        if type(cause).__module__.startswith("defusedxml"):
            return text("XLSX_REASON_ENTITIES")
        if isinstance(cause, ParseError):
            return text("XLSX_REASON_XML")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, MemoryError):
        return text("REASON_MEMORY")
    if isinstance(exc, RecursionError):
        return text("REASON_NESTING")
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return text("XLSX_REASON_ZIP")
    return text("XLSX_REASON_CONTENT")
