"""An input with its own message line underneath, for validation as you type."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FieldBox(QWidget):
    def __init__(self, editor: QWidget, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setObjectName(f"field_{name}")
        editor.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.message = QLabel(self)
        self.message.setObjectName(f"error_{name}")
        self.message.setProperty("role", "fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

    def set_error(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        self.editor.setProperty("invalid", bool(text))
        style = self.editor.style()
        style.unpolish(self.editor)
        style.polish(self.editor)

    @property
    def error_text(self) -> str:
        return self.message.text() if self.message.isVisible() or self.message.text() else ""
