"""SAVE: safe saving keeps the old file intact on every failure and leaves a backup."""

from __future__ import annotations

import errno
import os
import time

import pytest

from ogi.formats import safesave
from ogi.formats.safesave import atomic_write, backup_path
from ogi.model.messages import OgiError


def test_SAVE_replaces_and_keeps_backup(tmp_path):
    target = tmp_path / "报告.json"
    atomic_write(target, b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and backup_path(target).read_bytes() == b"old"
    assert backup_path(target).name == "报告.bak.json"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_SAVE_read_only_target_untouched_as_user(tmp_path):  # pragma: no cover - CI runs as root
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    target.chmod(0o444)
    with pytest.raises(OgiError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"


def test_SAVE_read_only_target_refused(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(safesave.os, "access", lambda *a, **k: False)
    with pytest.raises(OgiError) as err:
        atomic_write(target, b"new")
    assert "r.json" in err.value.message and "正被其他程序" in err.value.message
    assert target.read_bytes() == b"old"


def test_SAVE_missing_folder(tmp_path):
    with pytest.raises(OgiError) as err:
        atomic_write(tmp_path / "nowhere" / "r.json", b"x")
    assert "文件夹不存在" in err.value.message


def test_SAVE_target_is_a_folder(tmp_path):
    with pytest.raises(OgiError) as err:
        atomic_write(tmp_path, b"x")
    assert "文件夹" in err.value.message


def test_SAVE_disk_full_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_bytes(b"old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safesave.os, "fsync", full)
    with pytest.raises(OgiError) as err:
        atomic_write(target, b"new")
    assert "磁盘空间不足" in err.value.message and "r.json" in err.value.message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_SAVE_sweeps_stale_temp_files(tmp_path):
    target = tmp_path / "r.json"
    stale = tmp_path / ".r.json.abc123.tmp"
    stale.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    atomic_write(target, b"x")
    assert not stale.exists()
