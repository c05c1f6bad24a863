"""The delayed progress dialog: shown by the window when a job outlives 600 ms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from kcdesk.ui.operations.runner import Job


class JobProgressDialog(QProgressDialog):
    def __init__(self, job: Job, parent: QWidget) -> None:
        cancel = QCoreApplication.translate("JobProgressDialog", "Hủy") if job.cancellable else ""
        label = job.label or QCoreApplication.translate("JobProgressDialog", "Đang xử lý…")
        super().__init__(label, cancel, 0, 0, parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("Đang xử lý"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        if not job.cancellable:
            self.setCancelButton(None)
        self.canceled.connect(job.cancel)
        job.progressed.connect(self._step)
        job.finished.connect(self.close)
        job.failed.connect(self.close)
        self.finished.connect(self.deleteLater)

    def _step(self, done: int, total: int, what: str) -> None:
        self.setMaximum(max(total, 0))
        self.setValue(min(done, total) if total else 0)
        if what:
            self.setLabelText(what)
