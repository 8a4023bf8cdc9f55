"""PDF-C: the parsed-font cache — same font as a fresh parse, and never trusted when damaged or stale."""

from __future__ import annotations

import os
import shutil

import pytest

from ogi.outputs.pdf import fontcache
from ogi.paths import fonts_dir
from tests.tools.cli import ogi

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
    (old,) = entries(cache)
    fontcache.load_face("b", cache, 0)
    (new,) = entries(cache)  # a new key: the old entry is not trusted, and is removed once replaced
    assert new != old and fontcache._read(new, fontcache._key(cache.resolve(), 0)) is not None


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


def test_PDF_C6_a_cached_face_derives_what_only_shaping_uses(cache):
    parsed = fontcache.load_face("a", cache, 0)
    cached = fontcache.load_face("b", cache, 0)
    assert cached.face.glyphToChar == parsed.face.glyphToChar
    assert list(cached.face.hmetrics) == list(parsed.face.hmetrics)
    assert list(cached.face.glyphPos) == list(parsed.face.glyphPos)


def test_PDF_C7_entries_of_the_first_cache_format_are_removed(cache):
    legacy = fontcache.cache_dir() / "fonts" / "hei-0-0123456789abcdef01234567.pickle"
    other = fontcache.cache_dir() / "fonts" / "song-0-0123456789abcdef01234567.pickle"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"old")
    other.write_bytes(b"old")
    fontcache.load_face("a", cache, 0)
    assert not legacy.exists() and other.exists()  # another font's entry is not this font's to remove


def test_PDF_C8_the_same_pdf_with_a_cold_cache_a_warm_one_and_none(tmp_path, seed):
    """Whole processes, as a clerk runs them: the cache changes how fast, never what is printed."""
    from ogi.formats.jsonfile import write

    write(seed, tmp_path / "r.json")
    printed = []
    for switch in ("0", "1", "1"):  # no cache; a cold cache (parsed, stored); a warm one (loaded)
        env = dict(os.environ, OGI_FONT_CACHE=switch, OGI_CACHE_DIR=str(tmp_path / "cache"))
        out = tmp_path / f"r{len(printed)}.pdf"
        ogi("pdf", str(tmp_path / "r.json"), "-o", str(out), env=env)
        printed.append(out.read_bytes())
    assert printed[0] == printed[1] == printed[2]
    assert list((tmp_path / "cache" / "fonts").glob("*.pickle"))
