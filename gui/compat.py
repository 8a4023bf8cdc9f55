"""Work-around for a reference-counting defect of the Qt binding, in one place.

The PySide6 6.12.0 build in use drops a reference to ``None`` on many calls of void C++
functions (``QPainter.save()``, ``setPen()`` …) and to ``True`` on every ``Signal.emit()``
made from Python. On Python 3.12+ these singletons are immortal and nothing happens; on
Python 3.10/3.11 their counts fall with every repaint and edit until the interpreter
aborts ("none_dealloc: deallocating None") — after minutes of work, or hundreds of edits.

:func:`protect_singletons` measures the defect once and, only if it is there, raises the
counts of None, True and False far out of reach: what Python 3.12 does by design
(immortal objects). Imported from ``gui/__init__.py``, so every window, test and bench is
covered before the first Qt call. Nothing depends on a version number: the PySide6 6.9 line of
the old-glibc bundle (tools/bundle) does not have the defect, so there the probe changes nothing.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40  # references; a drop per call would need centuries to use it up


def _drops() -> bool:
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    none, true = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(8):
        probe.setObjectName("probe")
        probe.ping.emit()
    return sys.getrefcount(None) < none - 4 or sys.getrefcount(True) < true - 4


def protect_singletons() -> bool:
    """Returns True when the defect was found (and neutralised)."""
    if sys.version_info >= (3, 12) or not _drops():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    return True


DEFECT_FOUND = protect_singletons()
