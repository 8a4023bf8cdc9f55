"""XLSX, second round: declared counts bounded, formulas as text, text outside the fields reported."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from ogi.formats import read_report, write_report
from ogi.model.messages import OgiError
from ogi.model.sample import full_report
from tests.tools.cli import ogi
from tests.tools.hostile import build


@pytest.fixture()
def saved(tmp_path, form21):
    path = tmp_path / "r.xlsx"
    write_report(full_report(form21), path)
    return path


def _place(path, cell_id: str) -> tuple[str, str]:
    """Where the writer put a figure (from the workbook's own identity map)."""
    from ogi.formats.xlsx.guard import load
    from ogi.formats.xlsx.identity import MAP_ROW, SHEET, from_rows

    wb = load(path.read_bytes(), path)
    ident = from_rows(list(wb[SHEET].iter_rows(max_row=MAP_ROW + 5, max_col=2, values_only=True)), path)
    return tuple(ident.cells[cell_id][:2])


@pytest.mark.parametrize(
    ("formula", "shown"),
    [
        ("=SUM(B7:C7)", "=SUM(B7:C7)"),
        (ArrayFormula("D7", "=SUM(B7:C7*2)"), "{=SUM(B7:C7*2)}"),
        (DataTableFormula("D7", r1="B1", r2="C1", dt2D=True), "{=TABLE(B1,C1)}"),
    ],
)
def test_XLSX_formulas_of_every_kind_come_back_as_text_and_survive_resave(saved, tmp_path, formula, shown):
    sheet, address = _place(saved, "t3.new.natural")
    wb = load_workbook(saved)
    wb[sheet][address] = formula
    wb.save(saved)
    report = read_report(saved)
    bad = report.invalid["t3.new.natural"]
    assert bad.text == shown and "object at" not in bad.text and bad.source == f"{sheet}!{address}"
    again = tmp_path / "again.xlsx"
    write_report(report, again)
    assert read_report(again).invalid["t3.new.natural"].text == shown


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=st.sampled_from(["正文", "基本信息"]), row=st.integers(1, 400), col=st.integers(3, 30), value=st.text(min_size=1))
def test_XLSX_text_outside_the_fields_reported_with_its_place(saved, tmp_path, sheet, row, col, value):
    from openpyxl.utils import get_column_letter

    from ogi.formats.xlsx.text import encode

    if not value.strip():
        return
    original = saved.read_bytes()
    saved = tmp_path / "stray.xlsx"
    saved.write_bytes(original)
    wb = load_workbook(saved)
    wb[sheet].cell(row=row, column=col).value = encode(value)
    wb.save(saved)
    notices = read_report(saved).notices
    place = f"{sheet}!{get_column_letter(col)}{row}"
    assert len(notices) == 1 and notices[0].startswith(place) and "此处的内容不会被读入" in notices[0]
    assert "\n" not in notices[0] and "\x1b" not in notices[0] and len(notices[0]) < 200


def test_XLSX_stray_text_below_a_section_printed_by_ogi_check(saved):
    wb = load_workbook(saved)
    ws = wb["正文"]
    ws.cell(row=ws.max_row + 2, column=1).value = "写在最后一节下面的补充"
    wb.save(saved)
    got = ogi("check", str(saved))
    assert "此处的内容不会被读入" in got.stderr and "写在最后一节下面的补充" in got.stderr


@pytest.mark.parametrize(
    ("name", "size", "reason"),
    [
        ("identity_many_sheets", 30, "个工作表"),
        ("shared_strings_flood", 20, "共享字符串"),
        ("styles_flood", 5, "单元格格式"),
        ("sheet_cell_flood", 10, "单元格过多"),
        ("encrypted_member", 1, "已加密"),
        ("identity_huge_map", 130, "标识信息过大"),
    ],
)
def test_XLSX_declared_counts_refused_naming_the_reason(tmp_path, name, size, reason):
    path = build(name, random.Random(3), size, tmp_path)
    with pytest.raises(OgiError) as err:
        read_report(path)
    assert reason in err.value.message and "\n" not in err.value.message


def test_XLSX_far_away_identity_cells_read_without_padding(tmp_path, monkeypatch):
    """A record at BL50000 once made the reader build three million empty cells per sheet."""
    from openpyxl.worksheet import _read_only

    monkeypatch.setattr(_read_only.ReadOnlyWorksheet, "_cells_by_row", lambda *a, **k: pytest.fail("padded read"))
    path = build("identity_far_cells", random.Random(4), 50, tmp_path)
    report = read_report(path)
    assert report.invalid or report.blank_cells()


def test_XLSX_out_of_memory_named_as_such(saved, monkeypatch):
    from ogi.formats.xlsx import scan

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(scan, "_found", exhausted)
    with pytest.raises(OgiError) as err:
        read_report(saved)
    assert "内存不足" in err.value.message and "不符合" not in err.value.message
