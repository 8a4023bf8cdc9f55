"""Running the narrative corpus (tests/data/narrative_corpus.json): what each sentence ties and flags."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from ogi.model.loader import load_form
from ogi.model.narrative.extract import extract
from ogi.model.narrative.spec import Spec
from ogi.model.report import Report
from ogi.model.rules import evaluate
from ogi.model.rules.figures import narrative_spec

CORPUS = Path(__file__).parent.parent / "data" / "narrative_corpus.json"


@cache
def corpus() -> dict:
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def cases(edition: str) -> list[dict]:
    return [c for c in corpus()["cases"] if edition in c["editions"]]


def report_for(edition: str, values: dict) -> Report:
    report = Report(load_form(f"ogi-{edition}"))
    for cell, value in values.items():
        report.put(cell, Decimal(value) if isinstance(value, str) else value)
    report.fill_blanks()
    return report


def ties(spec: Spec, text: str) -> list[str]:
    found = extract(spec, text)
    marks = [(m.figure.start, m.statement.id) for m in found.mentions]
    marks += [(c.start if c.figure is None else c.figure.start, c.mention.statement.id + ":change") for c in found.changes]
    return [name for _, name in sorted(marks)]


def flagged(report: Report, previous: Report | None, text: str, section: str = "overview") -> list[str]:
    """Statement ids (``:change`` for changes) of the warnings ``text`` gets against ``report``."""
    report.texts = {section: text}
    inst, _ = narrative_spec(report.form)
    out = []
    for finding in evaluate(inst, report, previous):
        parts = finding.key.split("/")
        out.append(parts[2] + (":change" if parts[3] == "change" else ""))
    return out


def run(edition: str, spec: Spec | None = None) -> list[tuple[dict, list[str], list[str]]]:
    """(case, ties found, statements flagged) for every case of ``edition``."""
    report = report_for(edition, corpus()["tables"][edition])
    previous = report_for(edition, corpus()["previous"])
    spec = spec or narrative_spec(report.form)[1]
    return [(c, ties(spec, c["text"]), flagged(report, previous, c["text"])) for c in cases(edition)]


def scores(results) -> tuple[float, float, int, int, int]:
    """Precision and recall of the disagreements flagged, with true/false positives and misses."""
    tp = fp = fn = 0
    for case, _ties, found in results:
        expected = list(case["wrong"])
        for name in found:
            if name in expected:
                expected.remove(name)
                tp += 1
            else:
                fp += 1
        fn += len(expected)
    return tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp, fp, fn
