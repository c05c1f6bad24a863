"""Báo cáo tiến độ (Mẫu 3a): one month of a proposal in progress — physical progress in
percent, money used so far, outputs so far, problems and proposals. Filing it clears the
month's due item; filed after its deadline it is marked late by its days (the core sets
both from the deadline rule in force)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QWidget

from kcdesk.services.progress_reports import file_progress_report
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.typed_fields import month_of, month_text
from kcdesk.ui.widgets.record_form import RecordForm


class ProgressReportForm(RecordForm):
    def __init__(
        self,
        ctx: AppContext,
        proposal_id: str,
        heading: str,
        period: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            ctx, "progressReportForm", self.tr("Báo cáo tiến độ thực hiện (Mẫu 3a)"), self.tr("Nộp báo cáo"), parent
        )
        self.proposal_id = proposal_id
        self.heading.setText(self.tr("Báo cáo tiến độ thực hiện (Mẫu 3a) · {proposal}").format(proposal=heading))
        self.resize(760, 600)
        when = QGroupBox(self.tr("Kỳ báo cáo"))
        when_form = QGridLayout(when)
        self.period = self.line("period", "month", "mm/yyyy", required=True)
        self.submitted_on = self.line("submitted_on", "date", "dd/mm/yyyy", required=True)
        when_form.addWidget(QLabel(self.tr("Tháng báo cáo")), 0, 0)
        when_form.addWidget(self.period, 0, 1)
        when_form.addWidget(QLabel(self.tr("Ngày nộp")), 0, 2)
        when_form.addWidget(self.submitted_on, 0, 3)
        done = QGroupBox(self.tr("Kết quả đến nay"))
        done_form = QFormLayout(done)
        done_form.addRow(self.tr("Khối lượng hoàn thành (%)"), self.line("completed_pct", "percent", "0–100"))
        done_form.addRow(self.tr("Kinh phí đã sử dụng (đồng)"), self.line("spent", "amount", "0"))
        done_form.addRow(
            self.tr("Kết quả, sản phẩm đã có"),
            self.text("outputs", self.tr("Ví dụ: đã lắp đặt 2/3 máy; đào tạo 20 học viên")),
        )
        words = QGroupBox(self.tr("Khó khăn và kiến nghị"))
        words_form = QFormLayout(words)
        words_form.addRow(self.tr("Khó khăn, vướng mắc"), self.text("issues"))
        words_form.addRow(self.tr("Kiến nghị, đề xuất"), self.text("recommendations"))
        for form in (done_form, words_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.body.addWidget(when)
        self.body.addWidget(done)
        self.body.addWidget(words)
        today = date.today()
        self.set_typed("period", month_text(period or month_of(today)))
        self.set_typed("submitted_on", today.strftime("%d/%m/%Y"))

    def work(self, values: dict[str, Any]) -> Any:
        pid = self.proposal_id
        return lambda s: file_progress_report(s, pid, values)

    def changes(self) -> set[str]:
        return {"progress_report", "proposal"}
