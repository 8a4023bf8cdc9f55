"""Kill a saving child at random moments; after each kill the file must be the old or the new version.

Shared by tests/test_reliability_save.py (a few dozen trials) and bench/bench_kill_save.py (1,000).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from ogi.formats import read_report
from ogi.formats.safesave import backup_path
from ogi.model.messages import OgiError
from tests.tools.versions import versions

ROOT = Path(__file__).resolve().parents[2]


def _start(target: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.tools.save_loop", str(target)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        raise RuntimeError(proc.stderr.read())
    return proc


def _intact(path: Path, good: tuple) -> str | None:
    """None if ``path`` opens as one of the good versions, else what is wrong."""
    try:
        got = read_report(path)
    except OgiError as exc:
        return f"{path.name}: {exc.message}"
    return None if any(got == g for g in good) else f"{path.name}: opens, but is neither version"


def run_trials(folder: Path, suffix: str, trials: int, seed: int = 0, max_delay: float = 0.4) -> list[str]:
    """Run ``trials`` kills; return a list of failures (empty when every file survived)."""
    rng = random.Random(seed)
    good = versions(suffix)
    failures: list[str] = []
    target = folder / f"report{suffix}"
    for trial in range(trials):
        proc = _start(target)
        time.sleep(rng.uniform(0, max_delay))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for path in (target, backup_path(target)):
            if path.exists() and (problem := _intact(path, good)):
                failures.append(f"trial {trial}: {problem}")
        if not target.exists():
            failures.append(f"trial {trial}: {target.name} is missing")
    return failures
