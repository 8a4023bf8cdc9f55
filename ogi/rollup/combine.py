"""What is summed and how: the rules of the roll-up (stated for users in the README).

* a report that cannot be read, of another year, of another edition, or without 机关全称 is excluded
  with its reason;
* of two reports of the same unit (same 机关全称 after normalising, same year) only the newer is
  counted — by its 落款日期, then by the file's time — and both are listed;
* a report with errors in its figures or metadata is excluded unless ``include_errors`` (then it is
  counted and marked); a missing narrative does not exclude a report, since it changes no figure;
* blank is not 0: a cell is the sum of the units that filled it, and the number of units that left
  it blank is kept so the cell can be marked incomplete; a cell blank in every unit stays blank.

Totals of the result are computed from its summed parts, like any report's. Where every unit gave
a total and their sum differs from that (an included unit's total did not add up), the sum is
kept as an entered total, so the same rules point at it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ogi.model.loader import load_form
from ogi.model.messages import text
from ogi.model.report import Report
from ogi.model.schema import Form, Number
from ogi.model.values import parse_date
from ogi.rollup.roster import Matching, match, normalise
from ogi.rollup.units import Unit


@dataclass
class Options:
    year: str = ""  # empty: the year most units reported
    agency: str = ""  # the collecting body: 机关全称 of the result
    include_errors: bool = False
    roster: list[str] | None = None
    date: str = ""  # 落款日期 of the result; empty: today


@dataclass
class Status:
    unit: Unit
    included: bool = False
    reason: str = ""  # why excluded, or the mark of an included unit with errors


@dataclass
class Rollup:
    report: Report
    statuses: list[Status]
    included: list[Unit]
    blanks: dict[str, int] = field(default_factory=dict)  # cell → units that left it blank (summed cells only)
    matching: Matching | None = None


def combine(units: list[Unit], options: Options) -> Rollup:
    """Choose the units to count and add them up into a report of the same edition."""
    year = options.year or _most_common(u.year for u in units if u.readable and u.year)
    form_id = _most_common(u.form for u in units if u.readable and u.year == year) or _fallback_form(units)
    statuses = [Status(u) for u in units]
    _select(statuses, year, form_id, options.include_errors)
    included = [s.unit for s in statuses if s.included]
    report, blanks = _sum(load_form(form_id), included)
    report.meta.update(
        {
            "agency": options.agency or text("ROLLUP_DEFAULT_AGENCY"),
            "year": year,
            "date": options.date or dt.date.today().isoformat(),
        }
    )
    matching = match(options.roster, [u.agency for u in included]) if options.roster is not None else None
    return Rollup(report, statuses, included, blanks, matching)


def _most_common(values) -> str:
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], v)) if counts else ""


def _fallback_form(units: list[Unit]) -> str:
    from ogi.model.loader import newest_form

    return _most_common(u.form for u in units if u.readable) or newest_form().id


def _select(statuses: list[Status], year: str, form_id: str, include_errors: bool) -> None:
    candidates = []
    for status in statuses:
        status.reason = _exclusion(status.unit, year, form_id)
        if not status.reason:
            candidates.append(status)
    for status in _superseded(candidates):
        candidates.remove(status)
    for status in candidates:
        unit = status.unit
        if unit.errors and not include_errors:
            status.reason = text("ROLLUP_HAS_ERRORS", count=unit.errors)
            continue
        status.included = True
        status.reason = text("ROLLUP_WITH_ERRORS", count=unit.errors) if unit.errors else ""


def _exclusion(unit: Unit, year: str, form_id: str) -> str:
    if not unit.readable:
        return unit.problem
    if not unit.year:
        return text("ROLLUP_NO_YEAR")
    if unit.year != year:
        return text("ROLLUP_OTHER_YEAR", found=unit.year, year=year)
    if unit.form != form_id:
        return text("ROLLUP_OTHER_FORM", found=unit.form, form=form_id)
    if not unit.agency:
        return text("ROLLUP_NO_AGENCY")
    return ""


def _superseded(candidates: list[Status]) -> list[Status]:
    """Older reports of a unit that has a newer one (marked with the file that replaces them)."""
    groups: dict[str, list[Status]] = {}
    for status in candidates:
        groups.setdefault(normalise(status.unit.agency), []).append(status)
    older = []
    for group in groups.values():
        group.sort(key=lambda s: (parse_date(s.unit.date) or dt.date.min, s.unit.mtime, s.unit.file), reverse=True)
        for status in group[1:]:
            status.reason = text("ROLLUP_DUPLICATE", file=group[0].unit.file)
            older.append(status)
    return older


def _sum(form: Form, units: list[Unit]) -> tuple[Report, dict[str, int]]:
    report = Report(form)
    sums: dict[str, Number] = {}
    blanks: dict[str, int] = {}
    for index, cell in enumerate(form.cells):
        known = [u.values[index] for u in units if u.values[index] is not None]
        if known:
            sums[cell] = sum(known)
            if len(known) < len(units):
                blanks[cell] = len(units) - len(known)
    for cell, value in sums.items():
        if cell not in form.totals:
            report.put(cell, value)
    report.recompute()
    for total in form.totals:
        if total in sums and total not in blanks and report.value(total) != sums[total]:
            report.put(total, sums[total])
    report.recompute()
    return report, blanks
