"""From tokens to a checked report: the one path every source kind takes after reading.

The result keeps what the import *did* — which cells were read, which were left blank on
purpose, which rows could not be placed and why — so the command line and the window can say
so before the usual findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ogi.importers.align import Reading, TableReader
from ogi.importers.document import (
    Edition,
    choose_edition,
    find_closing,
    find_sections,
    find_title,
    page_date,
    section_text,
)
from ogi.importers.tokens import Token
from ogi.model.messages import text
from ogi.model.report import Report


@dataclass
class ImportResult:
    report: Report
    source: str
    edition: Edition
    reading: Reading
    texts_missing: list[str] = field(default_factory=list)
    meta_missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Every table row was placed (read, or blank as published) and no value was refused."""
        return self.reading.rows_unread == 0 and not self.reading.notes

    def summary(self) -> list[str]:
        """What was read, what was left blank and why — one Chinese line each."""
        form = self.report.form
        how = text("IMPORT_EDITION_SURE" if self.edition.certain else "IMPORT_EDITION_UNSURE")
        lines = [
            text(
                "IMPORT_SUMMARY",
                file=self.source,
                form=form.id,
                how=how,
                values=len(self.reading.values),
                blank=len(self.reading.blank),
                total=len(form.cells),
            )
        ]
        meta = {m.label: self.report.meta.get(m.id, "") or text("IMPORT_NOT_READ") for m in form.meta if m.role}
        lines.append("；".join(f"{k}：{v}" for k, v in meta.items()))
        if self.texts_missing:
            lines.append(text("IMPORT_TEXTS_MISSING", sections="、".join(self.texts_missing)))
        lines.extend(self.reading.notes)
        lines.append(text("IMPORT_COMPLETE" if self.complete else "IMPORT_INCOMPLETE"))
        return lines


def import_tokens(tokens: Sequence[Token], source: str, structured: bool) -> ImportResult:
    """Align the tokens of one published report with the edition its tables use."""
    edition = choose_edition(tokens)
    form = edition.form
    sections = find_sections(form, tokens)
    first = min((start for start, _ in sections.values()), default=len(tokens) + 1) - 1
    closing = find_closing(tokens, max((s for s, _ in sections.values()), default=0))
    if closing is not None and sections:
        last = max(sections, key=lambda s: sections[s][0])
        sections[last] = (sections[last][0], min(sections[last][1], closing.start))
    reading = Reading()
    for section in form.sections:
        if section.kind == "table":
            reader = TableReader(form, section.id, reading, complete_source=structured)
            start, end = sections.get(section.id, (0, 0))
            reader.read(tokens, start, end)
    report = Report(form)
    for cell, value in reading.values.items():
        report.put(cell, value)
    report.recompute()
    result = ImportResult(report, source, edition, reading)
    _texts(result, tokens, sections)
    _meta(result, tokens, max(first, 0), closing)
    return result


def _texts(result: ImportResult, tokens: Sequence[Token], sections: dict[str, tuple[int, int]]) -> None:
    for section in result.report.form.text_sections():
        body = section_text(tokens, *sections[section.id]) if section.id in sections else ""
        if body:
            result.report.texts[section.id] = body
        else:
            result.texts_missing.append(section.title)


def _meta(result: ImportResult, tokens: Sequence[Token], first_heading: int, closing) -> None:
    form = result.report.form
    title = find_title(tokens, first_heading)
    agency, year = title if title else ("", "")
    if not agency and closing is not None:
        agency = closing.agency
    day = closing.date if closing is not None else page_date(tokens, first_heading)
    found = {"agency": agency, "year": year, "date": day.isoformat() if day else ""}
    for role, value in found.items():
        field_ = form.meta_field(role)
        if field_ is not None and value:
            result.report.meta[field_.id] = value


def source_name(path: Path | str) -> str:
    return Path(path).name if isinstance(path, Path) else str(path)
