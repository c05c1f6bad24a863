"""Conflicts inbox: two people changed the same field of a record; the server kept the
later change and this inbox asks a person to decide. Each field side by side (the value
both started from, mine, theirs) and a column for the value to keep, which starts as the
value the record has now and can be typed over. "Giữ của tôi", "Lấy của người khác" or
"Dùng giá trị đã sửa" writes an ordinary local change (SyncService.resolve): it syncs like
any edit and closes the conflict on every laptop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.errors import KcError
from kcdesk.services.sync_facts import TABLE_LABELS, field_label, record_titles
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.conflict_values import parse_edited, shown_value
from kcdesk.ui.logic.status_text import _when

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("field", "base", "mine", "theirs", "chosen")
CHOSEN = COLUMNS.index("chosen")


def _read(ctx: AppContext) -> tuple[list[Any], dict[tuple[str, str], str]]:
    conflicts = ctx.sync_service().conflicts()
    with ctx.store.read() as s:
        titles = record_titles(s, [(c.table, c.row_id) for c in conflicts])
    return conflicts, titles


class ConflictsInbox(QWidget):
    loaded = Signal(int)  # open conflicts shown
    resolved = Signal(str)  # conflict id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conflictsInbox")
        self.setAccessibleName(self.tr("Xung đột cần xử lý"))
        self.conflicts: list[Any] = []
        self.titles: dict[tuple[str, str], str] = {}
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.setAccessibleName(self.tr("Danh sách xung đột"))
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_current)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.explain = QLabel(
            self.tr(
                "Hai người đã sửa cùng một trường. Máy chủ đang giữ thay đổi đến sau; hãy chọn giá trị đúng. "
                "Cột “Giá trị giữ lại” có thể sửa trực tiếp."
            )
        )
        self.explain.setObjectName("sectionNote")
        self.explain.setWordWrap(True)
        self.fields = QTableWidget(0, len(COLUMNS))
        self.fields.setObjectName("conflictFields")
        self.fields.setAccessibleName(self.tr("Các trường xung đột"))
        self.fields.setHorizontalHeaderLabels(
            [
                self.tr("Trường"),
                self.tr("Ban đầu"),
                self.tr("Của tôi"),
                self.tr("Của người khác"),
                self.tr("Giá trị giữ lại"),
            ]
        )
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fields.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.fields.itemChanged.connect(self._edited)
        self.mine_button = QPushButton(self.tr("Giữ của tôi"))
        self.mine_button.setObjectName("keepMineButton")
        self.mine_button.clicked.connect(lambda: self.resolve("mine"))
        self.theirs_button = QPushButton(self.tr("Lấy của người khác"))
        self.theirs_button.setObjectName("takeTheirsButton")
        self.theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.edited_button = QPushButton(self.tr("Dùng giá trị đã sửa"))
        self.edited_button.setObjectName("useEditedButton")
        self.edited_button.setProperty("primary", True)
        self.edited_button.clicked.connect(lambda: self.resolve("edited"))
        self.message = QLabel()
        self.message.setObjectName("sectionNote")
        self.message.setWordWrap(True)
        self.empty = QLabel(self.tr("Không có xung đột nào cần xử lý."))
        self.empty.setObjectName("sectionNote")

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for b in (self.mine_button, self.theirs_button, self.edited_button):
            buttons.addWidget(b)
        detail = QWidget()
        right = QVBoxLayout(detail)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.heading)
        right.addWidget(self.explain)
        right.addWidget(self.fields, 1)
        right.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(detail)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self._busy = False
        self._typed = False
        self._show_current(-1)

    # -- reading -------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx = self.ctx
        ctx.runner.read(lambda _s: _read(ctx), self._loaded, label=self.tr("Đọc các xung đột"))

    def _loaded(self, result: tuple[list[Any], dict[tuple[str, str], str]]) -> None:
        current = self.current_id()
        self.conflicts, self.titles = result
        self.list.blockSignals(True)
        self.list.clear()
        for c in self.conflicts:
            item = QListWidgetItem(f"{self._title(c)}\n{_when(c.created_at) or ''}")
            item.setData(ID_ROLE, c.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.id for c in self.conflicts]
        self.list.setCurrentRow(ids.index(current) if current in ids else (0 if ids else -1))
        self._show_current(self.list.currentRow())
        self.empty.setVisible(not ids)
        self.loaded.emit(len(ids))

    def _title(self, c: Any) -> str:
        what = vocab(TABLE_LABELS.get(c.table, c.table))
        name = self.titles.get((c.table, c.row_id))
        if c.kind == "update_deleted":
            return self.tr("{what} “{name}”: đã bị xóa ở máy khác").format(what=what, name=name or c.row_id[:8])
        return f"{what} “{name}”" if name else f"{what} {c.row_id[:8]}"

    def current(self) -> Any | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def current_id(self) -> str | None:
        c = self.current()
        return c.id if c else None

    def _show_current(self, _row: int) -> None:
        c = self.current()
        self.fields.blockSignals(True)
        self.fields.setRowCount(0)
        if c is not None:
            self.heading.setText(self._title(c))
            self.fields.setRowCount(len(c.fields))
            for r, f in enumerate(c.fields):
                values = (vocab(field_label(c.table, f.name)), f.base, f.mine, f.theirs, c.current.get(f.name))
                for col, value in enumerate(values):
                    item = QTableWidgetItem(value if col == 0 else shown_value(value))
                    if col != CHOSEN:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.fields.setItem(r, col, item)
        else:
            self.heading.setText("")
        self.fields.blockSignals(False)
        self._typed = False
        self.message.setText("")
        self._enable()

    def _edited(self, item: QTableWidgetItem) -> None:
        if item.column() == CHOSEN:
            self._typed = True
            self._enable()

    def _enable(self) -> None:
        has = self.current() is not None and not self._busy
        self.mine_button.setEnabled(has)
        self.theirs_button.setEnabled(has)
        self.edited_button.setEnabled(has)

    # -- resolving ---------------------------------------------------------------------------

    def set_chosen(self, field_name: str, typed: str) -> None:
        """Type a value into the "keep" column of a field (as a person would)."""
        c = self.current()
        assert c is not None
        row = [f.name for f in c.fields].index(field_name)
        item = self.fields.item(row, CHOSEN)
        assert item is not None, "every field row has a keep cell"
        item.setText(typed)

    def edited_values(self) -> dict[str, Any]:
        c = self.current()
        assert c is not None
        out = {}
        for r, f in enumerate(c.fields):
            like = next((v for v in (f.mine, f.theirs, f.base) if v is not None), "")
            item = self.fields.item(r, CHOSEN)
            out[f.name] = parse_edited(item.text() if item is not None else "", like)
        return out

    def resolve(self, choice: str) -> Any:
        c = self.current()
        if c is None or self._busy:
            return None
        try:
            values = self.edited_values() if choice == "edited" else None
        except ValueError:
            self.message.setText(self.tr("Giá trị đã sửa không đúng kiểu (số, ngày…); hãy sửa lại."))
            return None
        ctx, cid = self.ctx, c.id
        self._busy = True
        self._enable()
        return ctx.runner.run(
            lambda _p: ctx.sync_service().resolve(cid, choice, values),  # type: ignore[arg-type]
            lambda _r: self._resolved(cid),
            on_error=self._failed,
            label=self.tr("Xử lý xung đột"),
            cancellable=False,
            changes={c.table, "sync_state"},
        )

    def _resolved(self, conflict_id: str) -> None:
        self._busy = False
        self.message.setText(self.tr("Đã lưu lựa chọn; thay đổi sẽ được gửi ở lần đồng bộ sau."))
        self.resolved.emit(conflict_id)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._enable()
        if isinstance(error, KcError):
            self.message.setText(error.text(self.ctx.lang))
        elif isinstance(error, ValueError):
            self.message.setText(self.tr("Hãy nhập giá trị cần giữ lại."))
        else:
            raise error
