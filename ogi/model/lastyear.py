"""Is last year's report really last year's report of the same body?

A 2023 report of another body taken for a 2025 report silently fills 上年结转 with foreign figures.
The command line warns; the window asks. Names are compared without spaces and full-width forms,
so that 「南通市海门区 住房建设服务中心」 is the same body.
"""

from __future__ import annotations

import unicodedata

from ogi.model.messages import text
from ogi.model.report import Report
from ogi.model.values import parse_year


def _same_name(a: str, b: str) -> bool:
    fold = lambda s: "".join(unicodedata.normalize("NFKC", s).split())  # noqa: E731
    return fold(a) == fold(b)


def mismatches(report: Report, previous: Report, file: str) -> list[str]:
    """Each way ``previous`` is not this body's report of the year before (one line each); [] if it is."""
    out = []
    year, last_year = parse_year(report.role("year")), parse_year(previous.role("year"))
    if year and last_year and last_year != year - 1:
        out.append(text("PREVIOUS_WRONG_YEAR", file=file, found=last_year, wanted=year - 1))
    agency, last_agency = report.role("agency"), previous.role("agency")
    if agency and last_agency and not _same_name(agency, last_agency):
        out.append(text("PREVIOUS_OTHER_AGENCY", file=file, found=last_agency, wanted=agency))
    return out
