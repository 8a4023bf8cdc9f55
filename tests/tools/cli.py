"""The ``ogi`` command run as a clerk runs it: a separate process, its output decoded as UTF-8."""

from __future__ import annotations

import subprocess
import sys


def ogi(*args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    """``python -m ogi ARGS``; never raises on a non-zero exit (tests assert the code and the message)."""
    return subprocess.run(
        [sys.executable, "-m", "ogi", *args], capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False, **kw
    )
