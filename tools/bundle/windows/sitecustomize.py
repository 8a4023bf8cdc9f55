"""Imported at start-up by the Wine-hosted build Python only (never frozen into the bundle).

Wine 8 has no CopyFile2, which Python 3.12+ shutil.copy2/copy use on Windows whenever _winapi has it;
the copy then fails and PyInstaller cannot assemble the bundle. Without the attribute, shutil takes its
portable path (copyfile + copystat), as on older Windows.
"""

import _winapi

if hasattr(_winapi, "CopyFile2"):
    del _winapi.CopyFile2
