"""Việc đến hạn: every proposal deadline that is overdue or coming up, soonest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kcdesk.domain.vnformat import day
from kcdesk.services.due import due_list, follow_up_counts
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab
from kcdesk.ui.logic.progress_view import follow_up_text
from kcdesk.ui.logic.proposal_view import due_severity

COLOURS = {"overdue": ("#fde2e1", "#a4161a"), "soon": ("#fff1d6", "#8a5300"), "later": ("#ffffff", "#25613a")}
ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Writes that can add or clear a deadline: steps, acceptances, monthly reports, evaluations.
WATCHED = frozenset({"proposal", "acceptance", "progress_report", "post_support_evaluation"})


class DuePage(QWidget):
    open_requested = Signal(object)  # proposal id
    loaded = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.counts: Any = None  # follow_up_counts of the last read
        self.setObjectName("duePage")
        title = QLabel(self.tr("Việc đến hạn và quá hạn"))
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("sectionNote")
        self.follow_up = QLabel()
        self.follow_up.setObjectName("followUpSummary")
        self.follow_up.setWordWrap(True)
        self.horizon = QSpinBox()
        self.horizon.setRange(7, 365)
        self.horizon.setValue(30)
        self.horizon.setSuffix(self.tr(" ngày tới"))
        self.horizon.valueChanged.connect(lambda _: self.refresh())
        self.tree = QTreeWidget()
        self.tree.setObjectName("dueList")
        self.tree.setAccessibleName(self.tr("Danh sách việc đến hạn"))
        self.tree.setHeaderLabels(
            [
                self.tr("Hạn"),
                self.tr("Tình trạng"),
                self.tr("Mã đề án"),
                self.tr("Việc cần làm"),
                self.tr("Tên đề án"),
                self.tr("Căn cứ"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        for col, width in enumerate((95, 150, 170, 340, 360)):
            self.tree.setColumnWidth(col, width)
        self.tree.itemActivated.connect(lambda item, _c: self.open_requested.emit(item.data(0, ID_ROLE)))
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.open_requested.emit(item.data(0, ID_ROLE)))
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(QLabel(self.tr("Xem trước")))
        top.addWidget(self.horizon)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.tree, 1)
        ctx.runner.changed.connect(lambda t: self.refresh() if t & WATCHED else None)
        self.refresh()

    def new_record(self) -> None:
        """This page has no record of its own to start (kcdesk.ui.page.Page)."""

    def refresh(self) -> None:
        horizon = self.horizon.value()
        self.ctx.runner.read(
            lambda s: (due_list(s, horizon_days=horizon), follow_up_counts(s, horizon_days=horizon)),
            self._show,
            label=self.tr("Đọc việc đến hạn"),
        )

    def _show(self, answer: tuple[list[Any], Any]) -> None:
        items, counts = answer
        self.counts = counts
        self.follow_up.setText(follow_up_text(counts, lang=self.ctx.lang))
        self.tree.clear()
        overdue = 0
        for d in items:
            severity = due_severity(d.days_left)
            overdue += severity == "overdue"
            state = (
                self.tr("Quá hạn {n} ngày").format(n=-d.days_left)
                if d.days_left < 0
                else self.tr("Hôm nay")
                if d.days_left == 0
                else self.tr("Còn {n} ngày").format(n=d.days_left)
            )
            row = QTreeWidgetItem([day(d.due), state, d.code, vocab(d.rule_name), d.title, d.legal_basis])
            row.setData(0, ID_ROLE, d.proposal_id)
            row.setToolTip(4, d.title)
            bg, fg = COLOURS[severity]
            for col in range(2):
                row.setBackground(col, QBrush(QColor(bg)))
                row.setForeground(col, QBrush(QColor(fg)))
            self.tree.addTopLevelItem(row)
        self.summary.setText(self.tr("{n} việc, trong đó {overdue} quá hạn").format(n=len(items), overdue=overdue))
        self.loaded.emit(len(items))
