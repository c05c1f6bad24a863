"""Errors the person sees. A refusal from the core (KcError) is a plain message in the
chosen language; anything else is a bug: the hook, installed before the QApplication,
logs the traceback and shows a dialog with "Sao chép thông tin lỗi" (copy the report)."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk import __version__
from kcdesk.errors import KcError
from kcdesk.i18n import language

log = logging.getLogger(__name__)


def debug_info(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    try:
        from PySide6 import __version__ as pyside_version
    except ImportError:  # pragma: no cover
        pyside_version = "?"
    lines = [
        f"kcdesk {__version__}",
        f"Python {platform.python_version()} · PySide6 {pyside_version} · {platform.platform()}",
        "",
        "".join(traceback.format_exception(etype, value, tb)),
    ]
    return "\n".join(lines)


class ErrorDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Lỗi không mong muốn"))
        self.report = report
        layout = QVBoxLayout(self)
        message = QLabel(
            self.tr(
                "kcdesk gặp một lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; thao tác "
                "vừa rồi có thể chưa hoàn tất.\nHãy sao chép thông tin lỗi và gửi cho bộ phận hỗ trợ."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        details = QPlainTextEdit(report)
        details.setReadOnly(True)
        details.setMinimumSize(560, 220)
        layout.addWidget(details)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(self.tr("Sao chép thông tin lỗi"))
        self.copy_button.setObjectName("copyErrorButton")
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Đã sao chép"))


_open_dialogs: list[ErrorDialog] = []


def _hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(etype, KeyboardInterrupt):
        sys.__excepthook__(etype, value, tb)
        return
    log.critical("unhandled exception", exc_info=(etype, value, tb))
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        sys.__excepthook__(etype, value, tb)
        return
    dialog = ErrorDialog(debug_info(etype, value, tb), QApplication.activeWindow())
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _: _open_dialogs.remove(dialog) if dialog in _open_dialogs else None)
    dialog.show()


def install_excepthook() -> None:
    """Install before the QApplication exists, so no start-up error is lost."""
    sys.excepthook = _hook


def show_refusal(parent: QWidget | None, error: KcError) -> QMessageBox:
    """A refusal the person can act on (invalid input, locked record, busy file), non-modal."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Không thực hiện được"),
        error.text(language()),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("refusalBox")
    box.addButton(QCoreApplication.translate("Errors", "Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def start_problem_box(error: KcError, lang: str | None = None) -> QMessageBox:
    """The data cannot be opened or created at start (folder not writable, disk full, file
    held by another program, a damaged file moved aside): the core's message, which names
    the folder and says what to do, in a dialog of its own before any window exists."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "kcdesk chưa mở được dữ liệu"),
        error.text(lang or language()),
        QMessageBox.StandardButton.NoButton,
    )
    box.setObjectName("startProblemBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # select and copy the path
    box.addButton(QCoreApplication.translate("Errors", "Đóng"), QMessageBox.ButtonRole.RejectRole)
    return box
