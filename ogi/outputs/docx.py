"""The report as a Word file (.docx) for the editor who publishes it, laid out as GB/T 9704 asks.

Written with python-docx (a well-kept library for the format; Word, WPS and LibreOffice open its
files). The look lives in named paragraph styles (标题, 一级标题, 正文, 表格, 落款), so an editor can change
the text without touching a run's fonts, and the tables carry the official grid's merged cells exactly
(the grid the window, the workbook and the PDF draw). Fonts are named, with the East Asian attribute
set so that Word and WPS apply them to Chinese text: 方正小标宋简体 (title), 黑体 (headings), 仿宋_GB2312
(body), 宋体 (tables and page numbers).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell

from ogi.formats.safesave import atomic_write
from ogi.model import messages
from ogi.model.layout import VALUE
from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.outputs import ExportOptions, Output
from ogi.outputs.publish import Publication, TablePart, publication

# GB/T 9704-2012 geometry (§5.2): A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
PAGE_W, PAGE_H = Mm(210), Mm(297)
TOP, LEFT, BLOCK_W, BLOCK_H = 37, 28, 156, 225
FOOTER_FROM_EDGE = Mm(25)  # the page number sits about 7 mm below the text block (§7.5)
LINE = Pt(28.95)  # 22 lines in the 225 mm block (§5.2.2)
BODY, TITLE, TABLE, PAGE_NO = Pt(16), Pt(22), Pt(10.5), Pt(14)  # 3号, 2号, 五号, 4号
FANGSONG, HEITI, XBS, SONG = "仿宋_GB2312", "黑体", "方正小标宋简体", "宋体"
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)
VALUE_COL_MM, MAX_VALUE_COL_MM = 13.0, 30.0  # a five-digit figure fits 13 mm at 五号; wider only where room is
TALL_LABEL_MM, CHAR_MM, CELL_PAD_MM = 12.0, 3.9, 4.0  # a 五号 character ≈ 3.7 mm; Word pads cells 1.9 mm each side


def _fonts(style_or_run, name: str, size: Pt) -> None:
    """Name the face for Latin and East Asian text alike (Word applies w:eastAsia to Chinese)."""
    font = style_or_run.font
    font.name, font.size = name, size
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


class DocxWriter:
    def __init__(self, pub: Publication, seal: bool) -> None:
        self.pub, self.seal = pub, seal
        self.doc = Document()
        self._page()
        self._styles()

    # -- set-up ---------------------------------------------------------------------------
    def _page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_W, PAGE_H
        section.top_margin, section.left_margin = Mm(TOP), Mm(LEFT)
        section.right_margin, section.bottom_margin = Mm(210 - LEFT - BLOCK_W), Mm(297 - TOP - BLOCK_H)
        section.footer_distance = FOOTER_FROM_EDGE
        self.doc.settings.odd_and_even_pages_header_footer = True
        self._page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
        self._page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
        if self.pub.draft:
            for header in (section.header, section.even_page_header):
                self._draft_line(header.paragraphs[0])

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        _fonts(normal, FANGSONG, BODY)
        fmt = normal.paragraph_format
        fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.widow_control = False
        self.body = self._style("正文", FANGSONG, BODY, indent=True)
        self.title = self._style("报告标题", XBS, TITLE, align=WD_ALIGN_PARAGRAPH.CENTER)
        self.heading = self._style("一级标题", HEITI, BODY, keep=True)
        self.cell = self._style("表格文字", SONG, TABLE, align=WD_ALIGN_PARAGRAPH.CENTER, exact=False)
        self.closing = self._style("落款", FANGSONG, BODY, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def _style(self, name: str, face: str, size: Pt, *, indent=False, align=None, keep=False, exact=True):
        style = self.doc.styles.add_style(name, 1)  # 1 = paragraph style
        style.base_style = self.doc.styles["Normal"]
        _fonts(style, face, size)
        fmt = style.paragraph_format
        if indent:
            fmt.first_line_indent = Pt(size.pt * 2)  # 每自然段左空二字
        if align is not None:
            fmt.alignment = align
        fmt.keep_with_next = keep
        if exact:
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
        else:
            fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.SINGLE, 1.0
        return style

    def _page_number(self, paragraph, align) -> None:
        """「— 1 —」: 4号宋体, odd pages right and even pages left, one character in from the edge (§7.5)."""
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.right_indent = PAGE_NO if align == WD_ALIGN_PARAGRAPH.RIGHT else None
        fmt.left_indent = PAGE_NO if align == WD_ALIGN_PARAGRAPH.LEFT else None
        _fonts(paragraph.add_run("— "), SONG, PAGE_NO)
        self._field(paragraph, "PAGE")
        _fonts(paragraph.add_run(" —"), SONG, PAGE_NO)

    @staticmethod
    def _field(paragraph, code: str) -> None:
        for kind, instr in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
            run = paragraph.add_run()
            _fonts(run, SONG, PAGE_NO)
            if kind:
                node = OxmlElement("w:fldChar")
                node.set(qn("w:fldCharType"), kind)
            elif instr == code:
                node = OxmlElement("w:instrText")
                node.set(qn("xml:space"), "preserve")
                node.text = f" {code} "
            else:
                node = OxmlElement("w:t")
                node.text = instr
            run._r.append(node)

    def _draft_line(self, paragraph) -> None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(self.pub.draft)
        _fonts(run, HEITI, Pt(12))
        run.font.color.rgb = DRAFT_RED

    # -- content ----------------------------------------------------------------------------
    def build(self) -> bytes:
        first = self.doc.paragraphs[0] if self.doc.paragraphs else self.doc.add_paragraph()
        first.style, first.text = self.title, self.pub.title
        if self.pub.draft:
            self._draft_line(self.doc.add_paragraph(style=self.title))
        for section in self.pub.sections:
            self.doc.add_paragraph(section.title, style=self.heading)
            for text in section.paragraphs:
                self.doc.add_paragraph(text, style=self.body)
            if section.table is not None:
                self._table(section.table)
        self._closing()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _closing(self) -> None:
        """落款: §7.3.5.2 (no seal: 署名右空二字, the date two characters further right) or §7.3.5.1 (sealed:
        the date 右空四字, the name centred over it, one blank line above for the seal)."""
        self.doc.add_paragraph(style=self.body)
        agency, date = self.pub.agency, self.pub.date
        a_w, d_w = _width(agency), _width(date)
        if self.seal:
            date_right = 4.0
            agency_right = max(date_right + (d_w - a_w) / 2, 0.0)
            self.doc.add_paragraph(style=self.body)
        else:
            agency_right = 2.0
            date_right = max(agency_right + a_w - 2 - d_w, 0.0)
        for text, right in ((agency, agency_right), (date, date_right)):
            paragraph = self.doc.add_paragraph(text, style=self.closing)
            paragraph.paragraph_format.right_indent = Pt(BODY.pt * right)

    def _table(self, part: TablePart) -> None:
        grid = part.grid
        table = self.doc.add_table(rows=grid.height, cols=grid.width)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        widths = self._widths(part)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)  # the grid (w:gridCol) is what LibreOffice and WPS lay out by
        slots = [list(tr.tc_lst) for tr in table._tbl.tr_lst]  # (row, col) → the w:tc python-docx made
        for row in table.rows:
            _row_flags(row, header=row._index < grid.header_rows)
        for cell in grid.cells:
            self._cell(_Cell(slots[cell.row][cell.col], table), part, cell)
            _merge(slots, cell, sum(widths[cell.col : cell.col + cell.colspan]))
        self.doc.add_paragraph(style=self.body)

    def _cell(self, target, part: TablePart, cell) -> None:
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = target.paragraphs[0]
        paragraph._p.style = self.cell.style_id  # by id: python-docx's setter scans every style per call
        paragraph.text = part.texts[cell]
        if cell.role != VALUE and cell.col < part.grid.label_columns and cell.rowspan == 1:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # Word keeps a table on one page when every row but the last keeps with the next.
        paragraph.paragraph_format.keep_with_next = cell.row + cell.rowspan < part.grid.height

    def _widths(self, part: TablePart) -> list[float]:
        """Millimetres per grid column: a label column of tall merged labels (「三、本年度办理结果」) is two
        characters wide, the values share a width that fits five-digit figures, the other labels the rest."""
        grid = part.grid
        labels, value_cols = grid.label_columns, grid.width - grid.label_columns
        want, tall = [1.0] * labels, [True] * labels
        for cell in grid.cells:
            if cell.col < labels and cell.colspan == 1 and cell.role != VALUE:
                tall[cell.col] = tall[cell.col] and cell.rowspan > 2
                want[cell.col] = max(want[cell.col], min(_width(part.texts[cell]), 40))
        fixed = sum(TALL_LABEL_MM for is_tall in tall if is_tall)
        need = sum(w * CHAR_MM + CELL_PAD_MM for w, is_tall in zip(want, tall, strict=True) if not is_tall)
        value_w = max(VALUE_COL_MM, min(MAX_VALUE_COL_MM, (BLOCK_W - fixed - need) / max(value_cols, 1)))
        rest = BLOCK_W - fixed - value_w * value_cols
        flexible = sum(w for w, is_tall in zip(want, tall, strict=True) if not is_tall) or 1.0
        label_w = [TALL_LABEL_MM if is_tall else rest * w / flexible for w, is_tall in zip(want, tall, strict=True)]
        return label_w + [value_w] * value_cols


def _width(text: str) -> float:
    """Width in characters: full-width 1, ASCII ½ — enough to place the 落款 and share column widths."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _merge(slots: list[list], cell, width_mm: float) -> None:
    """Merge a grid cell's rectangle in the XML directly (python-docx's merge re-scans the table per call,
    seconds for 表三): the top row keeps one w:tc with gridSpan, the rows below a w:vMerge continuation."""
    for r in range(cell.row, cell.row + cell.rowspan):
        first = slots[r][cell.col]
        props = first.get_or_add_tcPr()
        props.get_or_add_tcW().w = Mm(width_mm)
        if cell.colspan > 1:
            props.grid_span = cell.colspan
        for c in range(cell.col + 1, cell.col + cell.colspan):
            first.getparent().remove(slots[r][c])
        if cell.rowspan > 1:
            props.vMerge_val = "restart" if r == cell.row else "continue"


def _row_flags(row, header: bool) -> None:
    """A row never splits across pages; header rows repeat on each page the table continues to."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def render_docx(report: Report, findings: list[Finding], options: ExportOptions | None = None) -> bytes:
    options = options or ExportOptions()
    return DocxWriter(publication(report, findings, options), seal=options.seal).build()


def _write(report: Report, path: Path, findings: list[Finding], options: ExportOptions) -> str:
    data = render_docx(report, findings, options)
    atomic_write(Path(path), data, keep_backup=False)
    return messages.text("EXPORT_BYTES", size=f"{len(data) / 1024:.0f} KB")


OUTPUT = Output(".docx", messages.text("EXPORT_LABEL_DOCX"), _write)
