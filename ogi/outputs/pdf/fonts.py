"""Which fonts print the report, and a guarantee that every character has a glyph.

Every font in the PDF is an embedded TrueType subset: a paper copy must look the same on any
machine, so reportlab's built-in (never embedded) STSong-Light is not used. Each *role* of
GB/T 9704 (小标宋 title, 黑体 headings, 楷体, 仿宋 body, 宋体 tables and page numbers) is
resolved in this order, the first usable file winning:

1. the preferences: a font folder given by the caller (``--font-dir``) or ``OGI_FONT_DIR``;
2. the official 公文 fonts installed on the machine (Windows ``simfang.ttf`` …, the CESI fonts
   of UOS/Kylin), found by file name in the system font folders;
3. the fonts bundled in ``resources/fonts`` (AR PL UMing = Song, WenQuanYi Micro Hei = Hei).

A role with no file of its own borrows another (title → Song drawn bold, 仿宋/楷体 → Song).
Unusable candidates are skipped with a reason: OpenType/CFF outlines (Noto CJK, Source Han:
reportlab cannot embed them), embedding forbidden, or no Arabic digits (Droid Sans Fallback,
whose numbers would silently vanish). A character missing from a role's font is drawn from
the next face of its chain (the set's other fonts, then the bundled ones); a character that
no face has is an error naming it and where it is — never a blank.
"""

from __future__ import annotations

import fnmatch
import os
import struct
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ogi.formats.regular import not_regular
from ogi.formats.safesave import reason as os_error_reason
from ogi.model.messages import OgiError, text
from ogi.outputs.pdf.fontcache import load_face
from ogi.paths import fonts_dir

ENV_FONT_DIR = "OGI_FONT_DIR"
ROLES = ("title", "hei", "kai", "fangsong", "song")
# File names (lower case, shell patterns) per role, best first. Role names as file names let a
# clerk drop any TrueType font into the preference folder as e.g. 「fangsong.ttf」.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("title.tt?", "fzxbsjw.ttf", "fzxbsjw*.ttf", "方正小标宋简体.ttf", "方正小标宋*.ttf", "cesi_xbs_gb*.ttf"),
    "hei": ("hei.tt?", "simhei.ttf", "黑体.ttf", "fzhtk.ttf", "cesi_ht_gb*.ttf"),
    "kai": ("kai.tt?", "simkai.ttf", "楷体_gb2312.ttf", "kaiti_gb2312.ttf", "fzktk.ttf", "cesi_kt_gb*.ttf"),
    "fangsong": ("fangsong.tt?", "仿宋_gb2312.ttf", "fangsong_gb2312.ttf", "simfang.ttf", "fzfsk.ttf", "cesi_fs_gb*.ttf"),
    "song": ("song.tt?", "simsun.ttc", "simsun.ttf", "宋体.ttf", "fzssk.ttf", "cesi_ss_gb*.ttf"),
}
BORROW = {"title": "song", "kai": "fangsong", "fangsong": "song"}  # a role without a file uses another
BUNDLED = {"song": ("uming.ttc", 0), "hei": ("wqy-microhei.ttc", 0)}  # index 0 of uming.ttc = UMing CN
_PROBE_DIGITS, _PROBE_HAN = "0123456789", "政府信息公开年度报告"
_FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


@dataclass(frozen=True)
class FontFile:
    """One face: a file, the face inside a .ttc, and where it was found."""

    path: Path
    index: int = 0
    origin: str = "bundled"  # "preferences" | "system" | "bundled"


@dataclass(frozen=True)
class FontSet:
    """The chosen face of each role, plus the candidates skipped and why."""

    faces: dict[str, FontFile]
    skipped: tuple[tuple[Path, str], ...] = ()
    own: frozenset[str] = frozenset()  # roles resolved to a file of their own (not borrowed)

    @classmethod
    def discover(cls, font_dir: Path | str | None = None, system_dirs: list[Path] | None = None) -> FontSet:
        """Resolve every role (preferences → official system fonts → bundled), see the module doc."""
        preferred = [Path(d) for d in (font_dir, os.environ.get(ENV_FONT_DIR)) if d]
        for folder in preferred:
            if not folder.is_dir():
                raise OgiError("FONT_DIR_MISSING", dir=folder)
        sources = [(d, "preferences") for d in preferred]
        sources += [(d, "system") for d in (system_font_dirs() if system_dirs is None else system_dirs)]
        faces: dict[str, FontFile] = {}
        skipped: list[tuple[Path, str]] = []
        for role in ROLES:
            found = _first_usable(role, sources, skipped)
            if found:
                faces[role] = found
        own = frozenset(faces)
        for role, (name, index) in BUNDLED.items():
            faces.setdefault(role, FontFile(fonts_dir() / name, index, "bundled"))
        for role in ROLES:  # title → Song, 楷体 → 仿宋 → Song
            if role not in faces:
                faces[role] = faces.get(BORROW[role]) or faces["song"]
        return cls(faces, tuple(dict.fromkeys(skipped)), own)

    def bold_fallback(self, role: str) -> bool:
        """The title has no 小标宋 of its own: draw its borrowed Song with a stroke to make it bold."""
        return role == "title" and role not in self.own

    def substitutions(self) -> list[str]:
        """One plain line per role printed in another face than GB/T 9704 names (§5.2.2 3号仿宋,
        §7.3.1 2号小标宋 …): for stderr and the window's print dialog. Empty when all are official."""
        return [
            text(
                "FONT_SUBSTITUTED",
                role=text("FONT_ROLE_" + r),
                file=self.faces[r].path.name,
                origin=text("FONT_ORIGIN_" + self.faces[r].origin),
                standard=text("FONT_STANDARD_" + r),
            )
            for r in ROLES
            if r not in self.own
        ]

    def describe(self) -> list[str]:
        """One line per role and per skipped file, in Chinese, for ``ogi pdf --show-fonts`` and the window."""
        lines = [
            text(
                "FONT_ROLE",
                role=text("FONT_ROLE_" + r),
                file=self.faces[r].path.name,
                origin=text("FONT_ORIGIN_" + self.faces[r].origin),
            )
            for r in ROLES
        ]
        return lines + [text("FONT_SKIPPED", file=p, reason=why) for p, why in self.skipped]


def system_font_dirs() -> list[Path]:
    """The font folders of this operating system (searched by file name, recursively)."""
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or "C:/Windows")
        local = os.environ.get("LOCALAPPDATA")
        return [windir / "Fonts"] + ([Path(local) / "Microsoft" / "Windows" / "Fonts"] if local else [])
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [Path(d) / "fonts" for d in data.split(":") if d] + [home / ".local" / "share" / "fonts", home / ".fonts"]


def _font_files(folder: Path) -> tuple[tuple[str, Path], ...]:
    """(lower-case name, path) of every font file under ``folder``, nearest first."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [(f.lower(), Path(root) / f) for f in sorted(files) if f.lower().endswith(_FONT_SUFFIXES)]
    return tuple(found)


_system_files = cache(_font_files)  # system folders are walked once per process; the preference folder every time


def _first_usable(role: str, sources: list[tuple[Path, str]], skipped: list) -> FontFile | None:
    for folder, origin in sources:
        files = _font_files(folder) if origin == "preferences" else _system_files(folder)
        for pattern in CANDIDATES[role]:
            for name, path in files:
                if fnmatch.fnmatchcase(name, pattern):
                    why = unusable(path)
                    if why is None:
                        return FontFile(path, 0, origin)
                    skipped.append((path, why))
    return None


def unusable(path: Path, index: int = 0) -> str | None:
    """Why this face cannot be embedded (Chinese reason), or None when it can."""
    try:
        odd = not_regular(os.stat(path).st_mode)  # a FIFO named *.ttf would block the first read forever
        if odd:
            return text("FONT_REASON_BROKEN", reason=odd)
        kind = _outline_kind(path, index)
        if kind == b"OTTO":
            return text("FONT_REASON_CFF")
        if kind not in (b"\x00\x01\x00\x00", b"true"):
            return text("FONT_REASON_NOT_TRUETYPE")
        font = load(FontFile(path, index))
    except (OSError, struct.error, TTFError, LookupError, ValueError, TypeError) as exc:  # whatever a damaged file raises
        return text(
            "FONT_REASON_BROKEN", reason=text("FONT_REASON_DAMAGED") if not isinstance(exc, OSError) else os_error_reason(exc)
        )
    glyphs = font.face.charToGlyph
    if any(ord(c) not in glyphs for c in _PROBE_DIGITS):
        return text("FONT_REASON_NO_DIGITS")
    if any(ord(c) not in glyphs for c in _PROBE_HAN):
        return text("FONT_REASON_NO_HAN")
    return None


def _outline_kind(path: Path, index: int) -> bytes:
    """The sfnt version tag of the face: TrueType outlines, or 'OTTO' for CFF."""
    with open(path, "rb") as fh:
        head = fh.read(16)
        if head[:4] != b"ttcf":
            return head[:4]
        fh.seek(12 + 4 * index)
        (offset,) = struct.unpack(">I", fh.read(4))
        fh.seek(offset)
        return fh.read(4)


_LOADED: dict[tuple[Path, int], TTFont] = {}


def load(face: FontFile) -> TTFont:
    """The registered reportlab font of a face; each file is parsed and registered once per process."""
    key = (Path(face.path).resolve(), face.index)
    if key not in _LOADED:
        font = load_face(f"ogi-{len(_LOADED)}-{key[0].stem}", key[0], face.index)  # parsed once per machine
        pdfmetrics.registerFont(font)
        _LOADED[key] = font
    return _LOADED[key]


class Face:
    """A role's font and its fallback chain: which font draws each character, and its advance."""

    def __init__(self, chain: list[FontFile]) -> None:
        self.chain = list(dict.fromkeys(chain))
        self._fonts: list[TTFont] = []  # loaded on demand: a fallback face is opened only when needed
        self._glyph: dict[str, tuple[str, float] | None] = {}

    @property
    def name(self) -> str:
        return self._font(0).fontName

    def _font(self, i: int) -> TTFont:
        while len(self._fonts) <= i:
            self._fonts.append(load(self.chain[len(self._fonts)]))
        return self._fonts[i]

    def glyph(self, char: str) -> tuple[str, float] | None:
        """(reportlab font name, advance in em) of the first face that has ``char``."""
        if char not in self._glyph:
            self._glyph[char] = None
            for i in range(len(self.chain)):
                font = self._font(i)
                if ord(char) in font.face.charToGlyph:
                    self._glyph[char] = (font.fontName, font.stringWidth(char, 1000) / 1000)
                    break
        return self._glyph[char]

    def check(self, value: str, where: str) -> None:
        """OgiError naming the first character no face can draw, and where it is."""
        for char in value:
            if self.glyph(char) is None:
                raise OgiError("PDF_NO_GLYPH", char=char, codepoint=f"{ord(char):04X}", where=where)

    def _drawable(self, char: str) -> tuple[str, float]:
        """Glyph of ``char``; text is checked with a place before it is measured, so this is a
        last line of defence that still speaks to the clerk instead of failing with a TypeError."""
        found = self.glyph(char)
        if found is None:
            raise OgiError("PDF_NO_GLYPH", char=char, codepoint=f"{ord(char):04X}", where=text("PDF_WHERE_REPORT"))
        return found

    def width(self, value: str, size: float) -> float:
        return size * sum(self._drawable(c)[1] for c in value)

    def runs(self, value: str) -> list[tuple[str, str]]:
        """Consecutive characters drawn by the same font: (font name, text)."""
        out: list[tuple[str, str]] = []
        for char in value:
            name = self._drawable(char)[0]
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + char)
            else:
                out.append((name, char))
        return out


class Faces:
    """The loaded font set: one ``Face`` per role, each falling back on the others, then the bundled."""

    def __init__(self, fontset: FontSet) -> None:
        self.fontset = fontset
        for face in dict.fromkeys(fontset.faces.values()):
            why = unusable(face.path, face.index)
            if why:
                raise OgiError("FONT_UNUSABLE", file=face.path, reason=why)
        bundled = [FontFile(fonts_dir() / name, index) for name, index in BUNDLED.values()]
        others = list(fontset.faces.values()) + bundled
        self._faces = {role: Face([fontset.faces[role], *others]) for role in ROLES}

    def __getitem__(self, role: str) -> Face:
        return self._faces[role]
