"""The runner behind every operation (see the package docstring)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from kcdesk.errors import KcError
from kcdesk.progress import Cancelled, Progress
from kcdesk.ui.gui_thread_collector import collect_on_gui_thread_only

if TYPE_CHECKING:  # the window's frame is painted before SQLAlchemy is imported (kcdesk.ui.app.start_main_window)
    from kcdesk.db.store import Store

log = logging.getLogger(__name__)
PROGRESS_DELAY_MS = 600


class Job(QObject):
    """One running operation. `finished(result)` or `failed(exception)` fires exactly once,
    on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)  # done, total (0: unknown), what

    def __init__(self, label: str, cancellable: bool, cancel_event: threading.Event | None = None) -> None:
        # No Qt parent: the job lives while someone (the runner, a caller, a test) holds it.
        super().__init__()
        self.label = label
        self.cancellable = cancellable
        self.cancel_event = cancel_event or threading.Event()
        self.progress = Progress(self._report, self.cancel_event)
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._relay: _Relay | None = None

    def _report(self, done: int, total: int, what: str) -> None:  # any thread
        if self._relay is not None:
            self._relay.step.emit(self, done, total, what)

    def cancel(self) -> None:
        self.cancel_event.set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from workers are queued to it."""

    deliver = Signal(object, object, object)  # job, result, error
    step = Signal(object, int, int, str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], job: Job, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.job, self.relay = fn, job, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.relay.deliver.emit(self.job, None, exc)
        else:
            self.relay.deliver.emit(self.job, result, None)


class Runner(QObject):
    changed = Signal(object)  # frozenset of table names a write touched
    error = Signal(object, object)  # job, KcError the caller did not handle (the window shows it)
    progress_wanted = Signal(object)  # job still running after PROGRESS_DELAY_MS: show its progress

    def __init__(
        self, store: Store, parent: QObject | None = None, *, progress_delay_ms: int = PROGRESS_DELAY_MS
    ) -> None:
        super().__init__(parent)
        collect_on_gui_thread_only()  # its workers must never run Python's collector (see there)
        self.store = store
        self.progress_delay_ms = progress_delay_ms
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(3)
        self._relay = _Relay(self)
        self._relay.deliver.connect(self._deliver)
        self._relay.step.connect(lambda job, d, t, w: job.progressed.emit(d, t, w))
        self._active: dict[
            Job, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None, frozenset[str]]
        ] = {}

    # -- starting jobs ---------------------------------------------------------------

    def read(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        label: str = "",
        on_error: Callable[[BaseException], None] | None = None,
        show_progress: bool = False,
    ) -> Job:
        """fn(session) on a worker thread with its own read session."""

        def work() -> Any:
            with self.store.read() as session:
                return fn(session)

        return self._start_pool(work, label, on_done, on_error, frozenset(), show_progress, cancellable=False)

    def write(
        self,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        changes: Iterable[str] = (),
        label: str = "",
        on_error: Callable[[BaseException], None] | None = None,
        show_progress: bool = True,
        **context: Any,
    ) -> Job:
        """fn(session) in one transaction on the store's single writer thread."""
        job = self._register(label, on_done, on_error, frozenset(changes), cancellable=False)
        future: Future[Any] = self.store.submit_write(fn, **context)
        future.add_done_callback(lambda f: self._relay.deliver.emit(job, *_outcome(f)))
        self._arm_progress(job, show_progress)
        return job

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        *,
        label: str = "",
        on_error: Callable[[BaseException], None] | None = None,
        changes: Iterable[str] = (),
        cancellable: bool = True,
        show_progress: bool = True,
        cancel_event: threading.Event | None = None,
    ) -> Job:
        """fn(progress) on a worker thread: reports, imports, sync. It reads through its
        own sessions and writes only through store.write (the single writer). Give
        `cancel_event` when the work takes a threading.Event of its own (the sync client):
        Cancel sets it."""
        holder: list[Job] = []
        return self._start_pool(
            lambda: fn(holder[0].progress),
            label,
            on_done,
            on_error,
            frozenset(changes),
            show_progress,
            cancellable,
            holder,
            cancel_event,
        )

    def _start_pool(
        self,
        work: Callable[[], Any],
        label: str,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        changes: frozenset[str],
        show_progress: bool,
        cancellable: bool,
        holder: list[Job] | None = None,
        cancel_event: threading.Event | None = None,
    ) -> Job:
        job = self._register(label, on_done, on_error, changes, cancellable, cancel_event)
        if holder is not None:
            holder.append(job)
        self.pool.start(_Task(work, job, self._relay))
        self._arm_progress(job, show_progress)
        return job

    def _register(
        self,
        label: str,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        changes: frozenset[str],
        cancellable: bool,
        cancel_event: threading.Event | None = None,
    ) -> Job:
        job = Job(label, cancellable, cancel_event)
        job._relay = self._relay
        self._active[job] = (on_done, on_error, changes)
        return job

    def _arm_progress(self, job: Job, show_progress: bool) -> None:
        if show_progress:
            QTimer.singleShot(
                self.progress_delay_ms, self, lambda: None if job.done else self.progress_wanted.emit(job)
            )

    # -- results, on the GUI thread ------------------------------------------------------

    def _deliver(self, job: Job, result: Any, error: BaseException | None) -> None:
        on_done, on_error, changes = self._active.pop(job, (None, None, frozenset()))
        job.done, job.result, job.error = True, result, error
        if error is None:
            if on_done is not None:
                on_done(result)
            job.finished.emit(result)
            if changes:
                self.changed.emit(changes)
        else:
            self._fail(job, error, on_error)

    def _fail(self, job: Job, error: BaseException, on_error: Callable[[BaseException], None] | None) -> None:
        if isinstance(error, Cancelled):
            log.info("cancelled: %s", job.label)
        elif isinstance(error, KcError):
            log.info("refused: %s: %s", job.label, error.text("vi"))
        else:
            log.error("operation failed: %s", job.label, exc_info=(type(error), error, error.__traceback__))
        if on_error is not None:
            on_error(error)
        job.failed.emit(error)
        if on_error is None:
            if isinstance(error, Cancelled):
                pass  # the person asked for it: no box to tell them so
            elif isinstance(error, KcError):
                self.error.emit(job, error)
            else:
                # A bug, not a refusal: the exception hook logs it and shows the report dialog
                # (under pytest-qt it fails the test).
                sys.excepthook(type(error), error, error.__traceback__)

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def shutdown(self) -> None:
        self.pool.waitForDone(10_000)


def _outcome(future: Future[Any]) -> tuple[Any, BaseException | None]:
    error = future.exception()
    return (None, error) if error is not None else (future.result(), None)
