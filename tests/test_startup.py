"""PDF-S: what every `ogi pdf` start pays for — nothing it does not use (numpy), measured by import."""

from __future__ import annotations

import subprocess
import sys


def test_PDF_S1_reading_a_workbook_does_not_import_numpy():
    probe = (
        "import sys, ogi.formats.xlsx, openpyxl.compat.numbers as n;"
        "print('numpy' in sys.modules, n.NUMPY);"
        "import importlib.util; print(importlib.util.find_spec('numpy') is not None)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    loaded, openpyxl_numpy, still_there = out.stdout.split()
    assert (loaded, openpyxl_numpy) == ("False", "False")
    if still_there == "True":  # where numpy is installed it stays importable for anyone else
        subprocess.run([sys.executable, "-c", "import ogi.formats.xlsx, numpy"], check=True, timeout=120)
