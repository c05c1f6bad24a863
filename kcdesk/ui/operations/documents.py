"""A document or export as an action where its record is: "In biên bản (PDF)…" in the
acceptance editor, "In thuyết minh (PDF)…" in the proposal editor, and so on.

The file chooser is the only step on the GUI thread; the document is made on a worker
(kcdesk.services.documents) with the delayed progress in the status bar and Hủy, and the person
is told where it went, with a button to open it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from kcdesk.errors import KcError
from kcdesk.progress import Cancelled, Progress
from kcdesk.ui.context import AppContext
from kcdesk.ui.errors import show_refusal

# Given the output file, on the GUI thread: the work to run on the worker (progress -> file
# written). Whatever the work needs from the editor is read here, never from the worker.
Maker = Callable[[Path], Callable[[Progress], Path]]


class DocumentButton(QPushButton):
    """A button with a menu of formats (PDF, Excel); each asks for a file, then makes it."""

    made = Signal(object)  # Path
    failed = Signal(object)  # the error

    def __init__(self, ctx: AppContext, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setText(text)
        self.setMenu(QMenu(self))
        self.makers: dict[str, tuple[Maker, Callable[[], str]]] = {}
        self.job: Any = None
        self.last: Path | None = None

    def add_format(self, key: str, label: str, make: Maker, suggested_name: Callable[[], str]) -> None:
        """`key` is the file suffix (pdf, xlsx); `suggested_name` is asked when the menu is used."""
        self.makers[key] = (make, suggested_name)
        action = self.menu().addAction(label)
        action.setObjectName(f"document_{key}")
        action.triggered.connect(lambda _=False, k=key: self.ask(k))

    def ask(self, key: str) -> Any:
        _make, suggested = self.makers[key]
        folder = Path(self.ctx.settings.get("last_export_dir") or Path.home())
        path, _ = QFileDialog.getSaveFileName(self, self.text(), str(folder / suggested()), f"*.{key}")
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() != f".{key}":
            out = out.with_name(out.name + f".{key}")
        self.ctx.settings.set("last_export_dir", str(out.parent))
        return self.make_to(key, out)

    def make_to(self, key: str, out: Path) -> Any:
        """Make the document into `out` (the file chooser's answer; tests call this directly)."""
        make, _suggested = self.makers[key]
        work = make(out)
        self.setEnabled(False)
        self.job = self.ctx.runner.run(
            work,
            self._made,
            on_error=self._failed,
            label=self.tr("Đang lập {what}").format(what=self.text().rstrip("…").lower()),
        )
        return self.job

    def _made(self, path: Path) -> None:
        self.setEnabled(True)
        self.last = Path(path)
        self.made.emit(self.last)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Đã lưu"),
            self.tr("Đã lưu {path}").format(path=path),
            parent=self.window(),
        )
        box.setObjectName("documentSavedBox")
        open_button = box.addButton(self.tr("Mở tệp"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.RejectRole)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last))))
        box.finished.connect(box.deleteLater)
        box.open()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        self.failed.emit(error)
        if isinstance(error, KcError):
            if not isinstance(error, Cancelled):
                show_refusal(self.window(), error)
        else:
            raise error
