"""Excel workbook (.xlsx) as a report format plug-in: the clerk's saved file.

Writing is :mod:`ogi.formats.xlsx.write` (layout from the form's grid, totals as values, identity
sheet), reading is :mod:`ogi.formats.xlsx.read` behind the container checks of :mod:`ogi.formats.xlsx.guard`.
Saving goes through :func:`ogi.formats.safesave.atomic_write`: the file on disk is always either the
complete old or the complete new workbook, and the old one is kept as a backup (``报告.bak.xlsx``).
"""

from __future__ import annotations

import os

# openpyxl parses with lxml whenever lxml is installed (python-docx brings it) and with defusedxml
# otherwise. Untrusted workbooks are read the one way the program is hardened and tested for:
# the standard library behind defusedxml (openpyxl's documented switch, read when it is imported).
os.environ.setdefault("OPENPYXL_LXML", "False")

from pathlib import Path

from ogi.formats import Format
from ogi.formats.safesave import atomic_write
from ogi.formats.xlsx import _openpyxl  # noqa: F401  (openpyxl without numpy, before read/write import it)
from ogi.formats.xlsx import read as reader
from ogi.formats.xlsx import write as writer
from ogi.model.report import Report

# (The submodules keep their names "read" and "write"; no function here may shadow them.)


def _save(report: Report, path: Path) -> None:
    atomic_write(Path(path), writer.to_bytes(report))


FORMAT = Format(suffix=".xlsx", label="Excel 工作簿", read=reader.read, write=_save)
