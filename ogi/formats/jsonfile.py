"""Interchange JSON for scripts and tests (documented in ``docs/json-format.md``).

Reading validates everything and names the offending key; amounts are written as strings
so that no program on the way turns them into binary floats.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from ogi import __version__
from ogi.formats import Format
from ogi.formats.regular import read_regular
from ogi.formats.safesave import atomic_write
from ogi.model.loader import load_form_for
from ogi.model.messages import OgiError, json_reason, text
from ogi.model.report import Report
from ogi.model.values import clean_text, format_number, parse

_TOP = {"form", "meta", "values", "entered_totals", "texts", "notes", "generator"}
MAX_BYTES = 20 * 1024 * 1024
MAX_INT_DIGITS = 4000  # below the interpreter's own limit (4300)


def report_to_dict(report: Report) -> dict:
    values = {}
    for cell, value in report.stored_values().items():
        values[cell] = format_number(value) if isinstance(value, Decimal) else value
    return {
        "form": report.form.id,
        "generator": f"ogi-report {__version__}",
        "meta": dict(report.meta),
        "values": values,
        "entered_totals": report.entered_totals(),
        "texts": dict(report.texts),
        "notes": dict(report.notes),
    }


def dumps(report: Report) -> str:
    return clean_text(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2)) + "\n"


def write(report: Report, path: Path) -> None:
    atomic_write(Path(path), dumps(report).encode("utf-8"))


def read(path: Path) -> Report:
    path = Path(path)
    try:
        raw = read_regular(path, MAX_BYTES).decode("utf-8-sig")
        data = json.loads(raw, parse_float=Decimal, parse_int=_integer, object_hook=_no_surrogates)
    except UnicodeDecodeError:
        raise OgiError("FILE_UNREADABLE", file=path, reason=text("REASON_NOT_UTF8")) from None
    except json.JSONDecodeError as exc:
        raise OgiError("JSON_SYNTAX", file=path, line=exc.lineno, column=exc.colno, reason=json_reason(exc.msg)) from None
    except RecursionError:
        raise OgiError("FILE_UNREADABLE", file=path, reason="嵌套层数过多") from None
    return from_dict(data, path)


def _integer(digits: str) -> int | Decimal:
    """Python refuses to turn more than 4300 digits into an int; as a Decimal the value parser
    says 「数值过大」 with the key, like for any other figure out of range."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else Decimal(digits)


def _no_surrogates(obj: dict) -> dict:
    """A lone ``\\ud800`` escape cannot be saved as UTF-8 (nor journaled): it becomes U+FFFD on reading."""
    return {clean_text(k): _clean(v) for k, v in obj.items()}


def _clean(value: object) -> object:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _strings(data: dict, key: str, path: Path) -> dict[str, str]:
    obj = data.get(key, {})
    if not isinstance(obj, dict) or not all(isinstance(v, str) for v in obj.values()):
        raise OgiError("JSON_SHAPE", file=path, key=key, expected="对象，其中每个值都是文字")
    return {k: v for k, v in obj.items() if v != ""}


def from_dict(data: object, path: Path) -> Report:
    if not isinstance(data, dict):
        raise OgiError("JSON_SHAPE", file=path, key="(顶层)", expected="对象")
    for key in data:
        if key not in _TOP:
            raise OgiError("JSON_UNKNOWN_KEY", file=path, key=key)
    if not isinstance(data.get("form"), str):
        raise OgiError("JSON_SHAPE", file=path, key="form", expected="报告格式编号，如 ogi-2021")
    report = Report(load_form_for(data["form"], path))
    report.meta = _checked_keys(_strings(data, "meta", path), {m.id for m in report.form.meta}, "JSON_UNKNOWN_META", path)
    report.texts = _checked_keys(
        _strings(data, "texts", path), {s.id for s in report.form.text_sections()}, "JSON_UNKNOWN_TEXT", path
    )
    report.notes = _strings(data, "notes", path)
    _read_values(report, data, path)
    report.recompute()
    return report


def _checked_keys(obj: dict[str, str], known: set[str], code: str, path: Path) -> dict[str, str]:
    for key in obj:
        if key not in known:
            raise OgiError(code, file=path, key=key)
    return obj


def _read_values(report: Report, data: dict, path: Path) -> None:
    values = data.get("values", {})
    if not isinstance(values, dict):
        raise OgiError("JSON_SHAPE", file=path, key="values", expected="对象")
    cells = report.form.cells
    for key, raw in values.items():
        if key not in cells:
            raise OgiError("JSON_UNKNOWN_CELL", file=path, key=key)
        if isinstance(raw, (dict, list)):
            raise OgiError(
                "JSON_BAD_VALUE",
                file=path,
                key=key,
                place=cells[key].place,
                text="{…}" if isinstance(raw, dict) else "[…]",
                reason="应为数字",
            )
        got = parse(raw, cells[key].type)
        if not got.ok:
            raise OgiError("JSON_BAD_VALUE", file=path, key=key, place=cells[key].place, text=str(raw)[:40], reason=got.error)
        if got.value is not None:
            report.put(key, got.value)
    entered = data.get("entered_totals", [])
    if not isinstance(entered, list) or not all(isinstance(k, str) for k in entered):
        raise OgiError("JSON_SHAPE", file=path, key="entered_totals", expected="单元格编号的列表")
    for key in entered:
        if key not in cells:
            raise OgiError("JSON_UNKNOWN_CELL", file=path, key=key)
        if key not in report.form.totals:
            raise OgiError("JSON_NOT_TOTAL", file=path, key=key)
        if report.stored(key) is None:
            raise OgiError("JSON_TOTAL_BLANK", file=path, key=key)


FORMAT = Format(suffix=".json", label="JSON 交换文件", read=read, write=write)
