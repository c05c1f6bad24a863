"""The follow-up forms' logic without Qt: reading typed money, dates, months and
percentages; the money tab's totals and ledger; progress reports' lateness and what is
missing; evaluations' before/after."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kcdesk.domain.deadlines import DueItem
from kcdesk.ui.logic.evaluation_view import change_text, evaluation_cells, form_texts, number_text
from kcdesk.ui.logic.progress_view import lateness_text, missing_text, report_cells, suggested_period
from kcdesk.ui.logic.typed_fields import Field, month_text, parse_decimal, parse_month, read_fields


@pytest.mark.parametrize(
    ("typed", "period"),
    [
        ("05/2026", "2026-05"),
        ("5/2026", "2026-05"),
        ("T5/2026", "2026-05"),
        ("tháng 5/2026", "2026-05"),
        ("Tháng 12 / 2025", "2025-12"),
        ("2026-05", "2026-05"),
        ("13/2026", None),
        ("05/26", None),
        ("tháng năm", None),
        ("", None),
    ],
)
def test_a_month_is_read_as_people_write_it(typed: str, period: str | None) -> None:
    assert parse_month(typed) == period


def test_month_text_round_trips() -> None:
    assert month_text("2026-05") == "05/2026" and parse_month(month_text("2026-05")) == "2026-05"


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("45", Decimal("45")),
        ("45,5", Decimal("45.5")),
        ("45.5", Decimal("45.5")),  # an English keyboard's decimal point
        ("1.234,5", Decimal("1234.5")),
        ("1.200", Decimal("1200")),  # dots group thousands
        ("45 %", Decimal("45")),
        ("bốn lăm", None),
        ("", None),
    ],
)
def test_decimals_take_the_vietnamese_comma(typed: str, value: Decimal | None) -> None:
    assert parse_decimal(typed) == value


def test_read_fields_gives_values_and_a_message_per_unreadable_box() -> None:
    fields = [
        Field("paid_on", "date", required=True),
        Field("amount", "amount", required=True),
        Field("completed_pct", "percent"),
        Field("jobs", "count"),
        Field("period", "month"),
        Field("note", "text"),
    ]
    values, problems = read_fields(
        fields,
        {
            "paid_on": "02/03/2026",
            "amount": "50.000.000 đ",
            "completed_pct": "40,5",
            "jobs": "12",
            "period": "03/2026",
            "note": "  Tạm ứng đợt 1  ",
        },
    )
    assert problems == {}
    assert values == {
        "paid_on": date(2026, 3, 2),
        "amount": 50_000_000,
        "completed_pct": Decimal("40.5"),
        "jobs": 12,
        "period": "2026-03",
        "note": "Tạm ứng đợt 1",
    }
    values, problems = read_fields(
        fields,
        {"paid_on": "31/02/2026", "amount": "", "completed_pct": "120", "jobs": "mười", "period": "3-26"},
    )
    assert set(problems) == {"paid_on", "amount", "completed_pct", "jobs", "period"}
    assert "31/02/2026" in problems["paid_on"] and "ngày/tháng/năm" in problems["paid_on"]
    assert problems["amount"] == "Hãy điền ô này."
    assert "từ 0 đến 100" in problems["completed_pct"]
    assert values["note"] is None  # an empty box is None, never ''


def test_before_and_after_with_the_change() -> None:
    assert number_text(120_000_000) == "120.000.000"
    assert number_text(Decimal("12.50")) == "12,5"
    assert number_text(Decimal("1200.00")) == "1.200"
    assert change_text(120_000_000, 180_000_000) == "120.000.000 → 180.000.000 (+50%)"
    assert change_text(8, 7) == "8 → 7 (-12,5%)"
    assert change_text(None, 7) == "? → 7"
    assert change_text(0, 7) == "0 → 7"
    assert change_text(None, None) == ""


def test_an_evaluation_row_and_its_form_boxes() -> None:
    e = {
        "id": "e1",
        "proposal_id": "p1",
        "proposal_code": "KCDP-48-2026-001",
        "facility_id": "f1",
        "facility_name": "Hợp tác xã Mây tre đan Hòa Vang",
        "evaluated_on": date(2026, 11, 3),
        "revenue_before": 1_200_000_000,
        "revenue_after": 1_500_000_000,
        "jobs_before": 20,
        "jobs_after": 26,
        "output_before": Decimal("10"),
        "output_after": Decimal("12.5"),
        "output_unit": "tấn/năm",
        "product_before": "Rổ, rá",
        "product_after": "Rổ, rá, hàng xuất khẩu",
        "machinery_in_use": True,
        "evaluator": "Nguyễn Văn An, cán bộ khuyến công",
        "replicated_count": 3,
        "note": None,
    }
    cells = evaluation_cells(e)
    assert cells[0] == "03/11/2026" and cells[2] == "Hợp tác xã Mây tre đan Hòa Vang"
    assert cells[3] == "1.200.000.000 → 1.500.000.000 (+25%)"
    assert cells[4] == "20 → 26 (+30%)"
    assert cells[5] == "10 → 12,5 (+25%) tấn/năm"
    assert cells[6] == "Rổ, rá → Rổ, rá, hàng xuất khẩu"
    assert cells[7] == "Còn sử dụng"
    boxes = form_texts(e)
    assert boxes["evaluated_on"] == "03/11/2026" and boxes["revenue_before"] == "1.200.000.000"
    assert boxes["output_after"] == "12,5" and boxes["replicated_count"] == "3"
    assert "machinery_in_use" not in boxes and "facility_id" not in boxes and "note" not in boxes


def _due(rule: str, due: date, today: date) -> DueItem:
    return DueItem("p1", "KCDP-48-2026-001", "Đề án", rule, "Báo cáo tiến độ hằng tháng", due, (due - today).days, "")


def test_progress_reports_late_and_missing() -> None:
    today = date(2026, 5, 28)
    assert lateness_text(0) == "Đúng hạn" and lateness_text(None) == "Đúng hạn"
    assert lateness_text(6) == "Trễ 6 ngày"
    cells = report_cells(
        {
            "period": "2026-04",
            "submitted_on": date(2026, 5, 1),
            "due_on": date(2026, 4, 25),
            "days_late": 6,
            "completed_pct": Decimal("40"),
            "spent": 50_000_000,
            "outputs": "Lắp 1/3 máy",
            "issues": None,
            "recommendations": None,
        }
    )
    assert cells[:6] == ("04/2026", "01/05/2026", "25/04/2026", "Trễ 6 ngày", "40%", "50.000.000")
    owed = [_due("bao_cao_tien_do", date(2026, 5, 25), today), _due("quyet_toan", date(2026, 6, 10), today)]
    assert missing_text(owed) == "Chưa nộp báo cáo tiến độ: tháng 05/2026 (hạn 25/05/2026, quá hạn 3 ngày)."
    assert suggested_period(owed, today) == "2026-05"
    assert suggested_period(owed[1:], today) == "2026-05"  # nothing missing: this month
    assert missing_text(owed[1:]) == "Không còn tháng nào thiếu báo cáo tiến độ."
