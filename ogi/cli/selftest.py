"""The bundle's self-test, core part: proves forms, workbook and PDF work in this installation.

A frozen bundle can miss a data file or a module that PyInstaller did not see (format
plug-ins are imported by name); this exercises every such path end to end, in a temporary
folder, so CI can refuse a broken bundle. The window part lives in ``gui.selftest``.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from ogi import __version__
from ogi.formats import read_report, registry, write_report
from ogi.model.checker import Checker
from ogi.model.loader import available_forms, load_form
from ogi.model.sample import full_report
from ogi.outputs.pdf.render import write_pdf


class SelfTestError(Exception):
    """One failed check, with a Chinese reason."""


def _check(ok: bool, reason: str) -> None:
    if not ok:
        raise SelfTestError(reason)


def check_form(form_id: str, folder: Path) -> int:
    """Full report → rules → every format round trip → PDF; returns the PDF's page count."""
    report = full_report(load_form(form_id), seed=1)
    findings = Checker(report).findings()
    _check(findings == [], f"{form_id}：示例报告未通过校验：{findings[:1]}")
    for suffix in sorted(registry()):
        path = folder / f"{form_id}{suffix}"
        write_report(report, path)
        _check(read_report(path) == report, f"{form_id}：{suffix} 文件保存后重新打开不一致")
    pdf = folder / f"{form_id}.pdf"
    pages = write_pdf(report, pdf, findings)
    head = pdf.read_bytes()[:5]
    _check(head == b"%PDF-" and pages > 0, f"{form_id}：PDF 未能生成")
    return pages


def run_core() -> str:
    """Run every core check; returns a one-line summary or raises SelfTestError / OgiError."""
    start = time.perf_counter()
    forms = available_forms()
    _check(len(forms) >= 2, f"缺少报告格式定义（只找到 {forms}）")
    _check(".xlsx" in registry(), "缺少 Excel 工作簿支持")
    with tempfile.TemporaryDirectory(prefix="ogi-selftest-") as tmp:
        pages = {form_id: check_form(form_id, Path(tmp)) for form_id in forms}
    took = time.perf_counter() - start
    detail = "，".join(f"{k} PDF {v} 页" for k, v in pages.items())
    return f"ogi-report {__version__}：{len(forms)} 种格式，{'、'.join(sorted(registry()))} 往返一致，{detail}（{took:.1f} 秒）"
