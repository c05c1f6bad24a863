"""The acceptance list, and drawing up a new record for a proposal in progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from kcdesk.domain.vnformat import day, group
from kcdesk.domain.vocab import CONCLUSIONS
from kcdesk.services.acceptance_edit import acceptable_proposals, list_acceptances
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP

HEADERS = (
    QT_TRANSLATE_NOOP("AcceptancesPage", "Số biên bản"),
    QT_TRANSLATE_NOOP("AcceptancesPage", "Ngày"),
    QT_TRANSLATE_NOOP("AcceptancesPage", "Mã đề án"),
    QT_TRANSLATE_NOOP("AcceptancesPage", "Tên đề án"),
    QT_TRANSLATE_NOOP("AcceptancesPage", "Kết luận"),
    QT_TRANSLATE_NOOP("AcceptancesPage", "Kinh phí nghiệm thu"),
    QT_TRANSLATE_NOOP("AcceptancesPage", "Đã ký"),
)


def _load(session: Session) -> tuple[list[Any], list[tuple[str, str, str]]]:
    return list_acceptances(session), acceptable_proposals(session)


class AcceptancesPage(QWidget):
    open_requested = Signal(object)  # (acceptance id or None, proposal id or None)
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Any] = []
        self.setObjectName("acceptancesPage")
        title = QLabel(self.tr("Biên bản nghiệm thu"))
        title.setObjectName("pageTitle")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("acceptanceTable")
        self.table.setAccessibleName(self.tr("Danh sách biên bản nghiệm thu"))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        for col, width in enumerate((120, 95, 190, 430, 120, 170)):
            self.table.horizontalHeader().resizeSection(col, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda row, _c: self.open_requested.emit((self.rows[row].id, None)))
        self.proposal = QComboBox()
        self.proposal.setObjectName("acceptanceProposal")
        self.proposal.setMinimumWidth(420)
        self.new_button = QPushButton(self.tr("Lập biên bản"))
        self.new_button.setObjectName("newAcceptanceButton")
        self.new_button.setProperty("primary", True)
        self.new_button.clicked.connect(self.new_record)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Đề án đang thực hiện:")))
        top.addWidget(self.proposal)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        ctx.runner.changed.connect(lambda t: self.refresh() if t & {"acceptance", "proposal"} else None)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.runner.read(_load, self._show, label=self.tr("Đọc biên bản nghiệm thu"))

    def _show(self, data: tuple[list[Any], list[tuple[str, str, str]]]) -> None:
        self.rows, proposals = data
        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            values = (
                a.number or "",
                day(a.accepted_on),
                a.proposal_code,
                a.proposal_title,
                vocab(CONCLUSIONS.get(a.conclusion or "", "")),
                group(a.accepted_amount),
                "✓" if a.signed else "",
            )
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        current = self.proposal.currentData()
        self.proposal.clear()
        for pid, code, title in proposals:
            self.proposal.addItem(f"{code} · {title}", pid)
        if current:
            self.proposal.setCurrentIndex(max(0, self.proposal.findData(current)))
        self.new_button.setEnabled(bool(proposals))
        self.loaded.emit(len(self.rows))

    def new_record(self) -> None:
        pid = self.proposal.currentData()
        if pid:
            self.open_requested.emit((None, pid))
