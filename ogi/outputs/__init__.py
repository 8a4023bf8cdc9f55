"""Write-only outputs: the report rendered for people (PDF today; web page and Word next).

Each output module exposes ``OUTPUT`` (an :class:`Output`); this registry picks one by the target's
suffix, so the command line (``ogi export REPORT -o OUT.pdf``) and the window's export dialog choose
the same way, and adding an output is one module and one entry in ``PLUGINS``. Outputs never read
back: the program's own files are :mod:`ogi.formats`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ogi.model.messages import OgiError
from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.plugins import load_plugin

PLUGINS = {".pdf": "ogi.outputs.pdf", ".html": "ogi.outputs.html", ".docx": "ogi.outputs.docx"}  # suffix → module


@dataclass(frozen=True)
class ExportOptions:
    """What every printed or published copy can be asked for (the PDF uses all of them)."""

    title: str | None = None  # replaces the form's title template; "\n" forces a line break
    final: bool = False  # the clerk confirmed: no draft mark even with error findings
    sign_off: bool = False  # 单位负责人（签字）… block for the signed copy
    notes: bool = True  # a last part listing accepted warnings with the clerk's 说明
    font_dir: str | None = None  # preferred font folder (PDF)
    seal: bool = True  # the formal copy is sealed: 落款 as GB/T 9704 §7.3.5.1 (else §7.3.5.2)
    fragment: bool = False  # web page: the article alone, styles inline, for pasting into a site's editor


@dataclass(frozen=True)
class Output:
    suffix: str
    label: str  # for file dialogs: 「PDF 文件」
    write: Callable[[Report, Path, list[Finding], ExportOptions], str]  # returns a short summary: 「5 页」


@cache
def _load(suffix: str) -> Output:
    return load_plugin(PLUGINS[suffix], "OUTPUT", suffix)


def output_for(path: Path) -> Output:
    """The output for a target file by its suffix; anything else (a report file!) is refused."""
    suffix = Path(path).suffix.lower()
    if suffix not in PLUGINS:
        raise OgiError("EXPORT_UNKNOWN_TYPE", file=path, known="、".join(sorted(PLUGINS)))
    return _load(suffix)


def refuse_report_target(path: Path, source: Path | None = None) -> None:
    """A printed copy never replaces a report: not the one it came from (also through a link or
    a hard link), nor any report file a link of a PDF name points at."""
    import os

    from ogi.formats import registry

    path = Path(path)
    try:
        same = source is not None and path.exists() and os.path.samefile(path, source)
        real = Path(os.path.realpath(path))
    except OSError:
        same, real = False, path
    if same:
        raise OgiError("EXPORT_SAME_AS_INPUT", file=path)
    if real.suffix.lower() in registry():
        raise OgiError("EXPORT_ONTO_REPORT", file=path, target=real.name)


def suffixes() -> list[str]:
    return list(PLUGINS)


def labels() -> dict[str, str]:
    return {suffix: _load(suffix).label for suffix in PLUGINS}


def export(report: Report, path: Path, findings: list[Finding], options: ExportOptions | None = None) -> str:
    output = output_for(path)
    refuse_report_target(Path(path))
    return output.write(report, Path(path), findings, options or ExportOptions())
