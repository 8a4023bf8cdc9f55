"""ogi-report core: statutory form definitions, report model, rules and file formats.

This package never imports Qt; the window in ``gui`` is a thin layer over it.
"""

__version__ = "0.1.0"
