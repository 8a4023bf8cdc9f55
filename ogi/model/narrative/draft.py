"""「起草统计段落」: the standard statistics paragraph of 一、总体情况, written from the tables.

The wording is the form's ``draft`` template (data, in published reports' phrasing); every
placeholder is a statement of the same rule, so what is drafted ties back to the same cells
and checks clean by construction (the tests prove it on random reports).
"""

from __future__ import annotations

from ogi.model.messages import OgiError
from ogi.model.report import Report
from ogi.model.rules.figures import narrative_spec, table_value
from ogi.model.values import format_number


def draft_paragraph(report: Report, file: object = "") -> str:
    """The paragraph for the current tables; refuses (naming the blank cells) while any it needs is blank."""
    found = narrative_spec(report.form)
    draft = found[1].draft if found is not None else None
    if found is None or draft is None:
        raise OgiError("DRAFT_NONE", file=file, form=report.form.id)
    spec = found[1]
    values, blank = {}, []
    for statement in spec.statements:
        value = table_value(report, statement.cells)
        if value is None:
            blank += [c for c in statement.cells if report.value(c) is None]
        values[statement.id] = format_number(value)
    needed = _placeholders(draft)
    blank = [c for c in dict.fromkeys(blank) if any(c in s.cells for s in spec.statements if s.id in needed)]
    if blank:
        names = "、".join(report.form.place_of(c) for c in blank[:3]) + ("等" if len(blank) > 3 else "")
        raise OgiError("DRAFT_BLANK", file=file, cells=names)
    return draft.format(**values)


def append_draft(report: Report, paragraph: str) -> str:
    """Add ``paragraph`` as the last paragraph of the section it describes; returns that section's id."""
    found = narrative_spec(report.form)
    assert found is not None
    section = found[1].sections[0]
    body = report.texts.get(section, "").rstrip()
    report.texts[section] = f"{body}\n{paragraph}" if body else paragraph
    return section


def _placeholders(template: str) -> set[str]:
    from string import Formatter

    return {name for _, name, _, _ in Formatter().parse(template) if name}
