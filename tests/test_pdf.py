"""PDF: the printed report — every label and figure, embedded fonts, GB/T 9704 page, draft mark."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from ogi.formats.jsonfile import read, write
from ogi.model.checker import Checker
from ogi.model.layout import VALUE, table_grid
from ogi.model.sample import full_report
from ogi.model.values import format_number
from ogi.outputs.pdf import style as S
from ogi.outputs.pdf.kinsoku import NO_START
from ogi.outputs.pdf.render import PdfOptions, ReportPdf, render_pdf
from tests.conftest import DATA
from tests.tools.cli import ogi

A4 = (595.28, 841.89)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def row_strings(report):
    """Each grid row as printed, cell by cell in reading order: every label and every value."""
    for table in report.form.tables.values():
        grid = table_grid(table)
        for r in range(grid.height):
            cells = sorted((c for c in grid.cells if c.row == r), key=lambda c: c.col)
            yield "".join(format_number(report.value(c.cell_id)) if c.role == VALUE else c.text for c in cells)


@pytest.fixture(scope="module")
def printed(request):
    """Full reports of both editions (and the seed), rendered once for the module."""
    from ogi.model.loader import load_form

    reports = {form_id: full_report(load_form(form_id)) for form_id in ("ogi-2021", "ogi-2019")}
    reports["seed"] = read(DATA / "seed-2023.json")
    return {key: (report, render_pdf(report)) for key, report in reports.items()}


@pytest.mark.parametrize("key", ["ogi-2021", "ogi-2019", "seed"])
def test_PDF_1_every_label_and_value_in_reading_order(printed, key):
    report, pdf = printed[key]
    text = re.sub(r"—\d+—", "", flat("".join(pdf_text(pdf))))  # a paragraph may run over a page break
    for row in row_strings(report):
        assert flat(row) in text, row
    for section in report.form.sections:
        assert flat(section.title) in text
    for paragraph in report.texts.values():
        assert flat(paragraph) in text
    assert flat(report.meta["agency"]) in text and "2024年1月8日" in text


@pytest.mark.parametrize("key", ["ogi-2021", "ogi-2019", "seed"])
def test_PDF_2_every_font_is_an_embedded_truetype_subset(printed, key):
    reader = PdfReader(io.BytesIO(printed[key][1]))
    seen = 0
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()  # noqa: PLW2901  (the indirect object resolved)
            for face in [f.get_object() for f in font.get("/DescendantFonts", [])] or [font]:
                assert "STSong" not in str(face["/BaseFont"])
                assert "/FontFile2" in face["/FontDescriptor"].get_object(), face["/BaseFont"]
                seen += 1
    assert seen >= 2


def test_PDF_3_page_count_size_and_numbers(printed):
    for key, pages in (("ogi-2021", 3), ("ogi-2019", 3), ("seed", 5)):
        reader = PdfReader(io.BytesIO(printed[key][1]))
        assert len(reader.pages) == pages, key
        for number, page in enumerate(reader.pages, 1):
            assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.01)
            assert f"— {number} —" in page.extract_text()


def test_PDF_4_page_numbers_outside_edge_odd_right_even_left(printed):
    reader = PdfReader(io.BytesIO(printed["seed"][1]))
    for number, page in enumerate(reader.pages, 1):
        where: list[tuple[float, float]] = []
        page.extract_text(visitor_text=lambda t, cm, tm, *_, found=where: found.append((tm[4], tm[5])) if "—" in t else None)
        x, y = where[0]
        assert (x > A4[0] / 2) == (number % 2 == 1), number
        assert y < S.BLOCK_BOTTOM - S.PAGE_NUMBER_GAP  # below the text block


def test_PDF_5_line_breaking_rule_holds_in_the_pdf(form21):
    report = full_report(form21)
    provoking = "一" * 26 + "，二三四五六七八九十" * 4 + "《条例》" + "政" * 23 + "（一）共计。"
    report.texts["overview"] = provoking
    renderer = ReportPdf(report, None, PdfOptions())
    lines = renderer.setter.lines(S.BODY, provoking, S.BLOCK_WIDTH, "")
    assert lines[0] == "一" * 25 and lines[1].startswith("一，")  # greedy would start line 2 with 「，」
    assert all(len(line) <= 28 for line in lines)
    printed = [line.strip() for page in pdf_text(renderer.render()) for line in page.splitlines() if line.strip()]
    assert "一，二三四五六七八九十" in "".join(printed)
    body = [line for line in printed if not re.fullmatch(r"— \d+ —", line)]
    assert len(body) > 10 and not [line for line in body if line[0] in NO_START]


def pgm_pages(pdf: bytes, tmp_path) -> list[bytes]:
    """Rasterise with pdftoppm (grey PGM) and return each page's pixel bytes."""
    source = tmp_path / "r.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [shutil.which("pdftoppm") or "pdftoppm", "-gray", "-r", "30", str(source), str(tmp_path / "p")], check=True, timeout=120
    )
    pages = []
    for path in sorted(tmp_path.glob("p-*.pgm")):
        data = path.read_bytes()
        _magic, width, height, _maxval, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S).groups()
        assert len(pixels) == int(width) * int(height)
        pages.append(pixels)
    return pages


def test_PDF_6_pages_render_and_none_is_blank(printed, tmp_path):
    pages = pgm_pages(printed["seed"][1], tmp_path)
    assert len(pages) == 5
    for pixels in pages:
        inked = sum(1 for p in pixels if p < 224)  # at 30 dpi text is grey, not black
        assert inked > len(pixels) // 50  # text on at least 2 % of the sheet, not an empty page


def test_PDF_7_draft_mark_unless_final_and_notes_page(form21):
    report = full_report(form21)
    report.set("t3.total.natural", report.value("t3.total.natural") + 6)
    previous = full_report(form21, seed=1, year=2022)
    report.notes["T3-5/natural"] = "机构改革，原区房管所的申请一并划入本机关。"
    findings = Checker(report, previous).findings()
    draft = pdf_text(render_pdf(report, findings))
    assert all("草稿：数据未通过校验" in page for page in draft)
    assert "说明：机构改革" in draft[-2] and "附：校验提示及说明" in draft[-2]
    assert "附：未通过校验的项目" in draft[-1] and "表三" in draft[-1]  # the draft says which cells fail
    final = pdf_text(render_pdf(report, findings, PdfOptions(final=True, notes=False)))
    assert not any("草稿" in page for page in final) and len(final) == len(draft) - 2


def test_PDF_8_title_option_and_sign_off_block(form21):
    report = full_report(form21)
    text = flat("".join(pdf_text(render_pdf(report, [], PdfOptions(title="关于2023年度政务公开的报告", sign_off=True)))))
    assert text.startswith("关于2023年度政务公开的报告")
    for part in ("单位负责人：张三", "签字：", "填报人：李四", "联系电话：0513-12345678", "日期："):
        assert flat(part) in text


def _closing_spots(pdf: bytes) -> tuple[float, float, float, float]:
    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    spots = []
    page.extract_text(visitor_text=lambda t, cm, tm, *_: spots.append((t.strip(), tm[4])))
    agency = next((t, x) for t, x in spots if t.startswith("南通市海门区"))
    date = next((t, x) for t, x in spots if t.startswith("2024"))
    return agency[1], len(agency[0]), date[1], len(date[0])


def test_PDF_9_closing_per_gbt9704(printed):
    """Unsealed (§7.3.5.2): 署名右空二字, 成文日期 two characters right of the 署名's first character;
    sealed (§7.3.5.1, the default): 成文日期右空四字, the 署名 centred over it."""
    report, pdf = printed["seed"]
    em, right = S.CHAR_PITCH, S.BLOCK_LEFT + S.BLOCK_WIDTH
    agency, a_len, date, _ = _closing_spots(render_pdf(report, options=PdfOptions(seal=False)))
    assert date - agency == pytest.approx(2 * em, abs=0.5)
    assert agency + a_len * em == pytest.approx(right - 2 * em, abs=1)
    agency, a_len, date, _ = _closing_spots(pdf)
    setter = ReportPdf(report, [], PdfOptions()).setter
    date_width, agency_width = setter.width(S.SIGNATURE, "2024年1月8日"), setter.width(S.SIGNATURE, report.meta["agency"])
    assert date + date_width == pytest.approx(right - 4 * em, abs=0.5)
    assert agency + agency_width / 2 == pytest.approx(date + date_width / 2, abs=0.5)


def test_PDF_10_cli_writes_pdf_and_reports_drafts(tmp_path, form21):
    out = ogi("pdf", str(DATA / "seed-2023.json"), "-o", str(tmp_path / "seed.pdf"))
    assert out.returncode == 0, out.stderr
    assert len(PdfReader(tmp_path / "seed.pdf").pages) == 5 and "5 页" in out.stdout
    bad = full_report(form21)
    bad.set("t4.review.total", bad.value("t4.review.total") + 1)
    write(bad, tmp_path / "bad.json")
    out = ogi("pdf", str(tmp_path / "bad.json"))
    assert out.returncode == 1 and "草稿" in out.stderr and (tmp_path / "bad.pdf").exists()
    assert ogi("pdf", str(tmp_path / "missing.json")).returncode == 2


def test_PDF_11_only_the_title_is_drawn_bold(printed):
    """The Song-drawn-bold title (no 小标宋 installed) keeps its stroke mode inside q … Q."""
    stream = PdfReader(io.BytesIO(printed["seed"][1])).pages[0].get_contents().get_data().decode("latin-1")
    stroked = re.findall(r"BT[^\n]*? 2 Tr [^\n]*?ET", stream)
    assert len(stroked) == 2  # the two title lines
    assert stream.count("2 Tr") == 2 and len(re.findall(r"\nq\n[^\n]* w\nBT[^\n]* 2 Tr [^\n]*ET\nQ", stream)) == 2
