"""Read-only import seam: sources that are not the program's own files become a Report.

The program's own files (JSON, workbook) are read and written by :mod:`ogi.formats`. A published
report (copied text, a saved web page, a Word file) can only be *read* into a report, never
written back, so its readers live here, chosen by the source's suffix exactly as formats are.
An importer module exposes ``IMPORTER`` (an :class:`Importer`); registering one is one entry in
``PLUGINS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ogi.model.messages import OgiError

PLUGINS: dict[str, str] = {  # suffix → module exposing IMPORTER
    ".txt": "ogi.importers.text",
    ".html": "ogi.importers.html",
    ".htm": "ogi.importers.html",
    ".docx": "ogi.importers.docx",
}


@dataclass(frozen=True)
class Importer:
    suffixes: tuple[str, ...]
    label: str
    read: Callable  # (path) -> ImportResult-like object with .report


@cache
def _load(module: str) -> Importer:
    return importlib.import_module(module).IMPORTER


def importer_for(path: Path) -> Importer:
    """The importer for a source file, by suffix; an unknown suffix is one clear error."""
    module = PLUGINS.get(Path(path).suffix.lower())
    if module is None:
        raise OgiError("FILE_UNKNOWN_TYPE", file=path, known="、".join(sorted(PLUGINS)) or "（无）")
    return _load(module)


def known_suffixes() -> list[str]:
    return sorted(PLUGINS)
