"""The report as a web page for the body's 政府信息公开专栏: one self-contained file, or a fragment.

Tables are real tables whose ``rowspan``/``colspan`` reproduce the official grid (the same grid the
window, the workbook and the PDF draw), with ``thead``, header cells with ``scope`` and a caption, so
nothing is lost when a site shows them — the usual defect of reports pasted from Word. The page has
inline CSS only (no script, no external resource): wide tables scroll sideways on a phone while the
text wraps, and it prints cleanly. The fragment (``--fragment``) has no ``<html>``/``<head>`` and every
style inline, because sites' rich-text editors drop style sheets.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ogi.formats.safesave import atomic_write
from ogi.model import messages
from ogi.model.layout import CAPTION, COLUMN, CORNER, ROW, VALUE, GridCell
from ogi.model.report import Report
from ogi.model.rules import Finding
from ogi.outputs import ExportOptions, Output
from ogi.outputs.publish import Publication, Section, TablePart, publication

FONT = "'FangSong','仿宋','仿宋_GB2312','STFangsong',serif"
HEAD_FONT = "'SimHei','黑体','Heiti SC','Microsoft YaHei',sans-serif"
TITLE_FONT = "'FZXiaoBiaoSong-B05S','方正小标宋简体','SimSun','宋体',serif"

# One place for every look; the page puts them in a style sheet, the fragment inline on each element.
STYLES = {
    "article": f"max-width:48em;margin:0 auto;padding:1em;font-family:{FONT};font-size:16px;line-height:1.9;color:#000",
    "draft": "border:2px solid #c00000;color:#c00000;padding:.4em .8em;margin:0 0 1em;font-weight:bold;text-align:center",
    "h1": f"font-family:{TITLE_FONT};font-size:1.6em;font-weight:normal;text-align:center;line-height:1.5;margin:.5em 0 1em",
    "h2": f"font-family:{HEAD_FONT};font-size:1em;font-weight:normal;margin:1em 0 .3em",
    "p": "text-indent:2em;margin:0;text-align:justify;overflow-wrap:anywhere",
    "wrap": "overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5em 0 1em",
    "table": "border-collapse:collapse;font-size:14px;line-height:1.4;min-width:100%",
    "caption": "caption-side:top;text-align:left;font-weight:bold;padding:.2em 0",
    "th": "border:1px solid #000;padding:.25em .4em;font-weight:normal;text-align:center;vertical-align:middle",
    "th_row": "border:1px solid #000;padding:.25em .4em;font-weight:normal;text-align:left;vertical-align:middle",
    "td": "border:1px solid #000;padding:.25em .4em;text-align:center;vertical-align:middle;white-space:nowrap",
    "closing": "text-align:right;margin:2em 2em 0 0;text-indent:0",
}
_CSS_SELECTORS = {"draft": ".draft", "wrap": ".table-wrap", "th_row": "th.row", "closing": ".closing"}
_PRINT_CSS = "@media print{.table-wrap{overflow:visible}article{max-width:none;padding:0}table{page-break-inside:auto}tr{page-break-inside:avoid}}"


class HtmlWriter:
    """Writes a :class:`Publication` as HTML; ``inline`` puts every style on its element."""

    def __init__(self, pub: Publication, inline: bool) -> None:
        self.pub, self.inline = pub, inline

    def attr(self, look: str, css_class: str = "") -> str:
        if self.inline:
            return f' style="{STYLES[look]}"'
        return f' class="{css_class}"' if css_class else ""

    def article(self) -> str:
        parts = [f"<article{self.attr('article')}>"]
        if self.pub.draft:
            parts.append(f'<p role="note"{self.attr("draft", "draft")}>{escape(self.pub.draft)}</p>')
        parts.append(f"<h1{self.attr('h1')}>{escape(self.pub.title)}</h1>")
        for section in self.pub.sections:
            parts.extend(self.section(section))
        parts.append(f"<p{self.attr('closing', 'closing')}>{escape(self.pub.agency)}<br>{escape(self.pub.date)}</p>")
        parts.append("</article>")
        return "\n".join(parts)

    def section(self, section: Section) -> list[str]:
        out = [f"<section><h2{self.attr('h2')}>{escape(section.title)}</h2>"]
        out += [f"<p{self.attr('p')}>{escape(p)}</p>" for p in section.paragraphs]
        if section.table is not None:
            out.append(self.table(section.table, section.title))
        out.append("</section>")
        return out

    def table(self, part: TablePart, title: str) -> str:
        rows = part.rows()
        head = part.grid.header_rows
        lines = [f"<div{self.attr('wrap', 'table-wrap')}><table{self.attr('table')}>"]
        name = f"{part.grid.table.name}　{title.split('、', 1)[-1]}"  # 「表二　主动公开政府信息情况」
        lines.append(f"<caption{self.attr('caption')}>{escape(name)}</caption>")
        if head:
            lines += ["<thead>", *(self.row(part, r) for r in rows[:head]), "</thead>"]
        lines += ["<tbody>", *(self.row(part, r) for r in rows[head:]), "</tbody>", "</table></div>"]
        return "\n".join(lines)

    def row(self, part: TablePart, cells: list[GridCell]) -> str:
        return "<tr>" + "".join(self.cell(part, c) for c in cells) + "</tr>"

    def cell(self, part: TablePart, cell: GridCell) -> str:
        spans = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
            f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
        )
        content = escape(part.texts[cell]).replace("\n", "<br>")
        if cell.role == VALUE:
            return f'<td{spans}{self.attr("td")} data-cell="{escape(cell.cell_id)}">{content}</td>'
        scope = {COLUMN: "col", CAPTION: "colgroup", ROW: "row", CORNER: "col"}[cell.role]
        if scope in ("col", "row") and (cell.colspan > 1 if scope == "col" else cell.rowspan > 1):
            scope += "group"
        look, css = ("th_row", "row") if cell.role in (ROW, CAPTION) else ("th", "")
        return f'<th scope="{scope}"{spans}{self.attr(look, css)}>{content}</th>'

    def page(self) -> str:
        css = "".join(f"{_CSS_SELECTORS.get(k, k)}{{{v}}}" for k, v in STYLES.items() if k != "th_row")
        css += f"th.row{{{STYLES['th_row']}}}" + _PRINT_CSS
        return (
            f'<!DOCTYPE html>\n<html lang="{self.pub.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(self.pub.title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
            f"{self.article()}\n</body>\n</html>\n"
        )


def render_html(report: Report, findings: list[Finding], options: ExportOptions | None = None) -> str:
    options = options or ExportOptions()
    writer = HtmlWriter(publication(report, findings, options), inline=options.fragment)
    return writer.article() + "\n" if options.fragment else writer.page()


def _write(report: Report, path: Path, findings: list[Finding], options: ExportOptions) -> str:
    data = render_html(report, findings, options).encode("utf-8")
    atomic_write(Path(path), data, keep_backup=False)
    return messages.text("EXPORT_BYTES", size=f"{len(data) / 1024:.0f} KB")


OUTPUT = Output(".html", messages.text("EXPORT_LABEL_HTML"), _write)
