"""``ogi-report --self-test``: proves this installation works, window and printing included; one line, exit 0/1.

Run by CI on the frozen bundle (a module PyInstaller did not see, a missing Qt plug-in, font,
translation or ICU item fails the build, not a clerk) and by a clerk or an IT person on an office
PC. The core part (forms, rules, workbook and JSON round trips, PDF) is ``ogi.cli.selftest.run_core``;
this adds what only the Qt layer can prove: the window opens on a full report with the bundled
Chinese font and paints something, the lazily imported printing module loads, QtPdf rasterises
a PDF page and QPrinter prints it to a file, and the ICU services Qt uses (pinyin collation,
Chinese time-zone names, GB18030) have their data.

Offscreen unless ``--show`` is given or QT_QPA_PLATFORM is set, so it runs on a machine without
a screen; it never writes the clerk's settings or recovery journals. A windowed Windows exe has
no stdout (``sys.stdout is None``): the line then goes to ``ogi-report-selftest.txt`` next to
the exe (or in %TEMP% if that folder is read-only), and ``--show`` also puts it in a message box.

``--self-test --first-paint [FILE]`` is a timing mode for bench/bench_bundle.py: the normal
start-up, ended at the window's first paint.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

RESULT_FILE = "ogi-report-selftest.txt"
SAMPLE_HAN = "政府信息公开工作年度报告"


class _Failed(Exception):
    """One failed window check, with a Chinese reason."""


def _check(ok: object, reason: str) -> None:
    if not ok:
        raise _Failed(reason)


def run(argv: list[str]) -> int:
    """Run every check; print one line; 0 when all passed, 1 with the reason otherwise."""
    if "--first-paint" in argv:
        return first_paint(argv)
    start = time.perf_counter()
    show = "--show" in argv
    try:
        from ogi.cli.selftest import run_core

        core = run_core()
        _check_version()
        window = check_gui(argv, show)
        line, code = f"自检通过：{core}；{window}（共 {time.perf_counter() - start:.1f} 秒）", 0
    except Exception as exc:  # the self-test reports every failure as one line, whatever raised it
        line, code = f"自检失败：{_reason(exc)}", 1
    emit(line, show)
    return code


def _reason(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    if type(exc).__name__ in ("SelfTestError", "OgiError", "_Failed"):
        return " ".join(str(message).split())
    return f"{type(exc).__name__}: {' '.join(str(message).split())}"


def _check_version() -> None:
    """The package metadata travels with the bundle (build.spec copies it): the about box and Windows file
    properties show this version. From an uninstalled checkout there is none, which is fine."""
    from importlib.metadata import PackageNotFoundError, version

    from ogi import __version__

    try:
        found = version("ogi-report")
    except PackageNotFoundError:
        _check(not getattr(sys, "frozen", False), "程序包信息（版本号）未打包")
        return
    _check(found == __version__, f"程序包信息的版本 {found} 与程序的版本 {__version__} 不一致")


def check_gui(argv: list[str], show: bool) -> str:
    """The Qt part; returns its summary (window size, UI font, printed pages)."""
    from ogi_gui.app import register_font, setup_application
    from PySide6.QtWidgets import QApplication

    platform = [] if show or os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"]
    app = QApplication.instance() or QApplication([argv[0] if argv else "ogi-report", *platform])
    setup_application(app)
    _check(getattr(app, "_ogi_translators", None), "界面翻译文件（Qt 中文、英文）未能加载")
    family = register_font(app)
    _check(family, "内置中文字体 wqy-microhei.ttc 未能加载")
    _check_font_covers(app)
    _check_plugins()
    size = _check_window(app)
    pages = _check_printing()
    _check_icu()
    return f"窗口 {size}，界面字体 {family}，QtPdf 打印 {pages} 页"


def _check_font_covers(app) -> None:
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(app.font())
    missing = [ch for ch in SAMPLE_HAN if not metrics.inFont(ch)]
    _check(not missing, f"界面字体缺少汉字：{''.join(missing)}")


PLUGINS = {  # Qt plug-ins a clerk's desktop needs (the self-test itself runs offscreen): window, IME, printing
    "win32": {"platforms": ("qwindows",)},
    "linux": {
        "platforms": ("qxcb", "qwayland|qwayland-generic"),  # a|b: either name (Qt 6.10+ | 6.9, old-glibc bundle)
        "platforminputcontexts": ("ibusplatforminputcontextplugin", "composeplatforminputcontextplugin"),
        "printsupport": ("cupsprintersupport",),
    },
}


def _check_plugins() -> None:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platform = "linux" if sys.platform.startswith("linux") else sys.platform
    for kind, names in PLUGINS.get(platform, {}).items():
        present = {p.stem.removeprefix("lib") for p in (folder / kind).glob("*")}
        missing = [n for n in names if not present & set(n.split("|"))]
        _check(not missing, f"缺少 Qt 插件 {kind}/{'、'.join(missing)}（{folder}）")


def _check_window(app) -> str:
    """The main window on a full report paints a non-blank picture."""
    from ogi.model.loader import newest_form
    from ogi.model.sample import full_report

    from .mainwindow import MainWindow

    window = MainWindow(full_report(newest_form(), seed=1), journaling=False)
    try:
        window.resize(1200, 800)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        _check(not image.isNull(), "窗口截图为空")
        _check(_colours(image) >= 3, "窗口截图是一片空白")
        _check(window.doc is not None and window.doc.findings() == [], "窗口中的示例报告未通过校验")
        return f"{image.width()}×{image.height()}"
    finally:
        window.hide()
        window.deleteLater()
        app.processEvents()


def _colours(image, step: int = 7) -> int:
    """Distinct colours on a sampling grid (a blank picture has one or two)."""
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) > 16:
                return len(seen)
    return len(seen)


def _check_printing() -> int:
    """ogi_gui.printing (imported by name in the window, so easy to miss when freezing) prints a PDF to a file."""
    import importlib

    from ogi.model.checker import Checker
    from ogi.model.loader import newest_form
    from ogi.model.sample import full_report
    from ogi.outputs.pdf.render import render_pdf

    printing = importlib.import_module("ogi_gui.printing")
    report = full_report(newest_form(), seed=1)
    pdf = render_pdf(report, Checker(report).findings())
    pages = printing.PdfPages(pdf)
    _check(pages.count > 0, "QtPdf 无法打开生成的 PDF")
    _check(_colours(pages.image(0, 30)) >= 2, "QtPdf 渲染的第一页是空白")
    with tempfile.TemporaryDirectory(prefix="ogi-selftest-print-") as tmp:
        target = Path(tmp) / "print.pdf"
        printer = printing.new_printer("ogi-report self-test")
        printer.setOutputFileName(str(target))
        _check(printing.print_pdf(printer, pdf), "打印到文件失败")
        _check(target.is_file() and target.read_bytes()[:5] == b"%PDF-", "打印到文件失败")
    return pages.count


def _check_icu() -> None:
    """The ICU data Qt uses is there (the Linux bundle ships a trimmed copy: tools/trim_icu.py)."""
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    collator = QCollator(chinese)
    _check(sorted(["北京", "阿坝"], key=collator.sortKey) == ["阿坝", "北京"], "缺少中文排序数据（ICU）")
    name = QTimeZone(b"Asia/Shanghai").displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, chinese)
    _check("中国" in name, f"缺少中文时区名称数据（ICU）：{name}")
    _check(QStringDecoder("GB18030").isValid(), "缺少 GB18030 编码转换数据（ICU）")


def first_paint(argv: list[str]) -> int:
    """``--self-test --first-paint [FILE]``: start exactly as ``ogi-report [FILE]`` does, exit at the window's
    first paint. bench/bench_bundle.py times it from outside, frozen against from source."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from . import app as gui_app
    from .mainwindow import MainWindow

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and obj.isWidgetType() and isinstance(obj.window(), MainWindow):
                emit("首次绘制完成")
                os._exit(0)  # now: nothing after the first paint belongs in the measurement
            return False

    platform = [] if os.environ.get("QT_QPA_PLATFORM") else ["-platform", "offscreen"]
    qapp = QApplication.instance() or QApplication([argv[0], *platform])
    hook = FirstPaint(qapp)
    qapp.installEventFilter(hook)
    files = [a for a in argv[1:] if not a.startswith("-")]
    gui_app.build([argv[0], *files])
    return qapp.exec()


def emit(line: str, show: bool = False) -> None:
    """Print the line; with no stdout (windowed exe) write it to a file, and show it if asked."""
    stream = sys.stdout
    if stream is not None:
        try:
            print(line, file=stream, flush=True)
        except (OSError, UnicodeEncodeError):
            stream = None
    if stream is None:
        _write_result_file(line)
    if show:
        _message_box(line)


def _write_result_file(line: str) -> Path | None:
    """Next to the program if that folder is writable, else in the temporary folder."""
    folders = [Path(sys.executable).resolve().parent, Path(tempfile.gettempdir())]
    for folder in folders:
        try:
            path = folder / RESULT_FILE
            path.write_text(line + "\n", encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def _message_box(line: str) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is not None:
        QMessageBox.information(None, "ogi-report", line)
