"""GRID: the official tables as merged-cell grids, as printed on the paper form."""

from ogi.model.layout import CORNER, ROW, VALUE, table_grid


def _covered(grid):
    seen = {}
    for c in grid.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                assert (r, k) not in seen, f"{c} overlaps {seen[(r, k)]}"
                seen[(r, k)] = c
    return seen


def test_GRID_every_position_covered_once(form21, form19):
    for form in (form21, form19):
        for table in form.tables.values():
            grid = table_grid(table)
            assert len(_covered(grid)) == grid.width * grid.height, table.name
            assert {c.cell_id for c in grid.value_cells()} == {c.id for c in form.table_cells(table.id)}


def test_GRID_table3_2021_is_28_by_10(form21):
    grid = table_grid(form21.tables["t3"])
    assert (grid.height, grid.width, grid.label_columns, grid.header_rows) == (28, 10, 3, 3)
    at = grid.at()
    assert at[(0, 0)].role == CORNER and (at[(0, 0)].rowspan, at[(0, 0)].colspan) == (3, 3)
    assert (at[(0, 3)].text, at[(0, 3)].colspan) == ("申请人情况", 7)
    assert (at[(1, 3)].text, at[(1, 3)].rowspan) == ("自然人", 2)
    assert (at[(1, 4)].text, at[(1, 4)].colspan) == ("法人或其他组织", 5)
    assert (at[(5, 0)].text, at[(5, 0)].rowspan) == ("三、本年度办理结果", 22)
    assert (at[(7, 1)].text, at[(7, 1)].rowspan) == ("（三）不予公开", 8)
    assert (at[(3, 0)].text, at[(3, 0)].colspan) == ("一、本年新收政府信息公开申请数量", 3)
    assert (at[(5, 1)].text, at[(5, 1)].colspan) == ("（一）予以公开", 2)
    assert at[(27, 9)].cell_id == "t3.carried_over.total" and at[(27, 9)].role == VALUE


def test_GRID_table3_2019_is_26_rows(form19):
    grid = table_grid(form19.tables["t3"])
    assert grid.height == 26 and grid.at()[(5, 0)].rowspan == 20
    other = next(c for c in grid.cells if c.role == ROW and c.text == "（六）其他处理")
    assert other.colspan == 2


def test_GRID_table4_has_no_label_column(form21):
    grid = table_grid(form21.tables["t4"])
    assert (grid.height, grid.width, grid.label_columns) == (4, 15, 0)
    at = grid.at()
    assert (at[(0, 0)].text, at[(0, 0)].colspan, at[(0, 5)].text, at[(0, 5)].colspan) == ("行政复议", 5, "行政诉讼", 10)
    assert (at[(1, 0)].text, at[(1, 0)].rowspan) == ("结果维持", 2)
    assert (at[(1, 5)].text, at[(1, 5)].colspan) == ("未经复议直接起诉", 5)


def test_GRID_table2_blocks_with_captions(form21):
    grid = table_grid(form21.tables["t2"])
    assert grid.width == 4 and grid.height == 14
    captions = [c.text for c in grid.cells if c.role == "caption"]
    assert captions == ["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    fee = next(c for c in grid.value_cells() if c.cell_id == "t2.fees.amount")
    assert (fee.row, fee.col, fee.colspan) == (13, 1, 3)
