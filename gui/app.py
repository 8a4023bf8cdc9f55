"""Start-up: ``ogi-report [FILE]`` (or ``python -m gui``).

Registers the bundled CJK font (Chinese must render on a machine without one), installs
the translations (Chinese is the source language; Qt's own dialogs get qtbase_zh_CN; an
English catalogue ships in resources/translations), offers to recover unsaved work after a
crash, then opens the window — with FILE if given.
"""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ogi.paths import fonts_dir, resources_dir

UI_FONT = "wqy-microhei.ttc"
ORGANISATION = APPLICATION = "ogi-report"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def register_font(app: QApplication) -> str | None:
    """Make the bundled Hei font the UI font; returns its family (None if it could not load)."""
    font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / UI_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([families[0]])
    app.setFont(font)
    return families[0]


def language(setting: str | None = None) -> str:
    """ "en" or "zh_CN": the menu setting if any, else the system locale (Chinese unless English)."""
    chosen = setting if setting is not None else str(QSettings().value("language", "") or "")
    if chosen in ("en", "zh_CN"):
        return chosen
    return "en" if QLocale.system().language() == QLocale.Language.English else "zh_CN"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Keep the returned translators alive (the application does not own them)."""
    installed = []
    if lang == "en":
        candidates = [(translations_dir(), "ogi_en")]
    else:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(Path(qt_dir), "qtbase_zh_CN"), (translations_dir(), "qtbase_zh_CN")]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
            if name.startswith("qtbase"):
                break  # one copy of Qt's own catalogue is enough
    if lang != "en":
        from .qtwording import QtWording

        wording = QtWording(app)
        app.installTranslator(wording)  # asked before Qt's own: fills its gaps
        installed.append(wording)
    return installed


def setup_application(app: QApplication, lang: str | None = None) -> None:
    """Everything a window needs from the application, in tests as in real use."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "ogi.png")))
    register_font(app)
    app._ogi_translators = install_translators(app, language(lang))


class _AfterFirstPaint(QObject):
    """Runs a callback once the window has painted: the clerk sees the program at once, and a
    large workbook (or the recovery question) follows instead of a blank wait."""

    def __init__(self, window, callback) -> None:
        super().__init__(window)
        self.window, self.callback = window, callback
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.window() is self.window:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


def build(argv: list[str]) -> tuple[QApplication, object]:
    app = QApplication.instance() or QApplication(argv)
    setup_application(app)
    from .mainwindow import MainWindow

    window = MainWindow()
    files = [a for a in argv[1:] if not a.startswith("-")]
    resume = window.resume_file() if not files else None
    if not files and resume is None:
        window.show_start_page()  # not a blank report with no year and six red errors

    def start() -> None:
        if not window.offer_recovery() and (files or resume):
            window.open_file(files[0] if files else resume)
        window.started = True

    window.started = False
    _AfterFirstPaint(window, start)
    window.show()
    return app, window


def report_unexpected(kind, value, tb) -> None:
    """A defect must not vanish silently nor show the clerk a traceback: say it in Chinese, keep working.
    Every committed edit is already in the recovery journal, so nothing is lost even if the clerk quits."""
    traceback.print_exception(kind, value, tb)
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(
        None,
        QCoreApplication.translate("App", "程序内部错误"),
        QCoreApplication.translate(
            "App", "程序遇到了一个内部错误，刚才的操作可能没有完成。已确认的修改都已记入恢复记录。\n\n{0}"
        ).format(value),
    )
