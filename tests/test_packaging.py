"""ARCH: a normal (non-editable) install carries every package and the data folders.

The wheel's package list is explicit in pyproject.toml (the data folders are mapped into ogi), so a
new subpackage that is not listed would work from a checkout and vanish from a real install.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
tomllib = pytest.importorskip("tomllib") if sys.version_info >= (3, 11) else pytest.importorskip("tomli")


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_ARCH_every_package_of_the_tree_is_in_the_wheel():
    listed = set(_config()["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "ogi").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_ARCH_data_folders_map_into_the_core_package():
    mapping = _config()["package-dir"]
    assert mapping == {"ogi.forms": "forms", "ogi.resources": "resources", "ogi_gui": "gui"}
    data = _config()["package-data"]
    assert data["ogi.forms"] == ["*.json"]
    for folder in ("fonts", "icons", "translations"):
        files = [p for p in (ROOT / "resources" / folder).iterdir() if p.is_file()]
        patterns = data[f"ogi.resources.{folder}"]
        shipped = [p for p in files if any(p.match(pattern) for pattern in patterns)]
        assert shipped, folder


def test_ARCH_openpyxl_internals_we_rely_on_still_exist():
    """The one private openpyxl seam left (raw shared strings, see ogi.formats.xlsx.guard) is pinned to 3.1.x
    in pyproject.toml; this names what a new openpyxl would have to keep before the pin is widened."""
    import openpyxl
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    assert openpyxl.__version__.startswith("3.1.")
    assert callable(ExcelReader.read_strings) and callable(ExcelReader.read) and SHARED_STRINGS
