"""Figures for the dashboard: the year's plan against money paid out, by month and by
activity, the counterpart ratio and outputs. Everything paid out comes from the periodic
report's own function (kcdesk.reports.periodic_data.periodic_figures: per proposal,
khuyến công money only, advances plus payments until a settlement states the final total
and replaces them), so the screen and the printed report never disagree; only the plan by
start month is read here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import BudgetLine, Disbursement, Proposal
from kcdesk.db.store import get_meta
from kcdesk.domain.lifecycle import IN_PLAN_STATUSES
from kcdesk.reports.periodic_data import PeriodicFigures, PeriodicQuery, periodic_figures


@dataclass(frozen=True)
class DashboardData:
    year: int
    figures: PeriodicFigures
    plan_by_month: list[int]  # khuyến công funds of proposals starting in each month (12 values)
    paid_by_month: list[int]  # money paid out in each month of the year (12 values), the report's rule
    paid_by_activity: dict[str, int]  # disbursed by activity group (the periodic report's figures)
    paid_total: int  # = figures.total.disbursed


def available_years(session: Session) -> list[int]:
    years = [
        int(y)
        for y in session.execute(
            select(Proposal.plan_year)
            .where(Proposal.deleted_at.is_(None))
            .distinct()
            .order_by(Proposal.plan_year.desc())
        ).scalars()
    ]
    return years or [date.today().year]


def dashboard_data(session: Session, year: int) -> DashboardData:
    province = get_meta(session, "province_code")
    figures = periodic_figures(session, PeriodicQuery(date(year, 1, 1), date(year, 12, 31), province))
    in_plan = select(Proposal.id).where(
        Proposal.deleted_at.is_(None), Proposal.plan_year == year, Proposal.status.in_(IN_PLAN_STATUSES)
    )
    plan = [0] * 12
    month = func.strftime("%m", func.coalesce(Proposal.start_date, f"{year}-01-01"))
    for m, kc in session.execute(
        select(month, func.sum(BudgetLine.kc_amount))
        .join(Proposal, Proposal.id == BudgetLine.proposal_id)
        .where(BudgetLine.deleted_at.is_(None), Proposal.id.in_(in_plan))
        .group_by(month)
    ):
        plan[max(0, min(11, int(m) - 1))] += int(kc or 0)
    paid = _paid_by_month(session, year, province, figures.total.disbursed)
    by_activity = {f.key: f.disbursed for f in figures.by_activity if f.disbursed}
    return DashboardData(year, figures, plan, paid, by_activity, figures.total.disbursed)


def _paid_by_month(session: Session, year: int, province: str | None, year_total: int) -> list[int]:
    """Money paid out in each month under the periodic report's own rule (per proposal,
    advances plus payments until the settlement replaces them with the final total): the
    report's figure up to the end of each month, minus the month before. A month can be
    negative: a settlement below what was paid out (money returned) lowers the running total.
    The report is asked again only for months in which a disbursement was recorded; in the
    others the running total cannot move."""
    in_year = Disbursement.paid_on.between(date(year, 1, 1), date(year, 12, 31))
    months = {
        int(m)
        for (m,) in session.execute(
            select(func.strftime("%m", Disbursement.paid_on))
            .where(Disbursement.deleted_at.is_(None), in_year)
            .distinct()
        )
    }
    # Money paid before 1 January for this year's plan shows in the first month with a payment.
    paid, running = [0] * 12, 0
    for month in range(1, 13):
        if month in months:
            last_day = date(year, 12, 31) if month == 12 else date(year, month + 1, 1) - timedelta(days=1)
            now = year_total if month == 12 else _disbursed_until(session, year, province, last_day)
            paid[month - 1] = now - running
            running = now
    if running != year_total:  # the last payment month was before December, or none this year
        paid[max(months) - 1 if months else 0] += year_total - running
    return paid


def _disbursed_until(session: Session, year: int, province: str | None, end: date) -> int:
    """Disbursed for the proposals of the year's plan, counting payments made up to `end`."""
    figures = periodic_figures(session, PeriodicQuery(date(year, 1, 1), end, province))
    return figures.total.disbursed
