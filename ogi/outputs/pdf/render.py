"""The printed report: one renderer, driven by the form definition, for the signed paper copy.

``ReportPdf`` turns a report into bands (ogi.outputs.pdf.flow) — title, the six sections in the
form's order (text sections as paragraphs, table sections as the official grid of
ogi.model.layout), the 落款 and optionally a sign-off block and a page of accepted warnings —
paginates them into the GB/T 9704 text block and draws each page with its page number and,
for a report that failed the checks, the draft mark. Geometry and styles: ogi.outputs.pdf.style;
fonts: ogi.outputs.pdf.fonts; line breaking: ogi.outputs.pdf.kinsoku. Qt-free: the window previews this very PDF.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from ogi.formats.safesave import atomic_write
from ogi.model.checker import Checker
from ogi.model.layout import table_grid
from ogi.model.messages import text
from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.model.schema import Table
from ogi.model.values import format_date_cn, parse_date
from ogi.outputs import ExportOptions
from ogi.outputs.pdf import style as S
from ogi.outputs.pdf.closing import SEALED_BLANK_LINES, UNSEALED_BLANK_LINES, balanced, name_room, place_closing, words
from ogi.outputs.pdf.flow import Band, paginate
from ogi.outputs.pdf.fonts import Faces, FontSet
from ogi.outputs.pdf.table import TableLayout, draw_rows, layout_table
from ogi.outputs.pdf.text import Typesetter, normalise

_SUBHEADING = re.compile(r"（[一二三四五六七八九十]+）[^。；]{0,30}")  # a heading line: 「（一）主动公开情况」
CLOSING_ROLES = ("agency", "year", "date")  # metadata printed in the title and the 落款; the rest sign off


@dataclass(frozen=True)
class PdfOptions(ExportOptions):
    """What every copy can be asked for (title, draft or final, sign-off, notes, sealed 落款), plus the
    faces already found, so that a window printing twice does not search the font folders twice."""

    fonts: FontSet | None = None  # None: FontSet.discover()


def render_pdf(report: Report, findings: list[Finding] | None = None, options: PdfOptions | None = None) -> bytes:
    return ReportPdf(report, findings, options or PdfOptions()).render()


def write_pdf(report: Report, path: Path, findings: list[Finding] | None = None, options: PdfOptions | None = None) -> int:
    """Render and save atomically; returns the page count."""
    renderer = ReportPdf(report, findings, options or PdfOptions())
    atomic_write(Path(path), renderer.render(), keep_backup=False)
    return renderer.page_count


def report_title(report: Report) -> str:
    """The default title on one line: 「[机关全称][年度]年政府信息公开工作年度报告」."""
    return report.title()


class ReportPdf:
    def __init__(self, report: Report, findings: list[Finding] | None, options: PdfOptions) -> None:
        self.report, self.form, self.options = report, report.form, options
        self.findings = Checker(report).findings() if findings is None else list(findings)
        self.errors = sum(f.severity == "error" for f in self.findings)
        self.draft = bool(self.errors) and not options.final
        self.faces = Faces(options.fonts or FontSet.discover())
        self.setter = Typesetter(self.faces)
        self.page_count = 0

    # -- the document ---------------------------------------------------------------------
    def render(self) -> bytes:
        pages = paginate(self.bands(), S.BLOCK_HEIGHT)
        self.page_count = len(pages)
        out = io.BytesIO()
        canvas = Canvas(
            out,
            pagesize=(S.PAGE_WIDTH, S.PAGE_HEIGHT),
            invariant=1,
            pageCompression=1,
            initialFontName=self.faces["song"].name,
            lang="zh-CN",
        )
        canvas.setTitle(self.title().replace("\n", ""))
        canvas.setAuthor(self.role("agency"))
        canvas.setSubject(self.form.title)
        canvas.setCreator("ogi-report")
        for number, page in enumerate(pages, 1):
            self._page(canvas, number, page)
            canvas.showPage()
        canvas.save()
        return out.getvalue()

    def bands(self) -> list[Band]:
        out = self._title()
        for section in self.form.sections:
            where = text("PDF_WHERE_SECTION", section=section.title)
            out += self._lines(S.HEADING, section.title, where, keep=True)
            if section.kind == "table":
                out += self._table(self.form.tables[section.id])
            else:
                out += self._paragraphs(S.BODY, self.report.texts.get(section.id, ""), where)
        out[-1].keep_with_next = True  # the 落款 never stands alone on a page
        out += self._closing()
        if self.options.sign_off:
            out += self._sign_off()
        if self.options.notes:
            out += self._notes()
        if self.draft:
            out += self._errors()
        return out

    def meta(self, field: str) -> str:
        return normalise(self.report.meta.get(field) or "").strip()  # one line on paper

    def role(self, role: str) -> str:
        return normalise(self.report.role(role)).strip()

    def title(self) -> str:
        """The title, with a line break after the agency when it does not fit on one line."""
        if self.options.title:
            return self.options.title
        agency, year = self.role("agency"), self.role("year")
        one_line = self.report.title(agency=agency, year=year)
        self.setter.check(S.TITLE, one_line, text("PDF_WHERE_TITLE"))
        if not agency or self.setter.width(S.TITLE, one_line) <= S.BLOCK_WIDTH:
            return one_line
        if one_line.startswith(agency):  # break between words, the name whole where it fits (§7.3.1)
            rest = [w for w in re.split(r"(\d{4}年度?)", one_line[len(agency) :]) if w]
            for parts in ([agency, *rest], [*words(agency), *rest]):
                lines = balanced(parts, lambda s: self.setter.width(S.TITLE, s), S.BLOCK_WIDTH)
                if lines:
                    return "\n".join(lines)
        return self.report.title(agency=agency + "\n", year=year)

    # -- bands ------------------------------------------------------------------------------
    def _line(
        self, style: S.TextStyle, line: str, *, x: float = 0.0, width: float = S.BLOCK_WIDTH, first=False, last=True
    ) -> Band:
        def draw(canvas: Canvas, top: float) -> None:
            baseline = top - (style.pitch - style.size) / 2 - S.EM_ASCENT * style.size
            self.setter.draw(canvas, style, line, S.BLOCK_LEFT + x, baseline, width, first=first, last=last)

        return Band(style.pitch, draw)

    def _lines(self, style: S.TextStyle, value: str, where: str, keep: bool = False) -> list[Band]:
        """One paragraph: no orphan first line, no widow last line (or all kept, for headings)."""
        lines = self.setter.lines(style, value, S.BLOCK_WIDTH, where)
        bands = [self._line(style, line, first=i == 0, last=i == len(lines) - 1) for i, line in enumerate(lines)]
        for i, band in enumerate(bands):
            band.keep_with_next = keep or (len(bands) > 1 and i in (0, len(bands) - 2))
        return bands

    def _paragraphs(self, style: S.TextStyle, value: str, where: str) -> list[Band]:
        """Body paragraphs; a paragraph that is only a second-level heading （一）… is set in 楷体 (§7.3.3)."""
        paragraphs = [p.strip(" \u3000\t") for p in value.splitlines()]  # also \r, and \v/\f from Word
        bands = []
        for p in filter(None, paragraphs):
            heading = _SUBHEADING.fullmatch(normalise(p)) is not None
            bands += self._lines(S.SUBHEADING if heading else style, p, where, keep=heading)
        return bands

    def _title(self) -> list[Band]:
        where = text("PDF_WHERE_TITLE")
        bands = [
            self._line(S.TITLE, line)
            for part in self.title().split("\n")
            for line in self.setter.balanced_lines(S.TITLE, part.strip(), S.BLOCK_WIDTH, where)
        ]
        bands.append(Band(S.LINE_PITCH))  # 空一行
        for band in bands:
            band.keep_with_next = True
        return bands

    def _table(self, table: Table) -> list[Band]:
        grid = table_grid(table)
        texts = {cell: self._cell_text(table, cell) for cell in grid.cells}
        layout = layout_table(grid, texts, self.setter, S.BLOCK_WIDTH, S.BLOCK_HEIGHT, reserve=S.LINE_PITCH)
        header = Band(layout.height(layout.header), self._rows(layout, layout.header)) if layout.header else None
        bands = [Band(layout.height(b), self._rows(layout, b), repeat=header if i else None) for i, b in enumerate(layout.bands)]
        if grid.header_rows and layout.height(range(grid.height)) + S.LINE_PITCH <= S.BLOCK_HEIGHT:
            for band in bands[:-1]:  # a table that fits on one page is not torn in two (表二's blocks may part)
                band.keep_with_next = band.soft = True
        return [*bands, Band(S.TABLE_SPACE_AFTER * S.LINE_PITCH, space=True)]

    def _rows(self, layout: TableLayout, rows: range):
        return lambda canvas, top: draw_rows(canvas, self.setter, layout, rows, S.BLOCK_LEFT, top)

    def _cell_text(self, table: Table, cell) -> tuple[str, str]:
        if not cell.cell_id:
            return cell.text, text("PDF_WHERE_CELL", table=table.name, place=cell.text)
        where = text("PDF_WHERE_CELL", table=table.name, place=self.form.cells[cell.cell_id].place)
        return self.report.shown(cell.cell_id), where

    def _closing(self) -> list[Band]:
        """落款: sealed (§7.3.5.1) or unsealed (§7.3.5.2) per the options, see ogi.outputs.pdf.closing."""
        agency, date, sealed = self.role("agency"), self._date(self.role("date")), self.options.seal
        style, em = S.SIGNATURE, self.setter.em(S.SIGNATURE)
        for value in (agency, date):
            self.setter.check(style, value, text("PDF_WHERE_CLOSING"))

        def width(value: str) -> float:
            return self.setter.width(style, value)

        room = name_room(em, S.BLOCK_WIDTH, sealed)
        names = [agency] if width(agency) <= room else balanced(words(agency), width, room)
        names = names or self.setter.balanced_lines(style, agency, room, text("PDF_WHERE_CLOSING"))
        placed = place_closing(names, date, width, em, S.BLOCK_WIDTH, sealed)
        blank = SEALED_BLANK_LINES if sealed else UNSEALED_BLANK_LINES
        bands = [Band(S.LINE_PITCH) for _ in range(blank)]
        bands += [self._line(style, line, x=x, width=width(line)) for line, x in placed.lines]
        bands.append(self._line(style, date, x=placed.date_x, width=width(date)))
        for band in bands[:-1]:
            band.keep_with_next = True
        return bands

    @staticmethod
    def _date(raw: str) -> str:
        day = parse_date(raw)
        return format_date_cn(day) if day else raw

    def _sign_off(self) -> list[Band]:
        """Label：value in two columns, a rule to write on where a value is missing; the first person signs."""
        fields = [m for m in self.form.meta if m.role not in CLOSING_ROLES]
        items: list[tuple[str, str | None]] = [
            (text("PDF_SIGN_FIELD", label=m.label), self._date(self.meta(m.id)) if m.kind == "date" else self.meta(m.id))
            for m in fields
        ]
        items[1:1] = [(text("PDF_SIGN_SIGNATURE"), "")]
        items.append((text("PDF_SIGN_DATE"), None))  # printed blanks: 日期：　　年　　月　　日
        for label, value in items:
            self.setter.check(S.SIGNATURE, label + (value or ""), text("PDF_WHERE_SIGN_OFF"))
        bands = [Band(S.LINE_PITCH, keep_with_next=True)]
        for i in range(0, len(items), 2):
            bands.append(Band(S.LINE_PITCH, self._field_row(S.SIGNATURE, items[i : i + 2]), keep_with_next=True))
        bands[-1].keep_with_next = False
        return bands

    def _field_row(self, style: S.TextStyle, pair: list[tuple[str, str | None]]):
        half = S.BLOCK_WIDTH / 2

        def draw(canvas: Canvas, top: float) -> None:
            baseline = top - (style.pitch - style.size) / 2 - S.EM_ASCENT * style.size
            for column, (label, value) in enumerate(pair):
                x = S.BLOCK_LEFT + column * half
                self.setter.draw(canvas, style, label + (value or ""), x, baseline, half)
                if value == "":  # a line to write on
                    canvas.setLineWidth(S.TABLE_RULE)
                    canvas.line(x + self.setter.width(style, label), baseline - 3, x + half - style.size, baseline - 3)

        return draw

    def _errors(self) -> list[Band]:
        """The draft's last part: each error finding with the cell or field it is about."""
        errors = [f for f in self.findings if f.severity == "error"]
        bands = [Band(0.0, page_break=True), *self._lines(S.NOTES_TITLE, text("PDF_ERRORS_TITLE"), "", keep=True)]
        bands.append(Band(S.NOTE.pitch / 2, keep_with_next=True))
        for i, finding in enumerate(errors, 1):
            item = text("PDF_ERROR_ITEM", number=i, message=finding.message)
            bands += self._lines(S.NOTE, item, text("PDF_WHERE_NOTE", place=finding.place))
        return bands

    def _notes(self) -> list[Band]:
        accepted = [f for f in self.findings if f.severity == "warning" and (self.report.notes.get(f.key) or "").strip()]
        if not accepted:
            return []
        bands = [Band(0.0, page_break=True), *self._lines(S.NOTES_TITLE, text("PDF_NOTES_TITLE"), "", keep=True)]
        bands.append(Band(S.NOTE.pitch / 2, keep_with_next=True))
        for i, finding in enumerate(accepted, 1):
            where = text("PDF_WHERE_NOTE", place=finding.place)
            bands += self._lines(S.NOTE, text("PDF_NOTE_FINDING", number=i, message=finding.message), where)
            bands += self._lines(S.NOTE, text("PDF_NOTE_TEXT", note=normalise(self.report.notes[finding.key]).strip()), where)
        return bands

    # -- page furniture -------------------------------------------------------------------------
    def _page(self, canvas: Canvas, number: int, page) -> None:
        if self.draft:
            self._watermark(canvas)
        top = S.PAGE_HEIGHT - S.MARGIN_TOP
        for band, offset in page:
            if band.draw:
                band.draw(canvas, top - offset)
        self._page_number(canvas, number)

    def _page_number(self, canvas: Canvas, number: int) -> None:
        """「— 1 —」, 4号 Song, 7 mm under the text block; odd pages right, even pages left, 空一字."""
        style, label = S.PAGE_NUMBER, text("PDF_PAGE_NUMBER", number=number)
        width, em = self.setter.width(style, label), style.size
        x = S.BLOCK_LEFT + S.BLOCK_WIDTH - em - width if number % 2 else S.BLOCK_LEFT + em
        baseline = S.BLOCK_BOTTOM - S.PAGE_NUMBER_GAP - S.DASH_HEIGHT * style.size
        canvas.setFillGray(0)
        self.setter.draw(canvas, style, label, x, baseline, width)

    def _watermark(self, canvas: Canvas) -> None:
        """A diagonal light-grey 「草稿：数据未通过校验」 under the text, and a red line above the text block."""
        canvas.saveState()
        canvas.setFillGray(S.WATERMARK_GREY)
        canvas.translate(S.PAGE_WIDTH / 2, S.PAGE_HEIGHT / 2)
        canvas.rotate(S.WATERMARK_ANGLE)
        span = S.PAGE_HEIGHT
        self.setter.draw(canvas, S.WATERMARK, text("PDF_DRAFT_MARK"), -span / 2, -S.WATERMARK_SIZE * 0.35, span)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFillColorRGB(*S.DRAFT_RED)
        baseline = S.PAGE_HEIGHT - S.MARGIN_TOP + S.DRAFT_HEADER_GAP
        self.setter.draw(
            canvas, S.DRAFT_HEADER, text("PDF_DRAFT_HEADER", count=self.errors), S.BLOCK_LEFT, baseline, S.BLOCK_WIDTH
        )
        canvas.restoreState()
