"""Child process for the killed-mid-save trials: saves two versions of a report in turn, forever.

Usage: python -m tests.tools.save_loop TARGET
Prints "ready" once the first save is complete, so the parent kills only during real saving.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ogi.formats import write_report
from tests.tools.versions import versions


def main(target: str) -> None:
    path = Path(target)
    a, b = versions(path.suffix)
    write_report(a, path)
    print("ready", flush=True)
    while True:
        write_report(b, path)
        write_report(a, path)


if __name__ == "__main__":
    main(sys.argv[1])
