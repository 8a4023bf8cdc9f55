"""Reading the units' reports: each file becomes a small :class:`Unit`, on both cores.

A worker process reads and checks one report and sends back only what the roll-up needs — its
metadata, its finding counts and one value per cell — so that 10,000 units fit in memory and the
parent does little more than add up. A file that cannot be read is a unit with a ``problem``,
never an exception: one bad file among thousands must not stop the collection.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ogi.formats import read_report
from ogi.model.checker import Checker
from ogi.model.messages import OgiError, text
from ogi.model.report import Report
from ogi.model.schema import Number
from ogi.rollup import lean

SUFFIXES = (".xlsx", ".json")
CHUNK = 8  # files per message to a worker: fewer round trips, still a smooth progress bar
PARALLEL_FROM = 48  # fewer files are read in this process: starting workers costs more than it saves

Progress = Callable[[int, int], bool]  # (done, total) → False to cancel


class Cancelled(Exception):
    """The user cancelled the roll-up (the progress callback answered False)."""


@dataclass
class Unit:
    """One unit's report as the roll-up sees it."""

    file: str
    form: str = ""
    edition: str = ""
    agency: str = ""
    year: str = ""
    date: str = ""
    mtime: float = 0.0
    errors: int = 0  # findings in the tables and metadata (the narrative changes no figure, and is not read)
    warnings: int = 0
    incomplete: int = 0
    values: tuple[Number | None, ...] | None = None  # in the form's cell order; None: blank
    problem: str = ""  # why the file could not be read

    @property
    def readable(self) -> bool:
        return not self.problem


def find_files(sources: Iterable[Path], skip: Path | None = None) -> list[Path]:
    """Report files among ``sources`` (files, and folders searched recursively), in a stable order.

    Backups (``报告.bak.xlsx``) and Excel's lock files (``~$报告.xlsx``) are not reports.
    """
    found: list[Path] = []
    for source in map(Path, sources):
        if source.is_dir():
            for folder, dirs, names in os.walk(source):
                dirs.sort()
                found += [Path(folder) / n for n in sorted(names) if _is_report_name(n)]
        else:
            found.append(source)
    skipped = skip.resolve() if skip is not None else None
    unique = dict.fromkeys(p for p in found if skipped is None or _resolved(p) != skipped)
    return list(unique)


def _is_report_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(SUFFIXES) and not lower.startswith("~$") and ".bak." not in lower


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path


def read_unit(path: Path) -> Unit:
    """Read and check one report; a unit with a ``problem`` when it cannot be read."""
    unit = Unit(str(path))
    try:
        unit.mtime = path.stat().st_mtime
        report = lean.read(path) if path.suffix.lower() == ".xlsx" else read_report(path)
    except OgiError as exc:
        unit.problem = exc.message
        return unit
    except (OSError, ValueError, MemoryError, RecursionError) as exc:
        unit.problem = text("FILE_UNREADABLE", file=path, reason=type(exc).__name__)
        return unit
    _describe(unit, report)
    return unit


def _describe(unit: Unit, report: Report) -> None:
    form = report.form
    unit.form, unit.edition = form.id, form.edition
    unit.agency, unit.year, unit.date = report.role("agency"), report.role("year"), report.role("date")
    narrative = {s.id for s in form.text_sections()}  # not read by the lean reader, and no figure depends on it
    counts = {"error": 0, "warning": 0, "incomplete": 0}
    for finding in Checker(report).findings():
        if finding.section not in narrative:
            counts[finding.severity] += 1
    unit.errors, unit.warnings, unit.incomplete = counts["error"], counts["warning"], counts["incomplete"]
    unit.values = tuple(report.value(cell) for cell in form.cells)


def read_units(paths: list[Path], progress: Progress | None = None, workers: int | None = None) -> list[Unit]:
    """Every file read as a :class:`Unit`, in the order given; :class:`Cancelled` if progress says so."""
    total = len(paths)
    workers = workers if workers is not None else (os.cpu_count() or 1) if total >= PARALLEL_FROM else 1
    out: list[Unit] = []
    for unit in _map(paths, workers):
        out.append(unit)
        if progress is not None and not progress(len(out), total):
            raise Cancelled
    order = {str(p): n for n, p in enumerate(paths)}
    return sorted(out, key=lambda u: order[u.file])


def _map(paths: list[Path], workers: int) -> Iterator[Unit]:
    if workers <= 1:
        yield from map(read_unit, paths)
        return
    # spawn: never fork a process that may run Qt's threads (the window); it is also what Windows does
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        yield from pool.imap_unordered(read_unit, paths, chunksize=CHUNK)
