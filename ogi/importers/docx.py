"""A Word file (``.docx``): paragraphs as lines, tables read as tables.

Read with the standard library's ``zipfile`` and ``defusedxml`` (already a dependency, used
against entity attacks in workbooks) rather than python-docx: only ``word/document.xml`` is
needed — paragraphs, table rows and cells, and vertically merged cells — and python-docx
would add lxml to the stand-alone bundle for that. A cell continuing a vertical merge
(``<w:vMerge/>``) repeats nothing, so it is skipped, as it is on the page.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeTree
from defusedxml.common import DefusedXmlException

from ogi.formats.regular import check_regular
from ogi.formats.safesave import reason
from ogi.importers import Importer
from ogi.importers.build import ImportResult, import_tokens, source_name
from ogi.importers.tokens import Token, clean
from ogi.model.messages import OgiError, text

MAX_BYTES = 50 * 1024 * 1024
MAX_XML = 64 * 1024 * 1024  # document.xml unpacked; a larger one is not a report
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _text(element: Element) -> str:
    parts = []
    for node in element.iter():
        if node.tag == W + "t" and node.text:
            parts.append(node.text)
        elif node.tag in (W + "tab",) or (node.tag in (W + "br", W + "p") and parts):
            parts.append(" ")
    return clean("".join(parts))


def _continues_merge(cell: Element) -> bool:
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(W + "val", "continue") == "continue"


class _Walker:
    def __init__(self) -> None:
        self.tokens: list[Token] = []
        self.rows = 0

    def body(self, element: Element) -> None:
        for child in element:
            if child.tag == W + "p":
                line = _text(child).strip()
                if line:
                    self.tokens.append(Token(line))
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.body(content)

    def table(self, table: Element) -> None:
        for row in table.iter(W + "tr"):
            self.rows += 1
            for cell in row.findall(W + "tc"):
                if not _continues_merge(cell):
                    self.tokens.append(Token(_text(cell), self.rows))


def tokenize(path: Path) -> list[Token]:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_XML:
                raise OgiError("IMPORT_DOCX_BAD", file=path, reason=f"正文部件过大（{info.file_size // 1048576} MB）")
            root = SafeTree.fromstring(archive.read(info))
    except OSError as exc:
        raise OgiError("IMPORT_DOCX_BAD", file=path, reason=reason(exc)) from None
    except zipfile.BadZipFile:
        raise OgiError("IMPORT_DOCX_BAD", file=path, reason=text("XLSX_REASON_ZIP")) from None
    except KeyError:
        raise OgiError("IMPORT_DOCX_BAD", file=path, reason=text("IMPORT_DOCX_NO_BODY")) from None
    except (SafeTree.ParseError, DefusedXmlException):
        raise OgiError("IMPORT_DOCX_BAD", file=path, reason="内部 XML 格式错误或含有被禁止的实体") from None
    body = root.find(W + "body")
    walker = _Walker()
    if body is not None:
        walker.body(body)
    return walker.tokens


def read(path: Path) -> ImportResult:
    path = Path(path)
    check_regular(path, MAX_BYTES)
    return import_tokens(tokenize(path), source_name(path), structured=True)


IMPORTER = Importer(suffixes=(".docx",), label="Word 文档", read=read)
