"""Excel workbook (.xlsx) as a report format plug-in: the clerk's saved file.

Writing is :mod:`ogi.xlsx_write` (layout from the form's grid, totals as values, identity
sheet), reading is :mod:`ogi.xlsx_read` behind the container checks of :mod:`ogi.xlsx_guard`.
Saving goes through :func:`ogi.safesave.atomic_write`: the file on disk is always either the
complete old or the complete new workbook, and the old one is kept as a backup (``报告.bak.xlsx``).
"""

from __future__ import annotations

from pathlib import Path

from .formats import Format
from .report import Report
from .safesave import atomic_write
from .xlsx_read import read
from .xlsx_write import to_bytes


def write(report: Report, path: Path) -> None:
    atomic_write(Path(path), to_bytes(report))


FORMAT = Format(suffix=".xlsx", label="Excel 工作簿", read=read, write=write)
