"""Reliability benchmark: kill a saving process (SIGKILL) at random moments, 1,000 times per format.

After every kill the file on disk must be the complete old or the complete new version and
open; the backup must be intact. Prints the trial count and the failures (goal: 0).
Run: python bench/bench_kill_save.py [TRIALS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ogi.formats import registry
from tests.tools.kill_trials import run_trials


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for suffix in sorted(registry()):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            failures = run_trials(Path(tmp), suffix, trials, seed=2024)
            took = time.perf_counter() - start
        print(f"{suffix:6} trials={trials} failures={len(failures)} ({took:.0f} s)")
        for line in failures[:10]:
            print("   ", line)


if __name__ == "__main__":
    main()
