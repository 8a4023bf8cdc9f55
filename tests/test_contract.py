"""ARCH: the core never imports Qt or the gui layer (import-linter contract in pyproject)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ARCH_import_contract_kept():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    out = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_ARCH_core_imports_without_qt():
    code = "import sys, ogi.cli.main, ogi.model.checker, ogi.formats.jsonfile, ogi.formats; assert not any(m.startswith(('PySide6', 'ogi_gui')) for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_ARCH_json_work_never_loads_the_spreadsheet_library():
    """Format plug-ins load on use: checking or printing a .json report does not import openpyxl."""
    code = (
        "import sys; from ogi.formats import read_report, registry; "
        "assert '.xlsx' in registry(); read_report('tests/data/seed-2023.json'); "
        "assert 'openpyxl' not in sys.modules, 'openpyxl imported'"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
