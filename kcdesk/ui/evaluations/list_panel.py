"""Evaluations before and after support, as a list: on the proposal (its beneficiaries) and
on the facility profile (every proposal that supported it). A button makes a new one;
Enter or a double-click opens one to read or correct it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kcdesk.ui.logic.evaluation_view import evaluation_rows, evaluation_title
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (  # the order of logic.evaluation_view.evaluation_rows
    QT_TRANSLATE_NOOP("EvaluationList", "Chỉ tiêu"),
    QT_TRANSLATE_NOOP("EvaluationList", "Trước hỗ trợ"),
    QT_TRANSLATE_NOOP("EvaluationList", "Sau hỗ trợ"),
    QT_TRANSLATE_NOOP("EvaluationList", "Thay đổi"),
)
WIDTHS = (260, 300, 300)
RISE, FALL = QColor("#25613a"), QColor("#a4161a")


class EvaluationList(QWidget):
    add_requested = Signal()
    open_requested = Signal(object)  # the evaluation's dict

    def __init__(self, *, show_facility: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationList")
        self.setAccessibleName(self.tr("Đánh giá sau hỗ trợ"))
        self.rows: list[dict[str, Any]] = []
        self.show_facility = show_facility
        self.due = QLabel()
        self.due.setObjectName("evaluationDue")
        self.due.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("evaluationTree")
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setWordWrap(True)
        for col, width in enumerate(WIDTHS):
            self.tree.setColumnWidth(col, width)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        self.add_button = QPushButton(self.tr("Lập phiếu đánh giá…"))
        self.add_button.setObjectName("addEvaluationButton")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_requested)
        self.open_button = QPushButton(self.tr("Mở phiếu"))
        self.open_button.setObjectName("openEvaluationButton")
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        top = QHBoxLayout()
        top.addWidget(self.due, 1)
        top.addWidget(self.open_button)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

    def set_rows(self, rows: list[dict[str, Any]], lang: str | None = None) -> None:
        self.rows = rows
        self.tree.clear()
        for e in rows:
            # One evaluation: a heading line (when, proposal, facility, who), then its figures.
            item = QTreeWidgetItem([evaluation_title(e, lang, facility=self.show_facility)])
            item.setData(0, ID_ROLE, e["id"])
            font = QFont(item.font(0))
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
            for cells in evaluation_rows(e, lang):
                child = QTreeWidgetItem(item, list(cells))
                child.setData(0, ID_ROLE, e["id"])
                child.setToolTip(1, cells[1])
                child.setToolTip(2, cells[2])
                if cells[3]:
                    child.setForeground(3, QBrush(RISE if not cells[3].startswith("-") else FALL))
            item.setExpanded(True)
        self.open_button.setEnabled(bool(rows))

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        wanted = item.data(0, ID_ROLE)
        row = next((e for e in self.rows if e["id"] == wanted), None)
        if row is not None:
            self.open_requested.emit(row)
