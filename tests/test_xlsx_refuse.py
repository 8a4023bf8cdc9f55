"""XLSX: untrusted files are refused with one Chinese line naming the file, never a traceback."""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import zipfile

import openpyxl
import pytest

from ogi.formats import read_report, write_report
from ogi.formats.xlsx.identity import MAP_ROW, SHEET
from ogi.model.messages import OgiError
from ogi.model.sample import full_report
from tests.tools.cli import ogi


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> bytes:
    from ogi.model.loader import load_form

    path = tmp_path_factory.mktemp("good") / "r.xlsx"
    write_report(full_report(load_form("ogi-2021")), path)
    return path.read_bytes()


def refused(tmp_path, data: bytes, code: str, name: str = "来件.xlsx") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(OgiError) as err:
        read_report(path)
    message = err.value.message
    assert err.value.code == code, message
    assert name in message and "\n" not in message
    return message


def rezip(data: bytes, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """A copy of a zip with some parts replaced (None: removed) or added."""
    replace, out = replace or {}, io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    dst.writestr(info.filename, replace[info.filename])
            else:
                dst.writestr(info, src.read(info))
        for name, content in (add or {}).items():
            dst.writestr(name, content)
    return out.getvalue()


def ole2(stream_names: list[str]) -> bytes:
    """A minimal compound file (the container of .xls and of encrypted .xlsx) with the given streams."""
    header = bytearray(512)
    header[:8] = bytes.fromhex("d0cf11e0a1b11ae1")
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)  # minor, major version, byte order, sector shift
    struct.pack_into("<IIII", header, 44, 1, 1, 0, 0x1000)  # 1 FAT sector, directory at sector 1
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", *stream_names][:4]):
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry = i * 128
        directory[entry : entry + len(encoded)] = encoded
        struct.pack_into("<HB", directory, entry + 64, len(encoded), 5 if i == 0 else 2)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<III", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFE)
    return bytes(header) + bytes(fat) + bytes(directory)


def test_REFUSE_defusedxml_guards_openpyxl():
    import openpyxl.xml
    import openpyxl.xml.functions as xml_functions

    assert openpyxl.xml.DEFUSEDXML is True
    assert xml_functions.fromstring.__module__.startswith("defusedxml")
    assert xml_functions.iterparse.__module__.startswith("defusedxml")


def test_REFUSE_defusedxml_even_where_lxml_is_installed():
    """python-docx installs lxml, which openpyxl would prefer; the program keeps the hardened parser."""
    code = (
        "import os; os.environ.pop('OPENPYXL_LXML', None); import lxml.etree, ogi.formats.xlsx.guard; "
        "import openpyxl.xml.functions as f; assert f.fromstring.__module__.startswith('defusedxml'), f.fromstring"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, env=env)


def test_REFUSE_not_a_zip(tmp_path):
    refused(tmp_path, "这是一个文本文件".encode(), "XLSX_NOT_ZIP")


def test_REFUSE_old_xls(tmp_path):
    assert "97-2003" in refused(tmp_path, ole2(["Workbook", "\x05SummaryInformation"]), "XLSX_OLD_XLS")


def test_REFUSE_encrypted_xlsx(tmp_path):
    message = refused(tmp_path, ole2(["EncryptionInfo", "EncryptedPackage"]), "XLSX_ENCRYPTED")
    assert "加密" in message and "密码" in message


def test_REFUSE_zip_that_is_no_workbook(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "hello")
    assert "Content_Types" in refused(tmp_path, out.getvalue(), "XLSX_NOT_WORKBOOK")


def test_REFUSE_xlsb(tmp_path, good):
    refused(tmp_path, rezip(good, add={"xl/workbook.bin": b"\0"}), "XLSX_NOT_WORKBOOK")


def test_REFUSE_zip_bomb_ratio(tmp_path, good):
    bomb = rezip(good, replace={"xl/worksheets/sheet2.xml": b"<" + b" " * (20 * 1024 * 1024)})
    assert "压缩比" in refused(tmp_path, bomb, "XLSX_BOMB")


def test_REFUSE_zip_bomb_declared_size(tmp_path, good):
    data = bytearray(good)
    central = data.rfind(b"PK\x01\x02")  # last central directory entry: claim 4 GB uncompressed
    struct.pack_into("<I", data, central + 24, 0xFFFFFFF0)
    assert "MB" in refused(tmp_path, bytes(data), "XLSX_BOMB")


def test_REFUSE_zip_bomb_many_parts(tmp_path, good):
    refused(tmp_path, rezip(good, add={f"x/{i}.xml": b"" for i in range(2100)}), "XLSX_BOMB")


def test_REFUSE_macro_workbook_renamed(tmp_path, good):
    assert "宏" in refused(tmp_path, rezip(good, add={"xl/vbaProject.bin": b"\0" * 64}), "XLSX_MACRO")
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        types = z.read("[Content_Types].xml").replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
    refused(tmp_path, rezip(good, replace={"[Content_Types].xml": types}), "XLSX_MACRO")


def test_REFUSE_workbook_of_another_program(tmp_path):
    out = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active["A1"] = "自然人"
    wb.save(out)
    assert "标识" in refused(tmp_path, out.getvalue(), "XLSX_NOT_OURS")


def test_REFUSE_unknown_edition(tmp_path, good):
    path = tmp_path / "来件.xlsx"
    path.write_bytes(good)
    wb = openpyxl.load_workbook(path)
    wb[SHEET]["B2"].value = "ogi-1999"
    wb.save(path)
    refused(tmp_path, path.read_bytes(), "FILE_UNKNOWN_FORM")


def test_REFUSE_damaged_identity(tmp_path, good):
    path = tmp_path / "来件.xlsx"
    path.write_bytes(good)
    wb = openpyxl.load_workbook(path)
    wb[SHEET].cell(row=MAP_ROW, column=1).value = '{"cells": ['
    wb.save(path)
    refused(tmp_path, path.read_bytes(), "XLSX_BAD_IDENTITY")


def test_REFUSE_rows_inserted_in_excel(tmp_path, good):
    path = tmp_path / "来件.xlsx"
    path.write_bytes(good)
    wb = openpyxl.load_workbook(path)
    wb["表三"].insert_rows(6)
    wb.save(path)
    assert "表三!A6" in refused(tmp_path, path.read_bytes(), "XLSX_LAYOUT_CHANGED")


def test_REFUSE_sheet_renamed(tmp_path, good):
    path = tmp_path / "来件.xlsx"
    path.write_bytes(good)
    wb = openpyxl.load_workbook(path)
    wb["表四"].title = "Sheet4"
    wb.save(path)
    assert "表四" in refused(tmp_path, path.read_bytes(), "XLSX_SHEET_MISSING")


@pytest.mark.parametrize("part,root", [("xl/workbook.xml", b"workbook"), ("xl/worksheets/sheet6.xml", b"worksheet")])
def test_REFUSE_xml_entity_attack(tmp_path, good, part, root):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><'
        + root
        + b' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>&lol2;</'
        + root
        + b">"
    )
    assert "实体" in refused(tmp_path, rezip(good, replace={part: laughs}), "XLSX_DAMAGED")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_REFUSE_truncated(tmp_path, good, cut):
    refused(tmp_path, good[: int(len(good) * cut)], "XLSX_DAMAGED")


def test_REFUSE_bad_xml_and_missing_parts(tmp_path, good):
    refused(tmp_path, rezip(good, replace={"xl/worksheets/sheet3.xml": b"<worksheet><sheetData>"}), "XLSX_DAMAGED")
    refused(tmp_path, rezip(good, replace={"xl/workbook.xml": None}), "XLSX_DAMAGED")


def test_REFUSE_corrupted_bytes_inside(tmp_path, good):
    data = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        info = z.getinfo("xl/worksheets/sheet3.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + 40):
        data[i] ^= 0x5A
    refused(tmp_path, bytes(data), "XLSX_DAMAGED")


def test_REFUSE_cli_one_line_exit_2(tmp_path):

    path = tmp_path / "坏.xlsx"
    path.write_bytes(ole2(["EncryptionInfo", "EncryptedPackage"]))
    out = ogi("check", str(path))
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1 and "加密" in out.stderr


def test_REFUSE_no_scan_of_declared_millions_of_rows(tmp_path, good):
    """A sheet claiming a row far below the table (and a huge dimension) is read only as far as our places reach."""
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        sheet = z.read("xl/worksheets/sheet3.xml")
    sheet = sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    sheet = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', sheet)
    path = tmp_path / "来件.xlsx"
    path.write_bytes(rezip(good, replace={"xl/worksheets/sheet3.xml": sheet}))
    assert read_report(path).value("t3.total.total") is not None


def test_REFUSE_identity_pointing_far_away(tmp_path, good):
    path = tmp_path / "来件.xlsx"
    path.write_bytes(good)
    wb = openpyxl.load_workbook(path)
    cell = wb[SHEET].cell(row=MAP_ROW, column=1)
    cell.value = cell.value.replace('"D5"', '"D9999999"', 1)
    wb.save(path)
    refused(tmp_path, path.read_bytes(), "XLSX_BAD_IDENTITY")
