"""A small form over one core write: boxes with their own message line, read through
`logic.typed_fields`, sent to the single writer, refusals shown where they belong.

The money entry, the monthly progress report and the post-support evaluation are each one
of these, on the editors' own base (kcdesk.ui.widgets.record_editor: unsaved changes, the
save, the close question). A box that cannot be read says so beside itself and nothing is
sent; the core's refusal of a field (ValidationError) goes beside that field; any other
refusal (a locked proposal, a step out of order) goes in the banner above the buttons.
Nothing is written unless the core accepts the whole record; once it is, the form closes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.errors import KcError
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.typed_fields import Field, read_fields
from kcdesk.ui.widgets.field_box import FieldBox
from kcdesk.ui.widgets.record_editor import RecordEditor, Write


class RecordForm(RecordEditor):
    def __init__(
        self, ctx: AppContext, object_name: str, title: str, submit_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.result_id: Any = None
        self.setObjectName(object_name)
        self.setAccessibleName(title)
        self.setWindowTitle(title)
        self.fields: list[Field] = []
        self.boxes: dict[str, FieldBox] = {}
        self.heading = QLabel(title)
        self.heading.setObjectName("pageTitle")
        self.heading.setWordWrap(True)
        self.subject = QLabel()  # the record the form is about (a proposal's code and title)
        self.subject.setObjectName("formSubject")
        self.subject.setWordWrap(True)
        self.subject.hide()
        self.note = QLabel()
        self.note.setObjectName("sectionNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.refusal = QLabel()
        self.refusal.setObjectName("formRefusal")
        self.refusal.setProperty("role", "warning")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        self._submit_text = submit_text
        self.submit_button = QPushButton(submit_text)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setProperty("primary", True)
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Hủy"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.body = QVBoxLayout()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subject)
        layout.addWidget(self.note)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.refusal)
        layout.addLayout(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)

    def set_subject(self, text: str) -> None:
        self.subject.setText(text)
        self.subject.setVisible(bool(text))

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    @staticmethod
    def align_labels(*forms: QFormLayout) -> None:
        """Give the label column of several group boxes' forms one width, so their boxes line up."""
        labels = [
            label
            for form in forms
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
            and (label := item.widget()) is not None
        ]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    # -- boxes ----------------------------------------------------------------------------

    def line(self, key: str, kind: str = "text", placeholder: str = "", *, required: bool = False) -> FieldBox:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        if kind in ("amount", "count", "percent", "quantity"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.textEdited.connect(lambda _t, k=key: self.clear_problem(k))
        return self._add(Field(key, kind, required), edit)

    def combo(self, key: str, items: Iterable[tuple[Any, str]]) -> FieldBox:
        box = QComboBox()
        for data, text in items:
            box.addItem(text, data)
        box.currentIndexChanged.connect(lambda _i, k=key: self.clear_problem(k))
        return self._add(None, box, key)

    def text(self, key: str, placeholder: str = "", height: int = 64) -> FieldBox:
        edit = QPlainTextEdit()
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(height)
        return self._add(Field(key, "text"), edit)

    def _add(self, field: Field | None, editor: QWidget, key: str | None = None) -> FieldBox:
        name = field.key if field else str(key)
        if field is not None:
            self.fields.append(field)
        box = FieldBox(editor, name)
        self.boxes[name] = box
        return box

    def typed(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for f in self.fields:
            editor = self.boxes[f.key].editor
            out[f.key] = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()  # type: ignore[attr-defined]
        return out

    def set_typed(self, key: str, text: str) -> None:
        editor = self.boxes[key].editor
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)  # type: ignore[attr-defined]

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        values, problems = read_fields(self.fields, self.typed(), self.ctx.lang)
        for key, box in self.boxes.items():
            if isinstance(box.editor, QComboBox):
                values[key] = box.editor.currentData()
        return values, problems

    # -- problems ---------------------------------------------------------------------------

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, box in self.boxes.items():
            box.set_error(problems.get(key))
        elsewhere = [text for key, text in problems.items() if key not in self.boxes]
        self._banner("\n".join(elsewhere))
        first = next((box for key, box in self.boxes.items() if key in problems), None)
        if first is not None:
            first.editor.setFocus()

    def clear_problem(self, key: str) -> None:
        box = self.boxes.get(key)
        if box is not None and box.error_text:
            box.set_error(None)

    def _banner(self, text: str) -> None:
        self.refusal.setText(text)
        self.refusal.setVisible(bool(text))

    @property
    def problems_shown(self) -> dict[str, str]:
        """What the person sees now: field -> its message (and '' -> the banner's)."""
        shown = {k: b.message.text() for k, b in self.boxes.items() if not b.message.isHidden()}
        if not self.refusal.isHidden():
            shown[""] = self.refusal.text()
        return shown

    # -- sending ----------------------------------------------------------------------------

    def work(self, values: dict[str, Any]) -> Callable[[Any], Any]:
        """fn(session) that writes the record through the core; subclasses give it."""
        raise NotImplementedError

    def changes(self) -> set[str]:
        """Tables the write touches (views showing them refresh)."""
        raise NotImplementedError

    def give_back(self) -> None:
        """A refused write: return what work() took (a form with attachments gives them back)."""

    def snapshot(self) -> Any:
        combos = {k: b.editor.currentData() for k, b in self.boxes.items() if isinstance(b.editor, QComboBox)}
        return self.typed(), combos

    def prepare_save(self) -> Write | None:
        values, problems = self.values()
        self.show_problems(problems)
        if problems:
            return None
        return Write(self.work(values), self.changes(), self.windowTitle(), self.give_back)

    def update_state(self) -> None:
        self.submit_button.setEnabled(not self.busy)
        self.submit_button.setText(self.tr("Đang ghi…") if self.busy else self._submit_text)

    def after_save(self, result: Any) -> None:
        self.result_id = result
        self.accept()  # the form's one job is done

    def show_field_errors(self, messages: dict[str, str]) -> None:
        self.show_problems(messages)

    def show_refused(self, error: KcError) -> None:
        self.show_problems({})
        self._banner(error.text(self.ctx.lang))
