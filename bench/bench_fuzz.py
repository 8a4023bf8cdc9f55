"""Fuzzing benchmark: mutated report files fed to the readers and the rule engine.

Every case must end in a valid report or a clean one-line refusal: never a traceback, a
hang (each case is bounded by an alarm) or a memory blow-up (the address space is capped).
Prints counts per outcome and format. Run: python bench/bench_fuzz.py [CASES] [SUFFIX ...]
(default: 10^5 cases for each registered format; a workbook case costs ~30 ms, a JSON case ~1 ms).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ogi.formats import registry
from tests.tools.fuzzing import fuzz

MEMORY_CAP = 2 * 1024**3  # a case that needs more than 2 GiB is a blow-up: it fails with MemoryError


def main() -> None:
    cases = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    suffixes = sys.argv[2:] or sorted(registry())
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    total_bugs = 0
    for suffix in suffixes:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            counts, bugs = fuzz(Path(tmp), suffix, cases, seed=2026)
            took = time.perf_counter() - start
        total_bugs += len(bugs)
        print(
            f"{suffix:6} cases={sum(counts.values())} report={counts['report']} refused={counts['refused']} "
            f"bugs={len(bugs)} ({took:.0f} s, {took / cases * 1000:.2f} ms/case)"
        )
        for line in bugs[:10]:
            print("   ", line)
    print(f"total bugs: {total_bugs}")


if __name__ == "__main__":
    main()
