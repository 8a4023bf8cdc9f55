"""The ``ogi`` command: check, convert and list reports from a terminal or a script.

Exit codes are part of the interface: 0 no error, 1 errors found, 2 the input could not be
read (one Chinese line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from ogi.formats import format_for, read_report
from ogi.model.checker import Checker
from ogi.model.lastyear import mismatches
from ogi.model.loader import available_forms, load_form
from ogi.model.messages import OgiError, shorten, shorten_path, text
from ogi.model.rules import Finding
from ogi.paths import forms_dir

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
MAX_LINE = 400  # characters of one finding line
_C1 = {c: f"\\u{c:04x}" for c in range(0x7F, 0xA0)}


def _finding_json(f: Finding) -> dict:
    def num(v):
        return str(v) if isinstance(v, Decimal) else v

    return {
        "key": f.key,
        "rule": f.rule,
        "severity": f.severity,
        "place": f.place,
        "message": f.message,
        "cells": list(f.cells),
        "missing": list(f.missing),
        "reported": num(f.reported),
        "computed": num(f.computed),
        "delta": num(f.delta),
        "culprit": f.culprit,
    }


def _previous(report, file: str | None):
    """Last year's report, with a warning on stderr when its year or body does not fit this one."""
    if not file:
        return None
    previous = read_report(Path(file))
    for line in mismatches(report, previous, file):
        print(text("CLI_PREVIOUS_WARNING", line=line), file=sys.stderr)
    return previous


def cmd_check(args: argparse.Namespace) -> int:
    report = read_report(Path(args.file))
    previous = _previous(report, args.previous)
    for notice in report.notices:  # e.g. text typed in Excel outside every field: it would be lost
        print(text("CLI_NOTICE", notice=shorten(notice, MAX_LINE)), file=sys.stderr)
    checker = Checker(report, previous)
    findings = checker.findings()
    if args.json:
        out = json.dumps([_finding_json(f) for f in findings], ensure_ascii=False, indent=1)
        print(out.translate(_C1))  # JSON escapes C0 controls itself; C1 (e.g. CSI \x9b) would reach the terminal
    else:
        for f in findings:  # cell text in a message must not forge lines or colour the terminal
            print(f"{text('SEVERITY_' + f.severity)}\t{f.rule}\t{shorten(f.message, MAX_LINE)}")
        counts = checker.counts()
        print(
            text("CLI_SUMMARY", errors=counts["error"], warnings=counts["warning"], incomplete=counts["incomplete"]),
            file=sys.stderr,
        )
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert between report files by extension (.json ↔ .xlsx); the target is saved atomically."""
    target = Path(args.output)
    fmt = format_for(target)  # an unsupported target is refused before anything is read
    report = read_report(Path(args.input))
    if report.invalid and fmt.suffix == ".json":  # the interchange JSON has no place for unreadable text
        cell, bad = next(iter(report.invalid.items()))
        place = bad.source or report.form.cells[cell].place
        raise OgiError("CLI_CONVERT_INVALID", file=args.input, count=len(report.invalid), place=place, text=bad.text[:40])
    fmt.write(report, target)
    print(text("CLI_WROTE", file=shorten_path(target)))
    return EXIT_OK


def cmd_forms(args: argparse.Namespace) -> int:
    """List the shipped editions; none found is an installation error, never a silent success."""
    found = available_forms()
    if not found:
        raise OgiError("FORM_NONE_FOUND", folder=forms_dir())
    for form_id in found:
        form = load_form(form_id)
        print(text("CLI_FORMS_LINE", id=form.id, title=form.title, basis=form.basis))
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    """Print the report to PDF; a report with errors is marked as a draft unless --final."""
    from ogi.outputs.pdf.fonts import FontSet  # reportlab is loaded only by the commands that print
    from ogi.outputs.pdf.render import PdfOptions, write_pdf

    report = read_report(Path(args.input))
    previous = _previous(report, args.previous)
    findings = Checker(report, previous).findings()
    fonts = FontSet.discover(args.font_dir)
    output = Path(args.output) if args.output else Path(args.input).with_suffix(".pdf")
    _refuse_output(Path(args.input), output, ".pdf")
    skipped = [text("FONT_SKIPPED", file=p, reason=r) for p, r in fonts.skipped]
    for line in fonts.describe() + fonts.substitutions() if args.show_fonts else skipped + fonts.substitutions():
        print(shorten(line, MAX_LINE), file=sys.stderr)
    options = PdfOptions(
        title=args.title, final=args.final, sign_off=args.sign_off, notes=not args.no_notes, fonts=fonts, seal=args.seal
    )
    pages = write_pdf(report, output, findings, options)
    errors = sum(f.severity == "error" for f in findings)
    if errors and not args.final:
        print(text("CLI_PDF_DRAFT", count=errors), file=sys.stderr)
    print(text("CLI_PDF_WROTE", file=shorten_path(output), pages=pages))
    return EXIT_FINDINGS if errors else EXIT_OK


def _refuse_output(source: Path, output: Path, suffix: str | None = None) -> None:
    """Never write a printed copy over the report it came from, nor into a file of another kind."""
    from ogi.outputs import output_for, refuse_report_target

    if suffix is not None and output.suffix.lower() != suffix:
        raise OgiError("EXPORT_UNKNOWN_TYPE", file=output, known=suffix)
    output_for(output)
    refuse_report_target(output, source)


def cmd_export(args: argparse.Namespace) -> int:
    """Export the report for people (PDF …), the output chosen by the suffix of -o."""
    from ogi.outputs import ExportOptions, export

    output = Path(args.output)
    _refuse_output(Path(args.input), output)
    report = read_report(Path(args.input))
    previous = _previous(report, args.previous)
    findings = Checker(report, previous).findings()
    options = ExportOptions(
        title=args.title,
        final=args.final,
        sign_off=args.sign_off,
        notes=not args.no_notes,
        font_dir=args.font_dir,
        seal=args.seal,
        fragment=args.fragment,
    )
    summary = export(report, output, findings, options)
    errors = sum(f.severity == "error" for f in findings)
    if errors and not args.final:
        print(text("CLI_EXPORT_DRAFT", count=errors), file=sys.stderr)
    print(text("CLI_EXPORT_WROTE", file=shorten_path(output), summary=summary))
    return EXIT_FINDINGS if errors else EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Read a published report (text, web page, Word file): what was read, what was not, then the findings."""
    from ogi.importers import importer_for

    output = Path(args.output)
    fmt = format_for(output)  # an unsupported target is refused before anything is read
    result = importer_for(Path(args.source)).read(Path(args.source))
    for role, value in (("agency", args.agency), ("year", args.year)):
        meta = result.report.form.meta_field(role)
        if value and meta is not None and not result.report.meta.get(meta.id):
            result.report.meta[meta.id] = value
    for line in result.summary():
        print(line, file=sys.stderr)
    findings = Checker(result.report).findings()
    for f in findings:
        print(f"{text('SEVERITY_' + f.severity)}\t{f.rule}\t{f.message}")
    fmt.write(result.report, output)
    print(text("CLI_IMPORT_WROTE", file=output), file=sys.stderr)
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    """Draft the statistics paragraph of 一、总体情况 from the tables; with -o, save a copy that has it appended."""
    from ogi.model.narrative.draft import append_draft, draft_paragraph

    report = read_report(Path(args.input))
    paragraph = draft_paragraph(report, file=args.input)
    print(paragraph)
    if args.output:
        target = Path(args.output)
        fmt = format_for(target)
        append_draft(report, paragraph)
        fmt.write(report, target)
        print(text("CLI_WROTE", file=target), file=sys.stderr)
    return EXIT_OK


def cmd_rollup(args: argparse.Namespace) -> int:
    """Roll many units' reports up into one (汇总), with who is missing, who fails and where each figure came from."""
    from ogi.cli.progress import Bar
    from ogi.rollup import Options, rollup, save
    from ogi.rollup.roster import read_roster

    output = Path(args.output)
    if output.suffix.lower() != ".xlsx":
        raise OgiError("FILE_UNKNOWN_TYPE", file=output, known=".xlsx")
    roster = read_roster(Path(args.roster)) if args.roster else None
    options = Options(year=args.year or "", agency=args.agency or "", include_errors=args.include_errors, roster=roster)
    with Bar(sys.stderr) as bar:
        result = rollup([Path(u) for u in args.units], options, bar.update, skip=output)
    save(result, output)
    _rollup_summary(result, output)
    # Exit 1 for errors in the sums that no blank explains (an included unit's figures did not add up)
    tables, blanks = result.report.form.tables, result.blanks
    findings = Checker(result.report).findings()
    errors = [f for f in findings if f.severity == "error" and f.section in tables and not blanks.keys() & set(f.cells)]
    return EXIT_FINDINGS if errors else EXIT_OK


def _rollup_summary(result, output: Path) -> None:
    if result.matching is None:
        missing = text("ROLLUP_SUMMARY_NO_ROSTER")
    else:
        missing = text("ROLLUP_SUMMARY_MISSING", count=len(result.matching.missing))
    found = len(result.statuses)
    print(
        text("ROLLUP_SUMMARY", included=len(result.included), found=found, excluded=found - len(result.included), missing=missing)
    )
    if result.blanks:
        print(text("ROLLUP_INCOMPLETE_CELLS", count=len(result.blanks)))
    print(text("CLI_WROTE", file=output))


_PRINT_OPTIONS: list[Argument] = [
    (("--title",), {"help": "标题（默认：机关全称＋年度＋“年政府信息公开工作年度报告”）"}),
    (("--final",), {"action": "store_true", "help": "正式文本：即使有错误也不标注草稿"}),
    (("--sign-off",), {"action": "store_true", "help": "附签字栏（单位负责人签字、填报人、联系电话、日期）"}),
    (("--no-notes",), {"action": "store_true", "help": "不附“校验提示及说明”页"}),
    (
        ("--seal",),
        {
            "action": argparse.BooleanOptionalAction,
            "default": True,
            "help": "落款按加盖印章的格式（GB/T 9704 §7.3.5.1，默认）；--no-seal：不加盖印章的格式（§7.3.5.2）",
        },
    ),
    (("--previous",), {"metavar": "LAST_YEAR_FILE", "help": "上一年度的报告，用于核对上年结转"}),
    (("--font-dir",), {"metavar": "DIR", "help": "字体文件夹（也可用环境变量 OGI_FONT_DIR 指定）"}),
]

Argument = tuple[tuple[str, ...], dict[str, Any]]  # (flags, add_argument options: argparse takes any)
COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str, list[Argument]]] = {
    "check": (
        cmd_check,
        "检查报告：每行一条问题，错误在前",
        [
            (("file",), {"help": "报告文件（.json 或 .xlsx）"}),
            (("--previous",), {"metavar": "LAST_YEAR_FILE", "help": "上一年度的报告，用于核对上年结转"}),
            (("--json",), {"action": "store_true", "help": "以 JSON 列表输出"}),
        ],
    ),
    "forms": (cmd_forms, "列出内置的报告格式版本", []),
    "import": (
        cmd_import,
        "导入已发布的报告（.txt 文本、.html/.htm 网页、.docx Word 文档）：读不准的单元格留空并说明，不猜",
        [
            (("source",), {"help": "已发布的报告：.txt、.html、.htm 或 .docx"}),
            (("-o", "--output"), {"metavar": "OUT", "required": True, "help": "保存为 .json 或 .xlsx"}),
            (("--agency",), {"help": "原文标题中没有机关全称时使用"}),
            (("--year",), {"help": "原文标题中没有报告年度时使用"}),
        ],
    ),
    "draft": (
        cmd_draft,
        "按当前表格起草“一、总体情况”的统计段落（按已发布报告的常用写法），供插入正文后修改",
        [
            (("input",), {"help": "报告文件（.json 或 .xlsx）"}),
            (("-o", "--output"), {"metavar": "OUT", "help": "另存为 OUT（.json 或 .xlsx），段落加在“一、总体情况”正文末尾"}),
        ],
    ),
    "convert": (
        cmd_convert,
        "转换报告文件：按扩展名在 .json 与 .xlsx 之间转换",
        [
            (("input",), {"help": "原报告文件（.json 或 .xlsx）"}),
            (("output",), {"help": "新文件（.json 或 .xlsx）；已有同名文件时，旧文件保留为 .bak"}),
        ],
    ),
    "pdf": (
        cmd_pdf,
        "打印报告为 PDF（公文格式，供签字盖章）；有错误的报告标注为草稿",
        [
            (("input",), {"help": "报告文件（.json 或 .xlsx）"}),
            (("-o", "--output"), {"metavar": "OUT.pdf", "help": "PDF 文件（默认：与报告同名的 .pdf）"}),
            *_PRINT_OPTIONS,
            (("--show-fonts",), {"action": "store_true", "help": "列出所用字体"}),
        ],
    ),
    "export": (
        cmd_export,
        "导出报告供打印或发布：按 -o 的扩展名选择 PDF（.pdf）、网页（.html）或 Word（.docx）",
        [
            (("input",), {"help": "报告文件（.json 或 .xlsx）"}),
            (("-o", "--output"), {"metavar": "OUT", "required": True, "help": "导出的文件：报告.pdf、报告.html 或 报告.docx"}),
            *_PRINT_OPTIONS,
            (("--fragment",), {"action": "store_true", "help": "网页只输出正文片段（样式内嵌），便于粘贴到网站编辑器"}),
        ],
    ),
    "rollup": (
        cmd_rollup,
        "汇总：把多个单位的报告逐项相加为一份报告，并列出各单位情况、缺报单位和每个数的来源",
        [
            (("units",), {"nargs": "+", "metavar": "UNITS", "help": "各单位的报告文件或文件夹（含子文件夹；.xlsx 或 .json）"}),
            (("-o", "--output"), {"metavar": "汇总.xlsx", "required": True, "help": "汇总结果（Excel 工作簿）"}),
            (("--roster",), {"metavar": "名单.xlsx|.txt", "help": "应报送的单位名单：每行一个机关全称，或工作表中的一列"}),
            (("--year",), {"help": "汇总的年度（默认：多数报告的年度）"}),
            (("--agency",), {"help": "汇总结果的机关全称（汇总单位）"}),
            (("--include-errors",), {"action": "store_true", "help": "有错误的报告也计入（在“单位情况”中标注）"}),
        ],
    ),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ogi", description="政府信息公开工作年度报告：检查与转换")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (func, help_text, arguments) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        for flags, options in arguments:
            p.add_argument(*flags, **options)
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except OgiError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:  # `ogi check … | head`: the reader has gone; that is not an error of ours
        _silence_stdout()
        return EXIT_OK


def run() -> NoReturn:
    """The ``ogi`` command as a process (the console script and ``python -m ogi``).

    When the command is done the process ends, and CPython's shutdown would still walk every object
    left (fonts, form, workbook: about 40,000) through its cycle collector — 40 ms, a tenth of an
    ``ogi pdf`` run. ``gc.freeze()`` hands them to the operating system instead. Nothing is lost:
    every file the command writes is closed before ``main`` returns, and the interpreter still
    flushes stdout and stderr and runs exit handlers. Tests call :func:`main`, which does not freeze.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def _silence_stdout() -> None:
    """Python would report the broken pipe again when flushing stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
