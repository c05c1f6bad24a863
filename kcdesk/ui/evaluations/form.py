"""Phiếu đánh giá sau hỗ trợ: a supported facility some months after settlement — revenue,
jobs, output and products before and after support, whether the equipment or model is
still in use, how many facilities copied it, who evaluated and when, with photos (the
attachment machinery, written in the same transaction as the evaluation)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kcdesk.services.attachments import add_attachments
from kcdesk.services.evaluations import save_evaluation
from kcdesk.ui.context import AppContext
from kcdesk.ui.logic.evaluation_view import form_texts
from kcdesk.ui.translate_noop import QT_TRANSLATE_NOOP
from kcdesk.ui.widgets.attachments_panel import AttachmentsPanel
from kcdesk.ui.widgets.field_box import FieldBox
from kcdesk.ui.widgets.record_form import RecordForm

# (label, before key, after key, kind): the rows of the before/after grid.
BEFORE_AFTER = (
    (QT_TRANSLATE_NOOP("EvaluationForm", "Doanh thu (đồng/năm)"), "revenue_before", "revenue_after", "amount"),
    (QT_TRANSLATE_NOOP("EvaluationForm", "Lao động (người)"), "jobs_before", "jobs_after", "count"),
    (QT_TRANSLATE_NOOP("EvaluationForm", "Sản lượng"), "output_before", "output_after", "quantity"),
    (QT_TRANSLATE_NOOP("EvaluationForm", "Sản phẩm chính"), "product_before", "product_after", "text"),
)


class EvaluationForm(RecordForm):
    """`proposals`: the settled proposals it may belong to, (id, "code · title"); more than
    one (opened from a facility supported twice) gives a choice. `facilities`: the
    facilities it may evaluate, (id, name). `existing`: a saved evaluation to correct."""

    def __init__(
        self,
        ctx: AppContext,
        proposals: list[tuple[str, str]],
        facilities: list[tuple[str, str]],
        existing: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Phiếu đánh giá sau hỗ trợ")
        super().__init__(ctx, "evaluationForm", title, self.tr("Lưu phiếu đánh giá"), parent)
        self.evaluation_id = existing["id"] if existing else None
        self.resize(1000, 740)
        who = QGroupBox(self.tr("Cơ sở và người đánh giá"))
        who_grid = QGridLayout(who)
        self.proposal: FieldBox | None = None
        if len(proposals) == 1:
            self.proposal_id: str | None = proposals[0][0]
            self.set_subject(proposals[0][1])
        else:
            self.proposal_id = None
            self.proposal = self.combo("proposal_id", proposals)
            who_grid.addWidget(QLabel(self.tr("Đề án")), 0, 0)
            who_grid.addWidget(self.proposal, 0, 1, 1, 3)
        self.facility = self.combo("facility_id", facilities)
        who_grid.addWidget(QLabel(self.tr("Cơ sở được hỗ trợ")), 1, 0)
        who_grid.addWidget(self.facility, 1, 1, 1, 3)
        who_grid.addWidget(QLabel(self.tr("Ngày đánh giá")), 2, 0)
        who_grid.addWidget(self.line("evaluated_on", "date", "dd/mm/yyyy", required=True), 2, 1)
        who_grid.addWidget(QLabel(self.tr("Người đánh giá")), 2, 2)
        who_grid.addWidget(self.line("evaluator", "text", self.tr("Họ tên, chức vụ"), required=True), 2, 3)
        who_grid.setColumnStretch(1, 1)
        who_grid.setColumnStretch(3, 2)
        grid_box = QGroupBox(self.tr("Trước và sau hỗ trợ"))
        grid = QGridLayout(grid_box)
        for col, text in ((1, self.tr("Trước hỗ trợ")), (2, self.tr("Sau hỗ trợ"))):
            head = QLabel(text)
            font = QFont(head.font())
            font.setBold(True)
            head.setFont(font)
            grid.addWidget(head, 0, col)
        for row, (label, before, after, kind) in enumerate(BEFORE_AFTER, start=1):
            grid.addWidget(QLabel(self.tr(label)), row, 0)
            grid.addWidget(self.line(before, kind), row, 1)
            grid.addWidget(self.line(after, kind), row, 2)
        unit_row = len(BEFORE_AFTER) + 1
        grid.addWidget(QLabel(self.tr("Đơn vị sản lượng")), unit_row, 0)
        grid.addWidget(self.line("output_unit", "text", self.tr("ví dụ: tấn/năm, sản phẩm/tháng")), unit_row, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        use_box = QGroupBox(self.tr("Hiệu quả của hỗ trợ"))
        use_layout = QVBoxLayout(use_box)
        use_form = QFormLayout()
        use_layout.addLayout(use_form)
        use_layout.addStretch(1)
        use_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        in_use = [
            (None, self.tr("— Chưa rõ —")),
            (True, self.tr("Vẫn đang sử dụng")),
            (False, self.tr("Không còn sử dụng")),
        ]
        use_form.addRow(self.tr("Thiết bị, mô hình được hỗ trợ"), self.combo("machinery_in_use", in_use))
        use_form.addRow(self.tr("Số cơ sở học tập, nhân rộng"), self.line("replicated_count", "count", "0"))
        use_form.addRow(self.tr("Nhận xét, ghi chú"), self.text("note", height=56))
        self.photos = AttachmentsPanel(ctx, "post_support_evaluation", "photo")
        self.photos.setObjectName("evaluationPhotos")
        photo_box = QGroupBox(self.tr("Ảnh chụp tại cơ sở"))
        photo_layout = QHBoxLayout(photo_box)
        photo_layout.addWidget(self.photos)
        self.body.addWidget(who)
        self.body.addWidget(grid_box)
        lower = QHBoxLayout()
        lower.addWidget(use_box, 1)
        lower.addWidget(photo_box, 1)
        self.body.addLayout(lower, 1)
        self._files: list[Any] = []
        if existing:
            self._fill(existing)
        else:
            self.set_typed("evaluated_on", date.today().strftime("%d/%m/%Y"))

    def _fill(self, e: dict[str, Any]) -> None:
        for key, text in form_texts(e).items():
            if key in self.boxes and not isinstance(self.boxes[key].editor, QComboBox):
                self.set_typed(key, text)
        for key in ("facility_id", "machinery_in_use", "proposal_id"):
            box = self.boxes.get(key)
            if box is not None:
                combo = box.editor
                assert isinstance(combo, QComboBox)
                combo.setCurrentIndex(max(0, combo.findData(e.get(key))))
        self.photos.set_owner(e["id"])

    def work(self, values: dict[str, Any]) -> Any:
        pid = values.pop("proposal_id", None) or self.proposal_id
        eid, files_dir = self.evaluation_id, self.ctx.store.files_dir
        self._files = files = self.photos.take_pending()

        def write(s: Any) -> str:
            evaluation_id = save_evaluation(s, eid, pid or "", values)  # none chosen: "not found"
            add_attachments(s, files_dir, "post_support_evaluation", evaluation_id, files)
            return evaluation_id

        return write

    def give_back(self) -> None:
        self.photos.pending = self._files + self.photos.pending  # nothing was written: keep them
        self._files = []

    def snapshot(self) -> Any:
        return super().snapshot(), [f.path for f in self.photos.pending]

    def changes(self) -> set[str]:
        return {"post_support_evaluation", "attachment"}
