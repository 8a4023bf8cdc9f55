"""Shared by the child-process tests and benches: an environment of its own for a child window,
and a percentile that needs no numpy."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_env(folder: Path, platform: str = "offscreen") -> dict[str, str]:
    """The child's own settings and data folders (a killed child leaves its recovery journal there),
    the source tree importable, and the Qt platform (offscreen unless the caller asks for another)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", platform), PYTHONPATH=str(ROOT))
    env["XDG_DATA_HOME"], env["XDG_CONFIG_HOME"] = str(Path(folder) / "data"), str(Path(folder) / "config")
    return env


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]
