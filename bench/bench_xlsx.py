"""Benchmark: saving and reopening a full 2021 report as an Excel workbook (goal ≤ 100 ms each).

Prints the median of several runs: building the workbook, serialising it, the whole save to disk
(atomic write with fsync and .bak copy) and the whole reopen (container checks, parse, identity,
values). Run: python bench/bench_xlsx.py
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ogi.formats.xlsx import FORMAT as XLSX
from ogi.formats.xlsx.read import read
from ogi.formats.xlsx.write import build
from ogi.model.loader import load_form
from ogi.model.sample import full_report

RUNS = 15
GOAL_MS = 100


def median_ms(action, clock=time.perf_counter) -> float:
    action()  # warm caches (form, grid, imports)
    samples = []
    for _ in range(RUNS):
        start = clock()
        action()
        samples.append(clock() - start)
    return statistics.median(samples) * 1000


def measure(form_id: str, folder: Path) -> tuple[float, ...]:
    """build, serialise, save to disk, reopen (wall clock), then save and reopen in CPU time — medians in ms.

    CPU time is printed too because wall time on a busy machine mostly measures the other processes.
    """
    report = full_report(load_form(form_id))
    report.texts["overview"] = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》。" * 200
    path = folder / f"{form_id}.xlsx"
    wb = build(report)
    return (
        median_ms(lambda: build(report)),
        median_ms(lambda: wb.save(io.BytesIO())),
        median_ms(lambda: XLSX.write(report, path)),
        median_ms(lambda: read(path)),
        median_ms(lambda: XLSX.write(report, path), time.process_time),
        median_ms(lambda: read(path), time.process_time),
    )


def main() -> None:
    print(f"{'edition':10} {'build':>8} {'serialise':>8} {'save':>8} {'reopen':>8} {'save cpu':>8} {'open cpu':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for form_id in ("ogi-2021", "ogi-2019"):
            figures = measure(form_id, Path(folder))
            print(f"{form_id:10} " + " ".join(f"{v:8.1f}" for v in figures))
            save, reopen = figures[2], figures[3]
            verdict = "OK" if max(save, reopen) <= GOAL_MS else "OVER"
            print(
                f"{'':10} save {save:.1f} ms, reopen {reopen:.1f} ms (ms, median of {RUNS}; goal ≤ {GOAL_MS} ms each): {verdict}"
            )


if __name__ == "__main__":
    main()
