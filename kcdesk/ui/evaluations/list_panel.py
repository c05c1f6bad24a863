"""Evaluations before and after support, as a list: on the proposal (its beneficiaries) and
on the facility profile (every proposal that supported it). A button makes a new one;
Enter or a double-click opens one to read or correct it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kcdesk.ui.logic.evaluation_view import evaluation_cells

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (  # the order of logic.evaluation_view.evaluation_cells
    QT_TRANSLATE_NOOP("EvaluationList", "Ngày đánh giá"),
    QT_TRANSLATE_NOOP("EvaluationList", "Đề án"),
    QT_TRANSLATE_NOOP("EvaluationList", "Cơ sở"),
    QT_TRANSLATE_NOOP("EvaluationList", "Doanh thu (đồng/năm) trước → sau"),
    QT_TRANSLATE_NOOP("EvaluationList", "Lao động trước → sau"),
    QT_TRANSLATE_NOOP("EvaluationList", "Sản lượng trước → sau"),
    QT_TRANSLATE_NOOP("EvaluationList", "Sản phẩm"),
    QT_TRANSLATE_NOOP("EvaluationList", "Thiết bị, mô hình"),
    QT_TRANSLATE_NOOP("EvaluationList", "Người đánh giá"),
)
WIDTHS = (95, 150, 200, 250, 130, 190, 200, 130)


class EvaluationList(QWidget):
    add_requested = Signal()
    open_requested = Signal(object)  # the evaluation's dict

    def __init__(self, hidden_column: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationList")
        self.setAccessibleName(self.tr("Đánh giá sau hỗ trợ"))
        self.rows: list[dict[str, Any]] = []
        self.due = QLabel()
        self.due.setObjectName("evaluationDue")
        self.due.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("evaluationTree")
        self.tree.setHeaderLabels([self.tr(c) for c in COLUMNS])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        for col, width in enumerate(WIDTHS):
            self.tree.setColumnWidth(col, width)
        if hidden_column is not None:
            self.tree.setColumnHidden(hidden_column, True)
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
            cells = evaluation_cells(e, lang)
            item = QTreeWidgetItem(list(cells))
            item.setData(0, ID_ROLE, e["id"])
            for col, text in enumerate(cells):
                item.setToolTip(col, text)
            self.tree.addTopLevelItem(item)
        self.open_button.setEnabled(bool(rows))

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        wanted = item.data(0, ID_ROLE)
        row = next((e for e in self.rows if e["id"] == wanted), None)
        if row is not None:
            self.open_requested.emit(row)
