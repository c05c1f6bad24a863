"""Monthly progress reports (Mẫu 3a): the month they cover, when they are due, how late
they are, and the rules a report must pass (pure, no database).

A report covers a calendar month ("YYYY-MM") and is due on a day of that month set by the
deadline rule `bao_cao_tien_do` (the 25th under TT 36/2013/TT-BCT, data the province can
change). Filing one for a month clears that month's due item; one filed after its due
day keeps the number of days it was late.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from kcdesk.domain.lifecycle import status_label
from kcdesk.domain.vnformat import day
from kcdesk.errors import FieldMessage
from kcdesk.i18n import Lazy, label, tr

RULE_CODE = "bao_cao_tien_do"
DEFAULT_DUE_DAY = 25
DEFAULT_STATUSES = frozenset({"in_progress", "adjustment_requested"})
PROGRESS_LABELS: dict[str, str] = {
    "period": "Tháng báo cáo",
    "submitted_on": "Ngày nộp",
    "completed_pct": "Tiến độ thực hiện (%)",
    "spent": "Kinh phí đã sử dụng (đồng)",
    "outputs": "Khối lượng, kết quả đã đạt",
    "issues": "Khó khăn, vướng mắc",
    "recommendations": "Kiến nghị, đề xuất",
    "status": "Trạng thái đề án",
}
FIELDS: tuple[str, ...] = ("period", "submitted_on", "completed_pct", "spent", "outputs", "issues", "recommendations")
_PERIOD = re.compile(r"^(\d{4})-(\d{1,2})$")
_PERIOD_VN = re.compile(r"^(\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True)
class Lateness:
    due_on: date
    days_late: int  # 0 when filed on or before the due day


def parse_period(text: str | None) -> str | None:
    """'2026-3', '2026-03', '3/2026' or '03-2026' -> '2026-03'; None when it is not a month."""
    if not text:
        return None
    text = text.strip()
    m = _PERIOD.match(text)
    year, month = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    if not m:
        m = _PERIOD_VN.match(text)
        if not m:
            return None
        year, month = int(m.group(2)), int(m.group(1))
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}"


def period_label(period: str) -> str:
    """'2026-03' -> '03/2026', as people write a month."""
    year, _, month = period.partition("-")
    return f"{month}/{year}"


def first_day(period: str) -> date:
    year, month = (int(x) for x in period.split("-"))
    return date(year, month, 1)


def due_date(period: str, due_day: int = DEFAULT_DUE_DAY) -> date:
    """The due day of the month the report covers (the month's last day when it is shorter)."""
    start = first_day(period)
    return start.replace(day=min(due_day, calendar.monthrange(start.year, start.month)[1]))


def lateness(period: str, submitted_on: date, due_day: int = DEFAULT_DUE_DAY) -> Lateness:
    due = due_date(period, due_day)
    return Lateness(due, max(0, (submitted_on - due).days))


def _decimal(value: object) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def report_problems(
    values: Mapping[str, object],
    *,
    status: str,
    statuses: frozenset[str],
    reported: Mapping[str, date],
    today: date,
    editing_period: str | None = None,
) -> dict[str, FieldMessage]:
    """Every reason to refuse a progress report. `reported` maps the months already reported
    to their filing dates; `editing_period` is the month of the report being edited, if any."""
    problems: dict[str, FieldMessage] = {}
    if status not in statuses:
        problems["status"] = FieldMessage(
            "Đề án đang ở trạng thái '{status}': báo cáo tiến độ chỉ nộp khi đề án đang thực hiện ({allowed}).",
            status=label(status_label(status)),
            allowed=Lazy(lambda lang: ", ".join(tr(status_label(s), lang) for s in sorted(statuses))),
        )
    raw_period = values.get("period")
    period = parse_period(raw_period) if isinstance(raw_period, str) else None
    if period is None:
        problems["period"] = FieldMessage(
            "Tháng báo cáo '{value}' không đúng; hãy ghi dạng mm/yyyy (ví dụ 03/2026).", value=raw_period or ""
        )
    elif first_day(period) > today:
        problems["period"] = FieldMessage("Tháng {period} chưa đến; chưa báo cáo được.", period=period_label(period))
    elif period in reported and period != editing_period:
        problems["period"] = FieldMessage(
            "Tháng {period} đã có báo cáo (nộp ngày {on}); hãy sửa báo cáo đó thay vì nộp thêm.",
            period=period_label(period),
            on=day(reported[period]),
        )
    submitted = values.get("submitted_on")
    if not isinstance(submitted, date):
        problems["submitted_on"] = FieldMessage("Hãy nhập ngày nộp báo cáo.")
    elif submitted > today:
        problems["submitted_on"] = FieldMessage(
            "Ngày nộp {on} chưa đến (hôm nay là {today}).", on=day(submitted), today=day(today)
        )
    elif period and submitted < first_day(period):
        problems["submitted_on"] = FieldMessage(
            "Ngày nộp {on} trước tháng được báo cáo ({period}).", on=day(submitted), period=period_label(period)
        )
    pct = values.get("completed_pct")
    if pct is not None and pct != "":
        number = _decimal(pct)
        if number is None or not Decimal(0) <= number <= Decimal(100):
            problems["completed_pct"] = FieldMessage("Tiến độ phải là số phần trăm từ 0 đến 100.")
    spent = values.get("spent")
    if spent is not None and (isinstance(spent, bool) or not isinstance(spent, int) or spent < 0):
        problems["spent"] = FieldMessage("Kinh phí đã sử dụng phải là số nguyên đồng, không âm.")
    return problems
