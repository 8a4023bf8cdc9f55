"""Kill a window at a random moment while it is being edited; the journal must bring back every
committed edit. Shared by tests/test_reliability_edit.py and bench/bench_kill_edit.py.

After the kill, the report recovered from the journal (the same replay the window offers at the
next start) must equal the state after the last edit announced DONE — or after the next one, which
may have been journaled in the instant before the kill. Anything else is a lost or invented edit.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

from ogi.formats.journal import read_journal, replay, start_report
from ogi.formats.jsonfile import report_to_dict, write
from ogi.model.loader import load_form
from ogi.model.report import Report
from ogi.model.sample import full_report
from tests.tools.childenv import child_env

ROOT = Path(__file__).resolve().parents[2]


def comparable(report: Report) -> dict:
    data = report_to_dict(report)
    data.pop("generator", None)
    return data


def _states(proc: subprocess.Popen, deadline: float) -> tuple[dict, dict | None, int]:
    """Read the child's lines until it is killed: (last DONE state, announced NEXT state, edits done)."""
    done_state: dict = {}
    announced: dict | None = None
    done = 0
    for line in proc.stdout:
        if not line.endswith("\n"):
            break  # torn by the kill
        word, _, rest = line.partition(" ")
        if word == "NEXT":
            announced = json.loads(rest.partition(" ")[2])
        elif word == "DONE":
            done, done_state, announced = int(rest), announced or {}, None
        if time.monotonic() > deadline:
            break
    return done_state, announced, done


def run_trial(folder: Path, seed: int, max_seconds: float) -> tuple[str | None, int]:
    """One kill; returns (problem or None, committed edits before the kill)."""
    source = folder / "报告.json"
    initial = full_report(load_form("ogi-2021"), seed=seed)
    write(initial, source)
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.tools.edit_child", str(source), str(seed)],
        cwd=ROOT,
        env=child_env(folder),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    if proc.stdout.readline().strip() != "READY":
        proc.kill()
        return "the child window did not start", 0
    delay = random.Random(seed).uniform(0, max_seconds)

    killer = threading.Timer(delay, proc.kill)  # SIGKILL at a random moment: no clean-up runs
    killer.start()
    done_state, announced, done = _states(proc, time.monotonic() + delay + 30)
    killer.join()
    proc.wait(timeout=30)
    journals = sorted((folder / "data").rglob("*.jsonl"))
    if not journals:
        return (None if done == 0 else f"{done} edits committed but no journal"), done
    journal = read_journal(journals[-1])
    recovered = start_report(journal)
    replay(recovered, journal.entries)
    got = comparable(recovered)
    allowed = [s for s in (done_state or comparable(initial), announced) if s]
    return (None if got in allowed else f"after {done} edits the recovered report differs"), done


def run_trials(base: Path, trials: int, seed: int = 0, max_seconds: float = 3.0) -> tuple[list[str], int]:
    failures, edits = [], 0
    for n in range(trials):
        folder = base / f"trial-{n}"
        folder.mkdir()
        problem, done = run_trial(folder, seed * 100_000 + n, max_seconds)
        edits += done
        if problem:
            failures.append(f"trial {n}: {problem}")
    return failures, edits
