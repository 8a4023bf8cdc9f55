"""Runs one fuzz case: read the mutated file; it must give a report or a clean one-line OgiError."""

from __future__ import annotations

import random
import signal
import traceback
import warnings
from collections import Counter
from pathlib import Path

from ogi.formats import read_report, write_report
from ogi.model.checker import Checker
from ogi.model.loader import load_form
from ogi.model.messages import OgiError
from ogi.model.sample import full_report
from tests.tools.mutate import mutate

CASE_SECONDS = 10


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def valid_files(folder: Path, suffix: str) -> list[bytes]:
    """Valid saved reports of both editions, as bytes, to mutate."""
    out = []
    for form_id in ("ogi-2021", "ogi-2019"):
        path = folder / f"valid-{form_id}{suffix}"
        write_report(full_report(load_form(form_id), seed=3), path)
        out.append(path.read_bytes())
    return out


def run_case(path: Path) -> str:
    """'report', 'refused' or 'BUG: …' for one file."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(CASE_SECONDS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a library warning leaking to the clerk's terminal is a bug too
            report = read_report(path)
            Checker(report).findings()
            _save_and_journal(report, path.parent)
        return "report"
    except OgiError as exc:
        ok = "\n" not in exc.message.strip() and len(exc.message) < 600
        return "refused" if ok else f"BUG: unbounded or multi-line message {exc.message[:200]!r}"
    except _Timeout:
        return f"BUG: over {CASE_SECONDS} s"
    except Exception:
        return "BUG: " + traceback.format_exc(limit=3).strip().splitlines()[-1][:300]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _save_and_journal(report, folder: Path) -> None:
    """What was read must save in both formats and journal (a lone surrogate once broke both)."""
    from ogi.formats.journal import JournalWriter, header, text_entry

    for suffix in (".json", ".xlsx"):
        try:
            write_report(report, folder / f"saved{suffix}")
        except OgiError as exc:  # e.g. a text longer than a cell holds: a refusal, not a crash
            if "\n" in exc.message:
                raise
    journal = JournalWriter(folder / "journal.jsonl", header(report.form.id, None))
    for kind in ("meta", "text", "note"):
        for key, value in report.strings(kind).items():
            journal.append(text_entry(kind, key, value))
    journal.close(remove=True)


def fuzz_hostile(folder: Path, cases: int, seed: int) -> tuple[Counter, list[str]]:
    """Fresh members of every hostile class (tests/tools/hostile.py) at small sizes."""
    from tests.tools.hostile import CLASSES, build

    rng = random.Random(seed)
    counts: Counter = Counter()
    bugs: list[str] = []
    names = sorted(CLASSES)
    for n in range(cases):
        name = names[n % len(names)]
        path = build(name, rng, rng.choice([1, 2, 5]), folder)
        outcome = run_case(path)
        counts[outcome.split(":")[0]] += 1
        if outcome.startswith("BUG"):
            bugs.append(f"{name} case {n} (seed {seed}): {outcome}")
        path.unlink()
    return counts, bugs


def fuzz(folder: Path, suffix: str, cases: int, seed: int) -> tuple[Counter, list[str]]:
    rng = random.Random(seed)
    seeds = valid_files(folder, suffix)
    counts: Counter = Counter()
    bugs: list[str] = []
    target = folder / f"case{suffix}"
    for n in range(cases):
        target.write_bytes(mutate(rng.choice(seeds), suffix, rng))
        outcome = run_case(target)
        counts[outcome.split(":")[0]] += 1
        if outcome.startswith("BUG"):
            bugs.append(f"case {n} (seed {seed}): {outcome}")
            target.rename(folder / f"bug-{n}{suffix}")
    return counts, bugs
