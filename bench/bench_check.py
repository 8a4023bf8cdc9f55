"""Benchmark: one edit's incremental re-check vs a full check (issue: p99 ≤ 1 ms per edit).

Prints p50/p99 over many edits, the median of several runs, for both editions.
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


if __name__ == "__main__":
    main()
