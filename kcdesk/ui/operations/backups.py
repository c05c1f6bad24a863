"""Backups from the window: the daily copy at start and "Khôi phục từ bản sao lưu…".

Daily: kcdesk.db.daily_backup on a worker once the window is up (a large file takes a
second or two); a failure (disk full, folder not writable) is said in the status bar in the
core's words and work goes on, since the database itself is fine.

Restore (kcdesk.db.maintenance.restore, which checks the backup and copies the current
data into the backups folder first): after the person picks a backup and confirms, the
editors are closed, running work is let finish, the store is closed, the backup is
restored on a worker, and the composition root (kcdesk.ui.composition.reopen_context)
builds a new context over the same file: the window rebuilds its pages over it, so every
view reads the restored data and nothing keeps the closed store. If the restore is refused
(a damaged or newer backup), the current data is opened again the same way, unchanged, and
the reason is shown.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kcdesk.errors import KcError
from kcdesk.ui.context import AppContext

log = logging.getLogger(__name__)
# Every table a view shows: after a restore, all of them changed.
ALL_VIEWS = frozenset(
    {
        "facility",
        "proposal",
        "acceptance",
        "survey",
        "attachment",
        "budget_line",
        "disbursement",
        "sync_state",
        "proposal_beneficiary",
        "app_user",
    }
)


def start_daily_backup(ctx: AppContext, on_done: Any, on_error: Any) -> Any:
    """The day's automatic copy, off the GUI thread; on_done(Path | None), on_error(KcError)."""
    from kcdesk.db.daily_backup import daily_backup

    path = ctx.store.path
    return ctx.runner.run(
        lambda _p: daily_backup(path),
        on_done,
        on_error=on_error,
        label=QCoreApplication.translate("Backups", "Sao lưu hằng ngày"),
        cancellable=False,
        show_progress=False,
    )


class RestoreFlow(QObject):
    """One restore, from the person's choice to every view refreshed."""

    restored = Signal(object)  # the safety copy of the data that was replaced
    failed = Signal(object)  # the error; the current data was opened again, unchanged

    def __init__(self, window: Any, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.ctx: AppContext = window.ctx
        self.source: Path | None = None

    # -- asking ----------------------------------------------------------------------------

    def ask(self) -> Any:
        """File chooser in the backups folder, then the confirmation."""
        folder = self.ctx.store.backups_dir
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Chọn bản sao lưu để khôi phục"), str(folder), self.tr("Bản sao lưu kcdesk (*.db)")
        )
        return self.confirm_and_restore(Path(path)) if path else None

    def confirm_and_restore(self, source: Path) -> Any:
        answer = QMessageBox.question(
            self.window,
            self.tr("Khôi phục từ bản sao lưu"),
            self.tr(
                "Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu {name}?\n\nDữ liệu hiện tại được sao lưu trước "
                "vào thư mục {folder}, nên vẫn lấy lại được. Các cửa sổ đang mở sẽ được đóng."
            ).format(name=source.name, folder=self.ctx.store.backups_dir),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self.restore(source)

    # -- doing ------------------------------------------------------------------------------

    def restore(self, source: Path) -> Any:
        for editor in list(self.window.editors):
            if not editor.close():  # unsaved work the person wants to keep: stop here
                return None
        self.source = source
        self.window.scheduler.stop()
        self.window.setEnabled(False)
        self._when_idle()
        return self

    def _when_idle(self) -> None:
        """Readers and writes already started finish first (they hold the old store)."""
        if self.ctx.runner.busy:
            QTimer.singleShot(50, self, self._when_idle)
            return
        self.ctx.runner.pool.waitForDone()
        db_path, source = self.ctx.store.path, self.source
        assert source is not None
        self.ctx.store.close()
        self.ctx.runner.run(
            lambda _p: _restore(db_path, source),
            self._reopen,
            on_error=self._refused,
            label=self.tr("Khôi phục dữ liệu"),
            cancellable=False,
        )

    def _reopen(self, safety: Path) -> None:
        self._open_again()
        log.info("restored %s from %s (the replaced data is in %s)", self.ctx.store.path, self.source, safety)
        self.restored.emit(safety)

    def _refused(self, error: BaseException) -> None:
        self._open_again()
        self.failed.emit(error)
        if isinstance(error, KcError):
            from kcdesk.ui.errors import show_refusal

            show_refusal(self.window, error)
        else:
            raise error

    def _open_again(self) -> None:
        from kcdesk.ui.composition import reopen_context

        self.ctx = reopen_context(self.ctx)
        self.window.replace_context(self.ctx)
        self.window.setEnabled(True)
        self.ctx.runner.changed.emit(ALL_VIEWS)
        self.ctx.scheduler.start()


def _restore(db_path: Path, source: Path) -> Path:
    from kcdesk.db.maintenance import restore

    return restore(db_path, source)


def make_manual_backup(ctx: AppContext, parent: QWidget, on_done: Any) -> Any:
    """ "Sao lưu ngay": a copy kept until the person deletes it."""
    from kcdesk.db.maintenance import make_backup

    store = ctx.store
    return ctx.runner.run(
        lambda _p: make_backup(store),
        on_done,
        label=QCoreApplication.translate("Backups", "Sao lưu dữ liệu"),
        cancellable=False,
    )
