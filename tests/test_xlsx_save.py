"""XLSX: saving is atomic — a failed save says why and leaves the file on disk untouched."""

from __future__ import annotations

import errno
import os
import stat

import pytest

from ogi.formats import read_report, write_report
from ogi.formats.safesave import backup_path
from ogi.model.messages import OgiError
from ogi.model.sample import full_report


@pytest.fixture()
def two_reports(form21):
    first = full_report(form21, seed=1)
    second = full_report(form21, seed=2)
    return first, second


def test_SAVE_previous_version_kept_as_bak(tmp_path, two_reports):
    first, second = two_reports
    path = tmp_path / "年报.xlsx"
    write_report(first, path)
    old = path.read_bytes()
    write_report(second, path)
    assert backup_path(path).read_bytes() == old and backup_path(path).suffix == ".xlsx"
    assert read_report(path) == second and read_report(backup_path(path)) == first  # the backup opens as a report
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, backup_path(path).name])  # no temp files


def test_SAVE_read_only_target_untouched(tmp_path, two_reports, monkeypatch):
    first, second = two_reports
    path = tmp_path / "年报.xlsx"
    write_report(first, path)
    old = path.read_bytes()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    if os.geteuid() == 0:  # root ignores permission bits: let os.access answer as for a clerk
        real = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode, **kw: not (mode & os.W_OK and not os.stat(p).st_mode & 0o222) and real(p, mode)
        )
    with pytest.raises(OgiError) as err:
        write_report(second, path)
    assert err.value.code == "WRITE_FAILED" and "年报.xlsx" in err.value.message and "权限" in err.value.message
    assert path.read_bytes() == old and not backup_path(path).exists()


def test_SAVE_missing_folder(tmp_path, two_reports):
    path = tmp_path / "不存在的文件夹" / "年报.xlsx"
    with pytest.raises(OgiError) as err:
        write_report(two_reports[0], path)
    assert "文件夹不存在" in err.value.message and "年报.xlsx" in err.value.message and not path.parent.exists()


def test_SAVE_disk_full(tmp_path, two_reports, monkeypatch):
    first, second = two_reports
    path = tmp_path / "年报.xlsx"
    write_report(first, path)
    old = path.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OgiError) as err:
        write_report(second, path)
    assert "磁盘空间不足" in err.value.message and "年报.xlsx" in err.value.message
    assert path.read_bytes() == old and sorted(p.name for p in tmp_path.iterdir()) == ["年报.xlsx"]


def test_SAVE_target_is_a_folder(tmp_path, two_reports):
    (tmp_path / "年报.xlsx").mkdir()
    with pytest.raises(OgiError) as err:
        write_report(two_reports[0], tmp_path / "年报.xlsx")
    assert "文件夹" in err.value.message
