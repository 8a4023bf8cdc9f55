"""The ``ogi-report`` entry point: the window, or ``--self-test``.

Kept apart from :mod:`ogi_gui.app` so that the self-test (which uses the app's set-up) and the
window's start-up import each other in one direction only.
"""

from __future__ import annotations

import multiprocessing
import sys

from .app import build, report_unexpected


def main(argv: list[str] | None = None) -> int:
    # In the frozen bundle a worker of 汇总 (ogi.rollup, spawned) starts this same program: run it, not a window
    multiprocessing.freeze_support()
    argv = list(sys.argv if argv is None else argv)
    if "--self-test" in argv:  # the installation checks itself (ogi_gui.selftest): one line, exit code
        from . import selftest

        return selftest.run(argv)
    app, _window = build(argv)
    sys.excepthook = report_unexpected
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
