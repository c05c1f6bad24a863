"""Đồng bộ: how this laptop stands with the server, "Đồng bộ ngay" (F9), the conflicts
inbox and the changes the server refused, and enrolment for a laptop that has no server
yet. The scheduler (kcdesk.ui.sync.scheduler) runs the cycles; this page shows them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain.vnformat import group
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.status_text import _when
from kcdesk.ui.sync.conflicts import ConflictsInbox
from kcdesk.ui.sync.dead_letters import DeadLetterList


class SyncPage(QWidget):
    open_requested = Signal(str, str)  # table, row id (a refused change's record)
    refreshed = Signal(object)  # SyncStatus

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scheduler = ctx.scheduler
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
            ("next", self.tr("Lần tự đồng bộ tới")),
            ("error", self.tr("Lỗi gần nhất")),
        ):
            value = QLabel("–")
            value.setObjectName(f"sync_{key}")
            value.setWordWrap(True)
            self.values[key] = value
            form.addRow(label, value)
        self.sync_button = QPushButton(self.tr("Đồng bộ ngay (F9)"))
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setProperty("primary", True)
        self.sync_button.clicked.connect(self.sync_now)
        self.enrol_button = QPushButton(self.tr("Đăng ký với máy chủ…"))
        self.enrol_button.setObjectName("enrolOpenButton")
        self.enrol_button.clicked.connect(self.open_enrolment)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        self.stage = QLabel()
        self.stage.setObjectName("sectionNote")
        self.note = QLabel(
            self.tr(
                "Máy chưa đăng ký với máy chủ thì làm việc ngoại tuyến; mọi thay đổi được giữ lại và gửi đi khi "
                "đăng ký. Dữ liệu mẫu không bao giờ được đồng bộ."
            )
        )
        self.note.setObjectName("sectionNote")
        self.note.setWordWrap(True)
        self.conflicts = ConflictsInbox(ctx)
        self.dead_letters = DeadLetterList(ctx)
        self.dead_letters.open_requested.connect(self.open_requested)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("syncTabs")
        self.tabs.addTab(self.conflicts, self.tr("Xung đột cần xử lý"))
        self.tabs.addTab(self.dead_letters, self.tr("Thay đổi bị từ chối"))
        self.conflicts.loaded.connect(lambda n: self._count_tab(0, self.tr("Xung đột cần xử lý"), n))
        self.dead_letters.loaded.connect(lambda n: self._count_tab(1, self.tr("Thay đổi bị từ chối"), n))

        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.stage, 1)
        top = QHBoxLayout()
        box.setMaximumWidth(720)
        top.addWidget(box, 0, Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.tabs, 1)
        self.scheduler.started.connect(self._started)
        self.scheduler.progressed.connect(self._progressed)
        self.scheduler.running_changed.connect(lambda running: None if running else self._stopped())
        ctx.runner.changed.connect(lambda _t: self.refresh())
        self.refresh()

    def new_record(self) -> None:
        """This page has no record of its own to start (kcdesk.ui.page.Page)."""

    def refresh(self) -> None:
        ctx = self.ctx
        ctx.runner.run(
            lambda _p: ctx.sync_service().status(),
            self._show,
            label=self.tr("Đọc trạng thái đồng bộ"),
            cancellable=False,
            show_progress=False,
        )
        self.conflicts.refresh()
        self.dead_letters.refresh()

    def _show(self, st: Any) -> None:
        self.values["server"].setText(st.server_url or self.tr("chưa đăng ký máy chủ"))
        self.values["pending"].setText(group(st.pending))
        self.values["last_success"].setText(_when(st.last_success) or self.tr("chưa đồng bộ"))
        if st.revoked:
            error = self.tr("Máy này đã bị thu hồi quyền đồng bộ; các thay đổi vẫn được giữ trên máy.")
        else:
            error = st.last_error or "–"
        self.values["error"].setText(error)
        remaining = self.scheduler.next_in_ms
        if not st.enrolled or not self.ctx.settings.get("auto_sync"):
            self.values["next"].setText(self.tr("không tự đồng bộ"))
        elif remaining is None:
            self.values["next"].setText(self.tr("khi bấm Đồng bộ ngay") if not self.scheduler.running else "…")
        else:
            self.values["next"].setText(self.tr("sau khoảng {min} phút").format(min=max(1, round(remaining / 60000))))
        self.sync_button.setEnabled(st.enrolled and not self.scheduler.running)
        self.enrol_button.setVisible(not st.enrolled)
        self.note.setVisible(not st.enrolled)
        self.refreshed.emit(st)

    def _count_tab(self, index: int, title: str, n: int) -> None:
        self.tabs.setTabText(index, f"{title} ({group(n)})" if n else title)

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.stage.setText(self.tr("Đang đồng bộ…"))

    def _progressed(self, what: str) -> None:
        self.stage.setText(what)

    def _stopped(self) -> None:
        self.progress.hide()
        error = self.scheduler.last_error
        if error is None:
            self.stage.setText(self.tr("Đồng bộ xong."))
        else:
            text = error.text(self.ctx.lang) if hasattr(error, "text") else str(error)
            self.stage.setText(self.tr("Chưa đồng bộ được: {reason}").format(reason=text))
        self.refresh()

    def sync_now(self) -> Any:
        return self.scheduler.sync_now()

    def open_enrolment(self) -> Any:
        from kcdesk.services.users import current_user_row
        from kcdesk.ui.sync.enrol_dialog import EnrolDialog

        dialog = EnrolDialog(self.ctx, self)
        dialog.enrolled.connect(
            lambda _d: self.ctx.runner.read(current_user_row, lambda u: self.ctx.set_user(u) if u else None)
        )
        dialog.enrolled.connect(lambda _d: self.scheduler.start())
        dialog.open()
        return dialog
