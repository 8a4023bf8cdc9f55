"""Benchmark: one edit's incremental re-check vs a full check (issue: p99 ≤ 1 ms per edit).

Prints p50/p99 over many edits, the median of several runs, for both editions; then the
narrative re-check after a typing pause on a 5,000-character 一、总体情况 (goal: well under a
16.7 ms frame), and a cell edit's re-check while that text is unchanged.
Run: python bench/bench_check.py
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ogi.model.checker import Checker
from ogi.model.loader import load_form
from ogi.model.sample import full_report
from tests.tools.childenv import percentile

RUNS, EDITS, FULLS = 5, 2000, 200


def one_run(form_id: str, seed: int) -> tuple[float, float, float, float]:
    form = load_form(form_id)
    checker = Checker(full_report(form, seed=seed))
    rng = random.Random(seed)
    cells = [c for c in form.cells if form.cells[c].type.kind == "integer"]
    edits = []
    for _ in range(EDITS):
        cell = rng.choice(cells)
        start = time.perf_counter()
        checker.set_value(cell, rng.randint(0, 99))
        checker.findings()  # what the window asks for after each keystroke
        edits.append(time.perf_counter() - start)
    fulls = []
    for _ in range(FULLS):
        start = time.perf_counter()
        checker.check_all()
        checker.findings()
        fulls.append(time.perf_counter() - start)
    return percentile(edits, 0.5), percentile(edits, 0.99), percentile(fulls, 0.5), percentile(fulls, 0.99)


TEXT_CHARS, TEXT_EDITS = 5000, 300


def narrative_text(report, target: int = TEXT_CHARS) -> str:
    """About ``target`` characters as a clerk writes them: the drafted paragraph among ordinary prose."""
    from ogi.model.narrative.draft import draft_paragraph

    prose = (
        "2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，按照国办公开办函〔2021〕30号要求，"
        "依据第二十条第（一）项主动公开规范性文件，咨询电话0513-82123456，网址http://www.example.gov.cn/xxgk/。"
    )
    paragraph, out = draft_paragraph(report), ""
    while len(out) < target:
        out += prose + paragraph + "\n"
    return out[:target]


def narrative_run(form_id: str, seed: int) -> tuple[float, float, float, float]:
    form = load_form(form_id)
    report = full_report(form, seed=seed)
    report.texts["overview"] = narrative_text(report)
    checker = Checker(report)
    rng = random.Random(seed)
    typed = []
    for _ in range(TEXT_EDITS):  # a pause after typing: the text is new, everything re-extracted
        body = report.texts["overview"]
        at = rng.randrange(len(body))
        report.texts["overview"] = body[:at] + "字" + body[at + 1 :]
        start = time.perf_counter()
        checker.texts_changed()
        checker.findings()
        typed.append(time.perf_counter() - start)
    statement_cells = narrative_cells(form)
    edits = []
    for _ in range(TEXT_EDITS):  # a cell edit: the same text, compared again
        start = time.perf_counter()
        checker.set_value(rng.choice(statement_cells), rng.randint(0, 99))
        checker.findings()
        edits.append(time.perf_counter() - start)
    return percentile(typed, 0.5), percentile(typed, 0.99), percentile(edits, 0.5), percentile(edits, 0.99)


def narrative_cells(form) -> list[str]:
    from ogi.model.rules.figures import narrative_spec

    inst, _ = narrative_spec(form)
    return [c for c in inst.cells if c not in form.totals and form.cells[c].type.kind == "integer"]


def main() -> None:
    print(f"{'edition':10} {'edit p50':>10} {'edit p99':>10} {'full p50':>10} {'full p99':>10}  (ms, median of {RUNS} runs)")
    for form_id in ("ogi-2021", "ogi-2019"):
        runs = [one_run(form_id, seed) for seed in range(RUNS)]
        med = [statistics.median(r[i] for r in runs) * 1000 for i in range(4)]
        print(f"{form_id:10} {med[0]:10.3f} {med[1]:10.3f} {med[2]:10.3f} {med[3]:10.3f}")
        print(
            f"{'':10} one edit p99 = {med[1]:.3f} ms (goal ≤ 1 ms): {'OK' if med[1] <= 1 else 'OVER'};"
            f" full check is {med[2] / med[0]:.0f}× an edit at p50"
        )
    print(f"\nnarrative of {TEXT_CHARS} characters: {'pause p50':>10} {'pause p99':>10} {'cell p50':>10} {'cell p99':>10}")
    for form_id in ("ogi-2021", "ogi-2019"):
        runs = [narrative_run(form_id, seed) for seed in range(RUNS)]
        med = [statistics.median(r[i] for r in runs) * 1000 for i in range(4)]
        print(f"{form_id:32} {med[0]:10.3f} {med[1]:10.3f} {med[2]:10.3f} {med[3]:10.3f}")
        print(f"{'':32} re-check after a pause p99 = {med[1]:.3f} ms (goal: well under a 16.7 ms frame)")


if __name__ == "__main__":
    main()
