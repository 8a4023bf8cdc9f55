"""XLSX: the workbook round-trips a report exactly and draws the official tables."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogi.formats import format_for, read_report, write_report
from ogi.formats.xlsx.identity import SHEET
from ogi.formats.xlsx.write import GRID_TOP
from ogi.model.layout import VALUE, table_grid
from ogi.model.loader import load_form
from ogi.model.report import Invalid, Report
from ogi.model.sample import full_report

TRICKY = [
    "=SUM(A1)",
    "+1",
    "-1",
    "@x",
    "第一行\r\n第二行\n第三行\r",
    "\t制表符\t",
    "  前后空格  ",
    "_x000D_ 与 x005F_ 和 _x005F_",
    "控制符\x01\x1f",
    "\n",
    "𠀀生僻字",
]


def roundtrip(report: Report, tmp_path, name: str = "r.xlsx") -> Report:
    path = tmp_path / name
    write_report(report, path)
    return read_report(path)


def rich_report(form_id: str, seed: int = 0) -> Report:
    report = full_report(load_form(form_id), seed=seed)
    report.set("t3.new.total", report.value("t3.new.total"))  # an entered total
    report.set("t4.review.upheld", None)  # a blank stays blank
    report.set("t3.carried_in.natural", 0)  # 0 stays 0
    report.set_invalid("t3.new.business", Invalid("十二", "不是数字", "表三!E6"))
    report.notes["T3-5/natural"] = "机构改革\r\n职能划转"
    report.texts["other"] = "\n".join(TRICKY)
    return report


def test_XLSX_plugin_registered():
    assert format_for("报告.xlsx").label == "Excel 工作簿"


@pytest.mark.parametrize("form_id", ["ogi-2021", "ogi-2019"])
@pytest.mark.parametrize("seed_no", range(3))
def test_XLSX_round_trip_exact(tmp_path, form_id, seed_no):
    report = rich_report(form_id, seed_no)
    again = roundtrip(report, tmp_path)
    assert again == report
    assert again.is_entered_total("t3.new.total") and not again.is_entered_total("t3.total.total")
    assert again.stored("t4.review.upheld") is None and again.stored("t3.carried_in.natural") == 0
    assert again.invalid["t3.new.business"] == Invalid("十二", "不是数字", "表三!E6")
    assert roundtrip(again, tmp_path, "second.xlsx") == report  # save → reopen → save


def test_XLSX_seed_round_trip(tmp_path, seed):
    again = roundtrip(seed, tmp_path)
    assert again == seed and again.stored("t3.new.natural") is None and again.value("t3.total.total") == 8


def test_XLSX_amount_exact(tmp_path, form21):
    report = full_report(form21)
    report.set("t2.fees.amount", Decimal("123456789.1234"))
    assert roundtrip(report, tmp_path).value("t2.fees.amount") == Decimal("123456789.1234")


def test_XLSX_long_text_split_not_cut(tmp_path, form21):
    report = full_report(form21)
    report.texts["overview"] = "长" * 70000 + "\r\n" + "𠀀" * 20000  # beyond one cell's 32767 characters
    report.notes["C-1/t3"] = "说明" * 20000
    again = roundtrip(report, tmp_path)
    assert again.texts["overview"] == report.texts["overview"] and again.notes == report.notes


def test_XLSX_invalid_text_too_long_refused(tmp_path, form21):
    from ogi.model.messages import OgiError

    report = full_report(form21)
    report.set_invalid("t3.new.natural", Invalid("x" * 40000, "不是数字"))
    with pytest.raises(OgiError) as err:
        write_report(report, tmp_path / "r.xlsx")
    assert err.value.code == "XLSX_TEXT_TOO_LONG" and "表三!D5" in err.value.message
    assert not (tmp_path / "r.xlsx").exists()


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_XLSX_random_reports_round_trip(tmp_path, data):
    form = load_form(data.draw(st.sampled_from(["ogi-2021", "ogi-2019"])))
    report = Report(form)
    for cell_id in data.draw(st.lists(st.sampled_from(sorted(form.cells)), max_size=40, unique=True)):
        vtype = form.cells[cell_id].type
        if vtype.kind == "integer":
            report.set(cell_id, data.draw(st.integers(vtype.minimum, vtype.maximum)))
        else:
            cents = data.draw(st.integers(0, vtype.maximum * 10**vtype.places))
            report.set(cell_id, Decimal(cents).scaleb(-vtype.places).normalize() + 0)
    for section in form.text_sections():
        if data.draw(st.booleans()):
            report.texts[section.id] = data.draw(_text.filter(bool))
    report.meta = {m.id: v for m in form.meta if (v := data.draw(_text))}
    report.notes = data.draw(st.dictionaries(st.text(min_size=1, max_size=20), _text.filter(bool), max_size=3))
    if data.draw(st.booleans()):
        report.set_invalid(data.draw(st.sampled_from(sorted(form.cells))), Invalid(data.draw(_text), "不是数字", "表三!D6"))
    report.recompute()
    assert roundtrip(report, tmp_path) == report


# -- what the workbook looks like ---------------------------------------------------------


@pytest.fixture(scope="module")
def book21(tmp_path_factory):
    report = full_report(load_form("ogi-2021"))
    report.set("t3.new.total", report.value("t3.new.total"))
    report.texts["other"] = '=HYPERLINK("http://x")'
    path = tmp_path_factory.mktemp("xlsx") / "r.xlsx"
    write_report(report, path)
    return report, path, openpyxl.load_workbook(path)


def test_XLSX_sheets_in_report_order(book21):
    _, _, wb = book21
    assert wb.sheetnames == ["基本信息", "表二", "表三", "表四", "正文", SHEET]
    assert wb[SHEET].sheet_state == "veryHidden"
    assert all(wb[name].sheet_state == "visible" for name in wb.sheetnames[:-1])


@pytest.mark.parametrize("form_id", ["ogi-2021", "ogi-2019"])
@pytest.mark.parametrize("table_id", ["t2", "t3", "t4"])
def test_XLSX_merges_follow_the_grid(tmp_path, form_id, table_id):
    form = load_form(form_id)
    path = tmp_path / "r.xlsx"
    write_report(full_report(form), path)
    grid = table_grid(form.tables[table_id])
    ws = openpyxl.load_workbook(path)[form.tables[table_id].name]
    merged = {str(r) for r in ws.merged_cells.ranges}
    raw = openpyxl.load_workbook(path, read_only=True)[form.tables[table_id].name]  # cells as stored, merges not re-drawn
    styled = {(c.row, c.column): c.border for row in raw.iter_rows() for c in row if hasattr(c, "row")}
    for gc in grid.cells:
        top = ws.cell(row=gc.row + GRID_TOP, column=gc.col + 1)
        if gc.rowspan > 1 or gc.colspan > 1:
            bottom = ws.cell(row=gc.row + GRID_TOP + gc.rowspan - 1, column=gc.col + gc.colspan)
            assert f"{top.coordinate}:{bottom.coordinate}" in merged
        if gc.role != VALUE:
            assert top.value == gc.text
        for r in range(gc.rowspan):  # thin borders on every cell of a merged range
            for c in range(gc.colspan):
                border = styled[top.row + r, top.column + c]
                assert {border.left.style, border.right.style, border.top.style, border.bottom.style} == {"thin"}


def test_XLSX_locks_validation_and_ime(book21):
    report, _, wb = book21
    ws = wb["表三"]
    assert ws.protection.sheet and not ws.protection.password
    natural, total, entered = ws["D5"], ws["J6"], ws["J5"]  # 一、自然人; 二、总计 (automatic); 一、总计 (entered)
    assert ws["A5"].value.startswith("一、") and not natural.protection.locked and ws["A5"].protection.locked
    assert total.protection.locked and total.value == report.value("t3.carried_in.total")
    assert not entered.protection.locked
    check = next(v for v in ws.data_validations.dataValidation if "D5" in v.sqref)
    assert check.type == "whole" and check.formula1 == "0" and check.imeMode == "off" and "非负整数" in check.prompt
    assert "非负整数" in check.error and check.errorTitle and check.showErrorMessage
    fee = next(v for v in wb["表二"].data_validations.dataValidation if v.type == "decimal")
    assert fee.formula1 == "0" and fee.imeMode == "off"


def test_XLSX_signed_type_allows_negatives(tmp_path, form19):
    path = tmp_path / "r.xlsx"
    write_report(full_report(form19), path)
    checks = openpyxl.load_workbook(path)["表二"].data_validations.dataValidation
    assert any(v.type == "whole" and int(v.formula1) < 0 for v in checks)


def test_XLSX_page_setup(book21):
    _, _, wb = book21
    t3, t2 = wb["表三"], wb["表二"]
    assert t3.page_setup.orientation == "landscape" and t2.page_setup.orientation == "portrait"
    assert int(t3.page_setup.paperSize) == 9 and t3.sheet_properties.pageSetUpPr.fitToPage
    assert t3.page_setup.fitToWidth == 1 and str(t3.print_title_rows) == "$1:$4"
    assert t3.column_dimensions["C"].width > t3.column_dimensions["D"].width  # long labels get room
    assert t3["C9"].alignment.wrap_text and t3.row_dimensions[8].height > t3.row_dimensions[9].height  # （二） wraps


def test_XLSX_totals_readable_without_recalculation(book21):
    """Programs that read cached values (openpyxl data_only, pandas) see every total."""
    report, path, _ = book21
    ws = openpyxl.load_workbook(path, data_only=True)["表三"]
    assert ws["J5"].value == report.value("t3.new.total") and ws["J29"].value == report.value("t3.carried_over.total")
    assert ws["J28"].value == report.value("t3.total.total") and isinstance(ws["J28"].value, int)


def test_XLSX_user_text_never_a_formula(book21):
    _, path, wb = book21
    cells = [c for row in wb["正文"].iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert b"<f>" not in _sheet_xml(path, "正文")


def _sheet_xml(path, title: str) -> bytes:
    import zipfile

    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(title) + 1
    with zipfile.ZipFile(path) as z:
        return z.read(f"xl/worksheets/sheet{index}.xml")


def test_XLSX_identity_records_form_and_places(book21):
    from ogi.formats.xlsx.identity import from_rows

    _report, path, wb = book21
    ident = from_rows(list(wb[SHEET].iter_rows(values_only=True)), path)
    assert ident.form == "ogi-2021" and ident.edition == "2021" and ident.generator.startswith("ogi-report ")
    assert ident.cells["t3.new.natural"][:3] == ["表三", "D5", "input"]
    assert ident.cells["t3.new.total"][2] == "entered" and ident.cells["t3.total.total"][2] == "auto"


@pytest.mark.parametrize("form_id", ["ogi-2021", "ogi-2019"])
def test_XLSX_every_value_cell_validated_by_its_type(tmp_path, form_id):
    form = load_form(form_id)
    path = tmp_path / "r.xlsx"
    write_report(full_report(form), path)
    wb = openpyxl.load_workbook(path)
    for table in form.tables.values():
        checks = wb[table.name].data_validations.dataValidation
        for gc in table_grid(table).cells:
            address = wb[table.name].cell(row=gc.row + GRID_TOP, column=gc.col + 1).coordinate
            covering = [v for v in checks if address in v.sqref]
            if gc.role != VALUE:
                assert not covering, address
                continue
            vtype = form.cells[gc.cell_id].type
            assert len(covering) == 1 and int(covering[0].formula1) == vtype.minimum, (table.name, address)
            assert covering[0].type == ("whole" if vtype.kind == "integer" else "decimal")


def test_XLSX_tall_outer_label_reads_vertically(book21):
    _, _, wb = book21
    assert wb["表三"]["A7"].value == "三、本年度办理结果" and wb["表三"]["A7"].alignment.textRotation == 255
    assert wb["表二"]["A4"].value == "规章" and wb["表二"]["A4"].alignment.textRotation == 0


def test_XLSX_absurdly_long_narrative_refused_clearly(tmp_path, form21, monkeypatch):
    import ogi.formats.xlsx.write
    from ogi.model.messages import OgiError

    monkeypatch.setattr(ogi.formats.xlsx.write, "MAX_ROW", 30)  # stands for tens of millions of characters
    report = full_report(form21)
    report.texts["overview"] = "一行\n" * 40
    with pytest.raises(OgiError) as err:
        write_report(report, tmp_path / "r.xlsx")
    assert err.value.code == "XLSX_TEXT_TOO_MUCH" and "一、总体情况" in err.value.message
