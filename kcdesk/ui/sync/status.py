"""The status bar's sync sentence (objectName syncStatus), refreshed off the GUI thread
after every write and every minute."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.status_text import sync_sentence

REFRESH_MS = 60_000


def sync_service(ctx: AppContext) -> Any:
    """The window's one SyncService (AppContext.sync_service: made on first use)."""
    return ctx.sync_service()


def read_status(ctx: AppContext) -> dict[str, Any]:
    """The facts behind the sentence: this laptop's (kcdesk.services.sync_facts.local_status,
    read without importing the sync client: httpx, pydantic, ~0.3 s at start-up), and whether
    the server answered, from the SyncService once a cycle has run in this window."""
    from kcdesk.services.sync_facts import local_status

    with ctx.store.read() as s:
        facts = local_status(s, ctx.lang)
    service = ctx.sync_service_if_made()
    return {"online": service.status().online if service is not None else None, **facts}


class SyncStatusLabel(QLabel):
    refreshed = Signal(dict)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("syncStatus")
        self.setAccessibleName(self.tr("Trạng thái đồng bộ"))
        self.facts: dict[str, Any] = {}
        self._progress = ""
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        ctx.runner.changed.connect(lambda _tables: self.refresh())
        self.setText(self.tr("Đang đọc trạng thái đồng bộ…"))
        self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        ctx.runner.run(
            lambda _p: read_status(ctx),
            self._show,
            label=self.tr("Đọc trạng thái đồng bộ"),
            cancellable=False,
            show_progress=False,
        )

    def _show(self, facts: dict[str, Any]) -> None:
        self.facts = facts
        self._render()
        self.refreshed.emit(facts)

    def show_progress(self, what: str) -> None:
        """While a cycle runs: what it is doing, in place of the last error."""
        self._progress = what
        self._render()

    def _render(self) -> None:
        if not self.facts:
            return
        running = self.ctx.scheduler.running
        text = sync_sentence(lang=self.ctx.lang, running=running, **self.facts)
        if running and self._progress:
            text += " · " + self._progress
        self.setText(text)
        self.setToolTip(self.facts.get("last_error") or "")
