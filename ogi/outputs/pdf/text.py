"""Setting lines of text: measuring, breaking (through ogi.outputs.pdf.kinsoku) and drawing with fallback fonts.

Everything the PDF prints — paragraphs, headings, table cells, the 落款, page numbers — goes
through one ``Typesetter``, so the glyph check, the character grid and the line-breaking
rules apply everywhere alike.
"""

from __future__ import annotations

import unicodedata

from reportlab.pdfgen.canvas import Canvas

from ogi.outputs.pdf.fonts import Faces
from ogi.outputs.pdf.kinsoku import break_lines, gaps, squeezed
from ogi.outputs.pdf.style import TextStyle

_EPSILON = 0.01  # pt: rounding must not push the 28th character of a full line over
BOLD_STROKE = 0.035  # em: the stroke that thickens Song into a title face when no 小标宋 is installed


_INVISIBLE = ("Cc", "Cf", "Cs")  # control, format (bidi marks, zero-width …) and lone surrogate code points


def printable(value: str) -> str:
    """What paper can show of ``value``: line ends unified, invisible controls left out.

    Bidi marks, zero-width characters and control characters (a stray vertical tab pasted from
    Word) have no glyph in any font and no meaning on paper; the saved report keeps them
    unchanged. Every other character must have a glyph, or printing stops and names it.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.isprintable():
        return value
    return "".join(c for c in value if c in "\n\t" or unicodedata.category(c) not in _INVISIBLE)


def normalise(value: str) -> str:
    """One line as printed: invisible controls left out, tabs and line ends as spaces (the caller
    splits paragraphs first). Every measuring, checking and drawing method below applies it."""
    return printable(value).replace("\t", " ").replace("\n", " ")


class Typesetter:
    """Measures, breaks and draws text in the report's fonts."""

    def __init__(self, faces: Faces) -> None:
        self.faces = faces

    def char_space(self, style: TextStyle) -> float:
        """Extra advance after every character, so CJK text lands on the grid's character pitch."""
        return style.char_pitch - style.size if style.char_pitch else 0.0

    def em(self, style: TextStyle) -> float:
        """One 字 (a full-width character) of this style, for indents and GB/T 9704 空N字."""
        return style.char_pitch or style.size

    def width(self, style: TextStyle, value: str) -> float:
        """Printed width of ``value``, without the spacing after its last character."""
        value = normalise(value)
        if not value:
            return 0.0
        squeeze = sum(squeezed(value)) * style.size / 2
        return self.faces[style.role].width(value, style.size) + self.char_space(style) * (len(value) - 1) - squeeze

    def check(self, style: TextStyle, value: str, where: str) -> None:
        """OgiError naming the first character of ``value`` that no face of ``style`` can draw."""
        self.faces[style.role].check(normalise(value), where)

    def lines(self, style: TextStyle, value: str, width: float, where: str) -> list[str]:
        """``value`` broken into lines of ``width`` (first line indented by the style), glyphs checked."""
        value = normalise(value)
        face, space = self.faces[style.role], self.char_space(style)
        face.check(value, where)

        def measure(s: str) -> float:
            return face.width(s, style.size) + space * len(s)

        # Each character takes its advance plus the grid spacing, so 28 characters fill 156 mm exactly.
        first = width - style.indent * self.em(style)
        return break_lines(value, width + _EPSILON, measure, first_width=first + _EPSILON)

    def balanced_lines(self, style: TextStyle, value: str, width: float, where: str) -> list[str]:
        """As few lines as ``lines`` gives, but of even length (a centred title or column header).

        GB/T 9704 §7.3.1 asks a title's lines to be 「排列对称，长短适宜」; a header cell
        reads 「商业/企业」 rather than 「商业企/业」.
        """
        lines = self.lines(style, value, width, where)
        narrow = self.width(style, value) / len(lines)
        while len(lines) > 1 and narrow < width:
            even = self.lines(style, value, narrow, where)
            if len(even) <= len(lines):
                return even
            narrow += style.size / 2
        return lines

    def draw(
        self,
        canvas: Canvas,
        style: TextStyle,
        line: str,
        x: float,
        baseline: float,
        width: float,
        *,
        last: bool = True,
        first: bool = False,
    ) -> None:
        """Draw one line in a box of ``width`` at ``x``; justified lines (not ``last``) fill the box."""
        line = normalise(line)
        indent = style.indent * self.em(style) if first else 0.0
        natural, room = self.width(style, line), width - indent
        extra, left, spread = 0.0, x + indent, gaps(line)
        if style.align == "justify" and not last and any(spread):
            extra = max(0.0, (room - natural) / sum(spread))  # between tokens only: never inside 「1,234」 or a URL
        elif style.align == "center":
            left += (room - natural) / 2
        elif style.align == "right":
            left += room - natural
        base, half = self.char_space(style), style.size / 2
        spaces = [base + (extra if g else 0.0) - (half if q else 0.0) for g, q in zip(spread, squeezed(line), strict=True)]
        self._show(canvas, style, line, left, baseline, spaces)

    def _show(self, canvas: Canvas, style: TextStyle, line: str, x: float, baseline: float, spaces: list[float]) -> None:
        """Draw ``line`` with ``spaces[i]`` after character i (Tc, set per run of equal spacing and font).

        Each run starts at its own absolute position (Tm): readers that apply Tc only between the
        characters of one string (pdfminer) then still place every glyph where it is drawn."""
        bold = self.faces.fontset.bold_fallback(style.role)
        if bold:  # q … Q: the stroke mode is graphics state and must not leak into later text
            canvas.saveState()
            canvas.setLineWidth(style.size * BOLD_STROKE)
        text = canvas.beginText(x, baseline)
        if bold:
            text.setTextRenderMode(2)
        face, at, font, pen = self.faces[style.role], 0, None, x
        space: float | None = None
        for font_name, run in face.runs(line):
            for part in _equal_runs(spaces[at : at + len(run)]):
                if font_name != font:
                    text.setFont(font := font_name, style.size)
                if spaces[at] != space:
                    text.setCharSpace(spaces[at])
                space = spaces[at]
                if at:
                    text.setTextOrigin(pen, baseline)
                text.textOut(line[at : at + part])
                pen += face.width(line[at : at + part], style.size) + spaces[at] * part
                at += part
        canvas.drawText(text)
        if bold:
            canvas.restoreState()


def _equal_runs(values: list[float]) -> list[int]:
    """Lengths of the runs of equal consecutive values."""
    out: list[int] = []
    for i, v in enumerate(values):
        if i and v == values[i - 1]:
            out[-1] += 1
        else:
            out.append(1)
    return out
