"""openpyxl imported without numpy, before any module of this package uses it.

openpyxl imports numpy (0.1–0.2 s at every start of ``ogi pdf``/``ogi check`` on a workbook) only to
accept numpy numbers as cell values; the program writes Python ints and Decimals and reads what
openpyxl gives back. numpy is hidden from this one import and stays importable for anyone else.
"""

from __future__ import annotations

import sys


def import_without_numpy() -> None:
    hidden = "numpy" not in sys.modules
    if hidden:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError meanwhile
    try:
        import openpyxl  # noqa: F401
    finally:
        if hidden:
            del sys.modules["numpy"]


import_without_numpy()
