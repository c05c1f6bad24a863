"""Post-support evaluation (đánh giá sau hỗ trợ): when it falls due and the rules a form
must pass (pure, no database).

An evaluation looks at a supported facility some time after settlement: the interval is
the deadline rule `danh_gia_sau_ho_tro` (data: 180 days unless the province sets
another). It compares revenue, jobs, output and products before and after, says whether
the equipment or model is still in use, and names the evaluator and the date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from kcdesk.domain.lifecycle import status_label
from kcdesk.domain.vnformat import day
from kcdesk.errors import FieldMessage
from kcdesk.i18n import label

RULE_CODE = "danh_gia_sau_ho_tro"
DEFAULT_DAYS = 180
EVALUABLE_STATUSES = frozenset({"settled", "evaluated"})
EVALUATION_LABELS: dict[str, str] = {
    "facility_id": "Cơ sở được đánh giá",
    "evaluated_on": "Ngày đánh giá",
    "evaluator": "Người đánh giá",
    "revenue_before": "Doanh thu trước hỗ trợ (đồng/năm)",
    "revenue_after": "Doanh thu sau hỗ trợ (đồng/năm)",
    "jobs_before": "Lao động trước hỗ trợ",
    "jobs_after": "Lao động sau hỗ trợ",
    "output_before": "Sản lượng trước hỗ trợ",
    "output_after": "Sản lượng sau hỗ trợ",
    "output_unit": "Đơn vị sản lượng",
    "product_before": "Sản phẩm trước hỗ trợ",
    "product_after": "Sản phẩm sau hỗ trợ",
    "machinery_in_use": "Thiết bị, mô hình còn sử dụng",
    "replicated_count": "Số cơ sở học tập, nhân rộng",
    "note": "Ghi chú",
    "status": "Trạng thái đề án",
}
FIELDS: tuple[str, ...] = tuple(k for k in EVALUATION_LABELS if k != "status")
WHOLE_NUMBERS = ("revenue_before", "revenue_after", "jobs_before", "jobs_after", "replicated_count")
DECIMALS = ("output_before", "output_after")


def due_on(settled_on: date, days: int = DEFAULT_DAYS) -> date:
    return settled_on + timedelta(days=days)


def evaluation_problems(
    values: Mapping[str, object], *, status: str, settled_on: date | None, today: date, beneficiaries: frozenset[str]
) -> dict[str, FieldMessage]:
    """Every reason to refuse an evaluation form. `beneficiaries` are the facility ids the
    proposal supported (empty: any facility, or none, may be named)."""
    problems: dict[str, FieldMessage] = {}
    if status not in EVALUABLE_STATUSES:
        problems["status"] = FieldMessage(
            "Đề án đang ở trạng thái '{status}': chỉ đánh giá sau hỗ trợ khi đề án đã quyết toán.",
            status=label(status_label(status)),
        )
    on = values.get("evaluated_on")
    if not isinstance(on, date):
        problems["evaluated_on"] = FieldMessage("Hãy nhập ngày đánh giá.")
    elif on > today:
        problems["evaluated_on"] = FieldMessage(
            "Ngày đánh giá {on} chưa đến (hôm nay là {today}).", on=day(on), today=day(today)
        )
    elif settled_on and on < settled_on:
        problems["evaluated_on"] = FieldMessage(
            "Ngày đánh giá {on} trước ngày quyết toán {settled}; đánh giá sau hỗ trợ làm sau quyết toán.",
            on=day(on),
            settled=day(settled_on),
        )
    evaluator = values.get("evaluator")
    if not isinstance(evaluator, str) or not evaluator.strip():
        problems["evaluator"] = FieldMessage("Hãy nhập người đánh giá (họ tên, chức vụ).")
    facility = values.get("facility_id")
    if facility and beneficiaries and facility not in beneficiaries:
        problems["facility_id"] = FieldMessage("Cơ sở này không phải đơn vị thụ hưởng của đề án.")
    for key in WHOLE_NUMBERS:
        value = values.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            problems[key] = FieldMessage("Giá trị phải là số nguyên, không âm.")
    for key in DECIMALS:
        value = values.get(key)
        if value is None or value == "":
            continue
        try:
            number = Decimal(str(value).replace(",", "."))
        except (InvalidOperation, ValueError):
            number = Decimal(-1)
        if not number.is_finite() or number < 0:
            problems[key] = FieldMessage("Sản lượng phải là một số không âm.")
    in_use = values.get("machinery_in_use")
    if in_use is not None and not isinstance(in_use, bool):
        problems["machinery_in_use"] = FieldMessage("Hãy chọn Có hoặc Không.")
    return problems
