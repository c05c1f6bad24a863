"""Progress of slow work, in the status bar: what is running, how far, and Hủy where it can stop.

Shown only when a job outlives the runner's delay (600 ms), hidden when the last one ends.
It is built once with the window and never opens a window of its own. A progress *dialog*
did, and the first window shown while a worker thread holds the GIL stalled the event loop
for 150-450 ms on a two-core laptop (bench/bench_gui.py, 20,000-row write): every widget of
the main window handles activation and blocking events it had never seen, each one a trip
into Python. The panel keeps that stall at the ordinary 30-45 ms, and the window stays usable:
other work waits its turn on the single writer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from kcdesk.ui.operations.runner import Job


class JobProgressPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jobProgress")
        self.jobs: list[Job] = []  # shown, oldest first; the newest is on display
        self.label = QLabel()
        self.label.setObjectName("jobProgressLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("jobProgressBar")
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(16)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("cancelJobButton")
        self.cancel_button.setText(QCoreApplication.translate("JobProgressPanel", "Hủy"))
        self.cancel_button.setToolTip(QCoreApplication.translate("JobProgressPanel", "Dừng việc đang chạy"))
        self.cancel_button.clicked.connect(self._cancel_current)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.setAccessibleName(QCoreApplication.translate("JobProgressPanel", "Tiến độ công việc"))
        self.hide()

    @property
    def current(self) -> Job | None:
        return self.jobs[-1] if self.jobs else None

    def track(self, job: Job) -> None:
        """Show `job` (the runner's progress_wanted) until it finishes, fails or is cancelled."""
        if job.done or job in self.jobs:
            return
        self.jobs.append(job)
        job.progressed.connect(lambda done, total, what, job=job: self._step(job, done, total, what))
        job.finished.connect(lambda _result, job=job: self._drop(job))
        job.failed.connect(lambda _error, job=job: self._drop(job))
        self._display(job)

    def labels(self) -> list[str]:
        """What is still running, for the question asked when the window is closed."""
        return [self._label_of(job) for job in self.jobs if not job.done]

    # -- internals ----------------------------------------------------------------------

    def _display(self, job: Job) -> None:
        self.label.setText(self._label_of(job))
        self.bar.setRange(0, 0)  # busy until the job says how far it is
        self.cancel_button.setVisible(job.cancellable)
        self.cancel_button.setEnabled(not job.cancel_event.is_set())
        self.show()

    def _step(self, job: Job, done: int, total: int, what: str) -> None:
        if job is not self.current:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        self.label.setText(what or self._label_of(job))

    def _drop(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if self.current is not None:
            self._display(self.current)
        else:
            self.hide()

    def _cancel_current(self) -> None:
        job = self.current
        if job is not None and job.cancellable:
            job.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(QCoreApplication.translate("JobProgressPanel", "Đang dừng…"))

    @staticmethod
    def _label_of(job: Job) -> str:
        return job.label or QCoreApplication.translate("JobProgressPanel", "Đang xử lý…")
