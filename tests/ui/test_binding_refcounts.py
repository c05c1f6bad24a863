"""The Qt binding must not leak references of None/True/False.

PySide6 6.12.0 on Python 3.11 returns None from every void method and True from every
signal emit without taking a reference: each call drops one, and a long session (scrolling
the register repaints thousands of times) ends in "none_dealloc: deallocating None". The
gui extra excludes it; this test fails on any binding that does it again.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    value = Signal(object)


def _drift(call, n: int = 300) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    before = (sys.getrefcount(None), sys.getrefcount(True))
    for _ in range(n):
        call()
    return sys.getrefcount(None) - before[0], sys.getrefcount(True) - before[1]


def test_void_calls_and_emits_keep_their_references(gui_app) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("kcdesk")
    emitter = _Emitter()
    emitter.value.connect(lambda _v: None)
    for name, call in (
        ("setText", lambda: label.setText("x")),
        ("update", label.update),
        ("emit", lambda: emitter.value.emit(1)),
    ):
        none_drift, true_drift = _drift(call)
        assert none_drift > -50 and true_drift > -50, (name, none_drift, true_drift)
