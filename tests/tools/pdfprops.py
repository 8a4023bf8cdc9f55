"""The printed copy's invariants, checked from the PDF's own glyph positions, over generated reports.

Shared by tests/test_pdf_property.py (a few dozen examples in the suite) and
bench/bench_pdf_property.py (thousands). ``reports()`` is a hypothesis strategy of reports of both
editions shaped like real ones (agency names of 2–40 characters, real long names among them,
figures up to 10^6, 万元 amounts with as many decimals as the form's type allows, narratives with
URLs, e-mail addresses, Latin words, long numbers, dates and every punctuation pair);
``violations(report, pdf)`` lists what breaks the rules, read back with pdfplumber (per-glyph boxes,
which pypdf does not give).
"""

from __future__ import annotations

import io
import random
from collections import Counter
from datetime import date
from decimal import Decimal

import pdfplumber
from hypothesis import strategies as st
from pdfminer.pdfdevice import PDFTextDevice
from pypdf import PdfReader
from reportlab.lib.units import mm

from ogi.model.layout import VALUE, table_grid
from ogi.model.loader import load_form
from ogi.model.report import Report
from ogi.model.sample import full_report
from ogi.model.values import format_number
from ogi.outputs.pdf.kinsoku import NO_START

REAL_LONG_NAMES = (
    "新疆维吾尔自治区巴音郭楞蒙古自治州焉耆回族自治县人民政府办公室",
    "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县住房和城乡建设局",
    "内蒙古自治区鄂尔多斯市伊金霍洛旗人民政府办公室",
    "湖南省湘西土家族苗族自治州永顺县农业农村局",
    "广西壮族自治区百色市那坡县人力资源和社会保障局",
    "云南省德宏傣族景颇族自治州陇川县人民政府户撒阿昌族乡人民政府",
)
_HAN = "政府信息公开工作年度报告本机关认真贯彻落实条例主动依申请办理结果住房城乡建设局县区市州旗乡镇街道办事处委员会"
FRAGMENTS = (
    "https://www.example.gov.cn/xxgk/zfxxgkndbg/2023/index.html",
    "http://xxgk.example.gov.cn/col/col1234567/index.html?id=987654321",
    "www.example.gov.cn/xxgk",
    "ogi-office@example.gov.cn",
    "PDF",
    "Word",
    "WeChat",
    "12345678901234",
    "1,234,567条",
    "98.76%",
    "12.345678万元",
    "2024年1月31日",
    "2023年度",
    "12月31日",
    "0513-12345678",
)
PAIRS = ("”）", "）、", "》）；", "。”", "）。", "“《", "（《", "》，", "」；", "：“", "？”", "！）", "……", "——")


@st.composite
def narratives(draw) -> str:
    parts = draw(
        st.lists(
            st.one_of(
                st.text(alphabet=_HAN, min_size=1, max_size=30),
                st.sampled_from(FRAGMENTS),
                st.sampled_from(PAIRS),
                st.sampled_from(("（一）主动公开情况", "\n", "，", "。")),
            ),
            max_size=25,
        )
    )
    return "".join(parts)


@st.composite
def reports(draw) -> Report:
    """A report of either edition: a real-shaped extreme (see the module doc)."""
    form = load_form(draw(st.sampled_from(("ogi-2021", "ogi-2019"))))
    report = full_report(form)
    rng = random.Random(draw(st.integers(0, 2**32)))
    top = draw(st.sampled_from((9, 99_999, 999_999, 1_000_000)))
    for cell in form.cells.values():
        if cell.id not in form.totals:
            report.put(cell.id, _value(rng, cell.type, top))
    report.recompute()
    report.meta["agency"] = draw(st.one_of(st.sampled_from(REAL_LONG_NAMES), st.text(alphabet=_HAN, min_size=2, max_size=40)))
    day = draw(st.dates(date(2000, 1, 1), date(2099, 12, 31)))
    report.meta["date"] = day.isoformat()
    for section in form.text_sections():
        report.texts[section.id] = draw(narratives())
    return report


def _value(rng: random.Random, vtype, top: int) -> int | Decimal:
    """Within the form's own type: its maximum and, for 万元, its number of decimal places."""
    high = min(vtype.maximum, top)
    if vtype.kind == "decimal":
        scale = 10**vtype.places
        return Decimal(rng.randint(0, high * scale)) / scale
    return rng.randint(max(vtype.minimum, 0), high)


# -- the checks ------------------------------------------------------------------------------------
def _tc_after_every_glyph(render):
    """pdfminer adds the character spacing (Tc) *between* the glyphs of one string only; PDF 32000
    §9.3.2 (and poppler, which draws the pages) adds it after every glyph, the last one included.
    Without this, a glyph after a font-subset switch is placed up to Tc too far, and the check would
    measure pdfminer, not the page."""

    def placed(self, seq, matrix, pos, font, fontsize, scaling, charspace, *rest):
        x, y = render(self, seq, matrix, pos, font, fontsize, scaling, charspace, *rest)
        glyphs = any(isinstance(obj, bytes) and obj for obj in seq)
        return (x + charspace if glyphs else x, y)

    placed.fixed = True
    return placed


if not getattr(PDFTextDevice.render_string_horizontal, "fixed", False):
    PDFTextDevice.render_string_horizontal = _tc_after_every_glyph(PDFTextDevice.render_string_horizontal)

LEFT, RIGHT, TOP, BOTTOM = 28 * mm, (28 + 156) * mm, 37 * mm, (37 + 225) * mm  # from the page's top
SLACK = 0.6  # pt: rounding of glyph boxes
PAGE_NUMBER_CHARS = frozenset("— 0123456789")


def violations(report: Report, pdf: bytes) -> list[str]:
    out = _unembedded(pdf)
    words: Counter[str] = Counter()
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            chars = [c for c in page.chars if c["text"].strip()]
            out += [
                f"p{number} outside the text block: {c['text']!r} at ({c['x0']:.1f}, {c['top']:.1f})"
                for c in chars
                if _outside(c)
            ]
            inside = [c for c in chars if _in_block(c) and not _turned(c)]
            grouped = _lines(inside, page.rects)
            for line in _continuations(grouped):
                if line[0]["text"] in NO_START:
                    out.append(f"p{number} line starts with {line[0]['text']!r}: {''.join(c['text'] for c in line)}")
            for lines in grouped.values():
                for line in lines:
                    words.update(_words(line))
    for value in _values(report):
        if words[value[0]] < value[1]:
            out.append(f"figure {value[0]} printed whole {words[value[0]]} times, expected {value[1]}")
    return out


def _turned(c: dict) -> bool:
    """The diagonal draft mark (pdfminer calls some of its glyphs upright)."""
    return abs(c["matrix"][1]) > 1e-6


def _in_block(c: dict) -> bool:
    return c["x0"] >= LEFT - SLACK and c["x1"] <= RIGHT + SLACK and c["top"] >= TOP - SLACK and c["bottom"] <= BOTTOM + SLACK


def _outside(c: dict) -> bool:
    """Outside the text block and neither the page number nor a draft mark."""
    if _in_block(c):
        return False
    watermark = _turned(c)
    draft_header = c["bottom"] <= TOP and tuple(c.get("non_stroking_color") or ()) == (0.75, 0, 0)
    page_number = c["top"] >= BOTTOM and c["text"] in PAGE_NUMBER_CHARS
    return not (watermark or draft_header or page_number)


def _lines(chars: list[dict], rects: list[dict]) -> dict[object, list[list[dict]]]:
    """Printed lines per table cell (None: the running text), top to bottom, each left to right."""
    groups: dict[tuple, list[dict]] = {}
    for c in chars:
        cell = next((i for i, r in enumerate(rects) if _within(c, r)), None)
        groups.setdefault((cell, round(c["bottom"] * 2)), []).append(c)
    out: dict[object, list[list[dict]]] = {}
    for (cell, _y), group in sorted(groups.items(), key=lambda kv: kv[0][1]):
        out.setdefault(cell, []).append(sorted(group, key=lambda c: c["x0"]))
    return out


def _continuations(grouped: dict[object, list[list[dict]]]) -> list[list[dict]]:
    """Lines that a break made: a cell's lines after its first, and running-text lines at the
    block's left edge (a paragraph's first line is indented: what it starts with is the author's)."""
    out = []
    for cell, lines in grouped.items():
        out += [line for line in lines if abs(line[0]["x0"] - LEFT) < 1] if cell is None else lines[1:]
    return out


def _within(c: dict, r: dict) -> bool:
    return r["x0"] <= c["x0"] and c["x1"] <= r["x1"] + SLACK and r["top"] <= c["top"] and c["bottom"] <= r["bottom"] + SLACK


def _words(line: list[dict]) -> list[str]:
    """Runs of characters with no visible gap between them."""
    out, word, last = [], "", None
    for c in line:
        if last is not None and c["x0"] - last > 1.0:
            out.append(word)
            word = ""
        word, last = word + c["text"], c["x1"]
    return [*out, word] if word else out


def _values(report: Report) -> list[tuple[str, int]]:
    """Each table figure as printed and how many cells show it."""
    counts: Counter[str] = Counter()
    for table in report.form.tables.values():
        for cell in table_grid(table).cells:
            if cell.role == VALUE and cell.cell_id:
                counts[format_number(report.value(cell.cell_id))] += 1
    return [(v, n) for v, n in counts.items() if v]


def _unembedded(pdf: bytes) -> list[str]:
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()  # noqa: PLW2901
            for face in [f.get_object() for f in font.get("/DescendantFonts", [])] or [font]:
                if "/FontDescriptor" not in face or "/FontFile2" not in face["/FontDescriptor"].get_object():
                    out.append(f"font not embedded: {face['/BaseFont']}")
    return out
