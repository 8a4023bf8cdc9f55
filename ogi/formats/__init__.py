"""Report file formats as plug-ins: each module exposes ``FORMAT``; this registry picks by suffix.

Adding a format is one module and one entry in ``PLUGINS`` — readers and writers never
branch on file types themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ogi.model.messages import OgiError, text
from ogi.plugins import load_plugin

PLUGINS = {".json": "ogi.formats.jsonfile", ".xlsx": "ogi.formats.xlsx"}  # suffix → module exposing FORMAT


@dataclass(frozen=True)
class Format:
    suffix: str
    label: str
    read: Callable
    write: Callable


@cache
def _load(suffix: str) -> Format:
    return load_plugin(PLUGINS[suffix], "FORMAT", suffix)


class _Registry(Mapping):
    """Suffix → Format. A plug-in is imported only when its format is used: opening a .json
    report or printing one never pays for loading the spreadsheet library."""

    def __getitem__(self, suffix: str) -> Format:
        if suffix not in PLUGINS:
            raise KeyError(suffix)
        return _load(suffix)

    def __contains__(self, suffix: object) -> bool:
        return suffix in PLUGINS  # Mapping's default would import the plug-in

    def __iter__(self) -> Iterator[str]:
        return iter(PLUGINS)

    def __len__(self) -> int:
        return len(PLUGINS)


def registry() -> Mapping[str, Format]:
    return _Registry()


def format_for(path: Path) -> Format:
    formats = registry()
    fmt = formats.get(Path(path).suffix.lower())
    if fmt is None:
        raise OgiError("FILE_UNKNOWN_TYPE", file=path, known="、".join(sorted(formats)))
    return fmt


def read_report(path: Path):
    """Read any supported report file; OgiError (never a traceback) when it cannot.

    Running out of memory is named as such (a file may be built to exhaust it), never passed
    off as damaged content."""
    fmt = format_for(path)
    try:
        return fmt.read(Path(path))
    except MemoryError:
        raise OgiError("FILE_UNREADABLE", file=path, reason=text("REASON_MEMORY")) from None
    except RecursionError:
        raise OgiError("FILE_UNREADABLE", file=path, reason=text("REASON_NESTING")) from None


def write_report(report, path: Path) -> None:
    format_for(path).write(report, Path(path))
