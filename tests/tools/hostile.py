"""The hostile corpus: one builder per *class* of attack on the readers (not one fixed file each).

Every builder takes a random generator and a size knob, so the fuzz harness draws fresh members of
each class and bench/bench_hostile.py builds the largest ones allowed on disk (≤ 50 MB). A reader
must accept or refuse each within 5 s and 300 MB, with one line naming the real reason.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from ogi.formats.xlsx import write as xlsx_write
from ogi.formats.xlsx.identity import MAP_ROW, SHEET
from ogi.model.loader import load_form
from ogi.model.sample import full_report

Builder = Callable[[random.Random, int], tuple[str, bytes]]  # (suffix, bytes); the int scales the attack
CLASSES: dict[str, Builder] = {}


def hostile(builder: Builder) -> Builder:
    CLASSES[builder.__name__] = builder
    return builder


def _book(rng: random.Random):
    form = load_form(rng.choice(["ogi-2021", "ogi-2019"]))
    return xlsx_write.build(full_report(form, seed=rng.randrange(1000)))


def _save(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _map_of(wb) -> dict:
    ws = wb[SHEET]
    chunks = [ws.cell(row=r, column=1).value for r in range(MAP_ROW, ws.max_row + 1)]
    return json.loads("".join(c for c in chunks if c))


def _set_map(wb, body: dict) -> None:
    ws = wb[SHEET]
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    for row in range(MAP_ROW, ws.max_row + 1):
        ws.cell(row=row, column=1).value = None
    for i in range(0, len(data), 30000):
        ws.cell(row=MAP_ROW + i // 30000, column=1).value = data[i : i + 30000]


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None], add: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = change(info.filename, src.read(info))
            if body is not None:
                dst.writestr(info.filename, body)
        for name, body in (add or {}).items():
            dst.writestr(name, body)
    return out.getvalue()


# -- the identity sheet points far and wide ------------------------------------------------------------
@hostile
def identity_many_sheets(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Hundreds of real sheets, each named by the map with a cell at the far corner of our reach."""
    wb = _book(rng)
    body = _map_of(wb)
    for n in range(size):
        wb.create_sheet(f"S{n}")
        body["labels"].append([f"S{n}", "BL50000", "x"])
    _set_map(wb, body)
    return ".xlsx", _save(wb)


@hostile
def identity_far_cells(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Every record of the real sheets moved to the far corner: a reader that pads rows builds millions."""
    wb = _book(rng)
    body = _map_of(wb)
    for record in list(body["cells"].values())[: max(1, size)]:
        record[1] = rng.choice(["BL50000", "A50000", "BL1"])
    _set_map(wb, body)
    return ".xlsx", _save(wb)


@hostile
def identity_huge_map(rng: random.Random, size: int) -> tuple[str, bytes]:
    """A map of hundreds of thousands of records (megabytes of JSON) on the identity sheet."""
    wb = _book(rng)
    body = _map_of(wb)
    body["labels"] += [["正文", f"A{rng.randrange(1, 50000)}", "x" * rng.randrange(5)] for _ in range(size * 1000)]
    _set_map(wb, body)
    return ".xlsx", _save(wb)


# -- counts declared inside parts ---------------------------------------------------------------------------------
@hostile
def shared_strings_flood(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Millions of shared strings that no cell uses."""
    data = _save(_book(rng))
    ns = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    extra = b"".join(b"<si><t>%d</t></si>" % i for i in range(size * 10_000))
    sst = b'<sst xmlns="' + ns + b'">' + extra + b"</sst>"
    kind = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + kind + b'"/></Types>'

    def change(name: str, body: bytes) -> bytes:
        return body.replace(b"</Types>", override) if name == "[Content_Types].xml" else body

    return ".xlsx", _rezip(data, change, {"xl/sharedStrings.xml": sst})


@hostile
def sheet_cell_flood(rng: random.Random, size: int) -> tuple[str, bytes]:
    """One sheet of ours with a huge row of empty-valued cells and a lying dimension."""
    data = _save(_book(rng))
    row = b'<row r="60000">' + b"<c/>" * (size * 10_000) + b"</row>"

    def change(name: str, body: bytes) -> bytes:
        if name.startswith("xl/worksheets/sheet") and name.endswith("1.xml"):
            body = body.replace(b"</sheetData>", row + b"</sheetData>")
            return body.replace(b"<dimension", b'<dimension ref="A1:XFD1048576"/><x', 1)
        return body

    return ".xlsx", _rezip(data, change)


@hostile
def styles_flood(rng: random.Random, size: int) -> tuple[str, bytes]:
    """A style sheet with millions of cell formats (openpyxl parses styles whole)."""
    data = _save(_book(rng))
    extra = b"<xf/>" * (size * 20_000)

    def change(name: str, body: bytes) -> bytes:
        return body.replace(b"</cellXfs>", extra + b"</cellXfs>") if name == "xl/styles.xml" else body

    return ".xlsx", _rezip(data, change)


# -- one clear line ------------------------------------------------------------------------------------------------
@hostile
def encrypted_member(rng: random.Random, size: int) -> tuple[str, bytes]:
    """A zip member with the encryption flag set."""
    buf = bytearray(_save(_book(rng)))
    names = [b"xl/workbook.xml", b"[Content_Types].xml", b"xl/styles.xml"]
    target = rng.choice(names)
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (i := buf.find(header, start)) >= 0:
            name_at = i + (30 if header == b"PK\x03\x04" else 46)
            if buf[name_at : name_at + len(target)] == target:
                flag_at = i + (6 if header == b"PK\x03\x04" else 8)
                buf[flag_at] |= 1
            start = i + 4
    return ".xlsx", bytes(buf)


@hostile
def formulas_everywhere(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Plain, array and data-table formulas in figure cells, a meta field and the narrative."""
    wb = _book(rng)
    body = _map_of(wb)
    kinds = [
        lambda ref: "=SUM(A1:A3)",
        lambda ref: ArrayFormula(ref, "=SUM(A1:A3*B1:B3)"),
        lambda ref: DataTableFormula(ref, r1="B1", r2="C1", dt2D=True),
    ]
    records = [r for r in body["cells"].values() if r[2] != "auto"] + list(body["meta"].values())
    for record in rng.sample(records, min(len(records), max(3, size))):
        wb[record[0]][record[1]].value = rng.choice(kinds)(record[1])
    return ".xlsx", _save(wb)


@hostile
def stray_text(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Text typed in Excel outside every recorded cell (below a section, beside a field)."""
    wb = _book(rng)
    for _ in range(max(1, size)):
        ws = wb[rng.choice(["正文", "基本信息"])]
        ws.cell(row=rng.randrange(1, 300), column=rng.randrange(3, 6)).value = "补充说明_x001B_[31m" * rng.randrange(1, 4)
    return ".xlsx", _save(wb)


@hostile
def json_big_integer(rng: random.Random, size: int) -> tuple[str, bytes]:
    digits = "9" * rng.choice([4301, 5000, size * 10_000])
    return ".json", ('{"form": "ogi-2021", "values": {"t3.new.natural": ' + digits + "}}").encode()


@hostile
def json_lone_surrogate(rng: random.Random, size: int) -> tuple[str, bytes]:
    lone = rng.choice(["\\ud800", "\\udfff", "\\udc00\\ud800"])
    where = rng.choice(['"texts": {"overview": "a%sb"}', '"meta": {"agency": "%s"}', '"notes": {"x%s": "y"}'])
    return ".json", ('{"form": "ogi-2021", ' + where % lone + "}").encode()


@hostile
def json_control_text(rng: random.Random, size: int) -> tuple[str, bytes]:
    """Escape sequences and newlines in every echoed field (key, value, text)."""
    evil = "\\u001b[31m\\n错误\\tFORGED\\u009b2J" * rng.randrange(1, 50)
    return ".json", ('{"form": "ogi-2021", "values": {"' + evil + '": 1}}').encode()


@hostile
def json_deep_nesting(rng: random.Random, size: int) -> tuple[str, bytes]:
    depth = size * 100_000
    return ".json", b'{"form": "ogi-2021", "texts": {"overview": ' + b"[" * depth + b"]" * depth + b"}}"


@hostile
def large_file(rng: random.Random, size: int) -> tuple[str, bytes]:
    """A real report padded towards 50 MB (a stored member of noise, or JSON whitespace)."""
    megabytes = min(48, size)
    if rng.random() < 0.5:
        noise = rng.randbytes(megabytes * 1024 * 1024)
        return ".xlsx", _rezip(_save(_book(rng)), lambda name, body: body, {"xl/media/noise.bin": noise})
    return ".json", b'{"form": "ogi-2021",' + b" " * (megabytes * 1024 * 1024) + b'"texts": {}}'


def build(name: str, rng: random.Random, size: int, folder: Path) -> Path:
    suffix, data = CLASSES[name](rng, size)
    path = folder / f"{name}-{size}{suffix}"
    path.write_bytes(data)
    return path
