"""Parsed TrueType faces kept in the user's cache folder, so printing does not re-parse 26 MB of fonts.

reportlab parses a CJK TrueType collection in pure Python (0.2–0.4 s per file: the cmap of
30 000 characters and their advances); that was most of every ``ogi pdf`` run. What the parse
produces — the face's metrics, its character → glyph map, widths and table directory — is
pickled here, keyed by the font file's resolved path, face index, modification time and size,
and by the reportlab version (whose attribute layout the pickle mirrors). The font's bytes are
not stored: they are read from the font file itself when the face is loaded, so a subset is
always cut from the file that was checked.

The cache is an optimisation only. A missing, unreadable, corrupt, stale or foreign entry is
ignored and the font parsed again (and the entry rewritten); a cache folder that cannot be
written is ignored too. ``OGI_CACHE_DIR`` moves it (tests), ``OGI_FONT_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace

ENV_CACHE_DIR, ENV_SWITCH = "OGI_CACHE_DIR", "OGI_FONT_CACHE"
FORMAT = 1  # bump when what is stored changes
_MAGIC = b"ogi-font-cache\n"
_NOT_STORED = ("_ttf_data", "_pdfScale")  # the file's bytes (read afresh) and a closure (rebuilt)


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
    return cache_dir() / "fonts" / f"{path.stem}-{index}-{_key(path, index)[:24]}.pickle"


def _read(entry: Path, key: str) -> dict | None:
    """The stored face attributes, or None for anything but an intact entry of this very key."""
    try:
        data = entry.read_bytes()
        if not data.startswith(_MAGIC):
            return None
        stored_key, state = pickle.loads(data[len(_MAGIC) :])  # the user's own cache folder
    except Exception:  # (a damaged entry may raise anything while unpickling)
        return None
    ok = stored_key == key and isinstance(state, dict) and isinstance(state.get("charToGlyph"), dict)
    return state if ok else None


def _write(entry: Path, key: str, state: dict) -> None:
    """Atomically: a reader never sees half an entry (two programs may print at once)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + pickle.dumps((key, state), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, entry)
    except OSError:
        return  # read-only home, full disk: print without the cache


def _face(state: dict, path: Path) -> TTFontFace:
    """A parsed face rebuilt from its stored attributes and the font file's bytes."""
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(state)
    face._ttf_data = path.read_bytes()
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
    _write(entry, key, {k: v for k, v in font.face.__dict__.items() if k not in _NOT_STORED})
    return font
