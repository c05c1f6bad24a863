"""Editable member and checked-item tables of an acceptance record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain.vocab import MEMBER_ROLES
from kcdesk.ui.labels import choices


class RowsEditor(QWidget):
    """A small table of rows with add/remove; `columns` are (key, header, kind)."""

    edited = Signal()

    def __init__(self, name: str, columns: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.table = QTableWidget(0, len(columns))
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels([h for _, h, _ in columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.itemChanged.connect(lambda _: self.edited.emit())
        self.add_button = QPushButton(self.tr("Thêm dòng"))
        self.add_button.setObjectName(f"{name}Add")
        self.add_button.clicked.connect(self._add_empty_row)
        self.remove_button = QPushButton(self.tr("Xóa dòng"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    def add_row(self, values: dict[str, Any]) -> int:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, (key, _h, kind) in enumerate(self.columns):
            value = values.get(key)
            if kind == "role":
                combo = QComboBox()
                for k, label in choices(MEMBER_ROLES):
                    combo.addItem(label, k)
                combo.setCurrentIndex(max(0, combo.findData(value or "thanh_vien")))
                combo.currentIndexChanged.connect(lambda _: self.edited.emit())
                self.table.setCellWidget(row, col, combo)
            elif kind == "check":
                item = QTableWidgetItem()
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                self.table.setItem(row, col, item)
            else:
                self.table.setItem(row, col, QTableWidgetItem("" if value is None else str(value)))
        self.table.blockSignals(False)
        return row

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.table.setRowCount(0)
        for r in rows:
            self.add_row(r)

    def _add_empty_row(self) -> None:
        self.add_row({})
        self.edited.emit()

    def set_cell(self, row: int, key: str, value: str) -> None:
        col = [c[0] for c in self.columns].index(key)
        item = self.table.item(row, col)
        assert item is not None, f"{key} is not a text cell"  # a role is a combo box, not an item
        item.setText(value)

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            for col, (key, _h, kind) in enumerate(self.columns):
                if kind == "role":
                    combo = self.table.cellWidget(row, col)
                    values[key] = combo.currentData() if isinstance(combo, QComboBox) else None
                elif kind == "check":
                    item = self.table.item(row, col)
                    values[key] = item is not None and item.checkState() == Qt.CheckState.Checked
                else:
                    item = self.table.item(row, col)
                    values[key] = (item.text().strip() if item else "") or None
            out.append(values)
        return out

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.NoEditTriggers if read_only else QTableWidget.EditTrigger.AllEditTriggers
        )
        for row in range(self.table.rowCount()):
            for col in range(self.table.columnCount()):
                widget = self.table.cellWidget(row, col)
                if widget is not None:
                    widget.setEnabled(not read_only)
                item = self.table.item(row, col)
                if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    flags = (
                        item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                        if read_only
                        else item.flags() | Qt.ItemFlag.ItemIsEnabled
                    )
                    item.setFlags(flags)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
