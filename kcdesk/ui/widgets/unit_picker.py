"""A line edit that picks an administrative unit by typing any part of its name, with or
without tone marks: 'hai chau', 'HẢI CHÂU' and 'Hải Châu' all find Phường Hải Châu."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from kcdesk.text import fold
from kcdesk.ui.logic.unit_match import UnitMatcher

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


class _FoldingCompleter(QCompleter):
    """Matches the folded text against each unit's folded name; inserts the real name."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class UnitPicker(QLineEdit):
    code_changed = Signal(object)  # str | None

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self._matcher = UnitMatcher([])
        self._code: str | None = None
        self._model = QStandardItemModel(self)
        self.completer_ = _FoldingCompleter(self._model, self)
        self.completer_.setCompletionRole(KEY_ROLE)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.setCompleter(self.completer_)
        # activated is overloaded (text or index); the stubs cannot pick an overload by type
        self.completer_.activated[QModelIndex].connect(self._chosen)  # type: ignore[index]
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._tidy)
        self.setClearButtonEnabled(True)
        if placeholder:
            self.setPlaceholderText(placeholder)

    def set_units(self, items: list[tuple[str, str]]) -> None:
        self._matcher = UnitMatcher(items)
        self._model.clear()
        for code, name in items:
            item = QStandardItem(name)
            item.setData(code, CODE_ROLE)
            item.setData(fold(name), KEY_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if self._code is not None and self._matcher.name(self._code) == "":
            self._set(None)

    def code(self) -> str | None:
        return self._code

    def set_code(self, code: str | None) -> None:
        self.setText(self._matcher.name(code))
        self._set(code if self._matcher.name(code) else None)

    def choose(self, text: str) -> None:
        """Type `text` and take the first unit it finds (keyboard shortcut for the popup's first row)."""
        found = self._matcher.matches(text, limit=1)
        self.set_code(found[0].code if found else None)

    def _set(self, code: str | None) -> None:
        if code != self._code:
            self._code = code
            self.code_changed.emit(code)

    def _typed(self, text: str) -> None:
        self._set(self._matcher.resolve(text))

    def _chosen(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        self.setText(self._matcher.name(code))
        self._set(code)

    def _tidy(self) -> None:
        # Typed 'hai chau' and left the field: show the unit's real name.
        if self._code is not None:
            self.setText(self._matcher.name(self._code))
