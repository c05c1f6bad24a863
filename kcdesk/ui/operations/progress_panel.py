"""Progress of slow work, in the status bar: what is running, how far, and Hủy where it can stop.

Shown only when a job outlives the runner's delay (600 ms), hidden when the last one ends.
Built once with the window, it takes its room in the status bar from the start and never
opens a window of its own, so appearing and changing its text never relayout the window.
That matters while a worker holds the GIL: a progress dialog, or a panel that resized the
status bar, made the register beside it repaint, about a thousand calls into the Python
model that each waited for the GIL, and stalled the event loop 150-450 ms in a 20,000-row
write on two cores (bench/bench_gui.py); with this panel the longest stall is 15-50 ms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QToolButton, QWidget

from kcdesk.ui.operations.runner import Job

LABEL_WIDTH = 240  # px; longer text is elided, the whole of it in the tooltip


def _retained(policy: QSizePolicy) -> QSizePolicy:
    policy.setRetainSizeWhenHidden(True)
    return policy


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
        # Appearing, disappearing or changing its text never changes the status bar's layout:
        # a relayout repaints the register beside it, a thousand calls into Python that each
        # wait for a worker holding the GIL (measured: 200-450 ms stalls during a write).
        self.label.setFixedWidth(LABEL_WIDTH)
        self.cancel_button.setFixedWidth(self.cancel_button.sizeHint().width())
        self.setSizePolicy(_retained(self.sizePolicy()))
        self.cancel_button.setSizePolicy(_retained(self.cancel_button.sizePolicy()))
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
        return [self._label_of(job) for job in self.jobs]

    # -- internals ----------------------------------------------------------------------

    def _display(self, job: Job) -> None:
        self._set_text(self._label_of(job))
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
        self._set_text(what or self._label_of(job))

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
            self._set_text(QCoreApplication.translate("JobProgressPanel", "Đang dừng…"))

    def _set_text(self, text: str) -> None:
        metrics = self.label.fontMetrics()
        self.label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 6))
        self.label.setToolTip(text)

    @staticmethod
    def _label_of(job: Job) -> str:
        return job.label or QCoreApplication.translate("JobProgressPanel", "Đang xử lý…")
