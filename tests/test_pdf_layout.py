"""PDF-L: pagination and table layout — header rows repeated, no row split, columns in the block."""

from __future__ import annotations

import pytest

from ogi.model.layout import table_grid
from ogi.model.sample import full_report
from ogi.outputs.pdf import style as S
from ogi.outputs.pdf.flow import Band, paginate
from ogi.outputs.pdf.render import PdfOptions, ReportPdf
from ogi.outputs.pdf.table import _bands, layout_table


def test_PDF_L1_keep_with_next_moves_a_heading_to_the_next_page():
    heading = Band(10, keep_with_next=True)
    bands = [Band(80), heading, Band(30)]
    pages = paginate(bands, 100)
    assert [[b for b, _ in p] for p in pages] == [[bands[0]], [heading, bands[2]]]
    assert [y for _, y in pages[1]] == [0, 10]


def test_PDF_L2_continuation_opens_with_the_repeated_header_and_space_is_dropped():
    header = Band(20)
    rows = [Band(50), Band(50, repeat=header), Band(50, repeat=header)]
    pages = paginate([*rows, Band(30, space=True), Band(10)], 120)
    assert [[b for b, _ in p] for p in pages] == [[rows[0], rows[1]], [header, rows[2], pages[1][2][0], pages[1][3][0]]]
    only_space = paginate([Band(100), Band(30, space=True), Band(10)], 100)
    assert [len(p) for p in only_space] == [1, 1]  # the blank band at the top of page 2 is dropped


def test_PDF_L3_bands_never_cut_a_merged_cell_or_a_header(form21, form19):
    t3 = table_grid(form21.tables["t3"])
    bands = _bands(t3)
    assert bands[0] == range(0, t3.header_rows + 1)  # header rows stay with the first data row
    assert range(5, 27) in bands  # 「三、本年度办理结果」 spans 22 rows: one band
    t2 = table_grid(form19.tables["t2"])
    captions = {c.row for c in t2.cells if c.role == "caption"}
    assert {b.start for b in _bands(t2)} == captions  # a table without header breaks only at its blocks


@pytest.mark.parametrize("form_id", ["ogi-2021", "ogi-2019"])
def test_PDF_L4_tables_fill_the_text_block_and_fit_a_page(form_id):
    from ogi.model.loader import load_form

    report = full_report(load_form(form_id))
    renderer = ReportPdf(report, None, PdfOptions())
    sizes = {}
    for table in report.form.tables.values():
        grid = table_grid(table)
        layout = layout_table(
            grid,
            {c: renderer._cell_text(table, c) for c in grid.cells},
            renderer.setter,
            S.BLOCK_WIDTH,
            S.BLOCK_HEIGHT,
            S.LINE_PITCH,
        )
        assert sum(layout.widths) == pytest.approx(S.BLOCK_WIDTH)
        assert layout.height(range(grid.height)) + S.LINE_PITCH <= S.BLOCK_HEIGHT
        for cell, lines in layout.lines.items():
            if cell.role == "value":
                assert len(lines) == 1, cell  # figures never wrap
        sizes[table.name] = layout.style.size
    assert sizes["表二"] == 12.0 and sizes["表三"] < sizes["表二"] and sizes["表四"] < sizes["表二"]


def test_PDF_L5_a_table_taller_than_a_page_continues_with_its_header(form21):
    report = full_report(form21)
    renderer = ReportPdf(report, None, PdfOptions())
    bands = renderer._table(form21.tables["t3"])
    for band in bands:
        band.keep_with_next = False  # it is kept whole only when it fits a real page
    pages = paginate(
        [b for b in bands if not b.space], 520
    )  # the 22-row band plus the header just fit  # a page far shorter than the table
    assert len(pages) > 1
    header = bands[1].repeat
    assert header is not None and all(p[0][0] is header for p in pages[1:])
