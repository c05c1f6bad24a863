"""A record's change history from the audit trail: who, when, which field, before, after."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from kcdesk.services.facilities import named_history
from kcdesk.ui.context import AppContext
from kcdesk.ui.labels import vocab

OPS = {"insert": "Tạo mới", "update": "Sửa", "delete": "Xóa", "restore": "Khôi phục"}


def _value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "✓" if v else "✗"
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


class HistoryView(QWidget):
    def __init__(self, ctx: AppContext, table: str, labels: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.table, self.labels = ctx, table, labels
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyTree")
        self.tree.setHeaderLabels(
            [
                self.tr("Thời điểm"),
                self.tr("Người thực hiện"),
                self.tr("Thao tác"),
                self.tr("Trường"),
                self.tr("Trước"),
                self.tr("Sau"),
            ]
        )
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        for col, width in enumerate((140, 160, 80, 170, 180)):
            self.tree.setColumnWidth(col, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)

    def load(self, row_id: str | None) -> None:
        self.tree.clear()
        if row_id:
            table = self.table
            self.ctx.runner.read(lambda s: named_history(s, table, row_id), self._show, label=self.tr("Đọc lịch sử"))

    def _show(self, entries: list[dict[str, Any]]) -> None:
        self.tree.clear()
        for e in reversed(entries):  # newest first
            at = datetime.fromisoformat(e["at"]).astimezone().strftime("%d/%m/%Y %H:%M")
            fields = sorted(set(e["before"]) | set(e["after"]))
            shown = [f for f in fields if f not in ("id", "row_version", "created_at", "updated_at")]
            top = QTreeWidgetItem(
                [
                    at,
                    e["user_name"],
                    vocab(OPS.get(e["op"], e["op"])),
                    self.tr("{n} trường").format(n=len(shown)),
                    "",
                    "",
                ]
            )
            for f in shown:
                label = vocab(self.labels.get(f, f))
                QTreeWidgetItem(top, ["", "", "", label, _value(e["before"].get(f)), _value(e["after"].get(f))])
            self.tree.addTopLevelItem(top)
            top.setExpanded(e["op"] == "update")
