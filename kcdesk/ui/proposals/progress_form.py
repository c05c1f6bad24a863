"""Báo cáo tiến độ (Mẫu 3a): one month of a proposal in progress — physical progress in
percent, money used so far, outputs so far, problems and proposals. Filing it clears the
month's due item; filed after its deadline it is marked late by its days (the core sets
both from the deadline rule in force)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from kcdesk.services.progress_reports import file_progress_report, update_progress_report
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.progress_view import lateness_hint, report_texts
from kcdesk.ui.logic.typed_fields import month_of, month_text
from kcdesk.ui.widgets.record_form import RecordForm


class ProgressReportForm(RecordForm):
    def __init__(
        self,
        ctx: AppContext,
        proposal_id: str,
        heading: str,
        period: str | None = None,
        due_day: int = 25,
        existing: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        submit = self.tr("Lưu sửa đổi") if existing else self.tr("Nộp báo cáo")
        super().__init__(ctx, "progressReportForm", self.tr("Báo cáo tiến độ thực hiện (Mẫu 3a)"), submit, parent)
        self.proposal_id = proposal_id
        self.report_id = existing["id"] if existing else None
        self.due_day = due_day
        self.set_subject(heading)
        self.resize(780, 640)
        when = QGroupBox(self.tr("Kỳ báo cáo"))
        when_form = QFormLayout(when)
        self.period = self.line("period", "month", "mm/yyyy", required=True)
        self.submitted_on = self.line("submitted_on", "date", "dd/mm/yyyy", required=True)
        dates = QHBoxLayout()
        dates.addWidget(self.period, 1)
        dates.addWidget(QLabel(self.tr("Ngày nộp")))
        dates.addWidget(self.submitted_on, 1)
        when_form.addRow(self.tr("Tháng báo cáo"), dates)
        self.lateness = QLabel()
        self.lateness.setObjectName("progressLateness")
        self.lateness.setWordWrap(True)
        when_form.addRow("", self.lateness)
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
        for form in (when_form, done_form, words_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.align_labels(when_form, done_form, words_form)
        self.body.addWidget(when)
        self.body.addWidget(done)
        self.body.addWidget(words)
        self.body.addStretch(1)
        for box in (self.period, self.submitted_on):
            box.editor.textChanged.connect(lambda _t: self._show_lateness())  # type: ignore[attr-defined]
        today = date.today()
        if existing:
            for key, text in report_texts(existing).items():
                self.set_typed(key, text)
        else:
            self.set_typed("period", month_text(period or month_of(today)))
            self.set_typed("submitted_on", today.strftime("%d/%m/%Y"))

    def _show_lateness(self) -> None:
        typed = self.typed()
        text, late = lateness_hint(typed["period"], typed["submitted_on"], self.due_day, self.ctx.lang)
        self.lateness.setText(text)
        self.lateness.setProperty("role", "fieldError" if late else "")
        self.lateness.style().unpolish(self.lateness)
        self.lateness.style().polish(self.lateness)

    def work(self, values: dict[str, Any]) -> Any:
        pid, rid = self.proposal_id, self.report_id
        if rid is not None:  # a correction: the core works lateness out again
            return lambda s: update_progress_report(s, rid, values)
        return lambda s: file_progress_report(s, pid, values)

    def changes(self) -> set[str]:
        return {"progress_report", "proposal"}
