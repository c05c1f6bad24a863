"""The due list: every proposal deadline that is overdue or coming up; and the counts the
dashboard and `kcdesk status` show for the follow-up work (progress reports still missing
this month, evaluations falling due)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, DeadlineRule, ProgressReport, Proposal
from kcdesk.domain.deadlines import (
    PROGRESS_RULE,
    DueItem,
    FollowUpCounts,
    ProposalFacts,
    Rule,
    due_items,
    follow_up_from,
    rule_from_row,
)
from kcdesk.services.sums import settlement_dates


def rules(session: Session) -> list[Rule]:
    return [
        rule_from_row(r.code, r.name, r.level, r.statuses, r.anchor, r.month, r.day, r.days, r.legal_basis)
        for r in session.scalars(select(DeadlineRule))
    ]


def due_list(session: Session, today: date | None = None, horizon_days: int = 30) -> list[DueItem]:
    today = today or date.today()
    rule_list = rules(session)
    watched = {s for r in rule_list for s in r.statuses}
    proposals = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title, Proposal.level, Proposal.status, Proposal.plan_year).where(
            Proposal.deleted_at.is_(None), Proposal.status.in_(watched)
        )
    ).all()
    ids = [p[0] for p in proposals]
    accepted = dict(
        session.execute(
            select(Acceptance.proposal_id, func.max(Acceptance.accepted_on))
            .where(Acceptance.proposal_id.in_(ids), Acceptance.deleted_at.is_(None), Acceptance.signed_at.is_not(None))
            .group_by(Acceptance.proposal_id)
        ).all()
    )
    periods: dict[str, set[str]] = defaultdict(set)
    for pid, period in session.execute(
        select(ProgressReport.proposal_id, ProgressReport.period).where(
            ProgressReport.proposal_id.in_(ids), ProgressReport.deleted_at.is_(None)
        )
    ):
        periods[pid].add(period)
    settled = settlement_dates(session, [p[0] for p in proposals if p[4] == "settled"])
    facts = [
        ProposalFacts(
            pid, code, title, level, status, year, accepted.get(pid), frozenset(periods.get(pid, ())), settled.get(pid)
        )
        for pid, code, title, level, status, year in proposals
    ]
    return due_items(rule_list, facts, today, horizon_days)


def follow_up_counts(session: Session, today: date | None = None, horizon_days: int = 30) -> FollowUpCounts:
    today = today or date.today()
    due = due_list(session, today, horizon_days)
    period = today.strftime("%Y-%m")
    statuses = {s for r in rules(session) if r.code == PROGRESS_RULE for s in r.statuses}
    under_way = select(Proposal.id).where(Proposal.deleted_at.is_(None), Proposal.status.in_(statuses))
    reported = select(ProgressReport.proposal_id).where(
        ProgressReport.deleted_at.is_(None), ProgressReport.period == period
    )
    missing = session.execute(
        select(func.count()).select_from(under_way.where(Proposal.id.not_in(reported)).subquery())
    ).scalar_one()
    return follow_up_from(due, int(missing))
