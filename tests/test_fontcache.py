"""PDF-C: the parsed-font cache — same font as a fresh parse, and never trusted when damaged or stale."""

from __future__ import annotations

import os
import shutil

import pytest

from ogi.outputs.pdf import fontcache
from ogi.paths import fonts_dir

WQY = fonts_dir() / "wqy-microhei.ttc"


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(fontcache.ENV_CACHE_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(fontcache.ENV_SWITCH, raising=False)
    font = tmp_path / "hei.ttc"
    shutil.copy(WQY, font)
    return font


def entries(font) -> list:
    return sorted((fontcache.cache_dir() / "fonts").glob("*.pickle"))


def same(a, b) -> None:
    assert a.face.charToGlyph == b.face.charToGlyph and a.face.charWidths == b.face.charWidths
    assert a.face.makeSubset([0, 32, 0x653F, 0x5E9C]) == b.face.makeSubset([0, 32, 0x653F, 0x5E9C])
    assert a.stringWidth("政府 2023", 16) == b.stringWidth("政府 2023", 16)


def test_PDF_C1_a_cached_face_is_the_parsed_face(cache):
    parsed = fontcache.load_face("a", cache, 0)  # parses and stores
    assert len(entries(cache)) == 1
    cached = fontcache.load_face("b", cache, 0)
    assert cached.face is not parsed.face and cached.fontName == "b"
    same(parsed, cached)


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b"ogi-font-cache\n" + b"\x80\x05garbage"),
        lambda p: p.write_bytes(b"not a cache at all"),
    ],
)
def test_PDF_C2_a_damaged_entry_is_parsed_again_and_rewritten(cache, damage):
    reference = fontcache.load_face("a", cache, 0)
    (entry,) = entries(cache)
    damage(entry)
    again = fontcache.load_face("b", cache, 0)
    same(reference, again)
    assert fontcache._read(entry, fontcache._key(cache.resolve(), 0)) is not None  # rewritten whole


def test_PDF_C3_a_changed_font_file_is_not_served_from_the_cache(cache):
    fontcache.load_face("a", cache, 0)
    stat = cache.stat()
    os.utime(cache, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the file was replaced
    fontcache.load_face("b", cache, 0)
    assert len(entries(cache)) == 2  # a new key: the old entry is not trusted


def test_PDF_C4_an_unwritable_cache_folder_still_prints(cache, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv(fontcache.ENV_CACHE_DIR, str(blocker / "below-a-file"))
    font = fontcache.load_face("a", cache, 0)
    assert font.face.charToGlyph


def test_PDF_C5_an_entry_of_another_key_is_refused(cache):
    fontcache.load_face("a", cache, 0)
    (entry,) = entries(cache)
    assert fontcache._read(entry, "another key") is None
