"""What a published copy says, once, for every output that is not the PDF (web page, Word).

The PDF, the web page and the Word file must carry the same words: the title from the form's
template, the six sections in the form's order (text or the official grid with every value, zeros
printed and blanks left blank), the 落款, and the same draft mark when the report has errors. This
module turns a report into that content; each output only decides how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass

from ogi.model.layout import VALUE, Grid, GridCell, table_grid
from ogi.model.messages import text
from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.model.values import format_date_cn, parse_date
from ogi.outputs import ExportOptions

_INVISIBLE = {c: None for c in range(32) if c not in (9, 10)} | {0x7F: None, 0xFFFE: None, 0xFFFF: None}
_SURROGATES = {c: None for c in range(0xD800, 0xE000)}


def clean(value: str) -> str:
    """Text as it can be published: control characters pasted from Word (other than tab and newline), and
    what no XML document may hold (lone surrogates, U+FFFE/U+FFFF), go; the saved report keeps them."""
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE).translate(_SURROGATES)


@dataclass(frozen=True)
class TablePart:
    grid: Grid
    texts: dict[GridCell, str]  # every grid cell's text: its label, or the value as printed ("" for blank)

    def rows(self) -> list[list[GridCell]]:
        """Grid cells by the row they start in, left to right: how HTML and Word lay out merged cells."""
        out: list[list[GridCell]] = [[] for _ in range(self.grid.height)]
        for cell in sorted(self.grid.cells, key=lambda c: (c.row, c.col)):
            out[cell.row].append(cell)
        return out


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[str, ...] = ()
    table: TablePart | None = None


@dataclass(frozen=True)
class Publication:
    title: str
    sections: tuple[Section, ...]
    agency: str
    date: str
    draft: str | None  # the draft line when the report has errors and the copy is not final
    lang: str = "zh-CN"


def publication(report: Report, findings: list[Finding], options: ExportOptions) -> Publication:
    errors = sum(f.severity == "error" for f in findings)
    draft = text("PDF_DRAFT_HEADER", count=errors) if errors and not options.final else None
    title = clean(options.title.replace("\n", "") if options.title else report.title())
    sections = tuple(_section(report, s.id, s.title, s.kind) for s in report.form.sections)
    return Publication(title, sections, clean(report.role("agency")), _date(report.role("date")), draft)


def _section(report: Report, sid: str, title: str, kind: str) -> Section:
    if kind == "table":
        return Section(title, table=_table(report, sid))
    body = clean(report.texts.get(sid, ""))
    return Section(title, paragraphs=tuple(p.strip() for p in body.split("\n") if p.strip()))


def _table(report: Report, table_id: str) -> TablePart:
    grid = table_grid(report.form.tables[table_id])
    return TablePart(grid, {cell: _cell_text(report, cell) for cell in grid.cells})


def _cell_text(report: Report, cell: GridCell) -> str:
    if cell.role != VALUE:
        return cell.text
    return clean(report.shown(cell.cell_id))


def _date(raw: str) -> str:
    day = parse_date(raw)
    return format_date_cn(day) if day else clean(raw)
