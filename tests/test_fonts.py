"""PDF-F: font choice (preferences → official system fonts → bundled), skipped fonts, glyph coverage."""

from __future__ import annotations

import sys

import pytest

from ogi.model.messages import OgiError, text
from ogi.model.sample import full_report
from ogi.outputs.pdf import fonts
from ogi.outputs.pdf.fonts import Faces, FontSet, system_font_dirs, unusable
from ogi.outputs.pdf.render import PdfOptions, render_pdf
from ogi.paths import fonts_dir

UMING, WQY = fonts_dir() / "uming.ttc", fonts_dir() / "wqy-microhei.ttc"


def link(folder, name, target):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).symlink_to(target)
    return folder / name


def test_PDF_F1_bundled_fonts_when_nothing_is_installed():
    found = FontSet.discover(system_dirs=[])
    assert found.faces["song"].path == UMING and found.faces["hei"].path == WQY
    assert found.faces["fangsong"] == found.faces["song"] and found.faces["title"] == found.faces["song"]
    assert found.bold_fallback("title") and not found.bold_fallback("hei")
    assert {f.origin for f in found.faces.values()} == {"bundled"}


def test_PDF_F2_official_fonts_found_by_file_name_in_any_case(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    assert system_font_dirs() == [tmp_path / "Windows" / "Fonts"]
    hei = link(tmp_path / "Windows" / "Fonts", "SIMHEI.TTF", WQY)
    found = FontSet.discover(system_dirs=system_font_dirs())
    assert found.faces["hei"].path == hei and found.faces["hei"].origin == "system"
    assert found.faces["song"].origin == "bundled"


def test_PDF_F3_preference_folder_wins_over_the_system(tmp_path, monkeypatch):
    link(tmp_path / "system", "simfang.ttf", UMING)
    preferred = link(tmp_path / "mine", "fangsong.ttf", WQY)
    found = FontSet.discover(tmp_path / "mine", system_dirs=[tmp_path / "system"])
    assert found.faces["fangsong"].path == preferred and found.faces["fangsong"].origin == "preferences"
    assert found.faces["kai"] == found.faces["fangsong"]  # 楷体 borrows 仿宋
    monkeypatch.setenv(fonts.ENV_FONT_DIR, str(tmp_path / "mine"))
    assert FontSet.discover(system_dirs=[tmp_path / "system"]).faces["fangsong"].path == preferred
    with pytest.raises(OgiError) as missing:
        FontSet.discover(tmp_path / "nowhere", system_dirs=[])
    assert missing.value.code == "FONT_DIR_MISSING"


def test_PDF_F4_cff_and_broken_fonts_are_skipped_with_a_reason(tmp_path):
    system = tmp_path / "fonts"
    system.mkdir()
    (system / "simfang.ttf").write_bytes(b"OTTO" + bytes(60))  # an OpenType/CFF face (Noto CJK, Source Han)
    (system / "simhei.ttf").write_bytes(b"\x00\x01\x00\x00" + bytes(8))  # TrueType header, nothing after
    found = FontSet.discover(system_dirs=[system])
    reasons = dict(found.skipped)
    assert reasons[system / "simfang.ttf"] == text("FONT_REASON_CFF")
    assert reasons[system / "simhei.ttf"].startswith("无法读取")
    assert found.faces["fangsong"].origin == "bundled" and found.faces["hei"].path == WQY
    assert any("已跳过字体" in line for line in found.describe())


def test_PDF_F5_font_without_digits_is_refused(monkeypatch):
    assert unusable(WQY) is None
    monkeypatch.setattr(fonts, "_PROBE_DIGITS", "0123456789\U000f0000")  # a digit this font lacks
    assert unusable(WQY) == text("FONT_REASON_NO_DIGITS")


def test_PDF_F6_missing_glyph_falls_back_per_character_else_is_an_error(form21):
    faces = Faces(FontSet.discover(system_dirs=[]))
    song, hei = fonts.load(fonts.FontFile(UMING)), fonts.load(fonts.FontFile(WQY))
    assert ord("ㄱ") not in song.face.charToGlyph  # Hangul: in WenQuanYi only
    assert faces["song"].glyph("ㄱ")[0] == hei.fontName and faces["song"].glyph("政")[0] == song.fontName
    assert faces["song"].runs("政ㄱ府") == [(song.fontName, "政"), (hei.fontName, "ㄱ"), (song.fontName, "府")]
    report = full_report(form21)
    report.texts["problems"] = "存在问题\U000f0000若干"
    with pytest.raises(OgiError) as error:
        render_pdf(report, [], PdfOptions(fonts=FontSet.discover(system_dirs=[])))
    assert error.value.code == "PDF_NO_GLYPH"
    assert "五、存在的主要问题及改进情况" in error.value.message and "U+F0000" in error.value.message
