"""Mutators for fuzzing the report readers: byte-level, zip-level and JSON-structure-level.

Each mutator takes (valid file bytes, random generator) and returns new bytes. They are the
shared engine of the seeded fuzz test and of bench/bench_fuzz.py.
"""

from __future__ import annotations

import io
import json
import random
import zipfile

JSON_JUNK = ["=SUM(A1:A9)", "2024-01-08", 1e308, -1, 1.5, "１２", "1,234", None, True, [], {}, "x" * 100_000, "\u202e12", "\x00"]


def bit_flips(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(buf))
        buf[i] ^= 1 << rng.randrange(8)
    return bytes(buf)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def splice(data: bytes, rng: random.Random) -> bytes:
    i, j = sorted(rng.randrange(len(data)) for _ in range(2))
    return data[:i] + data[j:] + data[i:j]


def _zip_rebuild(data: bytes, rng: random.Random, change) -> bytes:
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return bit_flips(data, rng)
    members = change(members, rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, body in members:
            dst.writestr(name, body)
    return out.getvalue()


def zip_shuffle(data: bytes, rng: random.Random) -> bytes:
    return _zip_rebuild(data, rng, lambda m, r: r.sample(m, len(m)))


def zip_drop(data: bytes, rng: random.Random) -> bytes:
    return _zip_rebuild(data, rng, lambda m, r: [x for x in m if x is not r.choice(m)])


def zip_corrupt_member(data: bytes, rng: random.Random) -> bytes:
    def change(members, r):
        k = r.randrange(len(members))
        name, body = members[k]
        members[k] = (name, bit_flips(body, r) if body else b"<")
        return members

    return _zip_rebuild(data, rng, change)


def zip_xml_values(data: bytes, rng: random.Random) -> bytes:
    """Replace a number or string inside a worksheet with junk (formulas, dates, text)."""

    def change(members, r):
        sheets = [i for i, (n, _) in enumerate(members) if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml"]
        if not sheets:
            return members
        k = r.choice(sheets)
        name, body = members[k]
        junk = r.choice(
            [b"<f>SUM(A1:A3)</f>", b"<v>1e400</v>", b"<v>-5</v>", b"<v>45000.5</v>", b"<t>\xe5\x8d\x81\xe4\xba\x8c</t>"]
        )
        cut = r.randrange(len(body))
        members[k] = (name, body[:cut] + junk + body[cut:])
        return members

    return _zip_rebuild(data, rng, change)


def json_structure(data: bytes, rng: random.Random) -> bytes:
    """Wrong types, junk values, unknown ids, huge strings and deep nesting in a JSON report."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return bit_flips(data, rng)
    choice = rng.randrange(6)
    if choice == 0 and doc.get("values"):
        doc["values"][rng.choice(list(doc["values"]))] = rng.choice(JSON_JUNK)
    elif choice == 1:
        doc[rng.choice(["meta", "values", "texts", "notes", "entered_totals", "form"])] = rng.choice(JSON_JUNK)
    elif choice == 2:
        doc.setdefault("values", {})[rng.choice(["t3.nowhere.natural", "t9", "", "t3.new"])] = 1
    elif choice == 3:
        nested: object = 1
        for _ in range(rng.choice([10, 1000, 100_000])):
            nested = [nested]
        doc["texts"] = {"overview": nested}
    elif choice == 4:
        doc.setdefault("texts", {})["overview"] = "长" * rng.choice([10**5, 10**6])
    else:
        doc["entered_totals"] = rng.choice([["t3.new.natural"], ["t3.new.total"], "t3", [None]])
    try:
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    except (RecursionError, ValueError):
        return b"[" * 100_000


BYTE_MUTATORS = [bit_flips, truncate, splice]
ZIP_MUTATORS = [zip_shuffle, zip_drop, zip_corrupt_member, zip_xml_values]
MUTATORS = {".json": BYTE_MUTATORS + [json_structure] * 3, ".xlsx": BYTE_MUTATORS + ZIP_MUTATORS * 2}


def mutate(data: bytes, suffix: str, rng: random.Random) -> bytes:
    if not data:
        return data
    return rng.choice(MUTATORS.get(suffix, BYTE_MUTATORS))(data, rng)
