"""The proposal list: every proposal with its status and money, filtered by year and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kcdesk.domain.lifecycle import STATUSES
from kcdesk.domain.vnformat import group, money
from kcdesk.services.proposals import list_proposals
from kcdesk.services.sync_facts import is_enrolled, record_badges
from kcdesk.text import vi_sort_key
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.sync_schedule import BADGE_TEXT
from kcdesk.ui.widgets.sync_icons import badge_icon

COLUMNS = (
    ("code", "Mã đề án", 190),
    ("title", "Tên đề án", 460),
    ("level", "Cấp", 60),
    ("plan_year", "Năm", 60),
    ("status", "Trạng thái", 190),
    ("kc_amount", "Kinh phí khuyến công", 170),
    ("counterpart_amount", "Vốn đối ứng", 150),
)
Index = QModelIndex | QPersistentModelIndex


def _rows_and_badges(
    session: Session, year: int | None, status: str | None
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The list and, on a laptop with a server, each row's sync badge (one batch)."""
    rows = list_proposals(session, year=year, status=status, limit=None)
    badges = record_badges(session, "proposal", [r["id"] for r in rows]) if is_enrolled(session) else {}
    return rows, badges


class ProposalTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, Any]] = []
        self.badges: dict[str, str] = {}  # sync state of rows not in step with the server
        self._headers = [vocab(label) for _, label, _ in COLUMNS]

    def set_rows(self, rows: list[dict[str, Any]], badges: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.badges = badges or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        key = COLUMNS[index.column()][0]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[key]
            if key == "status":
                return vocab(STATUSES.get(value, value))
            if key in ("kc_amount", "counterpart_amount"):
                return group(int(value or 0))
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("kc_amount", "counterpart_amount", "plan_year"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row["title"]
        if index.column() == 0 and role in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            badge = self.badges.get(row["id"])
            if badge is None:
                return None
            if role == Qt.ItemDataRole.DecorationRole:
                return badge_icon(badge)
            return vocab(BADGE_TEXT.get(badge, badge))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        self.beginResetModel()
        self.rows.sort(  # text in Vietnamese order (Đ after D, tones after the letters)
            key=lambda r: (
                r[key] is None,
                vi_sort_key(r[key]) if isinstance(r[key], str) else r[key] if r[key] is not None else "",
            ),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.endResetModel()


class ProposalsPage(QWidget):
    open_requested = Signal(object)  # proposal id, or None for a new one
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("proposalsPage")
        title = QLabel(self.tr("Đề án khuyến công"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("sectionNote")
        self.year = QComboBox()
        self.year.setObjectName("yearFilter")
        self.year.addItem(self.tr("Mọi năm"), None)
        for y in range(2027, 2019, -1):
            self.year.addItem(str(y), y)
        self.status = QComboBox()
        self.status.setObjectName("proposalStatusFilter")
        self.status.addItem(self.tr("Mọi trạng thái"), None)
        for key, label in STATUSES.items():
            self.status.addItem(vocab(label), key)
        self.year.currentIndexChanged.connect(lambda _: self.refresh())
        self.status.currentIndexChanged.connect(lambda _: self.refresh())
        self.new_button = QPushButton(self.tr("Đề án mới"))
        self.new_button.setObjectName("newProposalButton")
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(self.tr("Lập đề án mới (Ctrl+N)"))
        self.new_button.clicked.connect(lambda: self.open_requested.emit(None))
        self.model = ProposalTableModel()
        self.table = QTableView()
        self.table.setObjectName("proposalTable")
        self.table.setAccessibleName(self.tr("Danh sách đề án"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        for col, (_k, _l, width) in enumerate(COLUMNS):
            self.table.horizontalHeader().resizeSection(col, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda i: self.open_requested.emit(self.model.rows[i.row()]["id"]))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.summary)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Năm kế hoạch")))
        bar.addWidget(self.year)
        bar.addWidget(QLabel(self.tr("Trạng thái")))
        bar.addWidget(self.status)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        ctx.runner.changed.connect(
            lambda tables: self.refresh() if tables & {"proposal", "budget_line", "sync_state"} else None
        )
        self.refresh()

    def refresh(self) -> None:
        year, status = self.year.currentData(), self.status.currentData()
        self.ctx.runner.read(
            lambda s: _rows_and_badges(s, year, status),
            self._show,
            label=self.tr("Đọc danh sách đề án"),
        )

    def _show(self, result: tuple[list[dict[str, Any]], dict[str, str]]) -> None:
        rows, badges = result
        self.model.set_rows(rows, badges)
        kc = sum(r["kc_amount"] for r in rows)
        self.summary.setText(self.tr("{n} đề án · kinh phí khuyến công {kc}").format(n=group(len(rows)), kc=money(kc)))
        self.loaded.emit(len(rows))

    def new_record(self) -> None:
        self.open_requested.emit(None)
