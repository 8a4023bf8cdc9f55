"""Benchmark of the stand-alone bundle (issue 6 goals: one-folder ≤ 120 MiB on Linux; the frozen program
reaches its first window no slower than from source).

- size: the one-folder bundle's total (apparent bytes, as ``du -sb``; MiB = 2^20 bytes), by area, and the
  largest files;
- start-up: a child process from spawn to the main window's first paint (``ogi-report --self-test
  --first-paint FILE``, see ogi_gui.selftest), frozen vs ``python -m gui``, median of several runs each, and
  the ratio; a one-file bundle too if given (it unpacks itself into a temporary folder at every start).

Each run gets empty settings / data folders (XDG_CONFIG_HOME, XDG_DATA_HOME), so no recovery question
interrupts it. Qt platform: QT_QPA_PLATFORM if set, else offscreen.

Run: python bench/bench_bundle.py [--dist DIST] [--onefile FILE] [--runs N]
(without --dist it builds the bundle first: pyinstaller build.spec into a temporary folder, ~40 s).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed-2023.json"
NAME = "ogi-report"
MIB = 1 << 20


def build(into: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(into / "dist"),
            "--workpath",
            str(into / "build"),
            str(ROOT / "build.spec"),
        ],
        check=True,
    )
    return into / "dist" / NAME


def area(path: Path) -> str:
    """Which part of the bundle a file belongs to, for the breakdown."""
    parts = path.parts
    if parts[0] != "_internal":
        return "executable (+ Python modules)"
    rest = parts[1:]
    if rest[0] == "PySide6":
        if "plugins" in rest:
            return "Qt plug-ins"
        if rest[-1].startswith("libicu"):
            return "ICU (Qt6Core)"
        return "Qt libraries" if "lib" in rest else "PySide6 bindings"
    if rest[0] == "resources":
        return "fonts, icons, translations"
    if rest[0] in ("PIL", "pillow.libs"):
        return "Pillow (reportlab)"
    if rest[0].startswith("libpython") or rest[0] in ("python3.11", "base_library.zip") or rest[0].startswith("python"):
        return "Python"
    return "system libraries" if rest[0].startswith("lib") else "other"


def sizes(bundle: Path) -> None:
    files = [(p.stat().st_size, p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(s for s, _ in files)
    print(f"one-folder bundle {bundle}: {total / MIB:.1f} MiB ({total:,} bytes, {len(files)} files; goal ≤ 120 MiB)")
    by_area = Counter()
    for size, rel in files:
        by_area[area(rel)] += size
    for name, size in by_area.most_common():
        print(f"  {size / MIB:6.1f} MiB  {name}")
    print("  largest files:")
    for size, rel in sorted(files, reverse=True)[:12]:
        print(f"  {size / MIB:6.1f} MiB  {rel}")


def first_paint(command: list[str]) -> float:
    """Seconds from spawn to the window's first paint, with fresh settings folders."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        start = time.perf_counter()
        done = subprocess.run(
            [*command, "--self-test", "--first-paint", str(SEED)], env=env, capture_output=True, text=True, check=False
        )
        elapsed = time.perf_counter() - start
    if done.returncode != 0 or "首次绘制完成" not in done.stdout:
        raise SystemExit(f"{command[0]} failed: {done.stdout}{done.stderr}")
    return elapsed


def start_times(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median per command; the commands take turns in every round, so a busy machine slows all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(first_paint(command))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, help="the one-folder bundle (dist/ogi-report); built if not given")
    parser.add_argument("--onefile", type=Path, help="a one-file bundle to time as well")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ogi-bench-bundle-") as tmp:
        bundle = args.dist or build(Path(tmp))
        sizes(bundle)
        commands = {"source": [sys.executable, "-m", "ogi_gui"], "one-folder": [str(bundle / NAME)]}
        if args.onefile:
            commands["one-file"] = [str(args.onefile)]
        median = start_times(commands, args.runs)
        print(
            f"start to first paint, median of {args.runs}: from source {median['source']:.2f} s, "
            f"one-folder {median['one-folder']:.2f} s, ratio {median['one-folder'] / median['source']:.2f} (goal ≤ 1.00)"
        )
        if args.onefile:
            print(
                f"  one-file {median['one-file']:.2f} s (ratio {median['one-file'] / median['source']:.2f}; "
                "it unpacks itself into a temporary folder at every start)"
            )


if __name__ == "__main__":
    main()
