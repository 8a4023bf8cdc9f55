"""Reliability benchmark: a window killed (SIGKILL) at random moments while being edited, 200 times.

After each kill the journal must bring back every committed edit (goal: 0 lost edits).
Prints the trial count, the committed edits in all, and the failures.
Run: python bench/bench_kill_edit.py [TRIALS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.tools.edit_trials import run_trials


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        failures, edits = run_trials(Path(tmp), trials, seed=2026, max_seconds=4.0)
        took = time.perf_counter() - start
    print(f"trials={trials} committed_edits={edits} failures={len(failures)} ({took:.0f} s)")
    for line in failures[:10]:
        print("   ", line)


if __name__ == "__main__":
    main()
