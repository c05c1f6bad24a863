"""Figures for the dashboard: the year's plan against money paid out, by month and by
activity, the counterpart ratio and outputs. By activity and outputs come from the
periodic report's own figures (kcdesk.reports.periodic_data), so the screen and the
printed report never disagree; the monthly series is added here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import BudgetLine, Disbursement, Proposal, ProposalActivity
from kcdesk.db.store import get_meta
from kcdesk.reports.periodic_data import PeriodicFigures, PeriodicQuery, periodic_figures


@dataclass(frozen=True)
class DashboardData:
    year: int
    figures: PeriodicFigures
    plan_by_month: list[int]  # khuyến công funds of proposals starting in each month (12 values)
    paid_by_month: list[int]  # money paid out in each month of the year (12 values)
    paid_by_activity: dict[str, int]  # advances and payments (not settlements) by activity group
    paid_total: int


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
        Proposal.deleted_at.is_(None),
        Proposal.plan_year == year,
        Proposal.status.not_in(
            (
                "draft",
                "registered",
                "returned",
                "rejected",
                "base_appraised",
                "submitted_to_ministry",
                "ministry_appraised",
            )
        ),
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
    paid = [0] * 12
    paid_month = func.strftime("%m", Disbursement.paid_on)
    for m, amount in session.execute(
        select(paid_month, func.sum(Disbursement.amount))
        .where(
            Disbursement.deleted_at.is_(None),
            Disbursement.kind != "quyet_toan",
            Disbursement.paid_on.between(date(year, 1, 1), date(year, 12, 31)),
        )
        .group_by(paid_month)
    ):
        paid[int(m) - 1] += int(amount or 0)
    # Paid out = advances and payments. A settlement (quyết toán) restates the final amount
    # of money already advanced and paid, so adding it would count the same money twice.
    first_activity = (
        select(ProposalActivity.proposal_id, func.min(ProposalActivity.activity_code).label("code"))
        .where(ProposalActivity.deleted_at.is_(None))
        .group_by(ProposalActivity.proposal_id)
        .subquery()
    )
    by_activity: dict[str, int] = {}
    for code, amount in session.execute(
        select(first_activity.c.code, func.sum(Disbursement.amount))
        .outerjoin(first_activity, first_activity.c.proposal_id == Disbursement.proposal_id)
        .where(
            Disbursement.deleted_at.is_(None), Disbursement.kind != "quyet_toan", Disbursement.proposal_id.in_(in_plan)
        )
        .group_by(first_activity.c.code)
    ):
        root = (code or "-").split(".")[0]
        by_activity[root] = by_activity.get(root, 0) + int(amount or 0)
    return DashboardData(year, figures, plan, paid, by_activity, sum(by_activity.values()))
