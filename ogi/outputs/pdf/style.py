"""Every number of the printed page, in one place: GB/T 9704-2012 geometry and the text styles.

Sizes follow the Word/WPS 字号 convention (2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 小四 = 12 pt,
5号 = 10.5 pt, 小五 = 9 pt). The 版心 is 156 × 225 mm with 22 lines of 28 characters of 3号
text: line pitch 225 mm / 22 ≈ 28.95 pt, character pitch 156 mm / 28 ≈ 15.79 pt.
See /docs and the format notes (§4) for the sources of each figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

# -- page geometry (GB/T 9704 §5.1, §5.2.1, §7.5), in points ---------------------------------
PAGE_WIDTH, PAGE_HEIGHT = 210 * mm, 297 * mm  # A4 portrait
MARGIN_TOP = 37 * mm  # 天头
MARGIN_BINDING = 28 * mm  # 订口 (left; the text block is not mirrored on even pages)
BLOCK_WIDTH, BLOCK_HEIGHT = 156 * mm, 225 * mm  # 版心
BLOCK_LEFT = MARGIN_BINDING
BLOCK_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - BLOCK_HEIGHT  # 35 mm 下白边
PAGE_NUMBER_GAP = 7 * mm  # 一字线上距版心下边缘 7 mm
DASH_HEIGHT = 0.33  # where the 一字线 sits above the baseline, in em of the page-number size

# -- the type grid (GB/T 9704 §5.2.3) -------------------------------------------------------
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
LINE_PITCH = 28.95  # pt, 22 lines fill 225 mm
CHAR_PITCH = BLOCK_WIDTH / CHARS_PER_LINE  # ≈ 15.79 pt
EM_ASCENT = 0.88  # top of the ideographic em box above the baseline, in em

# -- tables ----------------------------------------------------------------------------------
TABLE_SIZES = (12.0, 10.5, 9.0, 7.5)  # 小四, 5号, 小五, 6号 (the readable floor): the largest that fits, per table
TABLE_LINE_PITCH = 1.3  # in em of the table size
TABLE_PAD_X, TABLE_PAD_Y = 0.35, 0.3  # cell padding, in em
TABLE_RULE = 0.6  # pt, cell borders
TABLE_SPACE_AFTER = 0.5  # body lines of space after a table

# -- the draft mark --------------------------------------------------------------------------
WATERMARK_SIZE = 54.0
WATERMARK_GREY = 0.86
WATERMARK_ANGLE = 54.7  # the diagonal of an A4 page
DRAFT_HEADER_SIZE = 10.5
DRAFT_HEADER_GAP = 8 * mm  # baseline of the header line above the text block
DRAFT_RED = (0.75, 0.0, 0.0)


@dataclass(frozen=True)
class TextStyle:
    """How a kind of text is set: font role, size, line pitch, first-line indent, alignment."""

    role: str  # a font role of ogi.outputs.pdf.fonts: title, hei, kai, fangsong, song
    size: float
    pitch: float
    indent: float = 0.0  # first-line indent, in characters
    align: str = "justify"  # justify | left | center | right
    char_pitch: float | None = None  # the grid's character advance for CJK text, if fixed


TITLE = TextStyle("title", 22.0, 36.0, align="center")  # 2号小标宋
HEADING = TextStyle("hei", 16.0, LINE_PITCH, indent=2, align="left", char_pitch=CHAR_PITCH)  # 一、 黑体
BODY = TextStyle("fangsong", 16.0, LINE_PITCH, indent=2, char_pitch=CHAR_PITCH)  # 3号仿宋
SUBHEADING = TextStyle("kai", 16.0, LINE_PITCH, indent=2, align="left", char_pitch=CHAR_PITCH)  # （一） 楷体
SIGNATURE = TextStyle("fangsong", 16.0, LINE_PITCH, align="left", char_pitch=CHAR_PITCH)
PAGE_NUMBER = TextStyle("song", 14.0, 14.0, align="left")  # 4号半角宋体
DRAFT_HEADER = TextStyle("hei", DRAFT_HEADER_SIZE, DRAFT_HEADER_SIZE, align="center")
WATERMARK = TextStyle("hei", WATERMARK_SIZE, WATERMARK_SIZE, align="center")
NOTES_TITLE = TextStyle("hei", 16.0, LINE_PITCH, align="center")
NOTE = TextStyle("fangsong", 14.0, 24.0, indent=2)  # the appended page of accepted warnings


def table_style(size: float) -> TextStyle:
    return TextStyle("song", size, size * TABLE_LINE_PITCH, align="left")
