"""Opening only regular files, and knowing whether a file changed since we looked.

``open()`` on a FIFO blocks until a writer appears, and a device can be endless: a report, a
journal or a font is therefore opened non-blocking and checked with ``fstat`` on the open
descriptor (no race between looking and opening) before a single byte is read. Symbolic links
are followed: the clerk means the file the link points at.

:class:`Stamp` is what the window remembers of the file it opened or saved, so that a save
over a file changed since (another window, ``ogi convert``, a colleague) is noticed first.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ogi.model.messages import OgiError

MB = 1024 * 1024


def not_regular(mode: int) -> str | None:
    """The Chinese reason a file of this mode is not a report file, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "这是一个文件夹"
    if stat.S_ISFIFO(mode):
        return "这是一个管道（FIFO），不是普通文件"
    return "这不是普通文件（可能是设备或套接字）"


def _reason(exc: OSError) -> str:
    from ogi.formats.safesave import reason  # (safesave imports this module)

    return reason(exc)


def _refuse(path: Path, info: os.stat_result, max_bytes: int) -> None:
    """What no reader takes: a folder, a FIFO or device, an empty file, a file beyond the limit."""
    if stat.S_ISDIR(info.st_mode):
        raise OgiError("FILE_IS_DIR", file=path)
    if why := not_regular(info.st_mode):
        raise OgiError("FILE_UNREADABLE", file=path, reason=why)
    if info.st_size == 0:
        raise OgiError("FILE_UNREADABLE", file=path, reason="文件为空（0 字节）")
    if info.st_size > max_bytes:
        raise OgiError("FILE_TOO_LARGE", file=path, size=_mb(info.st_size), limit=_mb(max_bytes))


def check_regular(path: Path, max_bytes: int) -> None:
    """The same refusals for a reader that opens the file itself (a zip archive, a workbook by name);
    the others read with :func:`read_regular`, which checks the descriptor it reads from."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise OgiError("FILE_NOT_FOUND", file=path) from None
    except OSError as exc:
        raise OgiError("FILE_UNREADABLE", file=path, reason=_reason(exc)) from None
    _refuse(path, info, max_bytes)


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; OgiError naming the file otherwise."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise OgiError("FILE_NOT_FOUND", file=path) from None
    except IsADirectoryError:
        raise OgiError("FILE_IS_DIR", file=path) from None
    except OSError as exc:
        raise OgiError("FILE_UNREADABLE", file=path, reason=_reason(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        _refuse(path, os.fstat(fd), max_bytes)
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            raise OgiError("FILE_UNREADABLE", file=path, reason=_reason(exc)) from None
    if len(data) > max_bytes:  # grew while we read
        raise OgiError("FILE_TOO_LARGE", file=path, size=_mb(len(data)), limit=_mb(max_bytes))
    return data


def _mb(size: int) -> str:
    return f"{size / MB:.1f}"


def check_regular_target(path: Path) -> None:
    """Refuse to write onto an existing path that is not a regular file (a FIFO would hang us)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    why = not_regular(mode)
    if why:
        raise OgiError("WRITE_FAILED", file=path, reason=why)


@dataclass(frozen=True)
class Stamp:
    """What identifies one version of a file on disk (cheap: no reading)."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path | None) -> Stamp | None:
        """The file's stamp now; None when there is no file (never saved, deleted, unreachable)."""
        if path is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(info.st_ino, info.st_size, info.st_mtime_ns)


def changed_since(path: Path | None, seen: Stamp | None) -> bool:
    """True when another version of the file is on disk than the one we last read or wrote.

    A file that is gone is not "changed": saving simply writes it again."""
    if path is None or seen is None:
        return False
    now = Stamp.of(path)
    return now is not None and now != seen
