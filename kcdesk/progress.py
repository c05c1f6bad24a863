"""Progress reporting and cancellation for long headless jobs (reports, imports, exports).

The one progress type of the program: imports, exports, reports and sync cycles all take
a `Progress` and call `step()` now and then; the caller (the CLI, or a window's worker
thread) gives it a callback to show how far the job is and may cancel it from another
thread. Cancelling raises `Cancelled` (kcdesk.sync.errors, re-exported here) at the job's
next step: an import or a report stops before anything is committed (nothing written, no
file), a sync cycle where what it finished is kept.

`what` says what is being done: words for people in reports and imports, a stage code in
a sync cycle ('push', 'pull:48', 'snapshot:48', 'file:ab12cd34') that the window puts
into words (kcdesk.ui.logic.sync_schedule.stage_text).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kcdesk.sync.errors import Cancelled

__all__ = ["Cancelled", "Progress", "ProgressCallback", "ensure"]

ProgressCallback = Callable[[int, int, str], None]  # done, total (0: unknown), what is being done


class Progress:
    def __init__(self, callback: ProgressCallback | None = None, cancel_event: threading.Event | None = None) -> None:
        self._callback = callback
        self._cancel = cancel_event or threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop; safe to call from any thread."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """The event `cancel` sets, for work that waits on it (a retry's pause ends at once
        when the person cancels)."""
        return self._cancel

    def step(self, done: int, total: int = 0, what: str = "") -> None:
        """Report progress; raise Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        if self._callback is not None:
            self._callback(done, total, what)

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop; report nothing."""
        if self._cancel.is_set():
            raise Cancelled()


def ensure(progress: Progress | None) -> Progress:
    return progress if progress is not None else Progress()
