"""Safe saving: a saved file is always either the complete old or the complete new version.

Write to a temporary file in the target folder, flush and fsync, keep the previous
version as ``<stem>.bak<suffix>`` (so that the backup still opens by double-click in Excel),
then atomically replace. Temporary files left by a save that was killed are swept by the next one. Any failure leaves the target as it was
and is reported in Chinese, naming the file.

The new version keeps the old file's permissions (and owner and group where the system lets
us), so colleagues on a shared folder keep their access; a new file gets what the user's umask
gives (not the 0600 of a temporary file). A symbolic link is saved *through*: its target gets the
new content and the link stays a link. Something that is not a regular file (a FIFO, a device)
is never opened.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

from ogi.formats.regular import check_regular_target
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
    errno.ELOOP: "符号链接循环",
}
_BACKUP_REASONS = {
    errno.EPERM: "备份文件不允许修改（可能被设为“不可更改”）",
    errno.EACCES: "备份文件没有写入权限",
    errno.EISDIR: "备份文件名被一个文件夹占用",
    errno.ENOTDIR: "备份文件名被一个文件夹占用",
    errno.EEXIST: "备份文件名被一个文件夹占用",
}


def reason(exc: OSError) -> str:
    """A Chinese reason for an OS error, for the clerk rather than for a developer."""
    if exc.errno == errno.EPERM and exc.strerror == "immutable":
        return "文件被设为“不可更改”（immutable），任何人都不能修改它"
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


def real_target(target: Path) -> Path:
    """The file a save must replace: a symbolic link is followed (the link itself stays)."""
    target = Path(target)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _read_only_fs(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1))
    except (OSError, AttributeError):
        return False


def _preflight(target: Path) -> os.stat_result | None:
    """Refuse early what cannot work; the old file's status (None for a new file)."""
    check_regular_target(target)
    if not target.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no folder")
    if _read_only_fs(target.parent):
        raise OSError(errno.EROFS, "read-only file system")
    old = os.stat(target) if target.exists() else None
    if old is not None and not os.access(target, os.W_OK):
        raise _why_not_writable(target)
    return old


def _why_not_writable(target: Path) -> OSError:
    """Tell an immutable file (EPERM even for root) from a plain lack of permission."""
    try:
        os.close(os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0)))  # no O_TRUNC: changes nothing
    except OSError as exc:
        if exc.errno == errno.EPERM:
            return OSError(errno.EPERM, "immutable")
    return PermissionError(errno.EACCES, "read-only")


def atomic_write(target: Path, data: bytes, keep_backup: bool = True) -> None:
    """Write ``data`` to ``target`` safely (see module docstring)."""
    shown = Path(target)
    try:
        target = real_target(shown)
        old = _preflight(target)
        _sweep_stale(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OgiError("WRITE_FAILED", file=shown, reason=reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            _keep_mode(handle.fileno(), old)
            os.fsync(handle.fileno())
        if keep_backup and old is not None:
            _copy_backup(target, old, shown)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OgiError("WRITE_FAILED", file=shown, reason=reason(exc)) from None
    except OgiError:
        Path(tmp).unlink(missing_ok=True)
        raise


def umask() -> int:
    """The process umask (read without a window where another thread could see it changed, on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _keep_mode(fd: int, old: os.stat_result | None) -> None:
    """The old file's permissions and owner on the new version; a new file follows the umask."""
    if not hasattr(os, "fchmod"):  # Windows: files have no POSIX mode to keep
        return
    if old is None:
        os.fchmod(fd, 0o666 & ~umask())
        return
    with contextlib.suppress(OSError):  # only root may give a file away; the group may still be ours
        os.fchown(fd, old.st_uid, old.st_gid)
    with contextlib.suppress(OSError):
        os.fchown(fd, -1, old.st_gid)
    os.fchmod(fd, stat.S_IMODE(old.st_mode))


def _copy_backup(target: Path, old: os.stat_result, shown: Path) -> None:
    """Copy (not move) the old version, so the target exists at every instant."""
    bak = backup_path(target)
    try:
        if bak.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        check_regular_target(bak)
        fd, tmp = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OgiError("BACKUP_FAILED", file=shown, backup=bak.name, reason=_backup_reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as out, open(target, "rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            _keep_mode(out.fileno(), old)
            os.fsync(out.fileno())
        os.replace(tmp, bak)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OgiError("BACKUP_FAILED", file=shown, backup=bak.name, reason=_backup_reason(exc)) from None


def _backup_reason(exc: OSError) -> str:
    return _BACKUP_REASONS.get(exc.errno) or reason(exc)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
