"""A progress bar on the terminal for long commands (the roll-up of thousands of files).

Drawn on stderr only when it is a terminal, at most ten times a second; a script or a log
file gets no control characters.
"""

from __future__ import annotations

import time
from typing import TextIO

from ogi.model.messages import text

WIDTH = 30
EVERY = 0.1  # seconds between redraws


class Bar:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = stream.isatty()
        self.last = 0.0

    def update(self, done: int, total: int) -> bool:
        """Redraw (throttled); always True: a terminal cancels with Ctrl+C."""
        now = time.monotonic()
        if self.shown and (now - self.last >= EVERY or done == total):
            self.last = now
            filled = WIDTH * done // max(total, 1)
            bar = "█" * filled + "·" * (WIDTH - filled)
            self.stream.write(f"\r{text('ROLLUP_PROGRESS', done=done, total=total)} [{bar}] {100 * done // max(total, 1)}%")
            self.stream.flush()
        return True

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown and self.last:
            self.stream.write("\n")
            self.stream.flush()
