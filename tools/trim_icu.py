"""Makes the Linux bundle's smaller ICU data library: the data Qt actually asks ICU for, 9 MB of 31.

PySide6's Linux wheels ship ICU 73 for Qt6Core; its data library ``libicudata.so.73`` is one
31 MB symbol (``icudt73_dat``) holding ~3 900 items in ICU's "common data" package format
(CmnD: a header, a table of contents sorted by name, 16-byte aligned items). Qt calls only
four ICU services (``nm -D --undefined-only libQt6Core.so.6 | grep _73``):

- converters (``ucnv_*``: QStringConverter for named legacy encodings) → every ``*.cnv`` kept;
- collation (``ucol_*``: QCollator, locale-aware sorting) → ``coll/`` root + Chinese + English;
- calendars / time-zone names (``ucal_*``: QTimeZone) → zone data, ``zone/`` and ``region/``
  names for root, Chinese, English, and all non-locale data (supplementalData, zoneinfo64 …);
- case mapping (``u_strToUpper/Lower``) → properties compiled into libicuuc, no data.

So the library is rebuilt without break-iterator dictionaries, transliterators, spell-out
rules, and currency / language / unit names, and without locale data of languages other than
Chinese and English (ICU falls back to root for any other locale, as it does for every locale
it lacks). The self-test exercises each service (pinyin collation, a Chinese time-zone name,
GB18030 decoding), so a trimmed-away item a service needs fails CI, not a clerk.

The data is copied item by item (nothing is re-encoded) into a package of the same format and
assembled with the C compiler into a shared library of the same soname exporting the same
symbol. Used by build.spec on Linux; without a C compiler the original library is kept.
Windows and macOS wheels use the system ICU and carry no libicudata.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

KEEP_LANGUAGES = ("zh", "en")
DROPPED_TREES = ("brkitr", "translit", "rbnf", "curr", "lang", "unit")
LOCALE_TREES = ("", "coll", "zone", "region")  # trees whose .res items are per locale
_ALWAYS = ("root", "pool", "res_index")
_LOCALE = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]*)*$")  # zh, zh_Hans_CN, de__PHONEBOOK
_SYMBOL = re.compile(rb"^icudt\d+_dat$")


def keep_item(name: str) -> bool:
    """Whether an item ('icudt73l/coll/zh.res') stays in the trimmed package."""
    parts = name.split("/")[1:]  # drop the package prefix
    tree = "/".join(parts[:-1])
    stem, _, suffix = parts[-1].rpartition(".")
    if tree.split("/")[0] in DROPPED_TREES:
        return False
    if tree not in LOCALE_TREES or suffix != "res" or stem in _ALWAYS or not _LOCALE.match(stem):
        return True
    return stem.split("_")[0] in KEEP_LANGUAGES


def trim(library: Path, out_dir: Path) -> Path | None:
    """A trimmed copy of ``library`` in ``out_dir`` (cached), or None if it cannot be made here."""
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        print("trim_icu: no C compiler, keeping the full ICU data library")
        return None
    out_dir = Path(out_dir)
    target, stamp = out_dir / library.name, out_dir / (library.name + ".source")
    key = hashlib.sha256(library.read_bytes() + Path(__file__).read_bytes()).hexdigest()
    if target.is_file() and stamp.is_file() and stamp.read_text() == key:
        return target
    symbol, package = read_package(library)
    if filter_package(package, lambda name: True) != package:
        print("trim_icu: unexpected ICU data layout, keeping the full ICU data library")
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    data = out_dir / "icudata.dat"
    data.write_bytes(filter_package(package, keep_item))
    _assemble(compiler, symbol, data, target, soname=library.name)
    stamp.write_text(key)
    return target


def read_package(library: Path) -> tuple[str, bytes]:
    """(symbol name, bytes) of the ICU data symbol exported by an ELF64 little-endian library."""
    elf = library.read_bytes()
    if elf[:6] != b"\x7fELF\x02\x01":
        raise ValueError(f"{library}: not an ELF64 little-endian library")
    shoff = struct.unpack_from("<Q", elf, 0x28)[0]
    entsize, count = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * entsize) for i in range(count)]
    for _, kind, _, _, offset, size, link, _, _, symsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for pos in range(offset, offset + size, symsize):
            name_at, _, _, index, value, length = struct.unpack_from("<IBBHQQ", elf, pos)
            name = elf[strings + name_at : elf.index(b"\0", strings + name_at)]
            if _SYMBOL.match(name) and 0 < index < len(sections):
                section = sections[index]
                start = section[4] + value - section[3]
                return name.decode(), elf[start : start + length]
    raise ValueError(f"{library}: no ICU data symbol")


def filter_package(package: bytes, keep) -> bytes:
    """The CmnD package with only the items ``keep(name)`` accepts, item bytes unchanged, order kept."""
    header, items = read_items(package)
    return write_items(header, [(name, blob) for name, blob in items if keep(name.decode("ascii"))])


def read_items(package: bytes) -> tuple[bytes, list[tuple[bytes, bytes]]]:
    """(header, [(name, item bytes incl. its padding)]) in table-of-contents order (sorted by name)."""
    toc = struct.unpack_from("<H", package, 0)[0]  # the table of contents follows the header
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", package, toc)[0]
    entries = [struct.unpack_from("<II", package, toc + 4 + 8 * i) for i in range(count)] + [(0, len(package) - toc)]
    names = [package[toc + n : package.index(b"\0", toc + n)] for n, _ in entries[:-1]]
    return package[:toc], [(names[i], package[toc + entries[i][1] : toc + entries[i + 1][1]]) for i in range(count)]


def write_items(header: bytes, items: list[tuple[bytes, bytes]]) -> bytes:
    """A package as icupkg writes it: count, (name, data) offsets from the table, names, 16-byte aligned items."""
    names_at = 4 + 8 * len(items)
    names = b"".join(name + b"\0" for name, _ in items)
    name_offsets = list(itertools.accumulate((len(name) + 1 for name, _ in items[:-1]), initial=names_at))
    blobs = [blob.ljust(_pad(len(blob)), b"\0") for _, blob in items]
    data_offsets = list(itertools.accumulate((len(b) for b in blobs[:-1]), initial=_pad(names_at + len(names))))
    table = struct.pack("<I", len(items)) + b"".join(map(struct.pack, ["<II"] * len(items), name_offsets, data_offsets))
    return header + table + names.ljust(_pad(names_at + len(names)) - names_at, b"\xaa") + b"".join(blobs)


def _pad(n: int) -> int:
    return (n + 15) & ~15


def _assemble(compiler: str, symbol: str, data: Path, target: Path, soname: str) -> None:
    source = target.with_suffix(".S")
    source.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n{symbol}:\n"
        f'\t.incbin "{data.name}"\n\t.size {symbol}, .-{symbol}\n\t.section .note.GNU-stack,"",@progbits\n'
    )
    tmp = target.with_name(target.name + ".tmp")
    subprocess.run(
        [compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(tmp), source.name],
        cwd=target.parent,
        check=True,
    )
    tmp.replace(target)
