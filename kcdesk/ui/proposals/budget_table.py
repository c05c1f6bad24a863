"""The budget lines (Mẫu 01) with live totals, the counterpart ratio and cap warnings as
you type (the core's own cap rules, checked on the lines on screen)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kcdesk.domain import caps
from kcdesk.domain.vnformat import group
from kcdesk.services.proposals import BudgetInput
from kcdesk.ui.logic.proposal_view import BudgetSummary, budget_summary, parse_amount
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP

HEADERS = (
    QT_TRANSLATE_NOOP("BudgetTable", "Nội dung chi"),
    QT_TRANSLATE_NOOP("BudgetTable", "Mã hoạt động"),
    QT_TRANSLATE_NOOP("BudgetTable", "Kinh phí khuyến công"),
    QT_TRANSLATE_NOOP("BudgetTable", "Vốn đối ứng"),
    QT_TRANSLATE_NOOP("BudgetTable", "Nguồn khác"),
    QT_TRANSLATE_NOOP("BudgetTable", "Cộng"),
)
AMOUNT_COLUMNS = (2, 3, 4)


class BudgetTable(QWidget):
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules: list[caps.CapRule] = []
        self.level, self.on, self.priority = "KCDP", date.today(), False
        self.province: str | None = None
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("budgetTable")
        self.table.setAccessibleName(self.tr("Dự toán kinh phí"))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in HEADERS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 110), (2, 170), (3, 150), (4, 130), (5, 160)):
            header.resizeSection(col, width)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.itemChanged.connect(self._changed)
        self.add_button = QPushButton(self.tr("Thêm dòng"))
        self.add_button.setObjectName("addBudgetLine")
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button = QPushButton(self.tr("Xóa dòng"))
        self.remove_button.clicked.connect(self._remove)
        self.totals = QLabel()
        self.totals.setObjectName("budgetTotals")
        self.totals.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("capWarnings")
        self.warnings.setProperty("role", "warning")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.warnings)
        self._filling = False
        self._recompute()

    def set_lines(self, lines: list[dict[str, Any]]) -> None:
        self._filling = True
        self.table.setRowCount(0)
        for line in lines:
            self.add_line(
                str(line.get("item") or ""),
                str(line.get("activity_code") or ""),
                int(line.get("kc_amount") or 0),
                int(line.get("counterpart_amount") or 0),
                int(line.get("other_amount") or 0),
            )
        self._filling = False
        self._recompute()

    def add_line(self, item: str = "", activity: str = "", kc: int = 0, counterpart: int = 0, other: int = 0) -> int:
        was = self._filling
        self._filling = True
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, value in enumerate((item, activity, group(kc), group(counterpart), group(other), "")):
            cell = QTableWidgetItem(value)
            if col >= 2:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == 5:
                cell.setFlags(cell.flags() & ~cell.flags().ItemIsEditable)
            self.table.setItem(row, col, cell)
        self._filling = was
        if not was:
            self._recompute()
            self.edited.emit()
        return row

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._recompute()
            self.edited.emit()

    def _changed(self, _item: QTableWidgetItem) -> None:
        if self._filling:
            return
        self._recompute()
        self.edited.emit()

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.NoEditTriggers if read_only else QTableWidget.EditTrigger.AllEditTriggers
        )
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    # -- reading the table ----------------------------------------------------------------

    def _text(self, row: int, col: int) -> str:
        cell = self.table.item(row, col)
        return cell.text() if cell else ""

    def problems(self) -> list[str]:
        out = []
        for row in range(self.table.rowCount()):
            if not self._text(row, 0).strip():
                out.append(self.tr("Dòng {n}: hãy nhập nội dung chi.").format(n=row + 1))
            for col in AMOUNT_COLUMNS:
                if parse_amount(self._text(row, col)) is None:
                    out.append(
                        self.tr("Dòng {n}: số tiền '{value}' không đúng (chỉ gồm chữ số).").format(
                            n=row + 1, value=self._text(row, col)
                        )
                    )
        return out

    def lines(self) -> list[BudgetInput]:
        out = []
        for row in range(self.table.rowCount()):
            amounts = [parse_amount(self._text(row, c)) or 0 for c in AMOUNT_COLUMNS]
            out.append(
                BudgetInput(
                    self._text(row, 0).strip(),
                    amounts[0],
                    amounts[1],
                    amounts[2],
                    activity_code=self._text(row, 1).strip() or None,
                )
            )
        return out

    def summary(self) -> BudgetSummary:
        return budget_summary((line.kc_amount, line.counterpart_amount, line.other_amount) for line in self.lines())

    def _recompute(self) -> None:
        self._filling, was = True, self._filling
        for row in range(self.table.rowCount()):
            amounts = [parse_amount(self._text(row, c)) for c in AMOUNT_COLUMNS]
            for col, amount in zip(AMOUNT_COLUMNS, amounts, strict=True):
                cell = self.table.item(row, col)
                if cell is not None:
                    cell.setBackground(QColor("#fde2e1") if amount is None else QColor("white"))
            total = self.table.item(row, 5)
            if total is not None:
                total.setText(group(sum(a or 0 for a in amounts)))
        self._filling = was
        from kcdesk.i18n import language

        summary = self.summary()
        self.totals.setText(summary.text(language()))
        messages = self.problems()
        lines = [
            caps.Line(b.item, b.activity_code, b.facility_id, b.kc_amount, b.counterpart_amount, b.other_amount)
            for b in self.lines()
        ]
        warnings = caps.check_caps(
            lines, self.rules, level=self.level, province_code=self.province, on=self.on, priority_area=self.priority
        )
        messages += ["⚠ " + w.text(language()) for w in warnings]
        self.warnings.setText("\n".join(messages))
        self.warnings.setVisible(bool(messages))

    def set_context(
        self, rules: list[caps.CapRule], level: str, province: str | None, on: date, priority: bool
    ) -> None:
        self.rules, self.level, self.province, self.on, self.priority = rules, level, province, on, priority
        self._recompute()
