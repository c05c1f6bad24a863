"""Progress reporting and cancellation for long headless jobs (reports, imports, exports).

A job takes a `Progress` and calls `step()` now and then; the caller (the CLI, or a
window's worker thread) gives it a callback to show how far the job is and may cancel it
from another thread. Cancelling raises `Cancelled` at the job's next step, before anything
is committed, so a cancelled import writes nothing and a cancelled report leaves no file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kcdesk.errors import KcError

ProgressCallback = Callable[[int, int, str], None]  # done, total (0: unknown), what is being done


class Cancelled(KcError):
    """The user cancelled the job; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã hủy theo yêu cầu; không có gì được ghi.")


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

    def step(self, done: int, total: int = 0, what: str = "") -> None:
        """Report progress; raise Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        if self._callback is not None:
            self._callback(done, total, what)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


def ensure(progress: Progress | None) -> Progress:
    return progress if progress is not None else Progress()
