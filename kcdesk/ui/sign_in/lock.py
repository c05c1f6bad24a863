"""The window lock: after an idle time (setting idle_lock_minutes) and when the Windows
session locks (Win+L), every window of kcdesk is covered and the signed-in person's password
is asked again.

Nothing is closed or hidden: a cover is a child widget laid over each visible window (the
main window, the editors, their open forms), so whatever was typed in an editor stays in its
fields, unseen and untouchable, until the password is given. Each cover has the password
field, so the one the person can reach (an application-modal box included) unlocks all.

Win+L: on Windows the main window registers for session notifications
(WTSRegisterSessionNotification) and a native event filter watches for
WM_WTSSESSION_CHANGE / WTS_SESSION_LOCK. Linux and macOS give no portable signal for the
screen lock: there the idle lock and User → Lock window (Ctrl+L) apply (docs/privacy.md).
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kcdesk.errors import KcError
from kcdesk.i18n import language
from kcdesk.services import sign_in
from kcdesk.ui.context import AppContext
from kcdesk.ui.sign_in.dialogs import password_field

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
NOTIFY_FOR_THIS_SESSION = 0
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def _t(text: str) -> str:
    return QCoreApplication.translate("WindowLock", text)


def is_session_lock(message: int, wparam: int) -> bool:
    """A Windows message that says the session was locked (Win+L, the lid, the screensaver)."""
    return message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK


class _Msg(ctypes.Structure):  # Windows' MSG, as the native event filter receives it
    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
    ]


class SessionLockFilter(QAbstractNativeEventFilter):
    """Windows only: calls `on_lock` when the session locks."""

    def __init__(self, on_lock: Any) -> None:
        super().__init__()
        self.on_lock = on_lock

    def nativeEventFilter(self, event_type: QByteArray | bytes | bytearray | memoryview, message: int) -> Any:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == b"windows_generic_MSG":
            msg = _Msg.from_address(int(message))
            if is_session_lock(msg.message, msg.wParam):
                self.on_lock()
        return False, 0


def listen_for_session_lock(window: QWidget, on_lock: Any) -> SessionLockFilter | None:
    """Register `window` for session notifications and install the filter (Windows only)."""
    if sys.platform != "win32":
        return None
    try:
        wtsapi = getattr(ctypes, "windll").wtsapi32  # noqa: B009 (absent from ctypes off Windows)
        wtsapi.WTSRegisterSessionNotification(ctypes.c_void_p(int(window.winId())), NOTIFY_FOR_THIS_SESSION)
    except (AttributeError, OSError) as exc:  # an unusual Windows without WTS: the idle lock still applies
        log.warning("no session lock notifications: %s", exc)
        return None
    event_filter = SessionLockFilter(on_lock)
    app = QCoreApplication.instance()
    if app is not None:
        app.installNativeEventFilter(event_filter)
    return event_filter


class LockCover(QFrame):
    """Laid over one window while kcdesk is locked; asks the password."""

    def __init__(self, parent: QWidget, lock: WindowLock) -> None:
        super().__init__(parent)
        self.lock = lock
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QFrame#lockCover { background: #f3f4f6; }")
        title = QLabel(_t("kcdesk đã khóa"))
        title.setObjectName("pageTitle")
        who = lock.ctx.user
        note = QLabel(
            _t("Những gì đang sửa dở vẫn được giữ nguyên. Nhập mật khẩu của {name} để tiếp tục.").format(
                name=who.full_name if who else ""
            )
        )
        note.setWordWrap(True)
        self.password: QLineEdit = password_field("unlockPassword")
        self.password.returnPressed.connect(self.unlock)
        self.problem = QLabel()
        self.problem.setObjectName("unlockProblem")
        self.problem.setProperty("role", "fieldError")
        self.problem.setWordWrap(True)
        button = QPushButton(_t("Mở khóa"))
        button.setObjectName("unlockButton")
        button.setProperty("primary", True)
        button.clicked.connect(self.unlock)
        box = QWidget()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        for w in (title, note, self.password, self.problem, button):
            inner.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False

    def unlock(self) -> None:
        problem = self.lock.unlock(self.password.text())
        self.password.clear()
        if problem:
            self.problem.setText(problem)


class WindowLock(QObject):
    """Locks the window after `idle_lock_minutes` without keyboard or mouse, on demand, and
    on the Windows session lock; unlocks with the signed-in person's password."""

    locked_changed = Signal(bool)

    def __init__(self, ctx: AppContext, main_window: QWidget) -> None:
        super().__init__(main_window)
        self.ctx = ctx
        self.main_window = main_window
        self.covers: list[LockCover] = []
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.timeout.connect(self.lock)
        self.set_idle_minutes(int(ctx.settings.get("idle_lock_minutes")))
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.session_filter = listen_for_session_lock(main_window, self.lock)

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    @property
    def enabled(self) -> bool:
        """Only a store with passwords locks: without one there is nothing to ask."""
        return self.ctx.store.sign_in_required and self.ctx.store.signed_in_user_id is not None

    def set_idle_minutes(self, minutes: int) -> None:
        self.set_idle_ms(minutes * 60_000)

    def set_idle_ms(self, ms: int) -> None:
        self.idle.stop()
        self.idle.setInterval(ms)
        if ms > 0:
            self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.locked:
            # No shortcut reaches the covered windows (Ctrl+S in an editor, a menu's Alt key).
            return event.type() == QEvent.Type.Shortcut
        if event.type() in _ACTIVITY and self.idle.interval() > 0:
            self.idle.start()  # restarts the countdown
        return False

    def stop(self) -> None:
        """The window is closing: no more idle countdown, no more listening."""
        self.idle.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if self.session_filter is not None:
                app.removeNativeEventFilter(self.session_filter)

    def lock(self) -> None:
        if self.locked or not self.enabled or not self.main_window.isVisible():
            return
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        if self.main_window not in windows:
            windows.insert(0, self.main_window)
        self.covers = [LockCover(w, self) for w in windows]
        self.covers[0].password.setFocus()
        active = QApplication.activeModalWidget()
        for cover in self.covers:
            if cover.parent() is active:
                cover.password.setFocus()
        log.info("window locked")
        self.locked_changed.emit(True)

    def unlock(self, password: str) -> str:
        """Unlock with the signed-in person's password; '' or what to do."""
        try:
            sign_in.unlock(self.ctx.store, password)
        except KcError as exc:
            return exc.text(language())
        for cover in self.covers:
            parent = cover.parentWidget()
            if parent is not None:
                parent.removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self.covers = []
        if self.idle.interval() > 0:
            self.idle.start()
        log.info("window unlocked")
        self.locked_changed.emit(False)
        return ""
