"""PUB: the report as a web page (and a fragment for a site's editor) and as a Word file.

Both are read back by independent parsers (html5lib, python-docx) and compared with the form's grid:
every label, every merged span and every value in its cell, zeros printed and blanks blank.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogi.model.checker import Checker
from ogi.model.layout import VALUE, table_grid
from ogi.model.report import Report
from ogi.model.sample import full_report
from ogi.model.values import format_number
from ogi.outputs import ExportOptions, export, output_for
from ogi.outputs.docx import render_docx
from ogi.outputs.html import render_html
from tests import guikit
from tests.tools.cli import ogi

isolated, make_window = guikit.isolated, guikit.make_window  # fixtures shared by the window tests

NS = "{http://www.w3.org/1999/xhtml}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _report(form, blanks: int = 0, seed: int = 3) -> Report:
    report = full_report(form, seed=seed)
    for cell in list(report.form.cells)[:blanks]:
        if not report.form.is_total(cell):
            report.set(cell, None)
    return report


def _expected(report: Report, table_id: str) -> dict[tuple[int, int], tuple[int, int, str]]:
    """(row, col) → (rowspan, colspan, text) of every grid cell of the table."""
    grid = table_grid(report.form.tables[table_id])
    return {
        (c.row, c.col): (c.rowspan, c.colspan, format_number(report.value(c.cell_id)) if c.role == VALUE else c.text)
        for c in grid.cells
    }


def _html_grid(table) -> dict[tuple[int, int], tuple[int, int, str]]:
    """The HTML table algorithm: place each cell at the first free slot of its row, honouring spans."""
    taken: set[tuple[int, int]] = set()
    out = {}
    rows = [tr for part in table if part.tag in (NS + "thead", NS + "tbody") for tr in part if tr.tag == NS + "tr"]
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            while (r, c) in taken:
                c += 1
            rs, cs = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            text = "".join(cell.itertext())
            out[(r, c)] = (rs, cs, text)
            taken |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            c += cs
    return out


@pytest.mark.parametrize("edition", ["form21", "form19"])
def test_PUB_1_html_tables_reproduce_the_official_grid(edition, request):
    report = _report(request.getfixturevalue(edition), blanks=7)
    doc = html5lib.parse(render_html(report, []))
    tables = doc.findall(f".//{NS}table")
    ids = list(report.form.tables)
    assert len(tables) == len(ids)
    for table, table_id in zip(tables, ids, strict=True):
        assert _html_grid(table) == _expected(report, table_id)
        assert table.find(f"{NS}caption") is not None
        heads = table.findall(f".//{NS}th")
        assert heads and all(th.get("scope") in ("col", "colgroup", "row", "rowgroup") for th in heads)


def test_PUB_2_html_page_is_self_contained_and_in_chinese(form21):
    report = _report(form21)
    page = render_html(report, [])
    doc = html5lib.parse(page)
    assert doc.get("lang") == "zh-CN"
    assert doc.find(f".//{NS}h1").text == report.title()
    assert [h.text for h in doc.findall(f".//{NS}h2")] == [s.title for s in form21.sections]
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=", page, re.I)
    assert 'name="viewport"' in page and "overflow-x:auto" in page and "@media print" in page


def test_PUB_3_fragment_has_no_head_and_inline_styles(form21):
    fragment = render_html(_report(form21), [], ExportOptions(fragment=True))
    assert not re.search(r"<html|<head|<body|<style|<!DOCTYPE", fragment, re.I)
    root = html5lib.parseFragment(fragment)
    elements = [e for e in root.iter() if isinstance(e.tag, str) and e.tag.startswith(NS)]
    styled = {e.tag[len(NS) :] for e in elements if e.get("style")}
    assert {"article", "h1", "h2", "p", "table", "th", "td"} <= styled


def test_PUB_4_draft_mark_exactly_when_the_pdf_has_one(form21):
    report = _report(form21)
    report.set("t3.new.total", 999999)  # an entered total that does not add up
    findings = Checker(report).findings()
    assert any(f.severity == "error" for f in findings)
    draft = "草稿：数据未通过校验"
    assert draft in render_html(report, findings)
    assert draft not in render_html(report, findings, ExportOptions(final=True))
    assert draft not in render_html(_report(form21), Checker(_report(form21)).findings())
    docx = Document(_io(render_docx(report, findings)))
    assert draft in docx.sections[0].header.paragraphs[0].text
    assert draft in docx.sections[0].even_page_header.paragraphs[0].text


def _io(data: bytes):
    import io

    return io.BytesIO(data)


@pytest.mark.parametrize("edition", ["form21", "form19"])
def test_PUB_5_docx_tables_have_every_label_value_and_merge(edition, request):
    report = _report(request.getfixturevalue(edition), blanks=5)
    doc = Document(_io(render_docx(report, [])))
    assert len(doc.tables) == len(report.form.tables)
    for table, table_id in zip(doc.tables, report.form.tables, strict=True):
        for (r, c), (rs, cs, text) in _expected(report, table_id).items():
            top = table.cell(r, c)
            assert top.text == text, (table_id, r, c)
            bottom = table.cell(r + rs - 1, c + cs - 1)
            assert bottom._tc is top._tc, (table_id, r, c, "merge")


def test_PUB_6_docx_page_fonts_and_page_numbers(form21):
    doc = Document(_io(render_docx(_report(form21), [])))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (37, 28)
    assert round(section.right_margin.mm) == 26 and round(section.bottom_margin.mm) == 35
    assert doc.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in xml and "— " in footer.paragraphs[0].text and f'w:val="{align}"' in xml
    fonts = {}
    for name in ("报告标题", "一级标题", "正文", "表格文字"):
        rfonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        fonts[name] = rfonts.get(qn("w:eastAsia"))
    assert fonts == {"报告标题": "方正小标宋简体", "一级标题": "黑体", "正文": "仿宋_GB2312", "表格文字": "宋体"}
    body = doc.styles["正文"].paragraph_format
    assert round(body.line_spacing.pt, 2) == 28.95 and round(body.first_line_indent.pt) == 32


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\x00\x0b\x1b\r\ufffe"), max_size=80)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(agency=TEXT, overview=TEXT)
def test_PUB_7_any_pasted_text_exports(form21, agency, overview):
    """Text pasted from Word with control characters must never break either file."""
    report = _report(form21)
    report.meta["agency"], report.texts["overview"] = agency, overview
    page = render_html(report, [])
    html5lib.parse(page)
    Document(_io(render_docx(report, [])))


def test_PUB_8_cli_exports_by_suffix(tmp_path, form21):
    source = Path(__file__).parent / "data" / "seed-2023.json"
    for name in ("r.html", "r.docx"):
        done = ogi("export", str(source), "-o", str(tmp_path / name))
        assert done.returncode == 0 and (tmp_path / name).stat().st_size > 1000, done.stderr
    assert output_for(Path("x.HTML")).suffix == ".html"


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_PUB_9_libreoffice_reads_every_label_and_value_of_the_word_file(tmp_path, form21):
    report = _report(form21, seed=11)
    export(report, tmp_path / "r.docx", [])
    profile = tmp_path / "profile"
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*command, "--outdir", str(tmp_path), str(tmp_path / "r.docx")], check=True, timeout=240, capture_output=True)
    words = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", words)
    for table_id in report.form.tables:
        for _, _, text in _expected(report, table_id).values():
            assert _reads(flat, re.sub(r"\s+", "", text)), text


def _reads(flat: str, label: str, gap: int = 40) -> bool:
    """``label`` occurs in reading order, allowing a wrapped cell's lines to be interleaved with its neighbours'."""
    start = flat.find(label[:1])
    while start >= 0:
        at, ok = start, True
        for ch in label[1:]:
            nxt = flat.find(ch, at + 1, at + 1 + gap)
            if nxt < 0:
                ok = False
                break
            at = nxt
        if ok:
            return True
        start = flat.find(label[:1], start + 1)
    return False


@pytest.mark.parametrize(("kind", "suffix"), [("html", ".html"), ("fragment", ".html"), ("docx", ".docx")])
def test_PUB_10_window_exports_through_the_output_seam(make_window, form21, monkeypatch, tmp_path, kind, suffix):
    from ogi_gui import printing, publish

    target = tmp_path / f"报告{suffix}"
    monkeypatch.setattr(publish, "ask_path", lambda parent, suggested, sfx: target if sfx == suffix else None)
    from ogi_gui.printoptions import PrintChoice

    monkeypatch.setattr(printing, "ask_choice", lambda parent, title, findings: PrintChoice())
    window = make_window(full_report(form21))
    {"html": window.act_html, "fragment": window.act_fragment, "docx": window.act_docx}[kind].trigger()
    assert target.stat().st_size > 1000 and window.errors == []
    if suffix == ".html":
        assert ("<html" in target.read_text(encoding="utf-8")) == (kind == "html")
