"""The one base of every window that edits a record: the facility, proposal and acceptance
editors and the money, progress-report and evaluation forms (kcdesk.ui.widgets.record_form).

What they share, done once here:
- unsaved changes: `snapshot()` (what the person can change, as comparable plain values)
  is taken when the record is shown or saved (`mark_clean`); `unsaved` compares it with the
  current values, so typing a value back to what it was leaves nothing to save;
- saving: `prepare_save()` checks what only the window can check (a date that does not
  read) and gives the core's write, or None after showing why beside the field; the write
  goes to the single writer; while it runs the editor is `busy`;
- save errors: the core's ValidationError goes beside the field it names
  (`show_field_errors`), any other refusal through `show_refused`; what the write took
  (pending attachments) is given back;
- closing: with unsaved changes, the same question everywhere, "Lưu" / "Bỏ thay đổi" /
  "Tiếp tục sửa". "Lưu" saves and closes once saved (a refused save stays open, its reasons
  beside the fields); closing while a save runs closes once it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from kcdesk.errors import KcError, ValidationError
from kcdesk.ui.context import AppContext
from kcdesk.ui.errors import show_refusal
from kcdesk.ui.operations.runner import Job

SAVE, DISCARD, CONTINUE = "save", "discard", "continue"


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordEditor", text)


@dataclass
class Write:
    """A save as the core takes it: fn(session) on the single writer, the tables it changes."""

    fn: Callable[[Any], Any]
    changes: set[str]
    label: str
    give_back: Callable[[], None] = field(default=lambda: None)  # a refused write: return what it took


class RecordEditor(QDialog):
    saved = Signal(object)  # what the core returned (the record's id)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self._clean: Any = None
        self._shown_once = False
        self._close_when_saved = False

    # -- what each editor gives ---------------------------------------------------------------

    def snapshot(self) -> Any:
        """Everything the person can change, as plain values compared with ==."""
        raise NotImplementedError

    def editable(self) -> bool:
        """False for a record that cannot be changed (locked, signed): nothing to save."""
        return True

    def prepare_save(self) -> Write | None:
        """The core's write, or None when the window's own checks failed (shown already)."""
        raise NotImplementedError

    def after_save(self, result: Any) -> None:
        """The write was accepted (the editor stays open): show the saved record."""

    def show_field_errors(self, messages: dict[str, str]) -> None:
        """The core's refusal of named fields, each beside its field."""
        raise NotImplementedError

    def show_refused(self, error: KcError) -> None:
        """Any other refusal (a locked record, a step out of order)."""
        show_refusal(self, error)

    def update_state(self) -> None:
        """Buttons and the state line after an edit, a save or a load."""

    # -- unsaved changes ------------------------------------------------------------------------

    def mark_clean(self) -> None:
        """The values shown now are the record's (just loaded or saved)."""
        self._clean = self.snapshot()
        self.update_state()

    @property
    def unsaved(self) -> bool:
        return self.editable() and self._clean is not None and self.snapshot() != self._clean

    def showEvent(self, event: QShowEvent) -> None:
        if not self._shown_once:  # a form filled in its constructor: that is its clean state
            self._shown_once = True
            if self._clean is None:
                self.mark_clean()
        super().showEvent(event)

    # -- saving -----------------------------------------------------------------------------------

    def save(self) -> Job | None:
        if self.busy or not self.editable():
            return None
        write = self.prepare_save()
        if write is None:
            self._close_when_saved = False
            return None
        self._set_busy(True)
        return self.ctx.runner.write(
            write.fn,
            self._saved,
            on_error=lambda error: self._failed(error, write),
            label=write.label,
            changes=write.changes,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.update_state()

    def _saved(self, result: Any) -> None:
        self.busy = False
        closing, self._close_when_saved = self._close_when_saved, False
        if not closing:  # a window about to close shows nothing more
            self.after_save(result)
        self.mark_clean()  # what is shown is what was saved (a reload after_save started marks it again)
        self.saved.emit(result)
        if closing:
            self.close()

    def _failed(self, error: BaseException, write: Write) -> None:
        self._close_when_saved = False
        write.give_back()
        self._set_busy(False)
        self.refused(error)

    def refused(self, error: BaseException) -> None:
        """Where a refusal goes, for a save or any other write of the editor (a status step):
        fields the core names beside themselves, anything else as the editor shows it."""
        if isinstance(error, ValidationError):
            self.show_field_errors({k: m.text(self.ctx.lang) for k, m in error.fields.items()})
        elif isinstance(error, KcError):
            self.show_refused(error)
        else:
            raise error

    # -- closing without losing work ------------------------------------------------------------

    def ask_unsaved(self) -> str:
        """The question before closing over unsaved changes: SAVE, DISCARD or CONTINUE."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _t("Thay đổi chưa lưu"),
            _t("Hồ sơ có thay đổi chưa lưu. Lưu trước khi đóng?"),
            parent=self,
        )
        box.setObjectName("unsavedBox")
        save = box.addButton(_t("Lưu"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(_t("Bỏ thay đổi"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_t("Tiếp tục sửa"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.setEscapeButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return SAVE if clicked is save else DISCARD if clicked is discard else CONTINUE

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy:  # the write is on its way and its answer needs this window
            self._close_when_saved = True
            event.ignore()
            return
        if self.unsaved:
            answer = self.ask_unsaved()
            if answer != DISCARD:
                event.ignore()
                if answer == SAVE:
                    self._close_when_saved = True
                    self.save()
                return
        event.accept()

    def reject(self) -> None:  # Esc and the window's close button go through closeEvent's question
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
