"""Plug-ins chosen by a file's suffix, imported only when used (file formats, outputs).

A registry maps a suffix to a module name; the module exposes one object (``FORMAT``, ``OUTPUT``)
that declares the suffix it handles. Importing on first use keeps opening a .json report from
paying for the spreadsheet library, and printing from paying for the Word writer.
"""

from __future__ import annotations

import importlib
from typing import Any


def load_plugin(module: str, attribute: str, suffix: str) -> Any:
    """The plug-in object of ``module``, checked to be the one registered for ``suffix``."""
    found = getattr(importlib.import_module(module), attribute)
    if found.suffix != suffix:
        raise RuntimeError(f"{module} declares {found.suffix}, registered for {suffix}")
    return found
