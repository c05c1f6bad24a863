"""Changes the server refused (dead letters): which record, what was done, why (in the
person's language, from the server's reason code) and what they can do. Nothing leaves
this list silently: "Mở bản ghi" opens the record to correct it (the correction is a new
change of the corrected fields, sent at the next sync: it reaches a record the server
has); a refused new record, once corrected, goes again with "Gửi lại" (the whole record,
and the changes it blocked: kcdesk.sync.resend); "Bỏ thay đổi này…" asks first, then lets
the refused change go; the record on this laptop stays."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.services.sync_facts import OP_LABELS, TABLE_LABELS, advice, record_titles
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.status_text import _when

SEQ_ROLE = Qt.ItemDataRole.UserRole + 1
OPENABLE = frozenset({"facility", "proposal", "acceptance"})


def _read(ctx: AppContext) -> tuple[list[Any], dict[tuple[str, str], str]]:
    letters = ctx.sync_service().dead_letters()
    with ctx.store.read() as s:
        titles = record_titles(s, [(d.table, d.row_id) for d in letters])
    return letters, titles


class DeadLetterList(QWidget):
    loaded = Signal(int)
    open_requested = Signal(str, str)  # table, row id
    discarded = Signal(int)  # seq
    resent = Signal(int)  # seq of the refused new record queued again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("deadLetterList")
        self.setAccessibleName(self.tr("Thay đổi bị máy chủ từ chối"))
        self.letters: list[Any] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("deadLetterTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bản ghi"), self.tr("Thao tác"), self.tr("Lý do"), self.tr("Cách xử lý"), self.tr("Lúc")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((220, 80, 330, 330)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _i: self.open_current())
        self.open_button = QPushButton(self.tr("Mở bản ghi để sửa"))
        self.open_button.setObjectName("openDeadLetterButton")
        self.open_button.clicked.connect(self.open_current)
        self.resend_button = QPushButton(self.tr("Gửi lại"))
        self.resend_button.setObjectName("resendDeadLetterButton")
        self.resend_button.setToolTip(self.tr("Gửi lại bản ghi mới này (đã sửa) ở lần đồng bộ tới"))
        self.resend_button.clicked.connect(self.resend_current)
        self.discard_button = QPushButton(self.tr("Bỏ thay đổi này…"))
        self.discard_button.setObjectName("discardDeadLetterButton")
        self.discard_button.clicked.connect(self.discard_current)
        self.empty = QLabel(self.tr("Máy chủ không từ chối thay đổi nào."))
        self.empty.setObjectName("sectionNote")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()

    def refresh(self) -> None:
        ctx = self.ctx
        ctx.runner.read(lambda _s: _read(ctx), self._loaded, label=self.tr("Đọc các thay đổi bị từ chối"))

    def _loaded(self, result: tuple[list[Any], dict[tuple[str, str], str]]) -> None:
        self.letters, titles = result
        self.table.setRowCount(len(self.letters))
        for row, d in enumerate(self.letters):
            what = vocab(TABLE_LABELS.get(d.table, d.table))
            name = titles.get((d.table, d.row_id)) or d.values.get("name") or d.values.get("title") or d.row_id[:8]
            cells = (
                f"{what}: {name}",
                vocab(OP_LABELS.get(d.op, d.op)),
                d.reason,
                vocab(advice(d.code, d.op)),
                _when(d.rejected_at) or "",
            )
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(SEQ_ROLE, d.seq)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()  # a few rows at most, never a register
        if self.letters and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.empty.setVisible(not self.letters)
        self._enable()
        self.loaded.emit(len(self.letters))

    def row_texts(self) -> list[tuple[str, ...]]:
        """What each row says (for tests and for copying into a report)."""
        return [
            tuple(
                item.text() if (item := self.table.item(r, c)) is not None else ""
                for c in range(self.table.columnCount())
            )
            for r in range(self.table.rowCount())
        ]

    def current(self) -> Any | None:
        row = self.table.currentRow()
        return self.letters[row] if 0 <= row < len(self.letters) else None

    def _enable(self) -> None:
        d = self.current()
        self.open_button.setEnabled(d is not None and d.table in OPENABLE and d.op != "delete")
        self.resend_button.setEnabled(d is not None and d.op == "insert")
        self.discard_button.setEnabled(d is not None)

    def open_current(self) -> None:
        d = self.current()
        if d is not None and d.table in OPENABLE:
            self.open_requested.emit(d.table, d.row_id)

    def resend_current(self) -> Any:
        """Queue the refused new record again, as it is now (corrected in its editor)."""
        d = self.current()
        if d is None or d.op != "insert":
            return None
        ctx, seq = self.ctx, d.seq
        return ctx.runner.run(
            lambda _p: ctx.sync_service().resend(seq),
            lambda _r: self._after(self.resent, seq),
            label=self.tr("Gửi lại bản ghi bị từ chối"),
            cancellable=False,
            changes={"sync_state"},
        )

    def discard_current(self) -> Any:
        """After the person confirms (never silently): let the refused change go."""
        d = self.current()
        if d is None:
            return None
        answer = QMessageBox.question(
            self,
            self.tr("Bỏ thay đổi bị từ chối"),
            self.tr(
                "Bỏ thay đổi này? Máy chủ sẽ không nhận nó nữa; bản ghi trên máy này giữ nguyên như hiện tại.\n\n"
                "Lý do từ chối: {reason}"
            ).format(reason=d.reason),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        ctx, seq = self.ctx, d.seq
        return ctx.runner.run(
            lambda _p: ctx.sync_service().discard_dead_letter(seq),
            lambda _r: self._after(self.discarded, seq),
            label=self.tr("Bỏ thay đổi bị từ chối"),
            cancellable=False,
            changes={"sync_state"},
        )

    def _after(self, done: SignalInstance, seq: int) -> None:
        """Say which change was resent or discarded, then show the list as it is now."""
        done.emit(seq)
        self.refresh()
