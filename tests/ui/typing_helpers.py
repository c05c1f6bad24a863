"""Typing Vietnamese into widgets the way a keyboard does.

QTest.keyClicks only knows ASCII (it aborts on 'ợ'), so each character goes as a real
key press and release carrying its text, which is what an input method delivers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        key = (
            ord(ch.upper())
            if ch.isascii() and ch.isalnum()
            else (Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown)
        )
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    QApplication.processEvents()


def retype(widget: QWidget, text: str) -> None:
    """Select what is there and type over it."""
    widget.setFocus()
    select_all = getattr(widget, "selectAll", None)
    if select_all:
        select_all()
    type_text(widget, text)
