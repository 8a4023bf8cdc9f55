"""Which cell formats show dates: all a reader of figures needs from a workbook's style sheet.

openpyxl parses ``xl/styles.xml`` whole into objects; a file can declare hundreds of thousands
of cell formats (20 s for a 20 KB file). We only need to know which formats are dates or
durations (a date typed into a figure cell must be reported, not read as its serial number),
so the part is streamed, each element dropped once read, and the count is bounded by Excel's
own limit.
"""

from __future__ import annotations

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from ogi.model.messages import OgiError, text

MAX_FORMATS = 65_490  # Excel's limit on the cell formats of one workbook
_NS = f"{{{SHEET_MAIN_NS}}}"
NUM_FMT, XF, CELL_XFS = _NS + "numFmt", _NS + "xf", _NS + "cellXfs"


def date_formats(source, path: object) -> tuple[set[int], set[int], list[str]]:
    """(indexes of cell formats showing dates, of those showing durations, the number format code of
    every cell format) in ``xl/styles.xml``."""
    custom: dict[int, str] = {}
    number_formats: list[int] = []
    depth, in_cell_xfs, root = 0, False, None
    for event, node in iterparse(source, events=("start", "end")):
        if event == "start":
            root = root if root is not None else node
            depth += 1
            in_cell_xfs = in_cell_xfs or node.tag == CELL_XFS
            continue
        depth -= 1
        if node.tag == NUM_FMT:
            custom[_int(node.get("numFmtId"))] = node.get("formatCode") or ""
        elif node.tag == XF and in_cell_xfs:
            number_formats.append(_int(node.get("numFmtId")))
            if len(number_formats) > MAX_FORMATS:
                raise OgiError("XLSX_BOMB", file=path, reason=text("XLSX_REASON_FORMATS", limit=MAX_FORMATS))
        elif node.tag == CELL_XFS:
            in_cell_xfs = False
        if depth <= 1 and root is not None and node is not root:
            node.clear()
            root.remove(node)
    return _classify(number_formats, custom)


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _classify(number_formats: list[int], custom: dict[int, str]) -> tuple[set[int], set[int], list[str]]:
    dates, durations, codes = set(), set(), []
    for index, fmt_id in enumerate(number_formats):
        code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, "General"))
        codes.append(code)
        if is_date_format(code):
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
    return dates, durations, codes
