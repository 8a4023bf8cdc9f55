"""PDF-X: the printed copy on real-world extremes — long names, big figures, URLs, punctuation, drafts.

One test per defect of the issue (X1 … X10) and the invariant as a property (X0): over generated
reports of both editions, from the PDF's own glyph positions, nothing but the page number and the
draft marks lies outside the 156 × 225 mm text block, no figure is split, no line that a break made
starts with a forbidden mark, and every font is embedded (tests/tools/pdfprops.py).
"""

from __future__ import annotations

import io
import itertools
from decimal import Decimal

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from ogi.formats.jsonfile import write
from ogi.model.layout import VALUE, table_grid
from ogi.model.sample import full_report
from ogi.outputs.pdf import style as S
from ogi.outputs.pdf.closing import balanced, words
from ogi.outputs.pdf.fonts import FontSet
from ogi.outputs.pdf.kinsoku import NO_START, break_lines, gaps, squeezed
from ogi.outputs.pdf.render import PdfOptions, ReportPdf, render_pdf
from ogi.outputs.pdf.table import _pad_x, draw_rows, layout_table
from tests.tools.cli import ogi
from tests.tools.pdfprops import REAL_LONG_NAMES, reports, violations

XINJIANG = REAL_LONG_NAMES[0]  # 31 characters


def chars(pdf: bytes) -> list[list[dict]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [[c for c in page.chars if c["text"].strip()] for page in doc.pages]


def big(form, figure: int = 999_999):
    report = full_report(form)
    for cell in form.cells.values():
        if cell.id not in form.totals:
            report.put(cell.id, Decimal(figure) / 10**cell.type.places if cell.type.kind == "decimal" else figure)
    report.recompute()
    report.meta["agency"] = XINJIANG
    return report


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(reports())
def test_PDF_X0_invariants_hold_over_generated_reports(report):
    assert violations(report, render_pdf(report)) == []


def test_PDF_X0_the_checker_sees_each_kind_of_fault(form21):
    """A page made wrong on purpose: text past the right edge, a wrapped cell starting with 「，」,
    a figure split over two lines of its cell, and a font that is not embedded (Helvetica)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(S.PAGE_WIDTH, S.PAGE_HEIGHT))
    canvas.setFont("Helvetica", 12)
    canvas.drawString(S.BLOCK_LEFT + S.BLOCK_WIDTH - 5, 500, "past")
    canvas.rect(S.BLOCK_LEFT, 300, 100, 60)
    canvas.drawString(S.BLOCK_LEFT + 5, 340, "12")
    canvas.drawString(S.BLOCK_LEFT + 5, 320, "34")
    canvas.showPage()
    canvas.save()
    report = full_report(form21)
    found = "\n".join(violations(report, out.getvalue()))
    assert "outside the text block: 't'" in found and "font not embedded" in found
    assert "figure" in found


def test_PDF_X1_a_long_agency_name_breaks_and_stays_in_the_block(form21):
    for seal in (True, False):
        for name in (XINJIANG, XINJIANG + "综合服务中心"):
            report = full_report(form21)
            report.meta["agency"] = name
            last = chars(render_pdf(report, [], PdfOptions(seal=seal)))[-1]
            closing = [c for c in last if c["text"] in set(name) and c["size"] == 16 and c["top"] > 200]
            assert min(c["x0"] for c in closing) >= S.BLOCK_LEFT - 0.5
            assert max(c["x1"] for c in closing) <= S.BLOCK_LEFT + S.BLOCK_WIDTH + 0.5
            assert len({round(c["top"]) for c in closing}) >= 2, "a name this long breaks over two lines"


def test_PDF_X2_big_figures_shrink_then_split_with_continued_label(form21):
    report = big(form21)
    renderer = ReportPdf(report, [], PdfOptions())
    table = form21.tables["t3"]
    grid = table_grid(table)
    texts = {c: renderer._cell_text(table, c) for c in grid.cells}
    layout = layout_table(grid, texts, renderer.setter, S.BLOCK_WIDTH, 320.0, S.LINE_PITCH)  # a page far too short
    assert layout.style.size == S.TABLE_SIZES[-1]
    room = 320.0 - layout.height(layout.header)
    assert all(layout.height(b) <= room for b in layout.bands if len(b) > 1)
    assert [b for b in layout.bands if b.start > 5 and b.stop <= 27], "the 22-row band is split"
    for cell, lines in layout.lines.items():
        if cell.role == VALUE:
            width = sum(layout.widths[cell.col : cell.col + cell.colspan]) - 2 * _pad_x(layout.style)
            assert len(lines) == 1 and renderer.setter.width(layout.style, lines[0]) <= width + 0.01
    piece = next(b for b in layout.bands if b.start > 5 and b.stop <= 27 and b.start != 5)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(S.PAGE_WIDTH, S.PAGE_HEIGHT))
    draw_rows(canvas, renderer.setter, layout, piece, S.BLOCK_LEFT, S.PAGE_HEIGHT - S.MARGIN_TOP)
    canvas.save()
    assert "（续）" in "".join(c["text"] for c in chars(out.getvalue())[0])


def test_PDF_X2_big_figures_print_whole_in_both_editions(form21, form19):
    for form in (form21, form19):
        report = big(form)
        assert violations(report, render_pdf(report, [])) == []


def test_PDF_X3_justification_spreads_only_between_tokens(form21):
    line = "共下载1,234次，访问https://www.gov.cn/xxgk，用PDF格式"
    spread = gaps(line)
    assert not any(spread[line.index("1") : line.index("4")])
    assert not any(spread[line.index("h") : line.index("k")])
    assert not any(spread[line.index("P") : line.index("F")])
    assert spread[0] and spread[line.index("次")] and not spread[line.index("4")]  # the unit stays with it
    report = full_report(form21)
    report.texts["overview"] = "本机关" * 6 + "共下载1,234次，访问https://www.gov.cn/xxgk，用PDF与Word格式" * 3
    page = chars(render_pdf(report, []))[0]
    for token in ("1,234", "https://www.gov.cn/xxgk", "PDF", "Word"):
        runs = ["".join(c["text"] for c in page[i : i + len(token)]) for i in range(len(page))]
        for start in [i for i, r in enumerate(runs) if r == token]:
            glyphs = page[start : start + len(token)]
            if len({round(c["top"]) for c in glyphs}) == 1:
                assert all(b["x0"] - a["x1"] < 0.5 for a, b in itertools.pairwise(glyphs)), token


@given(st.integers(4, 40))  # a cell holds at least two characters and a mark
def test_PDF_X4_numbers_with_units_and_dates_stay_on_one_line(width):
    text = "共计1,234条，截至2024年1月31日，增长30%，金额12.345678万元。"
    lines = break_lines(text, width, len)
    for whole in ("1,234条", "2024年1月31日", "30%", "12.345678万元"):
        if len(whole) + 1 <= width:  # with the mark after it: a line holds it whole
            assert any(whole in line for line in lines), (whole, lines)
    for digits in ("1,234", "2024", "31", "30%", "12.345678"):  # even cut as a last resort: never inside digits
        if len(digits) <= width:
            assert any(digits in line for line in lines), (digits, lines)
    assert not [line for line in lines[1:] if line[0] in NO_START], lines


def test_PDF_X5_title_breaks_between_words_in_a_trapezoid_or_diamond(form21):
    assert words(XINJIANG) == ["新疆维吾尔自治区", "巴音郭楞蒙古自治州", "焉耆回族自治县", "人民政府", "办公室"]
    assert balanced(["甲乙", "丙丁戊", "己"], len, 5) == ["甲乙", "丙丁戊己"]
    report = full_report(form21)
    report.meta["agency"] = XINJIANG
    lines = ReportPdf(report, [], PdfOptions()).title().split("\n")
    cuts = {XINJIANG.index(w) for w in words(XINJIANG)} | {len(XINJIANG)}
    at = 0
    for line in lines[:-1]:
        at += len(line)
        assert at in cuts or at > len(XINJIANG), lines  # every break falls between words
    assert "".join(lines) == report.title()


def test_PDF_X6_table_two_may_break_between_its_blocks(seed):
    pdf = render_pdf(seed, [])
    pages = ["".join(c["text"] for c in page) for page in chars(pdf)]
    assert "第二十条第（一）项" in pages[1] and "第二十条第（八）项" in pages[2]  # no page left half empty


def test_PDF_X7_seal_switch_on_the_command_line(tmp_path, form21):
    report = full_report(form21)
    write(report, tmp_path / "r.json")
    for flag in ("--seal", "--no-seal"):
        out = ogi("pdf", str(tmp_path / "r.json"), "-o", str(tmp_path / f"{flag}.pdf"), flag)
        assert out.returncode == 0, out.stderr
        assert "GB/T 9704" in out.stderr  # the bundled fonts are substitutes, said plainly
    assert (tmp_path / "--seal.pdf").read_bytes() != (tmp_path / "--no-seal.pdf").read_bytes()


def test_PDF_X8_font_substitution_is_said_and_kai_sets_second_level_headings(form21, monkeypatch):
    bundled = FontSet.discover(system_dirs=[])
    said = "\n".join(bundled.substitutions())
    assert "仿宋" in said and "§5.2.2" in said and "小标宋" in said and "uming.ttc" in said
    report = full_report(form21)
    report.texts["overview"] = "（一）主动公开情况\n正文。"
    renderer = ReportPdf(report, [], PdfOptions())
    drawn = []
    original = renderer.setter.draw
    monkeypatch.setattr(
        renderer.setter,
        "draw",
        lambda c, style, line, *a, **k: drawn.append((style.role, line)) or original(c, style, line, *a, **k),
    )
    renderer.render()
    assert ("kai", "（一）主动公开情况") in drawn and ("fangsong", "正文。") in drawn


def test_PDF_X9_adjacent_full_width_punctuation_is_compressed(form21):
    assert squeezed("”）、") == [True, True, False] and squeezed("（《条") == [True, False, False]
    assert squeezed("（）") == [False, False]  # an opening mark before a closing one keeps its width
    setter = ReportPdf(full_report(form21), [], PdfOptions()).setter
    one = setter.width(S.BODY, "）")
    assert setter.width(S.BODY, "）、") == pytest.approx(2 * one + setter.char_space(S.BODY) - S.BODY.size / 2)
    assert not [line for line in break_lines("甲）、乙" * 20, 9, len)[1:] if line[0] in NO_START]


def test_PDF_X10_a_draft_lists_the_failing_cells(form21):
    from ogi.model.checker import Checker

    report = full_report(form21)
    report.set("t4.review.total", report.value("t4.review.total") + 1)
    findings = Checker(report).findings()
    errors = [f for f in findings if f.severity == "error"]
    last = "".join(c["text"] for c in chars(render_pdf(report, findings))[-1])
    assert "附：未通过校验的项目" in last
    assert all(f.place.replace(" ", "") in last.replace(" ", "") for f in errors)
