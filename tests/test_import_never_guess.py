"""IMP: never guess — rows whose values cannot be placed stay blank and are reported; nothing wrong is filled.

A whole report is flattened the ways web pages and Word documents are copied (bars, one cell per
line, a blank line after each cell, tab-indented cells), then damaged: values dropped from rows,
rows shuffled, empty fillers appended. Every value the importer fills must be the true one.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogi.importers.align import place
from ogi.importers.text import import_text
from ogi.model.loader import load_form
from ogi.model.sample import full_report
from ogi.model.values import format_number

FORMS = {f: load_form(f) for f in ("ogi-2021", "ogi-2019")}


def _rows(report):
    """(label, cells, values) per table row in the published order, plus section headings."""
    form = report.form
    out = []
    for section in form.sections:
        out.append((section.title, [], []))
        if section.kind != "table":
            out.append(("本部分正文。", [], []))
            continue
        for block in form.tables[section.id].blocks:
            out.extend((leaf.labels[-1], [], []) for leaf in block.column_leaves)
            for leaf in block.row_leaves:
                cells = [
                    c.id
                    for c in form.cells.values()
                    if c.table == section.id and c.row == leaf and c.block == form.tables[section.id].blocks.index(block)
                ]
                out.append((leaf.labels[-1] if leaf.labels else "", cells, [format_number(report.value(c)) for c in cells]))
    return out


def _flatten(rows, style: str) -> str:
    lines = []
    for label, _cells, values in rows:
        if style == "bars":
            lines.append(" | ".join([label, *values]) + " |")
        elif style == "tabs":
            lines.extend("\t" + v for v in [label, *values])
        else:
            lines.extend([label, *values])
    if style == "double":
        lines = [x for line in lines for x in (line, "")]
    return "\n".join(lines) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    form_id=st.sampled_from(sorted(FORMS)),
    seed=st.integers(0, 10_000),
    style=st.sampled_from(["bars", "lines", "double", "tabs"]),
    data=st.data(),
)
def test_IMP_dropped_and_shuffled_values_never_fill_a_wrong_cell(form_id, seed, style, data):
    truth = full_report(FORMS[form_id], seed=seed)
    rows = _rows(truth)
    damaged = set()
    for n, (label, cells, values) in enumerate(rows):
        if len(values) > 1 and data.draw(st.integers(0, 4)) == 0:  # drop some values of this row
            keep = data.draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values)))
            if not all(keep):
                rows[n] = (label, cells, [v for v, k in zip(values, keep, strict=False) if k])
                damaged.update(cells)
    table_rows = [i for i, r in enumerate(rows) if r[1] and rows[i - 1][1]]
    if len(table_rows) > 2 and data.draw(st.booleans()):  # two rows of a table swap places
        i, j = data.draw(st.sampled_from(table_rows)), data.draw(st.sampled_from(table_rows))
        rows[i], rows[j] = rows[j], rows[i]
    result = import_text(_flatten(rows, style), "test")
    got = result.report.stored_values()
    assert all(truth.value(cell) == value for cell, value in got.items())  # nothing wrong
    assert not damaged & set(got)  # a damaged row is left blank …
    if damaged:
        assert result.reading.rows_unread and not result.complete  # … and reported
    else:
        # complete: every cell shows the published value (totals read are kept as published: entered)
        assert result.complete and all(result.report.value(c) == truth.value(c) for c in truth.form.cells)


@given(
    values=st.lists(st.sampled_from(["0", "3", "12", "—", "/", "", " "]), min_size=0, max_size=10),
    width=st.integers(1, 8),
)
def test_IMP_place_fills_only_when_the_count_settles_it(values, width):
    placed = place(values, width)
    filled = [v for v in values if v.strip()]
    if placed is not None:
        assert len(placed) == width
        numbers = [v for v in placed if v is not None]
        assert numbers == [v for v in filled if v[0].isdigit()]  # the values, in their published order
    if len(filled) != width and len(values) < width:
        assert placed is None  # fewer cells than columns: never placed


def test_IMP_message_names_table_row_and_counts():
    text = "三、收到和处理政府信息公开申请情况\n(三)不予公开 | 1.属于国家秘密 | 1 | 2 | 3 | 4 | 5 |\n四、政府信息公开行政复议、行政诉讼情况\n"
    notes = import_text(text).reading.notes
    assert "表三 （三）不予公开 1.属于国家秘密 行：读到 5 个数，应有 7 个，未填入" in notes


@pytest.mark.parametrize("style", ["bars", "lines", "double", "tabs"])
@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_IMP_an_undamaged_flattened_report_reads_completely(form_id, style):
    """The case the property above reaches only by chance (no row damaged): every cell read, as published."""
    truth = full_report(FORMS[form_id], seed=7)
    result = import_text(_flatten(_rows(truth), style), "test")
    assert result.complete and not result.reading.rows_unread
    assert all(result.report.value(c) == truth.value(c) for c in truth.form.cells)
