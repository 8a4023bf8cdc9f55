"""Cutting the document into pages: bands of fixed height, kept together where they must be.

The renderer describes the report as a list of bands (a line of text, a run of table rows,
blank space). Pagination is greedy; a band marked ``keep_with_next`` never ends a page
(headings, a paragraph's first and second-to-last lines, the lines that hold the 落款 to the
text), so it moves to the next page together with what follows. A band carrying ``repeat``
(a table's continuation rows) opens a page with those rows (the table's header) first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

Draw = Callable[[Canvas, float], None]  # draws the band with its top edge at the given y


@dataclass
class Band:
    height: float
    draw: Draw | None = None
    keep_with_next: bool = False
    space: bool = False  # blank: dropped at the top of a page
    repeat: Band | None = None  # drawn first when this band opens a page
    page_break: bool = False  # always start a new page with this band
    soft: bool = False  # its keep_with_next yields when keeping would leave over half a page blank


Page = list[tuple[Band, float]]  # each band with its offset from the top of the text block


def paginate(bands: list[Band], page_height: float) -> list[Page]:
    pages: list[Page] = [[]]
    for band in bands:
        page = pages[-1]
        if band.page_break and page:
            pages.append(page := [])
        if page and _bottom(page) + band.height > page_height:
            carry = _carry(page, page_height)
            pages.append(page := [])
            for kept in carry:
                _place(page, kept)
        if not (band.space and not page):
            _place(page, band)
    return [p for p in pages if p]


def _bottom(page: Page) -> float:
    band, top = page[-1]
    return top + band.height


def _carry(page: Page, page_height: float) -> list[Band]:
    """Take the trailing keep-with-next bands off ``page`` (all but the first band at most).

    A table that would fit a page is kept whole by *soft* keeps; when moving it would leave this page
    less than half full, it is broken after its last soft band here instead (its
    continuation repeats the header), so a page is never left half empty for it.
    """
    count = 0
    while count < len(page) - 1 and page[-1 - count][0].keep_with_next:
        count += 1
    if count and page[-1][0].soft and page[len(page) - count][1] < page_height / 2:
        count = 0
    carried = [band for band, _ in page[len(page) - count :]]
    del page[len(page) - count :]
    return carried


def _place(page: Page, band: Band) -> None:
    if not page and band.repeat is not None:
        page.append((band.repeat, 0.0))
    page.append((band, _bottom(page) if page else 0.0))
