"""WIN 汇总: the roll-up from the window — progress, the result as a report, drill-down to the units."""

from __future__ import annotations

from pathlib import Path

from ogi.formats import read_report, write_report
from ogi.model.sample import full_report
from ogi.rollup import Options
from tests import guikit

isolated, make_window = guikit.isolated, guikit.make_window


def _units(folder: Path, form, count: int = 3) -> list:
    reports = []
    for n in range(count):
        report = full_report(form, seed=n)
        report.meta["agency"] = f"示例区第{n}局"
        if n == 1:
            report.set("t3.new.natural", None)
        write_report(report, folder / f"unit{n}.xlsx")
        reports.append(report)
    return reports


def test_WIN_rollup_opens_result_and_drills_down(make_window, form21, qtbot, tmp_path):
    from ogi_gui.rollup import open_rollup

    units = tmp_path / "units"
    units.mkdir()
    reports = _units(units, form21)
    (units / "hostile.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    roster = tmp_path / "名单.txt"
    roster.write_text("示例区第0局\n示例区第1局\n示例区第2局\n示例区审计局\n", encoding="utf-8")
    window = make_window()
    output = tmp_path / "汇总.xlsx"
    result = open_rollup(window, [units], roster, Options(agency="示例区人民政府办公室"), output)
    assert result is not None and window.errors == []
    assert window.doc.path == output and window.doc.report.role("agency") == "示例区人民政府办公室"
    assert read_report(output).stored_values() == window.doc.report.stored_values()
    assert result.matching.missing == ["示例区审计局"]

    panel = window.rollup_dock.widget()
    view = window.form.views["t3"]
    view.go_to("t3.new.natural")
    assert panel.table.rowCount() == 3
    shown = [panel.table.item(r, 1).text() for r in range(3)]
    assert shown == [str(reports[0].value("t3.new.natural")), "（未填写）", str(reports[2].value("t3.new.natural"))]
    assert "1 个单位未填写" in panel.head.text()
    view.go_to("t3.new.business")
    assert [panel.table.item(r, 1).text() for r in range(3)] == [str(r.value("t3.new.business")) for r in reports]

    row = next(r for r in range(3) if panel.table.item(r, 0).text() == "示例区第2局")
    panel.table.cellDoubleClicked.emit(row, 0)
    opened = window.unit_windows[-1]
    qtbot.addWidget(opened)
    assert opened.doc.path == units / "unit2.xlsx" and opened.doc.report.role("agency") == "示例区第2局"
    assert window.doc.path == output  # the roll-up stays open


def test_WIN_rollup_cancel_leaves_the_report(make_window, form21, qtbot, tmp_path, monkeypatch):
    from ogi_gui import rollup as module

    _units(tmp_path, form21, 2)
    window = make_window()
    before = window.doc
    monkeypatch.setattr(module._Worker, "progress", lambda self, done, total: False)
    assert module.open_rollup(window, [tmp_path], None, Options(), tmp_path / "汇总.xlsx") is None
    assert window.errors == ["汇总已取消"] and window.doc is before and not (tmp_path / "汇总.xlsx").exists()


def test_WIN_rollup_menu_entry(make_window):
    window = make_window()
    files = window.menuBar().actions()[0].menu()
    assert window.act_rollup in files.actions() and window.act_rollup.text() == "汇总…"


def test_WIN_rollup_dialog_choice(isolated, qtbot, tmp_path):
    from ogi_gui.rollup import RollupDialog

    dialog = RollupDialog(None, str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.sources.addItems([str(tmp_path / "a"), str(tmp_path / "b.xlsx")])
    dialog.year.setText("2023")
    dialog.agency.setText("示例区人民政府办公室")
    dialog.include_errors.setChecked(True)
    sources, roster, options, output = dialog.choice()
    assert sources == [tmp_path / "a", tmp_path / "b.xlsx"] and roster is None
    assert (options.year, options.agency, options.include_errors) == ("2023", "示例区人民政府办公室", True)
    assert output == tmp_path / "汇总.xlsx"
