"""Kill a saving child at random moments; after each kill the file must be the old or the new version.

Shared by tests/test_reliability_save.py (a few dozen trials) and bench/bench_kill_save.py (1,000).
"""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from ogi.formats import read_report, write_report
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


FAULTS = ("plain", "symlink", "shared_mode")  # the classes of target a save is killed on
SHARED_MODE = 0o664


def _prepare(folder: Path, suffix: str, fault: str) -> tuple[Path, Path]:
    """(the path the child saves to, the real file that must survive)."""
    real = folder / f"report{suffix}"
    if fault == "symlink":  # saving through a link: the link stays a link, the real file old or new
        (folder / "real").mkdir(exist_ok=True)
        real = folder / "real" / f"report{suffix}"
        link = folder / f"link{suffix}"
        if not link.is_symlink():
            link.symlink_to(real)
        return link, real
    return real, real


def _fault_problems(trial: int, target: Path, real: Path, fault: str) -> list[str]:
    out = []
    if fault == "symlink" and not target.is_symlink():
        out.append(f"trial {trial}: the link {target.name} was replaced by a file")
    if fault == "shared_mode" and real.exists() and stat.S_IMODE(real.stat().st_mode) != SHARED_MODE:
        out.append(f"trial {trial}: mode {oct(stat.S_IMODE(real.stat().st_mode))}, was {oct(SHARED_MODE)}")
    return out


def run_trials(folder: Path, suffix: str, trials: int, seed: int = 0, max_delay: float = 0.4, fault: str = "plain") -> list[str]:
    """Run ``trials`` kills; return a list of failures (empty when every file survived)."""
    rng = random.Random(seed)
    good = versions(suffix)
    failures: list[str] = []
    target, real = _prepare(folder, suffix, fault)
    if fault == "shared_mode":  # as a colleague's shared folder has it; every save must keep it
        write_report(good[0], real)
        real.chmod(SHARED_MODE)
    for trial in range(trials):
        proc = _start(target)
        time.sleep(rng.uniform(0, max_delay))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for path in (real, backup_path(real)):
            if path.exists() and (problem := _intact(path, good)):
                failures.append(f"trial {trial}: {problem}")
        if not real.exists():
            failures.append(f"trial {trial}: {real.name} is missing")
        failures += _fault_problems(trial, target, real, fault)
    return failures
