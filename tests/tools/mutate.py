"""Mutators for fuzzing the report readers: byte-level, zip-level and JSON-structure-level.

Each mutator takes (valid file bytes, random generator) and returns new bytes. They are the
shared engine of the seeded fuzz test and of bench/bench_fuzz.py.
"""

from __future__ import annotations

import io
import json
import random
import zipfile

JSON_JUNK = [
    "\ud800",
    "\x1b[31m\n错误\tFORGED",
    "=SUM(A1:A9)",
    "2024-01-08",
    1e308,
    -1,
    1.5,
    "１２",
    "1,234",
    None,
    True,
    [],
    {},
    "x" * 100_000,
    "\u202e12",
    "\x00",
]


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
            [
                b"<f>SUM(A1:A3)</f>",
                b'<f t="array" ref="A1:A2">SUM(B1:B2*C1:C2)</f>',
                b'<f t="dataTable" ref="A1:B2" dt2D="1" r1="C1" r2="D1"/>',
                b'<f t="shared" si="0" ref="A1:A9">A1+1</f>',
                b"<v>1e400</v>",
                b"<v>-5</v>",
                b"<v>45000.5</v>",
                b"<t>\xe5\x8d\x81\xe4\xba\x8c</t>",
                b"<t>_xD800__x001B_[31m</t>",
                b'<row r="900"><c r="C900" t="inlineStr"><is><t>stray</t></is></c></row>',
                b'<dimension ref="A1:XFD1048576"/>',
            ]
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


def zip_encrypt_flag(data: bytes, rng: random.Random) -> bytes:
    """Set the "encrypted" flag of one member (local and central headers): zipfile raises RuntimeError."""
    buf = bytearray(data)
    headers = [i for sig in (b"PK\x03\x04", b"PK\x01\x02") for i in _find_all(data, sig)]
    if headers:
        i = rng.choice(headers)
        buf[i + (6 if data[i + 2 : i + 4] == b"\x03\x04" else 8)] |= 1
    return bytes(buf)


def _find_all(data: bytes, sig: bytes) -> list[int]:
    out, start = [], 0
    while (i := data.find(sig, start)) >= 0:
        out.append(i)
        start = i + 1
    return out


JSON_RAW = [b"9" * 4301, b"-" + b"1" * 5000, b'"\\ud800"', b'"\\udfff\\ud800"', b'"\\u001b[2J\\n"', b"1e999999999"]


def json_raw(data: bytes, rng: random.Random) -> bytes:
    """Replace one JSON value by raw text no encoder would write (huge integers, lone surrogates)."""
    spots = [i + 1 for i in _find_all(data, b": ")]
    if not spots:
        return bit_flips(data, rng)
    i = rng.choice(spots)
    end = min((j for j in (data.find(b",", i), data.find(b"}", i)) if j > 0), default=len(data))
    return data[:i] + rng.choice(JSON_RAW) + data[end:]


BYTE_MUTATORS = [bit_flips, truncate, splice]
ZIP_MUTATORS = [zip_shuffle, zip_drop, zip_corrupt_member, zip_xml_values, zip_encrypt_flag]
MUTATORS = {".json": BYTE_MUTATORS + [json_structure] * 3 + [json_raw] * 2, ".xlsx": BYTE_MUTATORS + ZIP_MUTATORS * 2}


def mutate(data: bytes, suffix: str, rng: random.Random) -> bytes:
    if not data:
        return data
    return rng.choice(MUTATORS.get(suffix, BYTE_MUTATORS))(data, rng)
