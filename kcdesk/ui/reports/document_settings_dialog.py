"""The office's names printed on documents and the periodic report's receivers ("Nơi nhận").

The same service as `kcdesk settings` (services.document_settings): names left empty are
derived from the province when printing, so the dialog shows what will be printed and
marks what was set on this machine. Everything is checked before anything is written.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.errors import KcError, ValidationError
from kcdesk.services import document_settings
from kcdesk.services.document_settings import LABELS, DocumentSettings
from kcdesk.ui.context import AppContext
from kcdesk.ui.widgets.field_box import FieldBox

NAME_FIELDS = ("parent", "name", "place", "code")


class DocumentSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("documentSettingsDialog")
        self.setWindowTitle(self.tr("Thông tin cơ quan và nơi nhận"))
        self.setMinimumWidth(560)
        note = QLabel(
            self.tr(
                "Tên cơ quan in ở góc trái văn bản và nơi nhận của báo cáo định kỳ. Ô để trống được lấy "
                "theo tỉnh khi in. Mỗi dòng trong ô Nơi nhận là một nơi, theo thứ tự in."
            )
        )
        note.setObjectName("sectionNote")
        note.setWordWrap(True)
        self.boxes: dict[str, FieldBox] = {}
        self.lines: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for field in NAME_FIELDS:
            edit = QLineEdit()
            self.lines[field] = edit
            self.boxes[field] = FieldBox(edit, f"setting_{field}")
            form.addRow(self.tr(LABELS[field]), self.boxes[field])
        self.receivers_edit = QPlainTextEdit()
        self.receivers_edit.setTabChangesFocus(True)
        self.boxes["receivers"] = FieldBox(self.receivers_edit, "setting_receivers")
        form.addRow(self.tr(LABELS["receivers"]), self.boxes["receivers"])
        self.default_button = QPushButton(self.tr("Dùng nơi nhận mặc định"))
        self.default_button.setObjectName("defaultReceiversButton")
        self.default_button.clicked.connect(self._use_default_receivers)
        form.addRow("", self.default_button)
        self.summary = QLabel()
        self.summary.setObjectName("settingsError")
        self.summary.setProperty("role", "fieldError")
        self.summary.setWordWrap(True)
        self.summary.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Lưu"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveSettingsButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._default_receivers = False
        with ctx.store.read() as session:
            self._show(document_settings.read_settings(session))

    def _show(self, current: DocumentSettings) -> None:
        self._set_here = set(current.set_here)
        for field in NAME_FIELDS:
            value = getattr(current, field)
            edit = self.lines[field]
            # A derived name is shown greyed as what will be printed; typing replaces it.
            if field in current.set_here:
                edit.setText(value)
            else:
                edit.clear()
                edit.setPlaceholderText(value)
        self.receivers_edit.setPlainText("\n".join(current.receivers))
        self._shown_receivers = self.receivers_edit.toPlainText()
        self._default_receivers = False

    def _use_default_receivers(self) -> None:
        self._default_receivers = True
        self.receivers_edit.clear()
        self.receivers_edit.setPlaceholderText(self.tr("(danh sách mặc định theo tỉnh)"))
        self._shown_receivers = ""

    def save(self) -> bool:
        names = {f: (self.lines[f].text() if self.lines[f].text().strip() else None) for f in NAME_FIELDS}
        # A name someone set and has now emptied goes back to the one derived from the province.
        derive = [f for f in NAME_FIELDS if names[f] is None and f in self._set_here]
        text = self.receivers_edit.toPlainText()
        receivers = None if self._default_receivers or text == self._shown_receivers else text.splitlines()
        for box in self.boxes.values():
            box.set_error(None)
        self.summary.hide()
        try:
            self.ctx.store.write(
                lambda s: document_settings.update_settings(
                    s, receivers=receivers, default_receivers=self._default_receivers, derive=derive, **names
                )
            )
        except ValidationError as error:
            for field, message in error.fields.items():
                if field in self.boxes:
                    self.boxes[field].set_error(message.text(self.ctx.lang))
            return False
        except KcError as error:
            self.summary.setText(error.text(self.ctx.lang))
            self.summary.show()
            return False
        self.accept()
        return True
