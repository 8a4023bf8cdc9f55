"""Benchmark: the whole `ogi pdf` process vs LibreOffice printing the same workbook (goal ≥ 4×).

Both start as fresh processes on the same saved workbook (a full 2021 report) and write a PDF;
each is timed from launch to exit, the two run in alternation (a busy spell of the machine slows
both), median of several runs and of the run-by-run ratios. LibreOffice gets a private
profile, created by one untimed warm-up run. Also shows `ogi pdf` on the interchange JSON, the
first run on a machine (an empty font cache: the CJK fonts are parsed and cached) against every
later one, and a second export of the same report inside one process (the window's case).
Run: python bench/bench_pdf.py
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ogi.formats import registry, write_report
from ogi.formats.jsonfile import write
from ogi.model.loader import load_form
from ogi.model.sample import full_report

OGI_RUNS = 9
ROOT = Path(__file__).resolve().parent.parent


def once(command: list[str], produced: Path, env: dict | None = None, fresh_cache: Path | None = None) -> float:
    """Wall time of one run of ``command``, which must write ``produced``; ``fresh_cache`` is emptied first."""
    produced.unlink(missing_ok=True)
    if fresh_cache is not None:
        shutil.rmtree(fresh_cache, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=300, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - start
    assert produced.exists() and produced.stat().st_size > 0, command
    return elapsed


def timed(command: list[str], runs: int, produced: Path, env: dict | None = None, fresh_cache: Path | None = None) -> float:
    """Median wall time of ``runs`` runs of ``command``."""
    return statistics.median(once(command, produced, env, fresh_cache) for _ in range(runs))


def side_by_side(ours: tuple[list[str], Path], theirs: tuple[list[str], Path], runs: int) -> tuple[float, float, float]:
    """Medians of both commands and of their ratio, run in alternation: a busy spell of the machine
    slows both alike instead of whichever happened to be running."""
    pairs = [(once(*ours), once(*theirs)) for _ in range(runs)]
    return (
        statistics.median(a for a, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(b / a for a, b in pairs),
    )


def second_export(report) -> float:
    """The window's case: the fonts are loaded, the same report is exported again."""
    from ogi.outputs import export

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "again.pdf"
        export(report, target, [])
        samples = []
        for _ in range(7):
            start = time.perf_counter()
            export(report, target, [])
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def installed_bytecode() -> None:
    """Compile the program's modules as an installation does (pip and the bundle ship .pyc), so that a
    checkout run with PYTHONDONTWRITEBYTECODE does not time the compiling of its own sources."""
    import compileall

    for package in ("ogi",):
        compileall.compile_dir(ROOT / package, quiet=1)


def main() -> None:
    installed_bytecode()
    report = full_report(load_form("ogi-2021"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write(report, folder / "report.json")
        ogi_json = timed(
            [sys.executable, "-m", "ogi", "pdf", str(folder / "report.json"), "-o", str(folder / "j.pdf")],
            OGI_RUNS,
            folder / "j.pdf",
        )
        print(f"ogi pdf  report.json : {ogi_json:.2f} s (median of {OGI_RUNS})")
        cold_cache = folder / "cache"
        cold = timed(
            [sys.executable, "-m", "ogi", "pdf", str(folder / "report.json"), "-o", str(folder / "c.pdf")],
            3,
            folder / "c.pdf",
            env={**os.environ, "OGI_CACHE_DIR": str(cold_cache)},
            fresh_cache=cold_cache,
        )
        print(f"ogi pdf  report.json, first run on a machine (font cache empty): {cold:.2f} s (median of 3)")
        print(f"second export of the same report in one process: {second_export(report) * 1000:.0f} ms (median of 7)")
        if ".xlsx" not in registry():
            print("The Excel plug-in (ogi.formats.xlsx) is not registered in ogi.formats.PLUGINS: no workbook to compare on.")
            return
        book = folder / "report.xlsx"
        write_report(report, book)
        ogi_command = [sys.executable, "-m", "ogi", "pdf", str(book), "-o", str(folder / "o.pdf")]
        office = shutil.which("soffice") or shutil.which("libreoffice")
        if office is None:
            ogi = timed(ogi_command, OGI_RUNS, folder / "o.pdf")
            print(f"ogi pdf  report.xlsx : {ogi:.2f} s (median of {OGI_RUNS})")
            print("LibreOffice (soffice) is not installed: nothing to compare with.")
            return
        out = folder / "lo"
        command = [
            office,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(book),
        ]
        once(command, out / "report.pdf")  # creates the private profile
        ogi, lo, ratio = side_by_side((ogi_command, folder / "o.pdf"), (command, out / "report.pdf"), OGI_RUNS)
        print(f"ogi pdf  report.xlsx : {ogi:.2f} s (median of {OGI_RUNS}, alternating with LibreOffice)")
        print(f"soffice --convert-to pdf report.xlsx : {lo:.2f} s (median of {OGI_RUNS})")
        print(f"ogi pdf is {ratio:.1f}× faster (median of the {OGI_RUNS} side-by-side ratios; goal ≥ 4×)")


if __name__ == "__main__":
    main()
