"""Beneficiaries picked from the register: a search-as-you-type picker over the core's search."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kcdesk.services.search import search
from kcdesk.ui.context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class FacilityPicker(QDialog):
    """Type a name, tax code or representative (tone marks optional); pick one or more."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("facilityPicker")
        self.setWindowTitle(self.tr("Chọn cơ sở thụ hưởng"))
        self.resize(620, 460)
        self.query = QLineEdit()
        self.query.setObjectName("pickerSearch")
        self.query.setPlaceholderText(self.tr("Gõ tên cơ sở, mã số thuế hoặc người đại diện…"))
        self.results = QListWidget()
        self.results.setObjectName("pickerResults")
        self.results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.results.itemActivated.connect(lambda _: self.accept())
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Chọn"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self._search)
        self.query.textChanged.connect(lambda _: self._timer.start())
        self._token = 0

    searched = Signal(int)

    def _search(self) -> None:
        self._token += 1
        token, text = self._token, self.query.text()
        self.ctx.runner.read(
            lambda s: search(s, text, kinds=("facility",), limit=50),
            lambda hits: self._show(token, hits),
            label=self.tr("Tìm cơ sở"),
        )

    def _show(self, token: int, hits: list[object]) -> None:
        if token != self._token:
            return
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}  —  {hit.detail}")  # type: ignore[attr-defined]
            item.setData(ID_ROLE, (hit.id, hit.title))  # type: ignore[attr-defined]
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.searched.emit(len(hits))

    def chosen(self) -> list[tuple[str, str]]:
        items = self.results.selectedItems() or ([self.results.currentItem()] if self.results.currentItem() else [])
        return [tuple(i.data(ID_ROLE)) for i in items]


class BeneficiaryList(QWidget):
    edited = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = QListWidget()
        self.list.setObjectName("beneficiaryList")
        self.list.setAccessibleName(self.tr("Cơ sở thụ hưởng"))
        self.add_button = QPushButton(self.tr("Thêm cơ sở từ danh sách…"))
        self.add_button.setObjectName("addBeneficiary")
        self.add_button.clicked.connect(self.pick)
        self.remove_button = QPushButton(self.tr("Bỏ cơ sở"))
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.picker: FacilityPicker | None = None

    def set_items(self, items: list[tuple[str, str]]) -> None:
        self.list.clear()
        for fid, name in items:
            self._add(fid, name)

    def _add(self, fid: str, name: str) -> None:
        if fid in self.ids():
            return
        item = QListWidgetItem(name)
        item.setData(ID_ROLE, fid)
        self.list.addItem(item)

    def add(self, items: list[tuple[str, str]]) -> None:
        for fid, name in items:
            self._add(fid, name)
        self.edited.emit()

    def ids(self) -> list[str]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def pick(self) -> None:
        self.picker = FacilityPicker(self.ctx, self)
        self.picker.accepted.connect(lambda: self.add(self.picker.chosen() if self.picker else []))
        self.picker.open()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)
