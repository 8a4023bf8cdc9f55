"""Fail when any ELF file of a bundle needs a newer glibc than the oldest target's.

A program or library states the glibc symbol versions it needs (ELF version references, e.g.
GLIBC_2.29 for exp); the dynamic loader refuses to start it on an older glibc. This reads them with
``objdump -p`` for every ELF file under the given folders and files, and, for a PyInstaller one-file
bundle, for every file packed inside it (PyInstaller's own archive reader). Files over the limit are
listed with the symbols that need the newer versions (``objdump -T``).

    python3 scan_glibc.py [--max 2.28] PATH...        exit 0: nothing needs more; 1: something does
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
_VERSION = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\b")


def parse(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def glibc_needs(path: Path) -> set[str]:
    """The GLIBC_x.y versions in the file's version references (what it needs, not what it defines)."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    refs = out.split("Version References:", 1)
    return set(_VERSION.findall(refs[1])) if len(refs) > 1 else set()


def symbols_over(path: Path, limit: tuple[int, ...]) -> list[str]:
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True, check=False).stdout
    found = set()
    for line in out.splitlines():
        m = _VERSION.search(line)
        if m and parse(m[1]) > limit and "*UND*" in line:
            found.add(f"{line.split()[-1]}@GLIBC_{m[1]}")
    return sorted(found)


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


def onefile_members(path: Path, into: Path) -> list[tuple[str, Path]]:
    """ELF files packed inside a PyInstaller one-file executable, written out to `into`."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        return []
    try:
        archive = CArchiveReader(str(path))
    except Exception:  # not a PyInstaller executable
        return []
    members = []
    for i, name in enumerate(archive.toc):
        data = archive.extract(name)
        if isinstance(data, bytes) and data[:4] == ELF_MAGIC:
            target = into / f"{i}-{Path(name).name}"
            target.write_bytes(data)
            members.append((f"{path.name}!{name}", target))
    return members


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", default="2.28", help="highest GLIBC_ version allowed (default 2.28)")
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args(argv)
    limit = parse(args.max)
    files: list[tuple[str, Path]] = []
    with tempfile.TemporaryDirectory(prefix="scan-glibc-") as tmp:
        for root in args.paths:
            candidates = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
            for path in candidates:
                if is_elf(path):
                    files.append((str(path), path))
                    files += onefile_members(path, Path(tmp))
        highest: tuple[int, ...] = ()
        over = []
        for label, path in files:
            needs = glibc_needs(path)
            top = max((parse(v) for v in needs), default=())
            highest = max(highest, top)
            if top > limit:
                over.append((label, ".".join(map(str, top)), symbols_over(path, limit)))
        print(
            f"scan_glibc: {len(files)} ELF files, highest glibc version needed: "
            f"GLIBC_{'.'.join(map(str, highest)) or 'none'} (allowed: GLIBC_{args.max})"
        )
        for label, top, symbols in over:
            print(f"  needs GLIBC_{top}: {label}: {' '.join(symbols)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
