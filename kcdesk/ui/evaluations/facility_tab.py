"""The facility profile's "Đánh giá sau hỗ trợ" tab: every evaluation of this facility,
before and after, across the proposals that supported it; a new evaluation for one of its
settled proposals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kcdesk.services.evaluations import facility_evaluations
from kcdesk.ui.context import AppContext
from kcdesk.ui.evaluations.form import EvaluationForm
from kcdesk.ui.evaluations.list_panel import EvaluationList


class FacilityEvaluations(QWidget):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.facility_id: str | None = None
        self.data: dict[str, Any] = {}
        self.form: EvaluationForm | None = None
        self.setObjectName("facilityEvaluations")
        self.list = EvaluationList(show_facility=False)  # this facility: its name says nothing here
        self.list.add_requested.connect(lambda: self.open_form(None))
        self.list.open_requested.connect(self.open_form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.add_button.setEnabled(False)
        ctx.runner.changed.connect(
            lambda t: self.reload() if t & {"post_support_evaluation", "proposal", "proposal_beneficiary"} else None
        )

    def set_facility(self, facility_id: str | None) -> None:
        self.facility_id = facility_id
        self.reload()

    def reload(self) -> None:
        fid = self.facility_id
        if fid is None:
            return
        self.ctx.runner.read(
            lambda s: facility_evaluations(s, fid), self._show, label=self.tr("Đọc đánh giá sau hỗ trợ")
        )

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        self.list.set_rows(data["evaluations"], self.ctx.lang)
        can_add = bool(data["proposals"])
        self.list.add_button.setEnabled(can_add)
        if data["evaluations"]:
            self.list.due.setText(
                self.tr("{n} phiếu đánh giá sau hỗ trợ: doanh thu, lao động và sản lượng trước và sau hỗ trợ.").format(
                    n=len(data["evaluations"])
                )
            )
        elif can_add:
            self.list.due.setText(self.tr("Chưa có phiếu đánh giá nào; cơ sở đã được hỗ trợ qua đề án đã quyết toán."))
        else:
            self.list.due.setText(self.tr("Cơ sở chưa thụ hưởng đề án nào đã quyết toán: chưa có gì để đánh giá."))
        self.loaded.emit()

    def open_form(self, existing: dict[str, Any] | None) -> EvaluationForm | None:
        fid = self.facility_id
        if fid is None:
            return None
        if existing is not None:
            proposals = [(existing["proposal_id"], existing.get("proposal_code") or "")]
        else:
            proposals = self.data.get("proposals", [])
            if not proposals:
                return None
        facilities = [(fid, self.data.get("name") or "")]
        form = EvaluationForm(self.ctx, proposals, facilities, existing, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.destroyed.connect(lambda _=None: setattr(self, "form", None))
        self.form = form
        form.open()
        return form
