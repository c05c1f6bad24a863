"""Đồng bộ: how this device stands with the server, and "Đồng bộ ngay".

This page reads kcdesk.sync.service.SyncService; the full sync GUI (scheduler, conflicts
inbox, refused changes, per-record badges) is part of the sync issue and takes this
page's place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from kcdesk.domain.vnformat import group
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.status_text import _when
from kcdesk.ui.sync.status import sync_service


class SyncPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncPage")
        title = QLabel(self.tr("Đồng bộ với máy chủ"))
        title.setObjectName("pageTitle")
        self.values: dict[str, QLabel] = {}
        box = QGroupBox(self.tr("Tình trạng"))
        form = QFormLayout(box)
        for key, label in (
            ("server", self.tr("Máy chủ")),
            ("pending", self.tr("Thay đổi chờ gửi")),
            ("last_success", self.tr("Đồng bộ thành công lần cuối")),
            ("dead", self.tr("Thay đổi bị từ chối")),
            ("conflicts", self.tr("Xung đột chưa xử lý")),
            ("error", self.tr("Lỗi gần nhất")),
        ):
            value = QLabel("–")
            value.setObjectName(f"sync_{key}")
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(label, value)
        self.sync_button = QPushButton(self.tr("Đồng bộ ngay"))
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setProperty("primary", True)
        self.sync_button.clicked.connect(self.sync_now)
        note = QLabel(
            self.tr(
                "Máy chưa đăng ký với máy chủ thì làm việc ngoại tuyến; mọi thay đổi được giữ lại và gửi đi "
                "khi đăng ký (lệnh: kcdesk enroll). Dữ liệu mẫu không bao giờ được đồng bộ."
            )
        )
        note.setObjectName("sectionNote")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(box)
        layout.addWidget(self.sync_button)
        layout.addWidget(note)
        layout.addStretch(1)
        ctx.runner.changed.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        ctx.runner.run(
            lambda _p: sync_service(ctx).status(),
            self._show,
            label=self.tr("Đọc trạng thái đồng bộ"),
            cancellable=False,
            show_progress=False,
        )

    def _show(self, st: Any) -> None:
        self.values["server"].setText(st.server_url or self.tr("chưa đăng ký máy chủ"))
        self.values["pending"].setText(group(st.pending))
        self.values["last_success"].setText(_when(st.last_success) or self.tr("chưa đồng bộ"))
        self.values["dead"].setText(group(st.dead_letters))
        self.values["conflicts"].setText(group(st.open_conflicts))
        self.values["error"].setText(st.last_error or "–")
        self.sync_button.setEnabled(st.enrolled and not st.running)

    def sync_now(self) -> Any:
        ctx = self.ctx
        self.sync_button.setEnabled(False)
        return ctx.runner.run(
            lambda progress: sync_service(ctx).run_cycle(cancel=progress._cancel),
            lambda _r: self.refresh(),
            on_error=lambda _e: self.refresh(),
            label=self.tr("Đồng bộ"),
            changes={"facility", "proposal", "acceptance", "survey"},
        )
