"""Parsed TrueType faces kept in the user's cache folder, so printing does not re-parse 26 MB of fonts.

reportlab parses a CJK TrueType collection in pure Python (0.2–0.4 s per file: the cmap of
30 000 characters and their advances); that was most of every ``ogi pdf`` run. What the parse
produces — the face's metrics, its character → glyph map, widths and table directory — is
pickled here, keyed by the font file's resolved path, face index, modification time and size,
and by the reportlab version (whose attribute layout the pickle mirrors). The font's bytes are
not stored: they are read from the font file itself when the face is loaded, so a subset is
always cut from the file that was checked.

What is stored is shaped for loading, not for parsing: the big tables (character codes, glyph
ids, advances, the glyph locations) are typed arrays, which unpickle as one copy each, instead
of 30 000-entry dicts and lists of tuples, which unpickle object by object (that alone was
60 ms of each run). The glyph → characters map, which only text shaping uses, is rebuilt on
first use. Each font keeps one entry: writing a new one removes the stale ones of that file.

The cache is an optimisation only. A missing, unreadable, corrupt, stale or foreign entry is
ignored and the font parsed again (and the entry rewritten); a cache folder that cannot be
written is ignored too. ``OGI_CACHE_DIR`` moves it (tests), ``OGI_FONT_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
from array import array
from collections.abc import Sequence
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

from ogi.outputs.pdf.fontbytes import FontBytes, Window

ENV_CACHE_DIR, ENV_SWITCH = "OGI_CACHE_DIR", "OGI_FONT_CACHE"
FORMAT = 2  # bump when what is stored changes
_MAGIC = b"ogi-font-cache\n"
_NOT_STORED = ("_ttf_data", "_pdfScale", "glyphToChar")  # the file's bytes (read afresh), a closure, derived
_PACKED = ("charToGlyph", "charWidths", "hmetrics", "glyphPos")  # stored as arrays (see _pack)


def _array(values: Sequence) -> array | list:
    """Numbers as a typed array when they are all ints or all floats (exact either way), else as they are."""
    kinds = {type(v) for v in values}
    if kinds == {int}:
        return array("q", values)
    return array("d", values) if kinds == {float} else list(values)


class _Metrics(Sequence):
    """The face's (advance, side bearing) per glyph, over two arrays: read only for a subset's glyphs."""

    def __init__(self, advances: array | list, bearings: array | list) -> None:
        self.advances, self.bearings = advances, bearings

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph):  # an int, as makeSubset asks (no slices)
        return self.advances[glyph], self.bearings[glyph]


class _CachedFace(TTFontFace):
    """A face rebuilt from the cache; its glyph → characters map is rebuilt when (if ever) asked for."""

    inverse: tuple[array | list, array | list]  # (glyph, character) pairs in the parsed map's order

    def get_table(self, tag):
        """As reportlab's, except the glyph table: a view reading only the glyphs a subset takes."""
        if tag == "glyf" and isinstance(self._ttf_data, FontBytes):
            return Window(self._ttf_data, *self.get_table_pos(tag))
        return super().get_table(tag)

    @cached_property
    def glyphToChar(self) -> dict[int, list[int]]:
        rebuilt: dict[int, list[int]] = {}
        for glyph, char in zip(*self.inverse, strict=True):
            rebuilt.setdefault(glyph, []).append(char)
        return rebuilt


def _pack(state: dict) -> dict:
    """The face's attributes as stored: the big maps and lists as arrays."""
    out = {k: v for k, v in state.items() if k not in _NOT_STORED + _PACKED}
    out["codes"], out["glyphs"] = _array(list(state["charToGlyph"])), _array(list(state["charToGlyph"].values()))
    out["width_codes"], out["widths"] = _array(list(state["charWidths"])), _array(list(state["charWidths"].values()))
    out["advances"] = _array([aw for aw, _ in state["hmetrics"]])
    out["bearings"] = _array([lsb for _, lsb in state["hmetrics"]])
    out["glyphPos"] = _array(state["glyphPos"])
    pairs = [(glyph, char) for glyph, chars in state["glyphToChar"].items() for char in chars]
    out["inverse"] = (_array([g for g, _ in pairs]), _array([c for _, c in pairs]))
    return out


def _unpack(stored: dict) -> dict:
    """The attributes reportlab's face expects, from what _pack stored (KeyError/TypeError if it is not that)."""
    state = {k: v for k, v in stored.items() if k not in ("codes", "glyphs", "width_codes", "widths", "advances", "bearings")}
    state["charToGlyph"] = dict(zip(stored["codes"], stored["glyphs"], strict=True))
    state["charWidths"] = dict(zip(stored["width_codes"], stored["widths"], strict=True))
    state["hmetrics"] = _Metrics(stored["advances"], stored["bearings"])
    return state


def cache_dir() -> Path:
    """The user's cache folder for this program (per operating system conventions)."""
    if os.environ.get(ENV_CACHE_DIR):
        return Path(os.environ[ENV_CACHE_DIR])
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "ogi-report" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ogi-report"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ogi-report"


def _key(path: Path, index: int) -> str:
    stat = path.stat()
    parts = (str(path), index, stat.st_mtime_ns, stat.st_size, reportlab.Version, FORMAT, sys.version_info[:2])
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _entry(path: Path, index: int) -> Path:
    """``<stem>-<face>-<which file>-<which version>.pickle``: one font file's entries share all but the last part."""
    where = hashlib.sha256(f"{path}|{index}".encode()).hexdigest()[:12]
    return cache_dir() / "fonts" / f"{path.stem}-{index}-{where}-{_key(path, index)[:24]}.pickle"


def _read(entry: Path, key: str) -> dict | None:
    """The face's attributes, or None for anything but an intact entry of this very key."""
    try:
        data = entry.read_bytes()
        if not data.startswith(_MAGIC):
            return None
        stored_key, stored = pickle.loads(data[len(_MAGIC) :])  # the user's own cache folder
        if stored_key != key or not isinstance(stored, dict):
            return None
        return _unpack(stored)
    except Exception:  # (a damaged entry may raise anything while unpickling or unpacking)
        return None


def _write(entry: Path, key: str, state: dict) -> None:
    """Atomically (a reader never sees half an entry: two programs may print at once); then the entries
    of earlier versions of the same font file are removed, so the folder does not grow with each update."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + pickle.dumps((key, _pack(state)), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, entry)
        _remove_stale(entry)
    except OSError:
        return  # read-only home, full disk: print without the cache


def _remove_stale(entry: Path) -> None:
    """The other entries of the same font file: earlier versions, and those of cache format 1
    (``<stem>-<face>-<24 hex digits>.pickle``)."""
    same_file = entry.name.rsplit("-", 1)[0]
    stem_and_face = same_file.rsplit("-", 1)[0]
    stale = set(entry.parent.glob(same_file + "-*.pickle"))
    stale |= {
        p
        for p in entry.parent.glob(stem_and_face + "-*.pickle")
        if re.fullmatch(r"[0-9a-f]{24}\.pickle", p.name[len(stem_and_face) + 1 :])
    }
    for path in stale - {entry}:
        path.unlink(missing_ok=True)


def _face(state: dict, path: Path) -> TTFontFace:
    """A parsed face rebuilt from its stored attributes, reading the font file as needed (see fontbytes)."""
    face = _CachedFace.__new__(_CachedFace)
    face.__dict__.update(state)
    face._ttf_data = FontBytes(path)
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    return face


def _font(name: str, face: TTFontFace) -> TTFont:
    """A TTFont around an already parsed face: what TTFont.__init__ does after parsing, with its defaults."""
    font = TTFont.__new__(TTFont)
    font.fontName, font.face, font.encoding = name, face, TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)
    return font


def load_face(name: str, path: Path, index: int) -> TTFont:
    """The reportlab font of face ``index`` of ``path``: from the cache when it is fresh, else parsed and stored."""
    path = Path(path).resolve()
    if os.environ.get(ENV_SWITCH) == "0":
        return TTFont(name, str(path), subfontIndex=index)
    try:
        key, entry = _key(path, index), _entry(path, index)
    except OSError:
        return TTFont(name, str(path), subfontIndex=index)
    state = _read(entry, key)
    if state is not None:
        return _font(name, _face(state, path))
    font = TTFont(name, str(path), subfontIndex=index)
    _write(entry, key, font.face.__dict__)
    return font
