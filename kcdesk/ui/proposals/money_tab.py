"""Kinh phí và giải ngân: the proposal's money as a ledger — running totals per fund
source, the khuyến công budget that remains, every entry with its running total; buttons
to record an entry and to reverse a mistaken one (never edited in place)."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain.vocab import FUND_SOURCES
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.money_view import ledger_rows, remaining_text, total_rows
from kcdesk.ui.proposals.money_forms import PaymentForm, ReversalForm
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP

_Form = TypeVar("_Form", PaymentForm, ReversalForm)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MONEY_COLUMNS = (3, 4)  # ledger columns holding amounts (right-aligned)
TOTAL_COLUMNS = (  # the order of logic.money_view.total_rows
    QT_TRANSLATE_NOOP("MoneyTab", "Dự toán được duyệt"),
    QT_TRANSLATE_NOOP("MoneyTab", "Đã tạm ứng"),
    QT_TRANSLATE_NOOP("MoneyTab", "Đã thanh toán"),
    QT_TRANSLATE_NOOP("MoneyTab", "Lũy kế đã chi"),
    QT_TRANSLATE_NOOP("MoneyTab", "Còn lại"),
    QT_TRANSLATE_NOOP("MoneyTab", "Quyết toán"),
)
LEDGER_COLUMNS = (  # the order of logic.money_view.ledger_rows
    QT_TRANSLATE_NOOP("MoneyTab", "Ngày"),
    QT_TRANSLATE_NOOP("MoneyTab", "Loại"),
    QT_TRANSLATE_NOOP("MoneyTab", "Nguồn kinh phí"),
    QT_TRANSLATE_NOOP("MoneyTab", "Số tiền (đồng)"),
    QT_TRANSLATE_NOOP("MoneyTab", "Lũy kế đã chi"),
    QT_TRANSLATE_NOOP("MoneyTab", "Số chứng từ"),
    QT_TRANSLATE_NOOP("MoneyTab", "Ghi chú"),
)


class MoneyTab(QWidget):
    changed = Signal()  # an entry was written: the editor reloads

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary: Any = None
        self.heading = ""
        self.form: PaymentForm | ReversalForm | None = None
        self.setObjectName("moneyTab")
        self.setAccessibleName(self.tr("Kinh phí và giải ngân"))
        self.remaining = QLabel()
        self.remaining.setObjectName("remainingBudget")
        self.remaining.setWordWrap(True)
        font = QFont(self.remaining.font())
        font.setBold(True)
        self.remaining.setFont(font)
        self.totals = QTableWidget(len(FUND_SOURCES), len(TOTAL_COLUMNS))
        self.totals.setObjectName("moneyTotals")
        self.totals.setAccessibleName(self.tr("Tổng hợp theo nguồn kinh phí"))
        self.totals.setHorizontalHeaderLabels([self.tr(c) for c in TOTAL_COLUMNS])
        self.totals.setVerticalHeaderLabels([vocab(v) for v in FUND_SOURCES.values()])
        self.totals.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.totals.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.totals.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.totals.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.totals.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.ledger = QTreeWidget()
        self.ledger.setObjectName("moneyLedger")
        self.ledger.setAccessibleName(self.tr("Sổ các khoản tiền"))
        self.ledger.setHeaderLabels([self.tr(c) for c in LEDGER_COLUMNS])
        self.ledger.setRootIsDecorated(False)
        self.ledger.setUniformRowHeights(True)
        for col, width in enumerate((95, 100, 170, 130, 130, 120)):
            self.ledger.setColumnWidth(col, width)
        self.ledger.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.add_button = QPushButton(self.tr("Ghi khoản tiền…"))
        self.add_button.setObjectName("addPaymentButton")
        self.add_button.setAccessibleName(self.tr("Ghi tạm ứng, thanh toán hoặc quyết toán"))
        self.add_button.setToolTip(self.tr("Ghi một khoản tạm ứng, thanh toán hoặc quyết toán"))
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.open_payment)
        self.reverse_button = QPushButton(self.tr("Đảo khoản đã chọn…"))
        self.reverse_button.setObjectName("reverseEntryButton")
        self.reverse_button.setToolTip(self.tr("Khoản ghi nhầm được hủy bằng một bút toán đảo, không sửa trực tiếp"))
        self.reverse_button.clicked.connect(self.open_reversal)
        self.lock_note = QLabel()
        self.lock_note.setObjectName("sectionNote")
        self.lock_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reverse_button)
        buttons.addWidget(self.lock_note, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remaining)
        layout.addWidget(self.totals)
        layout.addLayout(buttons)
        layout.addWidget(self.ledger, 1)
        self._update_buttons()

    def show_summary(self, summary: Any, heading: str) -> None:
        self.summary, self.heading = summary, heading
        self.remaining.setText(remaining_text(summary, self.ctx.lang))
        for row, (_label, cells) in enumerate(total_rows(summary, FUND_SOURCES)):
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.totals.setItem(row, col, item)
        header = self.totals.horizontalHeader().height() + 2
        self.totals.setFixedHeight(header + sum(self.totals.rowHeight(r) for r in range(self.totals.rowCount())))
        current = self.ledger.currentItem()
        keep = current.data(0, ID_ROLE) if current else None
        self.ledger.clear()
        grey = QBrush(QColor("#7a828c"))
        for entry in ledger_rows(summary, self.ctx.lang):
            texts = list(entry.cells)
            texts[1], texts[2] = vocab(texts[1]), vocab(texts[2])
            node = QTreeWidgetItem(texts)
            node.setData(0, ID_ROLE, entry.id)
            node.setData(1, ID_ROLE, entry.reversible)
            node.setToolTip(6, texts[6])
            for col in MONEY_COLUMNS:
                node.setTextAlignment(col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if entry.cancelled:
                for col in range(len(texts)):
                    font = node.font(col)
                    font.setStrikeOut(col in MONEY_COLUMNS)
                    node.setFont(col, font)
                    node.setForeground(col, grey)
            self.ledger.addTopLevelItem(node)
            if entry.id == keep:
                self.ledger.setCurrentItem(node)
        self._update_buttons()

    def _update_buttons(self) -> None:
        s = self.summary
        open_for_money = s is not None and not s.locked and (s.can_advance or s.can_pay or s.can_settle)
        self.add_button.setEnabled(open_for_money)
        item = self.ledger.currentItem()
        self.reverse_button.setEnabled(bool(item and item.data(1, ID_ROLE)))
        if s is None:
            self.lock_note.setText("")
        elif s.locked:
            self.lock_note.setText(self.tr("Đề án đã quyết toán và khóa: không ghi thêm hay đảo khoản tiền nào."))
        elif not open_for_money:
            self.lock_note.setText(
                self.tr("Chỉ ghi khoản tiền sau khi ký hợp đồng (bước 'Ký hợp đồng / giao nhiệm vụ').")
            )
        else:
            self.lock_note.setText("")

    def selected_line(self) -> Any:
        item = self.ledger.currentItem()
        if item is None or self.summary is None:
            return None
        return next((line for line in self.summary.lines if line.id == item.data(0, ID_ROLE)), None)

    def open_payment(self) -> PaymentForm | None:
        if self.summary is None:
            return None
        return self._open(PaymentForm(self.ctx, self.summary, self.heading, self))

    def open_reversal(self) -> ReversalForm | None:
        line = self.selected_line()
        if line is None:
            return None
        return self._open(ReversalForm(self.ctx, line, self))

    def _open(self, form: _Form) -> _Form:
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _id: self.changed.emit())
        form.destroyed.connect(lambda _=None: setattr(self, "form", None))
        self.form = form
        form.open()
        return form
