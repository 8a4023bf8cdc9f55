"""Draws the application icon (resources/icons/ogi.png and ogi.ico) with Qt, so it can be remade.

A red-ruled official document with the character 公 — 公开 (open) — in the bundled Hei face.
Run: QT_QPA_PLATFORM=offscreen python tools/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPen

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(QPen(QColor("#8a1c1c"), 6 * s))
    p.setBrush(QColor("#fffdf7"))
    p.drawRoundedRect(QRectF(40 * s, 16 * s, 176 * s, 224 * s), 14 * s, 14 * s)
    p.setPen(QPen(QColor("#c0262d"), 8 * s))
    p.drawLine(int(62 * s), int(70 * s), int(194 * s), int(70 * s))
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/wqy-microhei.ttc"))
    )[0]
    p.setFont(QFont(family, max(1, int(96 * s))))
    p.setPen(QColor("#c0262d"))
    p.drawText(QRectF(40 * s, 78 * s, 176 * s, 130 * s), Qt.AlignmentFlag.AlignCenter, "公")
    p.setPen(QPen(QColor("#9a9a9a"), 5 * s))
    for y in (208, 224):
        p.drawLine(int(70 * s), int(y * s), int(186 * s), int(y * s))
    p.end()
    return image


def main() -> None:
    app = QGuiApplication(sys.argv)  # noqa: F841 - fonts need an application
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "ogi.png"))
    draw(48).save(str(ICONS / "ogi-48.png"))
    draw(256).save(str(ICONS / "ogi.ico"))  # Qt's ico writer
    print("written", *sorted(p.name for p in ICONS.iterdir()))


if __name__ == "__main__":
    main()
