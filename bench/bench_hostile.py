"""Hostile corpus: every attack class at several sizes (files up to 50 MB), each read in a child
process under an address-space limit; prints each file's time and peak memory, then the worst.

Goal (issue 12): every file accepted or refused within 5 s and 300 MB, the refusal naming the reason.
Run: nice -n 10 python bench/bench_hostile.py [--sizes 1,10,50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.tools.childenv import child_env  # noqa: E402
from tests.tools.hostile import CLASSES, build  # noqa: E402

MEMORY_LIMIT_MB = 2048  # the child's address space: above the goal, so that overruns are measured, not crashed
MAX_FILE = 50 * 1024 * 1024


def run(path: Path, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "tests.tools.hostile_child", str(path), str(MEMORY_LIMIT_MB)],
        cwd=ROOT,
        env=child_env(folder),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        return {"outcome": f"BUG: child died ({out.returncode}) {out.stderr.strip()[-200:]}", "seconds": 0.0, "peak_mb": 0.0}
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,60")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(12)
    worst_time = worst_mem = 0.0
    bugs = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'file':<36}{'MB':>7}{'median s':>10}{'peak MB':>9}  outcome")
        for name in CLASSES:
            for size in (int(s) for s in args.sizes.split(",")):
                path = build(name, rng, size, folder)
                if path.stat().st_size > MAX_FILE:
                    continue
                runs = [run(path, folder) for _ in range(args.repeat)]
                seconds = statistics.median(r["seconds"] for r in runs)
                peak = max(r["peak_mb"] for r in runs)
                worst_time, worst_mem = max(worst_time, seconds), max(worst_mem, peak)
                outcome = runs[0]["outcome"]
                bugs += [f"{path.name}: {outcome}"] if outcome.startswith("BUG") else []
                print(f"{path.name:<36}{path.stat().st_size / 1e6:>7.2f}{seconds:>10.2f}{peak:>9.0f}  {outcome[:90]}")
                path.unlink()
    print(f"worst time {worst_time:.2f} s (goal 5 s); worst peak memory {worst_mem:.0f} MB (goal 300 MB)")
    print("bugs: " + ("; ".join(bugs) if bugs else "none"))


if __name__ == "__main__":
    main()
