"""The numbers of a periodic report, as plain data (the dashboard uses the same function).

Definitions (domain.md §9.4):
- plan: Σ khuyến công funds (BudgetLine.kc_amount) of the proposals in the plan of the
  period's years; proposals not yet approved into a plan are left out;
- disbursed: per proposal, money paid out on or before the period's last day: advances and
  payments (tạm ứng, thanh toán), or the settled amount (quyết toán) when that is larger — a
  settlement records the final approved total, not new money, so it is never added on top;
- execution rate = disbursed ÷ plan;
- counterpart ratio = Σ counterpart ÷ Σ khuyến công funds ("4,78 đồng per đồng");
- outputs: what acceptances signed in the period record;
- post-support change: revenue and jobs after against before, over evaluations in the period;
- settlement lag = settlement date − last acceptance date, for settlements in the period;
- overdue: what is late on the period's last day, under the deadline rules.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    Acceptance,
    ActivityType,
    BudgetLine,
    DeadlineRule,
    Disbursement,
    PostSupportEvaluation,
    Proposal,
    ProposalActivity,
    ProposalStatusEvent,
)
from kcdesk.domain.lifecycle import IN_PLAN_STATUSES
from kcdesk.domain.vocab import LEVELS
from kcdesk.progress import Progress, ensure

# Only proposals approved into a plan count: before that their budgets are requests, not plan.
IN_PLAN = IN_PLAN_STATUSES
IMPLEMENTING = frozenset({"contracted", "in_progress", "adjustment_requested"})
ACCEPTED = frozenset({"accepted", "partially_accepted"})
AWAITING_SETTLEMENT = ACCEPTED | {"settlement_submitted"}
# Fallbacks when the deadline rules are missing (TT 36/2013/TT-BCT).
SETTLEMENT_PAPERS_DAYS = 15
SETTLEMENT_DEADLINE = (1, 22)  # 22 January of the year after the plan year


@dataclass(frozen=True)
class PeriodicQuery:
    start: date
    end: date
    province_code: str | None = None  # None: national

    @property
    def label(self) -> str:
        """'6 tháng đầu năm 2026', 'năm 2026' or 'từ 01/01/2026 đến 30/04/2026'."""
        s, e = self.start, self.end
        if s.year == e.year and (s.month, s.day) == (1, 1):
            if (e.month, e.day) == (6, 30):
                return f"6 tháng đầu năm {s.year}"
            if (e.month, e.day) == (12, 31):
                return f"năm {s.year}"
        if s.year == e.year and (s.month, s.day) == (7, 1) and (e.month, e.day) == (12, 31):
            return f"6 tháng cuối năm {s.year}"
        return f"từ {s:%d/%m/%Y} đến {e:%d/%m/%Y}"


@dataclass
class Funds:
    key: str
    label: str
    proposals: int = 0
    plan: int = 0  # khuyến công funds in the plan
    counterpart: int = 0
    other: int = 0
    disbursed: int = 0

    @property
    def execution_rate(self) -> Decimal | None:
        return Decimal(self.disbursed) / Decimal(self.plan) if self.plan else None

    @property
    def counterpart_ratio(self) -> Decimal | None:
        return Decimal(self.counterpart) / Decimal(self.plan) if self.plan else None

    def add(self, other: Funds) -> None:
        self.proposals += other.proposals
        self.plan += other.plan
        self.counterpart += other.counterpart
        self.other += other.other
        self.disbursed += other.disbursed


@dataclass
class Outputs:
    acceptances: int = 0
    planned_trainees: int = 0
    trainees: int = 0
    trainees_employed: int = 0
    planned_models: int = 0
    models_built: int = 0
    planned_machines: int = 0
    machines_supplied: int = 0
    fairs: int = 0
    brands: int = 0
    counterpart_invested: int = 0

    @property
    def employed_rate(self) -> Decimal | None:
        return Decimal(self.trainees_employed) / Decimal(self.trainees) if self.trainees else None


@dataclass
class PostSupport:
    evaluations: int = 0
    revenue_before: int = 0
    revenue_after: int = 0
    jobs_before: int = 0
    jobs_after: int = 0

    @property
    def revenue_change(self) -> Decimal | None:
        if not self.revenue_before:
            return None
        return Decimal(self.revenue_after - self.revenue_before) / Decimal(self.revenue_before)

    @property
    def jobs_change(self) -> int:
        return self.jobs_after - self.jobs_before


@dataclass(frozen=True)
class SettlementCase:
    code: str
    title: str
    accepted_on: date
    settled_on: date

    @property
    def lag_days(self) -> int:
        return (self.settled_on - self.accepted_on).days


@dataclass(frozen=True)
class OverdueItem:
    code: str
    title: str
    what: str  # Vietnamese: which step is late
    due: date
    days_late: int


@dataclass
class PeriodicFigures:
    query: PeriodicQuery
    total: Funds
    by_level: list[Funds]
    by_activity: list[Funds]
    outputs: Outputs
    post_support: PostSupport
    settlements: list[SettlementCase] = field(default_factory=list)
    overdue: list[OverdueItem] = field(default_factory=list)

    @property
    def lag_mean(self) -> Decimal | None:
        lags = [c.lag_days for c in self.settlements]
        return Decimal(sum(lags)) / len(lags) if lags else None

    @property
    def lag_median(self) -> float | None:
        lags = [c.lag_days for c in self.settlements]
        return statistics.median(lags) if lags else None

    @property
    def lag_max(self) -> int | None:
        return max((c.lag_days for c in self.settlements), default=None)


def _scope(query: PeriodicQuery) -> Select[tuple[str]]:
    """Ids of the proposals in the plan of the period's years (and province)."""
    stmt = select(Proposal.id).where(
        Proposal.deleted_at.is_(None),
        Proposal.plan_year.between(query.start.year, query.end.year),
        Proposal.status.in_(IN_PLAN),
    )
    if query.province_code:
        stmt = stmt.where(Proposal.province_code == query.province_code)
    return stmt


def periodic_figures(session: Session, query: PeriodicQuery, progress: Progress | None = None) -> PeriodicFigures:
    progress = ensure(progress)
    scope = _scope(query).scalar_subquery()
    progress.step(0, 5, "kinh phí")
    budgets = {
        pid: (int(kc or 0), int(cp or 0), int(ot or 0))
        for pid, kc, cp, ot in session.execute(
            select(
                BudgetLine.proposal_id,
                func.sum(BudgetLine.kc_amount),
                func.sum(BudgetLine.counterpart_amount),
                func.sum(BudgetLine.other_amount),
            )
            .where(BudgetLine.deleted_at.is_(None), BudgetLine.proposal_id.in_(scope))
            .group_by(BudgetLine.proposal_id)
        )
    }
    settled_kind = Disbursement.kind == "quyet_toan"
    paid = {
        pid: max(int(out or 0), int(settled or 0))
        for pid, out, settled in session.execute(
            select(
                Disbursement.proposal_id,
                func.sum(case((settled_kind, 0), else_=Disbursement.amount)),
                func.sum(case((settled_kind, Disbursement.amount), else_=0)),
            )
            .where(
                Disbursement.deleted_at.is_(None),
                Disbursement.paid_on <= query.end,
                Disbursement.proposal_id.in_(scope),
            )
            .group_by(Disbursement.proposal_id)
        )
    }
    activity_of = dict(
        session.execute(
            select(ProposalActivity.proposal_id, func.min(ProposalActivity.activity_code))
            .where(ProposalActivity.deleted_at.is_(None), ProposalActivity.proposal_id.in_(scope))
            .group_by(ProposalActivity.proposal_id)
        ).all()
    )
    activities = {
        code: (parent, name)
        for code, parent, name in session.execute(
            select(ActivityType.code, ActivityType.parent_code, ActivityType.name)
        )
    }
    levels = dict(session.execute(select(Proposal.id, Proposal.level).where(Proposal.id.in_(scope))).all())

    progress.step(1, 5, "kinh phí")
    total = Funds("total", "Tổng cộng")
    by_level: dict[str, Funds] = {k: Funds(k, v) for k, v in LEVELS.items()}
    by_activity: dict[str, Funds] = {}
    for pid, level in levels.items():
        kc, cp, ot = budgets.get(pid, (0, 0, 0))
        one = Funds(pid, "", 1, kc, cp, ot, int(paid.get(pid) or 0))
        total.add(one)
        by_level.setdefault(level, Funds(level, level)).add(one)
        root = _root(activity_of.get(pid), activities)
        if root not in by_activity:
            label = activities[root][1] if root in activities else "Chưa xác định nội dung hoạt động"
            by_activity[root] = Funds(root, label)
        by_activity[root].add(one)

    progress.step(2, 5, "kết quả đầu ra")
    outputs = _outputs(session, query, scope)
    progress.step(3, 5, "hiệu quả sau hỗ trợ")
    post = _post_support(session, query)
    progress.step(4, 5, "quyết toán và việc quá hạn")
    settlements = _settlements(session, query)
    overdue = _overdue(session, query)
    progress.step(5, 5, "")
    return PeriodicFigures(
        query=query,
        total=total,
        by_level=list(by_level.values()),
        by_activity=sorted(by_activity.values(), key=_activity_sort),
        outputs=outputs,
        post_support=post,
        settlements=settlements,
        overdue=overdue,
    )


def _root(code: str | None, activities: dict[str, tuple[str | None, str]]) -> str:
    if not code:
        return "-"
    seen = set()
    while code in activities and activities[code][0] and code not in seen:
        seen.add(code)
        code = activities[code][0] or code
    return code


def _activity_sort(f: Funds) -> tuple[int, str]:
    digits = f.key[2:].split(".")[0] if f.key.startswith("KC") else ""
    return (int(digits) if digits.isdigit() else 99, f.key)


def _outputs(session: Session, query: PeriodicQuery, scope: object) -> Outputs:
    out = Outputs()
    acc = session.execute(
        select(
            func.count(),
            *(
                func.coalesce(func.sum(getattr(Acceptance, c)), 0)
                for c in (
                    "trainees",
                    "trainees_employed",
                    "models_built",
                    "machines_supplied",
                    "fairs",
                    "brands",
                    "counterpart_invested",
                )
            ),
        )
        .join(Proposal, Proposal.id == Acceptance.proposal_id)
        .where(
            Acceptance.deleted_at.is_(None),
            Acceptance.accepted_on.between(query.start, query.end),
            *((Proposal.province_code == query.province_code,) if query.province_code else ()),
        )
    ).one()
    (
        out.acceptances,
        out.trainees,
        out.trainees_employed,
        out.models_built,
        out.machines_supplied,
        out.fairs,
        out.brands,
        out.counterpart_invested,
    ) = (int(v) for v in acc)
    planned = session.execute(
        select(
            *(
                func.coalesce(func.sum(getattr(Proposal, c)), 0)
                for c in ("planned_trainees", "planned_models", "planned_machines")
            )
        ).where(Proposal.id.in_(scope))
    ).one()
    out.planned_trainees, out.planned_models, out.planned_machines = (int(v) for v in planned)
    return out


def _post_support(session: Session, query: PeriodicQuery) -> PostSupport:
    e = PostSupportEvaluation
    stmt = (
        select(
            func.count(),
            *(func.coalesce(func.sum(c), 0) for c in (e.revenue_before, e.revenue_after, e.jobs_before, e.jobs_after)),
        )
        .join(Proposal, Proposal.id == e.proposal_id)
        .where(e.deleted_at.is_(None), e.evaluated_on.between(query.start, query.end))
    )
    if query.province_code:
        stmt = stmt.where(Proposal.province_code == query.province_code)
    n, rb, ra, jb, ja = (int(v) for v in session.execute(stmt).one())
    return PostSupport(n, rb, ra, jb, ja)


def _province_filter(query: PeriodicQuery) -> tuple[object, ...]:
    return (Proposal.province_code == query.province_code,) if query.province_code else ()


def _settlements(session: Session, query: PeriodicQuery) -> list[SettlementCase]:
    """Settled in the period: the settlement step's date, else the settlement payment's."""
    settled_event = (
        select(ProposalStatusEvent.proposal_id, func.min(ProposalStatusEvent.event_date).label("on"))
        .where(ProposalStatusEvent.deleted_at.is_(None), ProposalStatusEvent.to_status == "settled")
        .group_by(ProposalStatusEvent.proposal_id)
    )
    settled_paid = (
        select(Disbursement.proposal_id, func.max(Disbursement.paid_on).label("on"))
        .where(Disbursement.deleted_at.is_(None), Disbursement.kind == "quyet_toan")
        .group_by(Disbursement.proposal_id)
    )
    settled_on: dict[str, date] = dict(session.execute(settled_paid).all())
    settled_on.update(session.execute(settled_event).all())
    settled_on = {pid: d for pid, d in settled_on.items() if query.start <= d <= query.end}
    if not settled_on:
        return []
    last_acceptance = (
        select(Acceptance.proposal_id, func.max(Acceptance.accepted_on))
        .where(Acceptance.deleted_at.is_(None))
        .group_by(Acceptance.proposal_id)
    )
    accepted_on = dict(session.execute(last_acceptance).all())
    rows = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title).where(
            Proposal.deleted_at.is_(None), *_province_filter(query)
        )
    )
    cases = [
        SettlementCase(code, title, accepted_on[pid], settled_on[pid])
        for pid, code, title in rows
        if pid in settled_on and pid in accepted_on
    ]
    return sorted(cases, key=lambda c: (-c.lag_days, c.code))


def _rule(session: Session, code: str) -> DeadlineRule | None:
    return session.get(DeadlineRule, code)


def _overdue(session: Session, query: PeriodicQuery) -> list[OverdueItem]:
    as_of = query.end
    papers = _rule(session, "ho_so_quyet_toan")
    papers_days = papers.days if papers and papers.days else SETTLEMENT_PAPERS_DAYS
    final = _rule(session, "quyet_toan")
    month, day = (final.month, final.day) if final and final.month and final.day else SETTLEMENT_DEADLINE
    last_acceptance = dict(
        session.execute(
            select(Acceptance.proposal_id, func.max(Acceptance.accepted_on))
            .where(Acceptance.deleted_at.is_(None), Acceptance.accepted_on <= as_of)
            .group_by(Acceptance.proposal_id)
        ).all()
    )
    rows = session.execute(
        select(
            Proposal.id, Proposal.code, Proposal.title, Proposal.status, Proposal.end_date, Proposal.plan_year
        ).where(
            Proposal.deleted_at.is_(None),
            Proposal.status.in_(IMPLEMENTING | AWAITING_SETTLEMENT),
            *_province_filter(query),
        )
    )
    items: list[OverdueItem] = []
    for pid, code, title, status, end_date, plan_year in rows:
        if status in IMPLEMENTING and end_date and end_date < as_of and pid not in last_acceptance:
            items.append(
                OverdueItem(code, title, "Quá thời hạn thực hiện, chưa nghiệm thu", end_date, (as_of - end_date).days)
            )
        if status in ACCEPTED and pid in last_acceptance:
            due = last_acceptance[pid] + timedelta(days=papers_days)
            if due < as_of:
                items.append(
                    OverdueItem(code, title, "Chậm nộp hồ sơ quyết toán sau nghiệm thu", due, (as_of - due).days)
                )
        if status in AWAITING_SETTLEMENT:
            due = date(plan_year + 1, month, day)
            if due < as_of:
                items.append(OverdueItem(code, title, "Quá hạn quyết toán", due, (as_of - due).days))
    return sorted(items, key=lambda i: (-i.days_late, i.code))
