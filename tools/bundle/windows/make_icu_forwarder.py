"""Write the .def file of an unversioned ICU DLL (icuuc.dll) that forwards to a versioned one (icuuc78-….dll).

Windows' own ICU exports plain names (ucnv_open); a stock ICU build appends its major version
(ucnv_open_78). Every export of the versioned DLL is forwarded under its plain name, so whatever
Qt imports today or tomorrow resolves. The export names are read with objdump (binutils, mingw).

    python3 make_icu_forwarder.py OBJDUMP TARGET.dll LIBRARY_NAME OUT.def
"""

import re
import subprocess
import sys
from pathlib import Path


def exports(objdump: str, dll: Path) -> list[str]:
    """Names in the export table ("[ordinal] name" lines of objdump -p's "Ordinal/Name Pointer" table)."""
    out = subprocess.run([objdump, "-p", str(dll)], capture_output=True, text=True, check=True).stdout
    table = out.split("[Ordinal/Name Pointer] Table", 1)[1]
    return re.findall(r"^\s*\[\s*\d+\]\s+(\S+)\s*$", table, re.M)


def main(objdump: str, target: str, library: str, out: str) -> None:
    dll = Path(target)
    module = dll.stem  # the loader finds the target by this name in the same system folder
    lines = [f"LIBRARY {library}", "EXPORTS"]
    for name in exports(objdump, dll):
        plain = re.fullmatch(r"([A-Za-z_]\w*?)_\d+", name)  # C functions only (no C++ names: Qt uses none)
        if plain:
            lines.append(f"    {plain[1]} = {module}.{name}")
    Path(out).write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{out}: {len(lines) - 2} forwarders {library} -> {module}")


if __name__ == "__main__":
    main(*sys.argv[1:])
