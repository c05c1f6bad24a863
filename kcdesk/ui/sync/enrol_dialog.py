"""Đăng ký máy với máy chủ: the server's address and the one-time code the administrator
gave (kcdesk-server enroll). The enrolment itself is the core's (SyncService.enrol, on a
worker); whatever it refuses (demo data, a used code, an untrusted certificate) is shown
in the core's own words, and nothing changes locally."""

from __future__ import annotations

import platform
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kcdesk.errors import KcError
from kcdesk.ui.context import AppContext


class EnrolDialog(QDialog):
    enrolled = Signal(str)  # device id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Đăng ký máy với máy chủ đồng bộ"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Nhập địa chỉ máy chủ và mã đăng ký dùng một lần do quản trị viên cấp. Sau khi đăng ký, máy này "
                "làm việc dưới tên người được ghi trong mã, và các thay đổi được đồng bộ tự động."
            )
        )
        intro.setWordWrap(True)
        self.url = QLineEdit()
        self.url.setObjectName("serverUrl")
        self.url.setPlaceholderText("https://dongbo.khuyencong.vn")
        self.code = QLineEdit()
        self.code.setObjectName("enrolCode")
        self.code.setPlaceholderText("7HQ2M-X4K9P")
        self.name = QLineEdit(platform.node())
        self.name.setObjectName("deviceName")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Địa chỉ máy chủ"), self.url)
        form.addRow(self.tr("Mã đăng ký"), self.code)
        form.addRow(self.tr("Tên máy"), self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Đăng ký"))
        self.ok.setObjectName("enrolButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.enrol)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def enrol(self) -> Any:
        url, code = self.url.text().strip().rstrip("/"), self.code.text().strip()
        if not url.startswith(("http://", "https://")):
            self.error.setText(self.tr("Địa chỉ máy chủ phải bắt đầu bằng https:// (hoặc http:// trong mạng nội bộ)."))
            return None
        if not code:
            self.error.setText(self.tr("Hãy nhập mã đăng ký."))
            return None
        self.error.setText(self.tr("Đang đăng ký…"))
        self.ok.setEnabled(False)
        ctx, name = self.ctx, self.name.text().strip()
        return ctx.runner.run(
            lambda _p: ctx.sync_service().enrol(url, code, name),
            self._done,
            on_error=self._failed,
            label=self.tr("Đăng ký với máy chủ"),
            cancellable=False,
            changes={"sync_state", "app_user"},
        )

    def _done(self, device_id: str) -> None:
        self.ctx.store.reload_identity()
        self.enrolled.emit(device_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(error, KcError):
            self.error.setText(error.text(self.ctx.lang))
        else:
            raise error
