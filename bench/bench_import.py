"""Median time to import one published report, per source kind (the goal: well under a second)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from ogi.importers import importer_for

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "published"
REPEAT = 7


def median_ms(path: Path) -> float:
    reader = importer_for(path)
    reader.read(path)  # forms loaded and cached once, as in a running program
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        reader.read(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    complete = CORPUS / "shuyang-fgj-2023"
    for name in ("source.txt", "source.html", "source.docx"):
        print(f"import {name} (complete report): median {median_ms(complete / name):.1f} ms")
    partial = [median_ms(p) for p in sorted(CORPUS.glob("*/source.txt"))]
    print(
        f"import source.txt, {len(partial)} corpus reports: median {statistics.median(partial):.1f} ms, max {max(partial):.1f} ms"
    )
