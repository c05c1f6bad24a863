"""Small round icons for a record's sync state in tables (drawn once, then cached)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

COLOURS = {
    "pending": "#d08a00",
    "uploading": "#d08a00",
    "error": "#c0262d",
    "conflict": "#c0262d",
    "out_of_scope": "#5b6b7f",
    "parked": "#5b6b7f",
    "synced": "#2f8a4a",
}


@cache
def badge_icon(state: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS.get(state, "#5b6b7f")))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)
