"""Child process of the hostile-corpus runs: read one file under limits and report how it went.

``python -m tests.tools.hostile_child FILE [MEMORY_MB]`` prints one JSON line: the outcome
("report", "refused: …" or "BUG: …"), the seconds the read took and the peak resident memory.
An address-space limit makes a file that would eat the machine fail here, visibly.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import traceback
from pathlib import Path


def main(path: str, memory_mb: int) -> None:
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from ogi.formats import read_report
    from ogi.model.checker import Checker
    from ogi.model.messages import OgiError

    base = _peak_mb()
    start = time.perf_counter()
    try:
        Checker(read_report(Path(path))).findings()
        outcome = "report"
    except OgiError as exc:
        one_line = "\n" not in exc.message and len(exc.message) < 600 and "\x1b" not in exc.message
        outcome = "refused: " + exc.message if one_line else "BUG: unbounded message"
    except BaseException:  # what escapes is exactly what we measure (MemoryError included)
        outcome = "BUG: " + traceback.format_exc(limit=2).strip().splitlines()[-1][:200]
    seconds = time.perf_counter() - start
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": _peak_mb(), "baseline_mb": base}, ensure_ascii=False))


def _peak_mb() -> float:
    """This process's own peak resident memory (ru_maxrss would carry the parent's over exec)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
