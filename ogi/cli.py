"""The ``ogi`` command: check, convert and list reports from a terminal or a script.

Exit codes are part of the interface: 0 no error, 1 errors found, 2 the input could not be
read (one Chinese line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path

from .checker import Checker
from .formats import read_report
from .loader import available_forms, load_form
from .messages import OgiError, text
from .rules import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


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


def cmd_check(args: argparse.Namespace) -> int:
    report = read_report(Path(args.file))
    previous = read_report(Path(args.previous)) if args.previous else None
    checker = Checker(report, previous)
    findings = checker.findings()
    if args.json:
        print(json.dumps([_finding_json(f) for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            print(f"{text('SEVERITY_' + f.severity)}\t{f.rule}\t{f.message}")
        counts = checker.counts()
        print(
            text("CLI_SUMMARY", errors=counts["error"], warnings=counts["warning"], incomplete=counts["incomplete"]),
            file=sys.stderr,
        )
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def cmd_forms(args: argparse.Namespace) -> int:
    for form_id in available_forms():
        form = load_form(form_id)
        print(text("CLI_FORMS_LINE", id=form.id, title=form.title, basis=form.basis))
    return EXIT_OK


COMMANDS = {
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


if __name__ == "__main__":
    sys.exit(main())
