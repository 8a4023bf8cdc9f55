"""XLSX-LO: a real spreadsheet program (LibreOffice, headless) reads the workbook as the official tables.

CSV export shows every label and every number (totals included) where the grid puts them; the
PDF export has one page per part; a workbook re-saved by LibreOffice reopens unchanged; a
real .xls renamed to .xlsx is refused. Each test runs LibreOffice with a private profile.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from ogi.formats import read_report, write_report
from ogi.formats.xlsx.write import GRID_TOP
from ogi.model.layout import VALUE, table_grid
from ogi.model.loader import load_form
from ogi.model.messages import OgiError
from ogi.model.report import Invalid
from ogi.model.sample import full_report
from ogi.model.values import format_number

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui"),
]
# UTF-8 CSV, cells as shown, every sheet to its own file (12th token -1: LibreOffice ≥ 7.2)
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def soffice(tmp_path: Path, target: str, *sources: Path) -> Path:
    out = tmp_path / "out"
    profile = tmp_path / "lo-profile"
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    command += ["--convert-to", target, "--outdir", str(out), *map(str, sources)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr
    return out


def report_for(form_id: str):
    report = full_report(load_form(form_id), seed=4)
    report.set("t3.new.total", report.value("t3.new.total"))  # an entered total
    report.set("t4.review.pending", None)  # blank: the 行政复议 总计 shows blank too
    report.set_invalid("t3.carried_in.legal", Invalid("三件", "不是数字", "表三!H6"))
    report.texts["other"] = "=SUM(A1)\n+86 电话\r\n-无-\n@某人\t制表"
    report.notes["T3-5/natural"] = "因机构改革，上年结转数据由原单位划入。"
    return report


@pytest.fixture()
def saved(tmp_path):
    paths = {}
    for form_id in ("ogi-2021", "ogi-2019"):
        report = report_for(form_id)
        paths[form_id] = (report, tmp_path / f"{form_id}.xlsx")
        write_report(report, paths[form_id][1])
    return paths


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_XLSX_LO_csv_shows_official_labels_and_all_numbers(tmp_path, saved):
    out = soffice(tmp_path, CSV_ALL_SHEETS, *(path for _, path in saved.values()))
    for form_id, (report, path) in saved.items():
        for table in report.form.tables.values():
            rows = read_csv(out / f"{path.stem}-{table.name}.csv")
            assert rows[0][0] == table.title
            for gc in table_grid(table).cells:
                shown = rows[gc.row + GRID_TOP - 1][gc.col]
                if gc.role != VALUE:
                    assert shown == gc.text, (form_id, table.name, gc)
                elif gc.cell_id in report.invalid:
                    assert shown == report.invalid[gc.cell_id].text
                else:
                    assert shown == format_number(report.value(gc.cell_id)), (form_id, gc.cell_id)
        body = [cell for row in read_csv(out / f"{path.stem}-正文.csv") for cell in row]
        assert "=SUM(A1)" in body and "-无-" in body and "@某人\t制表" in body  # user text stays text


def test_XLSX_LO_pdf_one_page_per_part(tmp_path, saved):
    from pypdf import PdfReader

    report, path = saved["ogi-2021"]
    pdf = soffice(tmp_path, "pdf", path) / "ogi-2021.pdf"
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(pages) == 5  # 基本信息, 表二, 表三 (one landscape page), 表四, 正文
    for page, table in zip(pages[1:4], report.form.tables.values(), strict=True):
        assert table.title in page
    assert "（七）总计" in pages[2] and str(report.value("t3.total.total")) in pages[2]
    assert report.meta["agency"] in pages[0] and "=SUM(A1)" in pages[4]


def test_XLSX_LO_resaved_workbook_reopens_identical(tmp_path, saved):
    out = soffice(tmp_path, "xlsx:Calc MS Excel 2007 XML", *(path for _, path in saved.values()))
    for form_id, (report, _) in saved.items():
        again = read_report(out / f"{form_id}.xlsx")
        assert again == report, form_id
        assert again.is_entered_total("t3.new.total") and not again.is_entered_total("t3.total.total")


def test_XLSX_LO_real_xls_renamed_is_refused(tmp_path, saved):
    _, path = saved["ogi-2021"]
    xls = soffice(tmp_path, "xls:MS Excel 97", path) / "ogi-2021.xls"
    renamed = xls.rename(xls.with_name("改名.xlsx"))
    with pytest.raises(OgiError) as err:
        read_report(renamed)
    assert err.value.code == "XLSX_OLD_XLS" and "改名.xlsx" in err.value.message
