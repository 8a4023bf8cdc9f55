"""Render the PDF pages shown in docs/ (run after changing the printed layout, then look at them).

docs/report-page.png      表三 of a full 2021 report (the ordinary case);
docs/report-long-name.png the title page and docs/report-long-name-closing.png the 落款 page of a
                          report by a 31-character agency (sealed layout, §7.3.5.1);
docs/report-big-numbers.png the 表三 page of a report with six-digit figures in every cell.
Needs pdftoppm (poppler). Run: python tools/doc_pages.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ogi.model.loader import load_form
from ogi.model.report import Report
from ogi.model.sample import full_report
from ogi.outputs.pdf.render import render_pdf

DOCS = Path(__file__).resolve().parent.parent / "docs"
LONG_NAME = "新疆维吾尔自治区巴音郭楞蒙古自治州焉耆回族自治县人民政府办公室"
NARRATIVE = (
    "（一）主动公开情况\n"
    "2023年，本机关在门户网站https://www.example.gov.cn/xxgk/zfxxgkndbg/2023/index.html发布信息1,234条，"
    "政策文件被下载12,345次；截至2024年1月31日，通过ogi-office@example.gov.cn答复咨询“100%”办结（见《条例》）、"
    "PDF与Word版本同步提供。"
)


def big_figures(report: Report, figure: int = 999_999) -> Report:
    for cell in report.form.cells.values():
        if cell.id not in report.form.totals:
            places = cell.type.places
            report.put(cell.id, Decimal(figure) / 10**places if cell.type.kind == "decimal" else figure)
    report.recompute()
    return report


def page_png(pdf: bytes, page: int | str, target: Path) -> None:
    """Page ``page`` (1-based; "last" for the last) as a 100 dpi PNG."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "r.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "100", "-png", str(source), str(Path(tmp) / "p")], check=True, timeout=120)
        pages = sorted(Path(tmp).glob("p-*.png"))
        chosen = pages[-1] if page == "last" else pages[int(page) - 1]
        target.write_bytes(chosen.read_bytes())
        print(f"{target.name}: page {page} of {len(pages)}")


def main() -> None:
    form = load_form("ogi-2021")
    page_png(render_pdf(full_report(form), []), 2, DOCS / "report-page.png")
    long = full_report(form)
    long.meta["agency"] = LONG_NAME
    long.texts["overview"] = NARRATIVE
    pdf = render_pdf(long, [])
    page_png(pdf, 1, DOCS / "report-long-name.png")
    page_png(pdf, "last", DOCS / "report-long-name-closing.png")
    big = big_figures(full_report(form))
    big.meta["agency"] = LONG_NAME
    page_png(render_pdf(big, []), 2, DOCS / "report-big-numbers.png")


if __name__ == "__main__":
    main()
