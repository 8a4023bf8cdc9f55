"""The two report versions the save-loop child alternates between (shared by test and bench)."""

from __future__ import annotations

from ogi.model.loader import load_form
from ogi.model.report import Report
from ogi.model.sample import full_report


def versions(suffix: str) -> tuple[Report, Report]:
    form = load_form("ogi-2021")
    a, b = full_report(form, seed=11), full_report(form, seed=12)
    b.texts["overview"] = "第二版。" * 2000  # make the new version larger than the old one
    return a, b
