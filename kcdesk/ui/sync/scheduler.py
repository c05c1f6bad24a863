"""The window's sync scheduler: one cycle at a time, off the GUI thread.

Cycles start from a timer (kcdesk.ui.logic.sync_schedule decides when, with jitter and
backoff), from regained connectivity (while the server cannot be reached only its port is
probed; when it answers a cycle starts at once) and from "Đồng bộ ngay" (button, F9).
The cycle is SyncService.run_cycle on a pool worker; its progress comes back as
`progressed` on the GUI thread, its end as `finished` or `failed`, and the views refresh
through runner.changed like after any write.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kcdesk.progress import Progress
from kcdesk.sync.errors import Reaction, reaction_of
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.sync_schedule import SyncSchedule, stage_text
from kcdesk.ui.operations.runner import Job
from kcdesk.ui.sync.status import sync_service

log = logging.getLogger(__name__)
# What a cycle may have changed, for runner.changed (pages refresh what they show).
SYNCED_VIEWS = frozenset(
    {"facility", "proposal", "acceptance", "survey", "attachment", "budget_line", "disbursement", "sync_state"}
)


class SyncScheduler(QObject):
    started = Signal()
    progressed = Signal(str)  # what the cycle is doing, in words
    finished = Signal(object)  # CycleReport
    failed = Signal(object)  # the error (a SyncError, or Cancelled)
    refused = Signal(object)  # a cycle the person asked for failed: the window says why
    running_changed = Signal(bool)

    def __init__(self, ctx: AppContext, schedule: SyncSchedule | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        settings = ctx.settings
        self.schedule = schedule or SyncSchedule(
            interval=float(settings.get("sync_interval_s")), first_delay=float(settings.get("sync_first_delay_s"))
        )
        self.job: Job | None = None
        self.manual = False  # the running cycle was asked for (button, F9), not timed
        self.last_error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)

    @property
    def running(self) -> bool:
        return self.job is not None and not self.job.done

    @property
    def next_in_ms(self) -> int | None:
        return self._timer.remainingTime() if self._timer.isActive() else None

    def start(self) -> None:
        """Arm the timer for the first automatic cycle (the window calls this once it is shown)."""
        if self.ctx.settings.get("auto_sync"):
            self._arm(self.schedule.first())

    def stop(self) -> None:
        self._timer.stop()
        if self.job is not None and not self.job.done:
            self.job.cancel()

    # -- cycles ---------------------------------------------------------------------------

    def sync_now(self, *, show_progress: bool = True) -> Job:
        """Start a cycle, or return the one already running (one at a time)."""
        if self.running:
            assert self.job is not None
            return self.job
        self._timer.stop()
        self.manual = show_progress
        ctx, lang = self.ctx, self.ctx.lang
        cancel = threading.Event()

        def cycle(progress: Progress) -> Any:
            def report(done: int, total: int, stage: str) -> None:  # on the worker
                progress.step(done, total, stage_text(stage, done, total, lang))

            # The client steps with stage codes; the job's panel shows them in words. Both
            # share `cancel`: the client stops at its next step, keeping what it finished.
            return sync_service(ctx).run_cycle(progress=Progress(report, cancel))

        self.job = self.ctx.runner.run(
            cycle,
            self._done,
            on_error=self._failed,
            label=self.tr("Đồng bộ với máy chủ"),
            show_progress=show_progress,
            cancel_event=cancel,
        )
        self.job.progressed.connect(lambda _d, _t, what: self.progressed.emit(what))
        self.started.emit()
        self.running_changed.emit(True)
        return self.job

    def tick(self) -> None:
        """What the timer does: nothing on a laptop without a server (read from the state
        tables, without loading the sync client); while the server could not be reached, a
        probe of its port first (a cycle follows at once when it answers); else a cycle."""
        if self.running:
            return
        ctx, knock = self.ctx, self.schedule.offline
        self.ctx.runner.run(
            lambda _p: _probe(ctx, knock),
            self._probed,
            label=self.tr("Kiểm tra kết nối máy chủ"),
            cancellable=False,
            show_progress=False,
        )

    def _probed(self, reachable: bool | None) -> None:
        if reachable is None:  # not enrolled (any more): nothing to do until the person enrols
            return
        if reachable:
            if self.schedule.offline:
                log.info("server reachable again: syncing")
            self.sync_now(show_progress=False)
        else:
            delay = self.schedule.after_error(Reaction.BACK_OFF)  # as after a cycle that found no server
            if delay is not None:
                self._arm(delay)

    def _done(self, report: Any) -> None:
        self.last_error = None
        self.running_changed.emit(False)
        delay = self.schedule.after_success()
        if self.ctx.settings.get("auto_sync"):
            self._arm(delay)
        self.finished.emit(report)
        self.ctx.runner.changed.emit(SYNCED_VIEWS)

    def _failed(self, error: BaseException) -> None:
        self.last_error = error
        self.running_changed.emit(False)
        reaction = reaction_of(error)
        delay = self.schedule.after_error(reaction)
        if delay is not None and self.ctx.settings.get("auto_sync"):
            self._arm(delay)
        self.failed.emit(error)
        if self.manual and reaction is not Reaction.RESUME:
            self.refused.emit(error)  # timed cycles fail quietly: the status bar says it
        self.ctx.runner.changed.emit(frozenset({"sync_state"}))

    def _arm(self, seconds: float) -> None:
        self._timer.start(max(0, int(seconds * 1000)))


def _probe(ctx: AppContext, knock: bool) -> bool | None:
    """On a worker: None when there is no server to reach; else whether its port answers
    (when `knock`), or True."""
    # The frame is painted before SQLAlchemy is imported (kcdesk.ui.app.start_main_window).
    from kcdesk.services.sync_facts import server_reachable
    from kcdesk.sync import state

    with ctx.store.read() as s:
        url, device = state.get(s, state.SERVER_URL), state.get(s, state.DEVICE_ID)
    if not (url and device):
        return None
    return server_reachable(url) if knock else True
