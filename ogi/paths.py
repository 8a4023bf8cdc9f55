"""One locator for the program's data (forms, fonts, icons, translations), from source or frozen.

From a checkout (or an editable install) the data sits beside the packages; in a PyInstaller
6 bundle it sits under ``sys._MEIPASS`` (the ``_internal`` folder). Everything asks here.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def forms_dir() -> Path:
    return app_root() / "forms"


def resources_dir() -> Path:
    return app_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
