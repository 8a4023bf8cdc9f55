"""BUNDLE: ``ogi-report --self-test`` (one line, exit code), and the tools that shrink the bundle.

The frozen bundle's own self-test runs in .ci/run after the build; here the same entry point runs
from source, plus the reporting paths a frozen Windows exe needs (no stdout) and the ICU / font
tools used by build.spec.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ICU_DATA = Path(__import__("PySide6").__file__).parent / "Qt" / "lib" / "libicudata.so.73"
sys.path.insert(0, str(ROOT))  # tools/ (build-time helpers) is not an installed package


def _isolated_env(tmp_path: Path) -> dict:
    return dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data")
    )


@pytest.mark.slow
def test_BUNDLE_self_test_from_source_passes_in_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "ogi_gui", "--self-test"],
        cwd=tmp_path,
        env=_isolated_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(lines) == 1 and lines[0].startswith("自检通过："), lines
    assert "ogi-2021" in lines[0] and "QtPdf 打印" in lines[0]
    assert not (tmp_path / "config").exists() and not (tmp_path / "data").exists()  # no settings, no journals


def test_BUNDLE_a_failed_check_is_one_line_and_exit_1(monkeypatch, capsys):
    import ogi_gui.selftest

    import ogi.cli.selftest

    def broken():
        raise ogi.cli.selftest.SelfTestError("缺少报告格式定义（只找到 []）")

    monkeypatch.setattr(ogi.cli.selftest, "run_core", broken)
    assert ogi_gui.selftest.run(["ogi-report", "--self-test"]) == 1
    assert capsys.readouterr().out == "自检失败：缺少报告格式定义（只找到 []）\n"


def test_BUNDLE_unexpected_error_names_its_type(monkeypatch, capsys):
    import ogi_gui.selftest

    import ogi.cli.selftest

    def missing():
        raise ModuleNotFoundError("No module named 'ogi.formats.xlsx'")

    monkeypatch.setattr(ogi.cli.selftest, "run_core", missing)
    assert ogi_gui.selftest.run(["ogi-report", "--self-test"]) == 1
    assert capsys.readouterr().out == "自检失败：ModuleNotFoundError: No module named 'ogi.formats.xlsx'\n"


def test_BUNDLE_windowed_exe_without_stdout_writes_the_line_next_to_it(monkeypatch, tmp_path):
    import ogi_gui.selftest

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "ogi-report.exe"))
    ogi_gui.selftest.emit("自检通过：测试")
    assert (tmp_path / ogi_gui.selftest.RESULT_FILE).read_text(encoding="utf-8") == "自检通过：测试\n"


def test_BUNDLE_read_only_program_folder_falls_back_to_temp(monkeypatch, tmp_path):
    import ogi_gui.selftest

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "missing-folder" / "ogi-report.exe"))
    monkeypatch.setattr(ogi_gui.selftest.tempfile, "gettempdir", lambda: str(tmp_path))
    ogi_gui.selftest.emit("自检失败：测试")
    assert (tmp_path / ogi_gui.selftest.RESULT_FILE).read_text(encoding="utf-8") == "自检失败：测试\n"


def test_BUNDLE_blank_picture_is_recognised(qapp):
    import ogi_gui.selftest
    from PySide6.QtGui import QImage, QPainter, Qt

    blank = QImage(200, 100, QImage.Format.Format_RGB32)
    blank.fill(Qt.GlobalColor.white)
    assert ogi_gui.selftest._colours(blank) == 1
    painter = QPainter(blank)
    painter.fillRect(10, 10, 50, 50, Qt.GlobalColor.black)
    painter.fillRect(80, 10, 50, 50, Qt.GlobalColor.red)
    painter.end()
    assert ogi_gui.selftest._colours(blank) == 3


# -- tools/trim_icu.py: the Linux bundle's smaller ICU data ----------------------------------------------------
def test_BUNDLE_icu_items_kept_are_those_qt_uses():
    from tools.trim_icu import keep_item

    kept = [
        "icudt73l/coll/zh.res",
        "icudt73l/coll/zh_Hans_CN.res",
        "icudt73l/coll/root.res",
        "icudt73l/coll/ucadata.icu",
        "icudt73l/zoneinfo64.res",
        "icudt73l/zone/zh.res",
        "icudt73l/region/en.res",
        "icudt73l/gb18030.cnv",
        "icudt73l/res_index.res",
        "icudt73l/supplementalData.res",
        "icudt73l/cnvalias.icu",
        "icudt73l/en_US_POSIX.res",
    ]
    dropped = [
        "icudt73l/coll/de.res",
        "icudt73l/coll/de__PHONEBOOK.res",
        "icudt73l/brkitr/cjdict.dict",
        "icudt73l/translit/root.res",
        "icudt73l/fr.res",
        "icudt73l/curr/zh.res",
        "icudt73l/zone/ja.res",
    ]
    assert [keep_item(n) for n in kept] == [True] * len(kept)
    assert [keep_item(n) for n in dropped] == [False] * len(dropped)


@pytest.mark.skipif(not ICU_DATA.is_file(), reason="PySide6 without its own ICU (Windows, macOS)")
def test_BUNDLE_icu_package_rewritten_item_for_item():
    from tools.trim_icu import filter_package, keep_item, read_package

    symbol, package = read_package(ICU_DATA)
    assert symbol == "icudt73_dat"
    assert filter_package(package, lambda name: True) == package  # the format is understood byte for byte
    trimmed = filter_package(package, keep_item)
    names = _names(trimmed)
    assert names == sorted(names) and all(keep_item(n) for n in names)  # ICU looks items up by binary search
    assert "icudt73l/coll/zh.res" in names and "icudt73l/brkitr/cjdict.dict" not in names
    assert len(trimmed) < len(package) / 3


def _names(package: bytes) -> list[str]:
    toc = struct.unpack_from("<H", package, 0)[0]
    count = struct.unpack_from("<I", package, toc)[0]
    offsets = [struct.unpack_from("<I", package, toc + 4 + 8 * i)[0] for i in range(count)]
    return [package[toc + o : package.index(b"\0", toc + o)].decode() for o in offsets]


@pytest.mark.slow
@pytest.mark.skipif(not ICU_DATA.is_file() or not shutil.which("cc"), reason="needs PySide6's ICU and a C compiler")
def test_BUNDLE_trimmed_icu_serves_what_qt_asks(tmp_path, monkeypatch):
    import tools.trim_icu

    assert _icu_probe(tools.trim_icu.trim(ICU_DATA, tmp_path / "zh-en")) == "ok"
    monkeypatch.setattr(tools.trim_icu, "KEEP_LANGUAGES", ("en",))  # the probe notices missing Chinese data
    assert "缺少中文排序数据" in _icu_probe(tools.trim_icu.trim(ICU_DATA, tmp_path / "en"))


def _icu_probe(library: Path) -> str:
    probe = "import ogi_gui.selftest as s\ntry:\n    s._check_icu(); print('ok')\nexcept Exception as e:\n    print(e)"
    env = dict(os.environ, LD_PRELOAD=str(library))  # the trimmed library answers for libicudata.so.73
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60, check=False)
    return done.stdout.strip() + done.stderr


# -- tools/subset_fonts.py: the Song face shipped in the bundle -----------------------------------------------
@pytest.mark.slow
def test_BUNDLE_song_font_keeps_every_character_of_its_face(tmp_path):
    pytest.importorskip("fontTools")
    from reportlab.pdfbase.ttfonts import TTFont

    from ogi.outputs.pdf.fonts import BUNDLED
    from ogi.paths import fonts_dir
    from tools.subset_fonts import NOTICE_FILE, subset_song

    name, index = BUNDLED["song"]
    made, notice = subset_song(fonts_dir() / name, tmp_path)
    assert made.name == name and made.stat().st_size < (fonts_dir() / name).stat().st_size * 0.85
    original, small = TTFont("a", str(fonts_dir() / name), subfontIndex=index), TTFont("b", str(made), subfontIndex=index)
    assert small.face.charToGlyph == original.face.charToGlyph
    assert small.stringWidth("政府信息公开 2023 年度报告", 12) == original.stringWidth("政府信息公开 2023 年度报告", 12)
    assert notice.name == NOTICE_FILE and "tools/subset_fonts.py" in notice.read_text(encoding="utf-8")
    from fontTools.ttLib import TTFont as FontToolsFont

    assert "modified by ogi-report" in FontToolsFont(str(made), fontNumber=0)["name"].getDebugName(5)
