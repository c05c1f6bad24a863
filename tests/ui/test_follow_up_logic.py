"""The follow-up forms' logic without Qt: reading typed money, dates, months and
percentages; the money tab's totals and ledger; progress reports' lateness and what is
missing; evaluations' before/after."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kcdesk.domain.deadlines import DueItem
from kcdesk.ui.logic.evaluation_view import change_text, evaluation_rows, evaluation_title, form_texts, number_text
from kcdesk.ui.logic.progress_view import (
    lateness_hint,
    lateness_text,
    missing_text,
    report_cells,
    report_texts,
    suggested_period,
)
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
    assert change_text(120_000_000, 180_000_000) == "+50%"
    assert change_text(8, 7) == "-12,5%"
    assert change_text(14, 19) == "+35,7%"
    assert change_text(5, 5) == "0%"
    assert change_text(None, 7) == "" and change_text(0, 7) == ""  # nothing to compare with


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
    assert evaluation_title(e) == (
        "Đánh giá ngày 03/11/2026 · đề án KCDP-48-2026-001 · Hợp tác xã Mây tre đan Hòa Vang · "
        "người đánh giá: Nguyễn Văn An, cán bộ khuyến công"
    )
    assert "Hợp tác xã" not in evaluation_title(e, facility=False)  # on the facility's own profile
    assert evaluation_rows(e) == [
        ("Doanh thu (đồng/năm)", "1.200.000.000", "1.500.000.000", "+25%"),
        ("Lao động (người)", "20", "26", "+30%"),
        ("Sản lượng (tấn/năm)", "10", "12,5", "+25%"),
        ("Sản phẩm", "Rổ, rá", "Rổ, rá, hàng xuất khẩu", ""),
        ("Thiết bị, mô hình được hỗ trợ", "", "Còn sử dụng", ""),
        ("Số cơ sở học tập, nhân rộng", "", "3", ""),
    ]
    bare = {"id": "e2", "evaluated_on": date(2026, 11, 3), "machinery_in_use": None}
    assert evaluation_rows(bare)[0] == ("Doanh thu (đồng/năm)", "", "", "")
    assert evaluation_rows(bare)[-1] == ("Thiết bị, mô hình được hỗ trợ", "", "Chưa rõ", "")
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
    texts = report_texts({"period": "2026-04", "submitted_on": date(2026, 5, 1), "completed_pct": Decimal("45.50")})
    assert texts["period"] == "04/2026" and texts["completed_pct"] == "45,5" and texts["spent"] == ""
    assert report_texts({"completed_pct": Decimal("100")})["completed_pct"] == "100"
    owed = [_due("bao_cao_tien_do", date(2026, 5, 25), today), _due("quyet_toan", date(2026, 6, 10), today)]
    assert missing_text(owed) == "Chưa nộp báo cáo tiến độ: tháng 05/2026 (hạn 25/05/2026, quá hạn 3 ngày)."
    assert suggested_period(owed, today) == "2026-05"
    assert suggested_period(owed[1:], today) == "2026-05"  # nothing missing: this month
    assert missing_text(owed[1:]) == "Không còn tháng nào thiếu báo cáo tiến độ."


def test_the_form_says_when_the_month_is_due_and_how_late_filing_is() -> None:
    assert lateness_hint("11/2026", "04/12/2026", 25) == (
        "Hạn nộp báo cáo tháng 11/2026: 25/11/2026 · nộp ngày 04/12/2026 là trễ 9 ngày.",
        True,
    )
    assert lateness_hint("12/2026", "04/12/2026", 25) == (
        "Hạn nộp báo cáo tháng 12/2026: 25/12/2026 · nộp ngày 04/12/2026 là đúng hạn.",
        False,
    )
    assert lateness_hint("02/2026", "", 30)[0] == "Hạn nộp báo cáo tháng 02/2026: 28/02/2026."  # a short month
    assert lateness_hint("tháng mười", "04/12/2026", 25) == ("", False)
