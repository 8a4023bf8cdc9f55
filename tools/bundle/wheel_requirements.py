"""Print the run-time requirement names of a wheel (no extras, no version ranges), one a line.

The old-glibc Linux bundle installs the project wheel with --no-deps and then these names under its
constraints file, which pins every version: the wheel's own ranges follow the newest PySide6 that a
plain `pip install` gives users, and the bundle for older systems needs an older one.
``--replace OLD=NEW`` swaps a requirement that the older line ships under another name (QtPdf: the
PySide6-Pdf wheel since 6.12, PySide6-Addons before).

    python3 wheel_requirements.py WHEEL [--replace PySide6-Pdf=PySide6-Addons]
"""

import argparse
import re
import zipfile
from email.parser import Parser


def requirements(wheel: str) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(z.read(name).decode("utf-8"))
    names = []
    for req in meta.get_all("Requires-Dist") or []:
        if "extra ==" in req:
            continue
        names.append(re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", req)[1])
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel")
    parser.add_argument("--replace", action="append", default=[], metavar="OLD=NEW")
    args = parser.parse_args()
    swaps = {old.lower(): new for old, new in (r.split("=", 1) for r in args.replace)}
    for name in requirements(args.wheel):
        print(swaps.get(name.lower(), name))


if __name__ == "__main__":
    main()
