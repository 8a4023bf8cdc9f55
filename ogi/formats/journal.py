"""The recovery journal: every committed edit, on disk before the next keystroke.

A power cut or a crash must not cost the clerk a morning's typing. The window appends one
JSON line per committed change (flushed and fsync'ed), after a header line naming the form
and the file the session started from. Each line records the *resulting state* of what it
touched (not an operation), so undo and redo are journaled like any other edit and replay
is simply "apply every line in order". A torn last line (the crash hit mid-write) is ignored.

Qt-free on purpose: the window decides where the file lives and when to rotate it.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ogi.formats import read_report
from ogi.formats.regular import read_regular
from ogi.model.loader import load_form
from ogi.model.messages import OgiError
from ogi.model.report import Invalid, Report
from ogi.model.values import clean_text, format_number, parse

VERSION = 1
MAX_BYTES = 200 * 1024 * 1024
UNUSABLE = ".unusable"  # suffix of a journal set aside


@dataclass(frozen=True)
class Journal:
    """A journal read back from disk: its header and every complete entry."""

    path: Path
    form: str
    source: str | None  # the report file the session started from (None: a new report)
    started: str  # ISO time the session started
    entries: tuple[dict, ...]
    meta: dict  # metadata a new report started with (e.g. the year chosen in the New dialog)

    @property
    def edits(self) -> int:
        return sum(1 for e in self.entries if e.get("op") != "previous")


def header(form_id: str, source: Path | None, meta: dict[str, str] | None = None) -> dict:
    return {
        "journal": VERSION,
        "form": form_id,
        "source": os.path.abspath(source) if source else None,  # recovery may start from another folder
        "started": _dt.datetime.now().isoformat(timespec="seconds"),
        "meta": dict(meta or {}),
    }


class JournalWriter:
    """Appends lines durably. The file is created on the first entry, not before."""

    def __init__(self, path: Path, head: dict) -> None:
        self.path = Path(path)
        self.head = head
        self._handle = None

    def append(self, entry: dict) -> None:
        if self._handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self.path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115 (kept open)
            self._write(self.head)
        self._write(entry)

    def _write(self, obj: dict) -> None:
        # clean_text: a lone surrogate in the clerk's text must not cost the journal that edit
        self._handle.write(clean_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":"))) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    @property
    def started(self) -> bool:
        return self._handle is not None

    def close(self, remove: bool = True) -> None:
        """Close; ``remove`` after a save or a normal close (nothing left to recover)."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if remove:
            self.path.unlink(missing_ok=True)


def read_journal(path: Path) -> Journal:
    """Read a journal; complete lines only. OgiError when even the header is unreadable."""
    path = Path(path)
    try:
        data = read_regular(path, MAX_BYTES).decode("utf-8", errors="replace")
    except OgiError as exc:
        if exc.code in ("FILE_NOT_FOUND", "FILE_IS_DIR"):
            raise
        raise OgiError("JOURNAL_UNREADABLE", file=path) from None
    lines = data.split("\n")[:-1]  # text after the last newline is a torn write: ignored
    objects = []
    for line in lines:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            break  # nothing after a damaged line can be trusted to be in order
        if isinstance(obj, dict):
            objects.append(obj)
    if not objects or objects[0].get("journal") != VERSION or not isinstance(objects[0].get("form"), str):
        raise OgiError("JOURNAL_UNREADABLE", file=path)
    head = objects[0]
    meta = head.get("meta") if isinstance(head.get("meta"), dict) else {}
    meta = {k: v for k, v in meta.items() if isinstance(k, str) and isinstance(v, str)}
    return Journal(path, head["form"], head.get("source"), str(head.get("started", "")), tuple(objects[1:]), meta)


# -- entries -------------------------------------------------------------------
def cells_entry(report: Report, cells: list[str]) -> dict:
    """The current state of ``cells``: a value, null (blank / automatic total) or invalid text."""
    out: dict[str, object] = {}
    for cell in cells:
        bad = report.invalid.get(cell)
        if bad is not None:
            out[cell] = {"text": bad.text, "reason": bad.reason, "source": bad.source}
        else:
            out[cell] = format_number(report.stored(cell)) or None
    return {"op": "cells", "cells": out}


def text_entry(kind: str, key: str, value: str) -> dict:
    """``kind`` is "text" (a narrative section), "meta" (a metadata field) or "note"."""
    return {"op": kind, "key": key, "value": value}


def previous_entry(path: Path | None) -> dict:
    return {"op": "previous", "path": os.path.abspath(path) if path else None}


def set_aside(path: Path) -> Path:
    """Keep an unusable journal (the clerk's typing is in it) under a name never offered again."""
    path = Path(path)
    kept = path.with_name(path.name + UNUSABLE)
    os.replace(path, kept)
    Path(str(path) + ".lock").unlink(missing_ok=True)
    return kept


def problem(journal: Journal) -> str | None:
    """Why this journal cannot be replayed at all (an edition this program does not know), or None."""
    try:
        load_form(journal.form)
    except OgiError as exc:
        return exc.message
    return None


# -- replay --------------------------------------------------------------------
def start_report(journal: Journal, source: Path | None = None) -> Report:
    """The report the journaled session started from: its source file (or ``source``, where the
    clerk found it), or a blank one. Never a report of another edition than the journal's."""
    where = source or (Path(journal.source) if journal.source else None)
    if where is None:
        return blank_report(journal)
    report = read_report(where)
    if report.form.id != journal.form:
        raise OgiError("JOURNAL_OTHER_EDITION", file=journal.path, journal=journal.form, source=where, found=report.form.id)
    return report


def blank_report(journal: Journal) -> Report:
    """A new report of the journal's edition (when its file is gone: the edits go onto this one)."""
    report = Report(load_form(journal.form))
    report.meta.update({k: v for k, v in journal.meta.items() if k in {m.id for m in report.form.meta}})
    return report


def replay(report: Report, entries: tuple[dict, ...] | list[dict]) -> Path | None:
    """Apply ``entries`` to ``report``; returns last year's report file if one was loaded."""
    previous: Path | None = None
    for entry in entries:
        op = entry.get("op")
        if op == "cells" and isinstance(entry.get("cells"), dict):
            _replay_cells(report, entry["cells"])
        elif op in ("text", "meta", "note") and isinstance(entry.get("key"), str):
            _replay_text(report, op, entry["key"], entry.get("value"))
        elif op == "previous":
            previous = Path(entry["path"]) if entry.get("path") else None
    report.recompute()
    return previous


def _replay_cells(report: Report, cells: dict) -> None:
    for cell, state in cells.items():
        if cell not in report.form.cells:
            continue
        if isinstance(state, dict):
            report.set_invalid(
                cell, Invalid(str(state.get("text", "")), str(state.get("reason", "")), str(state.get("source", "")))
            )
            continue
        got = parse(state, report.form.cells[cell].type)
        report.set(cell, got.value if got.ok else None)


def _replay_text(report: Report, op: str, key: str, value: object) -> None:
    known = {"meta": {m.id for m in report.form.meta}, "text": {s.id for s in report.form.text_sections()}}.get(op)
    if known is not None and key not in known:
        return  # a field this edition does not have would make a file the readers refuse
    target = report.strings(op)
    if isinstance(value, str) and value != "":
        target[key] = value
    else:
        target.pop(key, None)
