"""Where recovery journals live and which ones are orphans (their window died).

The journal format and replay are Qt-free (``ogi.formats.journal``); this is the thin Qt part: the
user's data folder (QStandardPaths.AppDataLocation) and a QLockFile beside each live
journal, so a second window never offers to "recover" a journal that is still being written,
while a journal whose process was killed (stale lock) is found at the next start.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from ogi.formats.journal import Journal, JournalWriter, header, problem, read_journal, set_aside
from ogi.model.messages import OgiError, shorten, text

SUFFIX = ".jsonl"


def folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "recovery"


class LockedJournal(JournalWriter):
    """A journal writer holding a lock for as long as its window lives."""

    def __init__(self, path: Path, head: dict) -> None:
        super().__init__(path, head)
        self.lock = QLockFile(str(path) + ".lock")
        self.lock.setStaleLockTime(0)  # only a dead owner makes it stale, never age

    def append(self, entry: dict) -> None:
        if not self.started:  # lock before the journal exists, so no other window ever sees it unlocked
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.lock.tryLock(0)
        super().append(entry)

    def close(self, remove: bool = True) -> None:
        super().close(remove)
        if self.lock.isLocked():
            self.lock.unlock()


def new_journal(form_id: str, source: Path | None, meta: dict[str, str] | None = None) -> LockedJournal:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return LockedJournal(folder() / f"journal-{stamp}-{uuid.uuid4().hex[:8]}{SUFFIX}", header(form_id, source, meta))


def orphans() -> list[Journal]:
    """Journals whose window is gone (crash, power cut, killed), oldest first."""
    return scan()[0]


def scan() -> tuple[list[Journal], list[str]]:
    """(usable orphaned journals, messages about the ones set aside because they cannot be used).

    A journal that cannot be read or replayed is kept under another name (the clerk's typing is
    in it) and never offered again: offering it at every start, only to fail, helps nobody."""
    found, set_aside_messages = [], []
    for path in sorted(folder().glob(f"*{SUFFIX}")):
        lock = QLockFile(str(path) + ".lock")
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another window is still writing it
        lock.unlock()
        try:
            journal = read_journal(path)
            why = problem(journal)
        except OgiError as exc:
            journal, why = None, exc.message
        if why is not None:
            set_aside_messages.append(_set_aside(path, why))
        elif journal.entries:
            found.append(journal)
        else:
            discard(journal.path)
    return found, set_aside_messages


def _set_aside(path: Path, why: str) -> str:
    try:
        kept = set_aside(path)
    except OSError:
        kept = path
    return text("JOURNAL_SET_ASIDE", file=path.name, reason=shorten(why, 120), kept=kept)


def discard(path: Path) -> None:
    Path(path).unlink(missing_ok=True)
    Path(str(path) + ".lock").unlink(missing_ok=True)
