"""Read the cells of one worksheet at a cost bounded by what the file *contains*, not what it claims.

openpyxl's read-only ``iter_rows`` pads every missing row and column up to the requested
rectangle, so an identity record pointing at ``BL50000`` made us build three million empty cells
per sheet. This reads only the ``<row>`` elements that exist, counts every cell against a limit
(a refusal names it), stops at the end of ``<sheetData>`` (data validations, merged ranges and
the like after it are never parsed) and drops each parsed element at once so that memory stays
flat however long the sheet is. Formulas of every kind come back as their text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from ogi.model.messages import OgiError, text

MAX_CELLS = 80_000  # cells of all sheets read: a report at the writer's limits (a 50,000-row narrative) has ~55,000
MAX_ELEMENTS = 8 * MAX_CELLS  # XML elements inside rows (rich text runs and their formatting included)
ROW_TAG, DATA_TAG, CELL_TAG = (f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("row", "sheetData", "c"))


@dataclass(frozen=True)
class Found:
    row: int
    col: int
    value: object
    kind: str  # openpyxl's data type: "n", "s", "b", "d", "e", "f"
    number_format: str = "General"

    @property
    def address(self) -> str:
        return f"{get_column_letter(self.col)}{self.row}"


def formula_text(value: object) -> str:
    """The formula as Excel shows it in the formula bar, whatever kind openpyxl parsed it into."""
    if isinstance(value, ArrayFormula):
        return "{" + (value.text or "=") + "}"
    if isinstance(value, DataTableFormula):
        inputs = ",".join(str(r) for r in (value.r1, value.r2) if r)
        return "{=TABLE(" + inputs + ")}"
    return str(value)


@dataclass
class Budget:
    """What one reading of a workbook may still parse, over all its sheets together."""

    cells: int = MAX_CELLS
    elements: int = MAX_ELEMENTS

    def spend(self, tag: str, sheet: str, path: object) -> None:
        self.elements -= 1
        self.cells -= tag == CELL_TAG
        if self.cells < 0 or self.elements < 0:
            raise OgiError("XLSX_DAMAGED", file=path, reason=text("XLSX_REASON_CELLS", sheet=sheet, limit=MAX_CELLS))


def cells(ws, path: object, budget: Budget) -> Iterator[Found]:
    """Every non-empty cell of a read-only worksheet, in file order (see module docstring)."""
    wb = ws.parent
    with ws._get_source() as source:
        parser = WorkSheetParser(
            source, ws._shared_strings, epoch=wb.epoch, date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats
        )
        formats = getattr(wb, "_ogi_number_formats", [])
        yield from _walk(parser, source, ws.title, path, budget, formats)


def _walk(parser: WorkSheetParser, source, sheet: str, path: object, budget: Budget, formats: list[str]) -> Iterator[Found]:
    parents: list = []
    in_row = False
    for event, element in iterparse(source, events=("start", "end")):
        if event == "start":  # counted at their start, so one endless row is stopped too
            parents.append(element)
            in_row = in_row or element.tag == ROW_TAG
            budget.spend(element.tag, sheet, path)
            continue
        parents.pop()
        if element.tag == ROW_TAG:
            in_row = False
            yield from _found(parser.parse_row(element)[1], formats)
        elif element.tag == DATA_TAG:
            return  # nothing after the cells is needed
        if not in_row and parents:  # parsed, or not needed: drop it so memory stays flat
            element.clear()
            parents[-1].remove(element)


def _found(row: list[dict], formats: list[str]) -> Iterator[Found]:
    for cell in row:
        value, kind = cell["value"], cell["data_type"]
        if value is None or value == "":
            continue
        if kind == "f":
            value = formula_text(value)
        style = cell["style_id"] or 0
        yield Found(cell["row"], cell["column"], value, kind, formats[style] if 0 <= style < len(formats) else "General")
