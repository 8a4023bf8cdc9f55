"""汇总: many units' reports rolled up into one report of the same edition.

The pieces: :mod:`~ogi.rollup.lean` reads a unit's figures fast, :mod:`~ogi.rollup.units` reads
every unit on both cores, :mod:`~ogi.rollup.combine` decides what is counted and adds it up,
:mod:`~ogi.rollup.roster` finds who is missing, :mod:`~ogi.rollup.book` saves the result with the
sheets 单位情况, 缺报 and 明细. The result is an ordinary report, so roll-ups roll up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ogi.model.messages import OgiError
from ogi.rollup.combine import Options, Rollup, Status, combine
from ogi.rollup.units import Cancelled, Progress, Unit, find_files, read_units

__all__ = ["Cancelled", "Options", "Rollup", "Status", "Unit", "rollup", "save"]


def rollup(sources: Iterable[Path], options: Options, progress: Progress | None = None, skip: Path | None = None) -> Rollup:
    """Find the reports among ``sources`` (files and folders), read them and add them up.

    ``skip`` is a file never counted (the output, when it is saved among the units).
    """
    sources = [Path(s) for s in sources]
    paths = find_files(sources, skip)
    if not paths:
        raise OgiError("ROLLUP_NONE_FOUND", sources="、".join(map(str, sources)))
    return combine(read_units(paths, progress), options)


def save(result: Rollup, path: Path) -> None:
    from ogi.rollup.book import write

    write(result, Path(path))
