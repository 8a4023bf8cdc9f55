"""Export speed: a full report as a web page and as a Word file, in one process (as the window does).

Prints the median of several runs of each, against the goal of well under half a second. Run on a quiet
machine: ``python bench/bench_publish.py [RUNS]``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ogi.model.checker import Checker
from ogi.model.loader import load_form
from ogi.model.sample import full_report
from ogi.outputs.docx import render_docx
from ogi.outputs.html import render_html


def median_ms(work, runs: int) -> float:
    work()  # first run: imports and caches, as the window pays once
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    print(f"{'edition':10} {'html ms':>9} {'docx ms':>9}  (median of {runs}; goal well under 500 ms)")
    for form_id in ("ogi-2021", "ogi-2019"):
        report = full_report(load_form(form_id), seed=1)
        findings = Checker(report).findings()
        html = median_ms(lambda r=report, f=findings: render_html(r, f), runs)
        docx = median_ms(lambda r=report, f=findings: render_docx(r, f), runs)
        print(f"{form_id:10} {html:9.1f} {docx:9.1f}")


if __name__ == "__main__":
    main()
