"""One locator for the program's data (forms, fonts, icons, translations): installed, editable or frozen.

The data folders stay at the top of the repository (``forms/``, ``resources/``) and are shipped
inside the wheel as the data-only packages ``ogi.forms`` and ``ogi.resources`` (see
``pyproject.toml``), so the import system finds them wherever the program runs: in site-packages,
through an editable install's mapping back to the checkout, or in a PyInstaller bundle, which
collects them under ``_internal/ogi/``. Everything asks here; nothing walks up from ``__file__``.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path


@cache
def _package_dir(package: str) -> Path | None:
    """The folder of a data-only (namespace) package, or None when it is not installed."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folder = Path(frozen, *package.split("."))
        return folder if folder.is_dir() else None
    try:
        spec = find_spec(package)
    except ModuleNotFoundError:
        return None
    locations = list(spec.submodule_search_locations or ()) if spec else []
    return Path(locations[0]) if locations else None


def _data_dir(package: str) -> Path:
    found = _package_dir(package)
    # Not installed: a path that does not exist, so callers report "nothing found" plainly.
    return found if found is not None else Path(*package.split("."))


def forms_dir() -> Path:
    return _data_dir("ogi.forms")


def resources_dir() -> Path:
    return _data_dir("ogi.resources")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
