"""A record's sync badge in its editor: chờ gửi, đang gửi, đã đồng bộ, bị từ chối, xung đột.

Read off the GUI thread from the sync state tables (kcdesk.services.sync_facts), again
after every write and whenever a cycle starts or ends."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.sync_schedule import BADGE_SEVERITY, BADGE_TEXT, shown_badge


def read_badge(ctx: AppContext, table: str, row_id: str) -> tuple[str, bool]:
    """(badge, enrolled) of one record, on a worker."""
    from kcdesk.services.sync_facts import record_badge
    from kcdesk.sync import state

    with ctx.store.read() as s:
        enrolled = bool(state.get(s, state.DEVICE_ID) and state.get(s, state.SERVER_URL))
        return record_badge(s, table, row_id), enrolled


class SyncBadge(QLabel):
    def __init__(self, ctx: AppContext, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.row_id: str | None = None
        self.state = ""
        self.setObjectName("syncBadge")
        self.setAccessibleName(self.tr("Trạng thái đồng bộ của hồ sơ"))
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)  # a pill, not a column
        self.hide()
        ctx.runner.changed.connect(self._changed)
        ctx.scheduler.running_changed.connect(self._running_changed)

    def set_record(self, row_id: str | None) -> None:
        self.row_id = row_id
        self.refresh()

    def _running_changed(self, _running: bool) -> None:
        self.refresh()

    def _changed(self, tables: frozenset[str]) -> None:
        if self.table in tables or "sync_state" in tables:
            self.refresh()

    def refresh(self) -> None:
        if self.row_id is None:
            self.hide()
            return
        ctx, table, row_id = self.ctx, self.table, self.row_id
        ctx.runner.run(
            lambda _p: read_badge(ctx, table, row_id),
            self._show,
            label=self.tr("Đọc trạng thái đồng bộ"),
            cancellable=False,
            show_progress=False,
        )

    def _show(self, result: tuple[str, bool]) -> None:
        if not shiboken6.isValid(self):  # the editor closed while the badge was being read
            return
        badge, enrolled = result
        running = self.ctx.scheduler.running
        self.state = shown_badge(badge, running=running, enrolled=enrolled)
        self.setText(vocab(BADGE_TEXT.get(self.state, self.state)))
        self.setProperty("severity", BADGE_SEVERITY.get(self.state, "status"))
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
