"""Safe saving: a saved file is always either the complete old or the complete new version.

Write to a temporary file in the target folder, flush and fsync, keep the previous
version as ``<stem>.bak<suffix>`` (so that the backup still opens by double-click in Excel),
then atomically replace. Temporary files left by a save that was killed are swept by the next one. Any failure leaves the target as it was
and is reported in Chinese, naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path

from ogi.model.messages import OgiError, os_reason

_REASONS = {
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已满",
    errno.EROFS: "磁盘为只读",
    errno.EACCES: "没有写入权限，或文件正被其他程序（如 Excel、WPS）打开",
    errno.EPERM: "没有写入权限，或文件正被其他程序（如 Excel、WPS）打开",
    errno.ENOENT: "文件夹不存在",
    errno.EISDIR: "目标是一个文件夹",
    errno.ENAMETOOLONG: "文件名过长",
}


def reason(exc: OSError) -> str:
    """A Chinese reason for an OS error, for the clerk rather than for a developer."""
    return _REASONS.get(exc.errno) or os_reason(exc)


def backup_path(target: Path) -> Path:
    """``报告.xlsx`` → ``报告.bak.xlsx``."""
    return target.with_name(f"{target.stem}.bak{target.suffix}")


def _sweep_stale(target: Path, max_age: float = 60.0) -> None:
    """Remove temporary files of earlier, interrupted saves of this target (best effort)."""
    now = time.time()
    for pattern in (f".{target.name}.*.tmp", f".{backup_path(target).name}.*.tmp"):
        for tmp in target.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if now - tmp.stat().st_mtime > max_age:
                    tmp.unlink()


def atomic_write(target: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write ``data`` to ``target`` safely (see module docstring)."""
    target = Path(target)
    try:
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not target.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no folder")
        if target.exists() and not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, "read-only")
        _sweep_stale(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OgiError("WRITE_FAILED", file=target, reason=reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and target.exists():
            _copy_backup(target)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OgiError("WRITE_FAILED", file=target, reason=reason(exc)) from None


def _copy_backup(target: Path) -> None:
    """Copy (not move) the old version, so the target exists at every instant."""
    bak = backup_path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, open(target, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, bak)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
