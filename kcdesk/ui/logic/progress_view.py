"""Monthly progress reports (Mẫu 3a) as the proposal's tab shows them: one row per month
filed, late ones with their days, and what is still missing. Plain Python, tested
without Qt."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from kcdesk.domain.deadlines import DueItem
from kcdesk.domain.progress_reports import lateness
from kcdesk.domain.vnformat import day, decimal, group, percent
from kcdesk.ui.logic.facility_form import parse_day
from kcdesk.ui.logic.i18n import tr
from kcdesk.ui.logic.typed_fields import month_of, month_text, parse_month

RULE_CODE = "bao_cao_tien_do"  # the deadline rule the monthly report meets


def lateness_text(days_late: int | None, lang: str | None = None) -> str:
    if not days_late:
        return tr("Đúng hạn", lang)
    return tr("Trễ {n} ngày", lang, n=days_late)


def report_cells(r: Mapping[str, Any], lang: str | None = None) -> tuple[str, ...]:
    """Month, filed on, due on, on time or late, progress %, money used, outputs,
    problems, proposals."""
    pct = r.get("completed_pct")
    return (
        month_text(r.get("period")),
        day(r.get("submitted_on")),
        day(r.get("due_on")),
        lateness_text(r.get("days_late"), lang),
        "" if pct is None else percent(pct, 0 if pct == int(pct) else 1),
        "" if r.get("spent") is None else group(r["spent"]),
        r.get("outputs") or "",
        r.get("issues") or "",
        r.get("recommendations") or "",
    )


def missing(due: Iterable[DueItem]) -> list[DueItem]:
    """The proposal's due items that a monthly report clears."""
    return [d for d in due if d.rule == RULE_CODE]


def missing_text(due: Iterable[DueItem], lang: str | None = None) -> str:
    items = missing(due)
    if not items:
        return tr("Không còn tháng nào thiếu báo cáo tiến độ.", lang)
    parts = []
    for d in items:
        if d.overdue:
            parts.append(
                tr(
                    "tháng {month} (hạn {due}, quá hạn {n} ngày)",
                    lang,
                    month=month_text(month_of(d.due)),
                    due=day(d.due),
                    n=-d.days_left,
                )
            )
        else:
            parts.append(tr("tháng {month} (hạn {due})", lang, month=month_text(month_of(d.due)), due=day(d.due)))
    return tr("Chưa nộp báo cáo tiến độ: {months}.", lang, months="; ".join(parts))


def suggested_period(due: Iterable[DueItem], today: date | None = None) -> str:
    """The month a new report most likely covers: the earliest one still missing, else
    the current month."""
    items = sorted(missing(due), key=lambda d: d.due)
    return month_of(items[0].due) if items else month_of(today or date.today())


def follow_up_text(counts: Any, today: date | None = None, lang: str | None = None) -> str:
    """The due list's and the dashboard's line about this month's follow-up work, from
    kcdesk.services.due.follow_up_counts."""
    month = month_text(month_of(today or date.today()))
    if counts.progress_missing:
        progress = tr("Tháng {month}: {n} đề án chưa nộp báo cáo tiến độ", lang, month=month, n=counts.progress_missing)
    else:
        progress = tr("Tháng {month}: đã đủ báo cáo tiến độ", lang, month=month)
    if counts.progress_overdue:
        progress += tr(" ({n} quá hạn)", lang, n=counts.progress_overdue)
    evaluations = tr("{n} đánh giá sau hỗ trợ đến hạn", lang, n=counts.evaluations_due)
    if counts.evaluations_overdue:
        evaluations += tr(" ({n} quá hạn)", lang, n=counts.evaluations_overdue)
    return f"{progress} · {evaluations}"


def lateness_hint(period_typed: str, submitted_typed: str, due_day: int, lang: str | None = None) -> tuple[str, bool]:
    """(text, late) under the month and date boxes, as they are typed: when that month's
    report is due and whether filing it on that date is late (the core's rule, which the
    filed report keeps)."""
    period = parse_month(period_typed)
    if period is None:
        return "", False
    submitted = parse_day(submitted_typed)
    late = lateness(period, submitted if isinstance(submitted, date) else date.today(), due_day)
    text = tr("Hạn nộp báo cáo tháng {month}: {due}", lang, month=month_text(period), due=day(late.due_on))
    if not isinstance(submitted, date):
        return text + ".", False
    if late.days_late:
        return text + tr(" · nộp ngày {on} là trễ {n} ngày.", lang, on=day(submitted), n=late.days_late), True
    return text + tr(" · nộp ngày {on} là đúng hạn.", lang, on=day(submitted)), False


def report_texts(r: Mapping[str, Any]) -> dict[str, str]:
    """A filed report's values as the form's boxes show them, to correct it."""
    pct = r.get("completed_pct")
    return {
        "period": month_text(r.get("period")),
        "submitted_on": day(r.get("submitted_on")),
        "completed_pct": "" if pct is None else decimal(pct, 2).rstrip("0").rstrip(","),
        "spent": "" if r.get("spent") is None else group(r["spent"]),
        "outputs": r.get("outputs") or "",
        "issues": r.get("issues") or "",
        "recommendations": r.get("recommendations") or "",
    }
