"""Báo cáo tiến độ: the proposal's monthly reports (Mẫu 3a), what is still missing, and
the button that files the next one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.progress_view import missing, missing_text, report_cells, suggested_period
from kcdesk.ui.proposals.progress_form import ProgressReportForm
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP

COLUMNS = (  # the order of logic.progress_view.report_cells
    QT_TRANSLATE_NOOP("ProgressTab", "Tháng"),
    QT_TRANSLATE_NOOP("ProgressTab", "Ngày nộp"),
    QT_TRANSLATE_NOOP("ProgressTab", "Hạn nộp"),
    QT_TRANSLATE_NOOP("ProgressTab", "Đúng hạn"),
    QT_TRANSLATE_NOOP("ProgressTab", "Khối lượng"),
    QT_TRANSLATE_NOOP("ProgressTab", "Kinh phí đã dùng"),
    QT_TRANSLATE_NOOP("ProgressTab", "Kết quả đã có"),
    QT_TRANSLATE_NOOP("ProgressTab", "Khó khăn"),
    QT_TRANSLATE_NOOP("ProgressTab", "Kiến nghị"),
)
WIDTHS = (80, 95, 95, 110, 90, 130, 220, 180)
LATE = (QColor("#fde2e1"), QColor("#a4161a"))
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ProgressTab(QWidget):
    changed = Signal()  # a report was filed: the editor reloads

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.proposal_id: str | None = None
        self.heading = ""
        self.due: list[Any] = []
        self.due_day = 25
        self.reports: list[dict[str, Any]] = []
        self.form: ProgressReportForm | None = None
        self.setObjectName("progressTab")
        self.setAccessibleName(self.tr("Báo cáo tiến độ"))
        self.missing = QLabel()
        self.missing.setObjectName("progressMissing")
        self.missing.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("progressReports")
        self.tree.setAccessibleName(self.tr("Các báo cáo tiến độ đã nộp"))
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setToolTip(self.tr("Nhấn đúp (hoặc Enter) vào một báo cáo để sửa"))
        self.tree.itemActivated.connect(lambda item, _c: self.open_form(self._report(item)))
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.open_form(self._report(item)))
        for col, width in enumerate(WIDTHS):
            self.tree.setColumnWidth(col, width)
        self.add_button = QPushButton(self.tr("Lập báo cáo tiến độ…"))
        self.add_button.setObjectName("addProgressReportButton")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.open_form)
        top = QHBoxLayout()
        top.addWidget(self.missing, 1)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

    def show_reports(
        self,
        proposal_id: str,
        heading: str,
        reports: list[dict[str, Any]],
        due: list[Any],
        *,
        can_report: bool,
        due_day: int,
    ) -> None:
        self.proposal_id, self.heading, self.due, self.due_day = proposal_id, heading, due, due_day
        self.reports = reports
        self.tree.clear()
        for r in reports:
            cells = report_cells(r, self.ctx.lang)
            item = QTreeWidgetItem(list(cells))
            item.setData(0, ID_ROLE, r["id"])
            for col in range(6, len(cells)):
                item.setToolTip(col, cells[col])
            if r.get("days_late"):
                item.setBackground(3, QBrush(LATE[0]))
                item.setForeground(3, QBrush(LATE[1]))
            self.tree.addTopLevelItem(item)
        owed = missing(due)
        self.missing.setText(missing_text(due, self.ctx.lang) if can_report or owed else "")
        self.missing.setProperty("role", "warning" if any(d.overdue for d in owed) else "")
        self.missing.style().unpolish(self.missing)
        self.missing.style().polish(self.missing)
        self.add_button.setEnabled(can_report)
        self.add_button.setToolTip("" if can_report else self.tr("Báo cáo tiến độ được lập khi đề án đang thực hiện."))

    def _report(self, item: QTreeWidgetItem | None) -> dict[str, Any] | None:
        wanted = item.data(0, ID_ROLE) if item is not None else None
        return next((r for r in self.reports if r["id"] == wanted), None)

    def open_form(self, existing: dict[str, Any] | None = None) -> ProgressReportForm | None:
        """A new report (the earliest missing month offered), or `existing` to correct."""
        if self.proposal_id is None:
            return None
        form = ProgressReportForm(
            self.ctx, self.proposal_id, self.heading, suggested_period(self.due), self.due_day, existing, self
        )
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda _id: self.changed.emit())
        form.destroyed.connect(lambda _=None: setattr(self, "form", None))
        self.form = form
        form.open()
        return form
