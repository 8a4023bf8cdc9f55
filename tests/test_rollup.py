"""ROLLUP (汇总): sums, blanks, exclusions, duplicates, roster, hostile files, roll-ups of roll-ups."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogi.formats import read_report, write_report
from ogi.model.report import Report
from ogi.model.sample import full_report
from ogi.rollup import Options, rollup, save
from ogi.rollup.roster import match, near, read_roster
from ogi.rollup.units import read_unit, read_units
from tests.tools.cli import ogi

SLOW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def unit_report(form, agency: str, seed: int = 0, year: int = 2023) -> Report:
    report = full_report(form, seed=seed, year=year)
    report.meta["agency"] = agency
    return report


def write_units(folder: Path, reports: list[Report], suffix: str = ".json") -> list[Path]:
    paths = []
    for n, report in enumerate(reports):
        path = folder / f"unit{n:03d}{suffix}"
        write_report(report, path)
        paths.append(path)
    return paths


def status_of(result, path: Path):
    return next(s for s in result.statuses if s.unit.file == str(path))


# -- sums --------------------------------------------------------------------------------------
values = st.one_of(st.none(), st.integers(0, 99_999))


@SLOW
@given(data=st.data(), count=st.integers(1, 6))
def test_ROLLUP_sums_match_an_independent_computation(tmp_path_factory, form21, data, count):
    folder = tmp_path_factory.mktemp("units")
    inputs = [c for c in form21.cells if c not in form21.totals and form21.cells[c].type.kind == "integer"]
    reports = []
    for n in range(count):
        report = unit_report(form21, f"示例区第{n}单位")
        for cell in data.draw(st.lists(st.sampled_from(inputs), max_size=12, unique=True)):
            report.set(cell, data.draw(values))
        reports.append(report)
    write_units(folder, reports)
    result = rollup([folder], Options(include_errors=True))
    assert len(result.included) == count
    for cell in form21.cells:
        if cell in form21.totals:
            continue
        known = [r.value(cell) for r in reports if r.value(cell) is not None]
        assert result.report.value(cell) == (sum(known) if known else None), cell
        assert result.blanks.get(cell, 0) == (len(known) and count - len(known)), cell
    for total in form21.totals:  # a total every unit gave (consistently) is the sum of theirs
        shown = [r.value(total) for r in reports]
        if None not in shown and all(not r.is_entered_total(total) for r in reports):
            assert result.report.value(total) == sum(shown), total


def test_ROLLUP_decimal_amounts_stay_exact(tmp_path, form21):
    decimal_cells = [c for c in form21.cells if form21.cells[c].type.kind == "decimal" and c not in form21.totals]
    assert decimal_cells
    reports = [unit_report(form21, f"单位{n}", seed=n) for n in range(3)]
    for n, report in enumerate(reports):
        report.set(decimal_cells[0], Decimal("0.0001") * (n + 1) + Decimal("12.1"))
    write_units(tmp_path, reports, ".xlsx")
    result = rollup([tmp_path], Options())
    assert result.report.value(decimal_cells[0]) == Decimal("36.3006")


def test_ROLLUP_blank_is_not_zero(tmp_path, form21):
    cell, never = "t3.new.natural", "t3.new.business"
    reports = [unit_report(form21, f"单位{n}", seed=n) for n in range(4)]
    reports[1].set(cell, None)
    reports[2].set(cell, None)
    for report in reports:
        report.set(never, None)
    write_units(tmp_path, reports)
    result = rollup([tmp_path], Options())
    assert result.report.value(cell) == reports[0].value(cell) + reports[3].value(cell)
    assert result.blanks[cell] == 2
    assert result.report.value(never) is None and never not in result.blanks  # blank everywhere stays blank
    assert all(s.included for s in result.statuses)  # incomplete is not an error


# -- what is counted ---------------------------------------------------------------------------
def test_ROLLUP_excluded_units_with_reasons(tmp_path, form21, form19):
    good = unit_report(form21, "示例区财政局")
    wrong = unit_report(form21, "示例区教育局", seed=1)
    wrong.set("t3.total.natural", wrong.value("t3.total.natural") + 7)
    older = unit_report(form21, "示例区民政局", seed=2, year=2022)
    edition = unit_report(form19, "示例区卫健委", seed=3)
    nameless = unit_report(form21, "", seed=4)
    paths = write_units(tmp_path, [good, wrong, older, edition, nameless])
    result = rollup([tmp_path], Options(year="2023"))
    reasons = {Path(s.unit.file).name: (s.included, s.reason) for s in result.statuses}
    assert reasons[paths[0].name] == (True, "")
    assert reasons[paths[1].name][0] is False and "错误" in reasons[paths[1].name][1]
    assert reasons[paths[2].name] == (False, "年度为 2022，本次汇总的是 2023 年度")
    assert reasons[paths[3].name] == (False, "格式版本为 ogi-2019，本次汇总的是 ogi-2021")
    assert reasons[paths[4].name] == (False, "未填写机关全称")
    assert result.report.value("t3.new.natural") == good.value("t3.new.natural")
    marked = rollup([tmp_path], Options(year="2023", include_errors=True))
    assert status_of(marked, paths[1]).included and "仍已计入" in status_of(marked, paths[1]).reason
    assert marked.report.value("t3.total.natural") == good.value("t3.total.natural") + wrong.value("t3.total.natural")
    assert marked.report.is_entered_total("t3.total.natural")  # the wrong total is kept, so the rules point at it


def test_ROLLUP_duplicates_newer_counted_both_listed(tmp_path, form21):
    old, new = unit_report(form21, "示例区 财政局", seed=1), unit_report(form21, "示例区财政局", seed=2)
    old.meta["date"], new.meta["date"] = "2024-01-10", "2024-01-20"
    paths = write_units(tmp_path, [new, old])
    result = rollup([tmp_path], Options())
    assert len(result.statuses) == 2 and len(result.included) == 1
    assert status_of(result, paths[0]).included
    assert str(paths[0]) in status_of(result, paths[1]).reason
    assert result.report.value("t3.new.natural") == new.value("t3.new.natural")


def test_ROLLUP_missing_year_follows_the_majority(tmp_path, form21):
    reports = [unit_report(form21, f"单位{n}", seed=n, year=2023 if n else 2022) for n in range(3)]
    write_units(tmp_path, reports)
    result = rollup([tmp_path], Options())
    assert result.report.role("year") == "2023" and len(result.included) == 2


# -- roster ------------------------------------------------------------------------------------
def test_ROLLUP_roster_normalised_and_near_misses_never_merged(tmp_path, form21):
    names = ["示例区住房和城乡建设局", "示例区ＡＢ办公室", "示例区人力资源与社会保障局", "示例区统计局"]
    write_units(tmp_path, [unit_report(form21, n, seed=i) for i, n in enumerate(names)])
    roster = tmp_path / "名单.txt"
    roster.write_text(
        "示例区住建局\n示例区 AB办公室\n示例区人力资源和社会保障局\n示例区统计局\n示例区审计局\n", encoding="gb18030"
    )
    result = rollup([tmp_path], Options(roster=read_roster(roster)))
    m = result.matching
    assert m.missing == ["示例区住建局", "示例区人力资源和社会保障局", "示例区审计局"]
    assert m.possible == {
        "示例区住建局": ["示例区住房和城乡建设局"],
        "示例区人力资源和社会保障局": ["示例区人力资源与社会保障局"],
    }
    assert set(m.unlisted) == {"示例区住房和城乡建设局", "示例区人力资源与社会保障局"}
    assert len(result.included) == 4  # an unlisted unit is still counted


def test_ROLLUP_numbered_siblings_are_not_near_misses():
    assert not near("示例镇第一中学", "示例镇第二中学") and not near("示例区单位7", "示例区单位2")
    assert near("示例镇第一中学", "示例镇第一中学校") and near("示例区住建局", "示例区住房和城乡建设局")


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20))
def test_ROLLUP_spacing_and_width_variants_match_exactly(name):
    from ogi.rollup.roster import normalise

    variant = " ".join(name).replace("1", "１")
    if normalise(name):
        assert match([variant], [name]).missing == [] or normalise(variant) != normalise(name)
        assert near(name, name)


def test_ROLLUP_roster_from_a_workbook_column(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "机关全称", "联系人"])
    ws.append([1, "示例区财政局", "张三"])
    ws.append([2, "示例区教育局", "李四"])
    wb.save(tmp_path / "名单.xlsx")
    assert read_roster(tmp_path / "名单.xlsx") == ["示例区财政局", "示例区教育局"]


# -- hostile and broken files ------------------------------------------------------------------
def _with_part(data: bytes, part: str, change) -> bytes:
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            body = source.read(name)
            target.writestr(name, change(body) if name == part else body)
    return out.getvalue()


def hostile_files(folder: Path, form) -> dict[str, bytes]:
    from ogi.formats.xlsx.write import to_bytes

    good = to_bytes(unit_report(form, "示例区恶意单位"))
    laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))
    return {
        "entities.xlsx": _with_part(good, "xl/worksheets/sheet3.xml", lambda b: laughs + b.replace(b"<v>", b"<v>&b;", 1)),
        "entities-utf16.xlsx": _with_part(
            good, "xl/worksheets/sheet3.xml", lambda b: b"\xff\xfe" + (laughs + b).decode().encode("utf-16-le")
        ),
        "bomb.xlsx": bomb.getvalue(),
        "garbage.xlsx": b"PK\x03\x04" + bytes(range(256)) * 10,
        "empty.json": b"",
        "not-ours.xlsx": _plain_workbook(),
        "no-sheet.xlsx": _with_part(good, "xl/workbook.xml", lambda b: b.replace("表三".encode(), "别的".encode())),
    }


def _plain_workbook() -> bytes:
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    return out.getvalue()


def test_ROLLUP_hostile_files_listed_never_stop_the_run(tmp_path, form21):
    write_units(tmp_path, [unit_report(form21, "示例区财政局")], ".xlsx")
    for name, data in hostile_files(tmp_path, form21).items():
        (tmp_path / name).write_bytes(data)
    result = rollup([tmp_path], Options())
    assert len(result.included) == 1
    bad = {Path(s.unit.file).name: s.reason for s in result.statuses if not s.included}
    assert set(bad) == set(hostile_files(tmp_path, form21))
    assert (
        "恶意" in bad["entities.xlsx"]
        and "恶意" in bad["entities-utf16.xlsx"]
        and "过大" in bad["bomb.xlsx"]
        and "不是本程序保存" in bad["not-ours.xlsx"]
    )
    assert "别的" not in bad["no-sheet.xlsx"] and "表三" in bad["no-sheet.xlsx"]
    for name in bad:  # the normal reader refuses each one too
        with pytest.raises(Exception, match=r"文件|无法"):
            read_report(tmp_path / name)


# -- the lean reader is the normal reader, faster ----------------------------------------------
@SLOW
@given(data=st.data())
def test_ROLLUP_lean_reader_reads_what_the_reader_reads(tmp_path_factory, form21, data):
    from ogi.formats.xlsx.read import read
    from ogi.model.report import Invalid
    from ogi.rollup import lean

    report = unit_report(form21, data.draw(st.text(min_size=1, max_size=40)))
    cells = list(form21.cells)
    for cell in data.draw(st.lists(st.sampled_from(cells), max_size=10, unique=True)):
        choice = data.draw(st.sampled_from(["blank", "number", "invalid"]))
        if choice == "invalid":
            report.set_invalid(cell, Invalid(data.draw(st.text(max_size=8)), "不是数字"))
        else:
            report.set(cell, data.draw(st.integers(0, 10**6)) if choice == "number" else None)
    path = tmp_path_factory.mktemp("lean") / "r.xlsx"
    write_report(report, path)
    full, fast = read(path), lean.read(path)
    assert (fast.meta, fast.stored_values(), fast.invalid, fast.entered_totals()) == (
        full.meta,
        full.stored_values(),
        full.invalid,
        full.entered_totals(),
    )


def test_ROLLUP_lean_reader_on_a_workbook_saved_by_another_program(tmp_path, form21):
    """Re-saved by openpyxl in normal mode: shared strings, a formula, a date and text in figure cells."""
    import datetime as dt

    from openpyxl import load_workbook

    from ogi.formats.xlsx.read import read
    from ogi.rollup import lean

    path = tmp_path / "r.xlsx"
    write_report(unit_report(form21, "示例区财政局"), path)
    wb = load_workbook(path)
    ws = wb["表三"]
    ws["D5"], ws["E5"], ws["F5"], ws["G5"] = "=1+1", dt.datetime(2024, 1, 8), "１２", 1234.0
    wb.save(path)
    full, fast = read(path), lean.read(path)
    assert fast.stored_values() == full.stored_values() and fast.invalid == full.invalid and fast.meta == full.meta
    assert len(fast.invalid) == 2 and fast.value("t3.new.research") == 12


# -- the result --------------------------------------------------------------------------------
def test_ROLLUP_result_workbook_reopens_with_its_sheets(tmp_path, form21):
    from openpyxl import load_workbook

    units = tmp_path / "units"
    units.mkdir()
    reports = [unit_report(form21, f"示例区第{n}局", seed=n) for n in range(3)]
    write_units(units, reports, ".xlsx")
    (units / "broken.xlsx").write_bytes(b"not a workbook")
    result = rollup([units], Options(agency="示例区人民政府办公室", roster=["示例区第0局", "示例区审计局"]))
    out = tmp_path / "汇总.xlsx"
    save(result, out)
    again = read_report(out)
    assert again.stored_values() == result.report.stored_values() and again.role("agency") == "示例区人民政府办公室"
    wb = load_workbook(out, read_only=True)
    units_rows = list(wb["单位情况"].iter_rows(values_only=True))
    assert len(units_rows) == 5 and any(r[7] == "不计入" and "broken" in r[0] for r in units_rows[1:])
    missing = list(wb["缺报"].iter_rows(values_only=True))
    assert ("名单中有、未报送", "示例区审计局") in [r[:2] for r in missing]
    detail = list(wb["明细"].iter_rows(values_only=True))
    column = detail[1].index("t3.new.natural")
    assert [r[column] for r in detail[4:]] == [r.value("t3.new.natural") for r in reports]
    assert detail[2][column] == sum(r.value("t3.new.natural") for r in reports)


def test_ROLLUP_rollups_roll_up(tmp_path, form21):
    """Two districts summed into a city equal all their units summed at once."""
    every = []
    for district in ("东区", "西区"):
        folder = tmp_path / district
        folder.mkdir()
        reports = [unit_report(form21, f"{district}第{n}局", seed=n + len(every)) for n in range(3)]
        every += reports
        write_units(folder, reports, ".xlsx")
        save(rollup([folder], Options(agency=f"示例市{district}人民政府")), tmp_path / f"{district}汇总.xlsx")
    city = rollup([tmp_path / "东区汇总.xlsx", tmp_path / "西区汇总.xlsx"], Options(agency="示例市人民政府"))
    assert len(city.included) == 2
    for cell in form21.cells:
        assert city.report.value(cell) == sum(r.value(cell) for r in every), cell


def test_ROLLUP_both_cores_read_what_one_core_reads(tmp_path, form21):
    paths = write_units(tmp_path, [unit_report(form21, f"单位{n}", seed=n) for n in range(6)], ".xlsx")
    (tmp_path / "bad.xlsx").write_bytes(b"PK\x05\x06" + bytes(18))
    paths.append(tmp_path / "bad.xlsx")
    one, two = read_units(paths, workers=1), read_units(paths, workers=2)
    assert [(u.file, u.values, u.problem) for u in one] == [(u.file, u.values, u.problem) for u in two]


def test_ROLLUP_cancel_stops(tmp_path, form21):
    from ogi.rollup import Cancelled

    write_units(tmp_path, [unit_report(form21, f"单位{n}", seed=n) for n in range(3)])
    with pytest.raises(Cancelled):
        rollup([tmp_path], Options(), progress=lambda done, total: done < 2)


def test_ROLLUP_command_line(tmp_path, form21):
    write_units(tmp_path, [unit_report(form21, f"单位{n}", seed=n) for n in range(2)], ".xlsx")
    (tmp_path / "roster.txt").write_text("单位0\n单位1\n单位2\n", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    done = ogi("rollup", str(tmp_path), "-o", str(out), "--roster", str(tmp_path / "roster.txt"))
    assert done.returncode == 0, done.stderr
    assert "已汇总 2 个单位" in done.stdout and "名单中 1 个单位未报送" in done.stdout and out.exists()
    again = ogi("rollup", str(tmp_path), "-o", str(out))
    assert again.returncode == 0 and "共找到 2 份" in again.stdout  # its own output (and .bak) is never a unit
    assert read_unit(out).agency == "汇总"


def test_ROLLUP_progress_bar_only_on_a_terminal():
    from ogi.cli.progress import Bar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    shown, piped = Terminal(), io.StringIO()
    for stream in (shown, piped):
        with Bar(stream) as bar:
            assert bar.update(1, 4) and bar.update(4, 4)
    assert "汇总 4/4" in shown.getvalue() and "100%" in shown.getvalue() and shown.getvalue().endswith("\n")
    assert piped.getvalue() == ""
