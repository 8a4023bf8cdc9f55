"""Makes the bundle's smaller Song font: the one face of uming.ttc the PDF uses, without bitmap strikes.

resources/fonts/uming.ttc (21 MB) holds four faces — AR PL UMing CN, HK, TW, TW MBE — and
embedded bitmap strikes (EBDT/EBLC/BDF) for small screen sizes. The program uses only face 0,
「AR PL UMing CN」, and only its outlines: reportlab embeds glyf outlines in the PDF, and Qt never
draws this font on screen (the window uses WenQuanYi Micro Hei). The bundle therefore ships a
collection holding face 0 alone, with the same file name and face index, so ogi.outputs.pdf.fonts finds it
unchanged (``BUNDLED = {"song": ("uming.ttc", 0)}``) — every character and glyph of that face is
kept (27 123 glyphs: its GSUB substitutions reach them all), only the bitmaps, the PostScript
glyph names and the three other faces go: 16.6 MB.

The Arphic Public License (resources/fonts/uming.LICENSE.txt, §2) allows modified versions if
each modified file carries a prominent notice of how and when it was changed, and the
modification is freely available: the notice goes into the font's name table (version and
description strings) and into ``uming.MODIFIED.txt`` beside it; this script is the modification
and is published with the program's source. The licence file ships unchanged.

Used by build.spec at build time (fontTools is a dev dependency only; the program never imports
it). Run by hand: python tools/subset_fonts.py [OUT_DIR]  (default: build/fonts)
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

SONG_FILE = "uming.ttc"
NOTICE_FILE = "uming.MODIFIED.txt"
FACE = 0  # 「AR PL UMing CN」 (fc-query resources/fonts/uming.ttc)
DROPPED_TABLES = ("EBDT", "EBLC", "EBSC", "BDF ", "FFTM")  # bitmap strikes, FontForge timestamps
CHANGED = "2026-11-26"  # when this modification was defined; bump when the steps below change
NOTICE_EN = (
    f"Modified by the ogi-report project on {CHANGED} (tools/subset_fonts.py): extracted face {FACE} "
    "(AR PL UMing CN) of uming.ttc into a collection of its own; removed the embedded bitmap strikes "
    "(EBDT, EBLC, BDF), the FontForge timestamp table and the PostScript glyph names. Outlines, metrics "
    "and the character map are unchanged. Distributed under the Arphic Public License (uming.LICENSE.txt)."
)
NOTICE_ZH = (
    f"本字体文件由 ogi-report 项目于 {CHANGED} 修改（tools/subset_fonts.py）：自 uming.ttc 中取出第 {FACE} 个字体"
    "（AR PL UMing CN）单独成集，删除内嵌点阵字形（EBDT、EBLC、BDF）、FontForge 时间戳表和 PostScript 字形名；"
    "字形轮廓、度量和字符映射均未改变。依文鼎公众授权书（uming.LICENSE.txt）发布。"
)
_VERSION_ID, _DESCRIPTION_ID = 5, 10


def subset_song(source: Path, out_dir: Path) -> tuple[Path, Path]:
    """Write ``out_dir/uming.ttc`` (face 0 only, no bitmaps) and its notice; reuse them if up to date."""
    out_dir = Path(out_dir)
    target, notice = out_dir / SONG_FILE, out_dir / NOTICE_FILE
    stamp = out_dir / (SONG_FILE + ".source")
    key = _key(Path(source))
    if not (target.is_file() and notice.is_file() and stamp.is_file() and stamp.read_text() == key):
        out_dir.mkdir(parents=True, exist_ok=True)
        _write_face(Path(source), target)
        notice.write_text(f"{NOTICE_ZH}\n\n{NOTICE_EN}\n", encoding="utf-8")
        stamp.write_text(key)
    return target, notice


def _key(source: Path) -> str:
    """Source font and this script: the cached result is reused only while neither changed."""
    digest = hashlib.sha256(source.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def _write_face(source: Path, target: Path) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.ttCollection import TTCollection

    font = TTFont(str(source), fontNumber=FACE, lazy=True)
    for tag in DROPPED_TABLES:
        if tag in font:
            del font[tag]
    font["post"].formatType = 3.0  # no glyph names: reportlab and PDF viewers address glyphs by index
    _add_notice(font)
    collection = TTCollection()
    collection.fonts = [font]
    tmp = target.with_suffix(".tmp")
    collection.save(str(tmp))
    tmp.replace(target)


def _add_notice(font) -> None:
    """The licence's 'prominent notice', in the strings font tools show (version, description)."""
    name = font["name"]
    version = name.getDebugName(_VERSION_ID) or ""
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(f"{version.strip()}; modified by ogi-report {CHANGED}", _VERSION_ID, platform, encoding, language)
        name.setName(NOTICE_EN, _DESCRIPTION_ID, platform, encoding, language)
    name.setName(NOTICE_ZH, _DESCRIPTION_ID, 3, 1, 0x804)


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build" / "fonts"
    made, _ = subset_song(root / "resources" / "fonts" / SONG_FILE, out)
    print(f"{made} ({made.stat().st_size / 1048576:.1f} MB)")
