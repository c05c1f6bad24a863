"""The numbers of a periodic report, as plain data (the dashboard uses the same function).

What is computed (docs/reports.md says the same, in the same words):
- scope: proposals of the period's plan years (and province) approved into a plan
  (lifecycle.IN_PLAN_STATUSES); a proposal that was stopped (a 'stop' step, whatever it
  became after) and never received khuyến công money leaves the plan;
- plan: Σ khuyến công funds of the budget lines (BudgetLine.kc_amount); a stopped
  proposal that received money counts what it received instead (its settled amount, or its
  advances and payments), and its counterpart and other funds likewise;
- disbursed: khuyến công money only (fund source 'kc'), per proposal, counting entries dated
  on or before the period's last day, reversals netted out: the settled amount once the
  proposal has a live settlement, else advances plus payments (a settlement states the final
  total: it replaces what was paid out, never adds to it; kcdesk.domain.money);
- execution rate = disbursed ÷ plan; counterpart ratio = Σ counterpart ÷ Σ plan;
- outputs: what signed acceptances dated in the period record; planned outputs of the scope;
- post-support change: over evaluations dated in the period, revenue (and jobs) after against
  before, summed over the evaluations that recorded both; equipment still in use;
- settlement lag = settlement date − last acceptance date, for proposals settled in the
  period (settlement date: the 'settle' step, else the settlement entry; acceptance date:
  the last signed acceptance record, else the last acceptance step);
- overdue on the period's last day: past the end date and not accepted; and every deadline
  rule item overdue on that day (progress reports, settlement papers, settlement,
  post-support evaluation; kcdesk.services.due).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, ActivityType, PostSupportEvaluation, Proposal, ProposalActivity
from kcdesk.domain.lifecycle import IN_PLAN_STATUSES
from kcdesk.domain.vocab import LEVELS
from kcdesk.progress import Progress, ensure
from kcdesk.services.due import due_list
from kcdesk.services.due import rules as due_rules
from kcdesk.services.proposals import PLANNED_OUTPUTS
from kcdesk.services.sums import (
    BudgetSums,
    acceptance_dates,
    budget_sums,
    kc_disbursed,
    money_totals,
    settlement_dates,
    stopped_ids,
)

# Only proposals approved into a plan count: before that their budgets are requests, not plan.
IN_PLAN = IN_PLAN_STATUSES
IMPLEMENTING = frozenset({"contracted", "in_progress", "adjustment_requested"})
ACCEPTED = frozenset({"accepted", "partially_accepted"})
AWAITING_SETTLEMENT = ACCEPTED | {"settlement_submitted"}


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
    planned_fairs: int = 0
    fairs: int = 0
    planned_brands: int = 0
    brands: int = 0
    counterpart_invested: int = 0

    @property
    def employed_rate(self) -> Decimal | None:
        return Decimal(self.trainees_employed) / Decimal(self.trainees) if self.trainees else None


@dataclass
class PostSupport:
    """Evaluations dated in the period. Revenue sums cover the evaluations that recorded
    revenue before and after (`revenue_pairs` of them); jobs likewise."""

    evaluations: int = 0
    revenue_pairs: int = 0
    revenue_before: int = 0
    revenue_after: int = 0
    jobs_pairs: int = 0
    jobs_before: int = 0
    jobs_after: int = 0
    in_use: int = 0  # equipment or model still in use
    not_in_use: int = 0

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


def _scope(query: PeriodicQuery) -> Select[Any]:
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
    candidates = _scope(query)
    progress.step(0, 5, "kinh phí")
    budgets = budget_sums(session, candidates)
    stopped = stopped_ids(session, candidates) | set(session.scalars(candidates.where(Proposal.status == "stopped")))
    received = money_totals(session, stopped) if stopped else {}
    paid = kc_disbursed(session, candidates, query.end)
    activity_of = dict(
        session.execute(
            select(ProposalActivity.proposal_id, func.min(ProposalActivity.activity_code))
            .where(ProposalActivity.deleted_at.is_(None), ProposalActivity.proposal_id.in_(candidates))
            .group_by(ProposalActivity.proposal_id)
        ).all()
    )
    activities = {
        code: (parent, name)
        for code, parent, name in session.execute(
            select(ActivityType.code, ActivityType.parent_code, ActivityType.name)
        )
    }
    levels = dict(session.execute(select(Proposal.id, Proposal.level).where(Proposal.id.in_(candidates))).all())

    progress.step(1, 5, "kinh phí")
    total = Funds("total", "Tổng cộng")
    by_level: dict[str, Funds] = {k: Funds(k, v) for k, v in LEVELS.items()}
    by_activity: dict[str, Funds] = {}
    in_plan: list[str] = []
    for pid, level in levels.items():
        budget = budgets.get(pid, BudgetSums())
        kc, cp, ot = budget.kc, budget.counterpart, budget.other
        if pid in stopped:
            got = received.get(pid, {})
            kc, cp, ot = (got[s].disbursed if s in got else 0 for s in ("kc", "doi_ung", "khac"))
            if kc <= 0:
                continue  # stopped before any khuyến công money: it leaves the plan
        in_plan.append(pid)
        one = Funds(pid, "", 1, kc, cp, ot, int(paid.get(pid) or 0))
        total.add(one)
        by_level.setdefault(level, Funds(level, level)).add(one)
        root = _root(activity_of.get(pid), activities)
        if root not in by_activity:
            label = activities[root][1] if root in activities else "Chưa xác định nội dung hoạt động"
            by_activity[root] = Funds(root, label)
        by_activity[root].add(one)

    progress.step(2, 5, "kết quả đầu ra")
    outputs = _outputs(session, query, in_plan)
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


def _outputs(session: Session, query: PeriodicQuery, in_plan: list[str]) -> Outputs:
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
            Acceptance.signed_at.is_not(None),
            Proposal.deleted_at.is_(None),
            Acceptance.accepted_on.between(query.start, query.end),
            *_province_filter(query),
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
        select(*(func.coalesce(func.sum(getattr(Proposal, c)), 0) for c in PLANNED_OUTPUTS)).where(
            Proposal.id.in_(in_plan)
        )
    ).one()
    (
        out.planned_trainees,
        out.planned_models,
        out.planned_machines,
        out.planned_fairs,
        out.planned_brands,
    ) = (int(v) for v in planned)
    return out


def _post_support(session: Session, query: PeriodicQuery) -> PostSupport:
    e = PostSupportEvaluation
    rows = session.execute(
        select(e.revenue_before, e.revenue_after, e.jobs_before, e.jobs_after, e.machinery_in_use)
        .join(Proposal, Proposal.id == e.proposal_id)
        .where(
            e.deleted_at.is_(None),
            Proposal.deleted_at.is_(None),
            e.evaluated_on.between(query.start, query.end),
            *_province_filter(query),
        )
    ).all()
    post = PostSupport(evaluations=len(rows))
    for revenue_before, revenue_after, jobs_before, jobs_after, in_use in rows:
        if revenue_before is not None and revenue_after is not None:
            post.revenue_pairs += 1
            post.revenue_before += revenue_before
            post.revenue_after += revenue_after
        if jobs_before is not None and jobs_after is not None:
            post.jobs_pairs += 1
            post.jobs_before += jobs_before
            post.jobs_after += jobs_after
        if in_use is True:
            post.in_use += 1
        elif in_use is False:
            post.not_in_use += 1
    return post


def _province_filter(query: PeriodicQuery) -> tuple[ColumnElement[bool], ...]:
    return (Proposal.province_code == query.province_code,) if query.province_code else ()


def _settlements(session: Session, query: PeriodicQuery) -> list[SettlementCase]:
    """Proposals settled in the period, with their last acceptance date (kcdesk.services.sums)."""
    settled_on = {pid: d for pid, d in settlement_dates(session).items() if query.start <= d <= query.end}
    if not settled_on:
        return []
    accepted_on = acceptance_dates(session)
    rows = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title).where(
            Proposal.deleted_at.is_(None), Proposal.id.in_(list(settled_on)), *_province_filter(query)
        )
    )
    cases = [
        SettlementCase(code, title, accepted_on[pid], settled_on[pid])
        for pid, code, title in rows
        if pid in accepted_on
    ]
    return sorted(cases, key=lambda c: (-c.lag_days, c.code))


# How a late deadline-rule item reads in the report's overdue table (rule code -> words).
OVERDUE_WORDS = {
    "bao_cao_tien_do": "Chậm báo cáo tiến độ hằng tháng",
    "ho_so_quyet_toan": "Chậm nộp hồ sơ quyết toán sau nghiệm thu",
    "quyet_toan": "Quá hạn quyết toán",
    "danh_gia_sau_ho_tro": "Quá hạn đánh giá sau hỗ trợ",
}
NOT_ACCEPTED = "Quá thời hạn thực hiện, chưa nghiệm thu"


def _overdue(session: Session, query: PeriodicQuery) -> list[OverdueItem]:
    """Late on the period's last day: past the end date and not accepted, and every overdue
    item of the deadline rules that watch proposals in a plan (not the registration ones)."""
    as_of = query.end
    accepted = acceptance_dates(session, as_of)
    rows = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title, Proposal.status, Proposal.end_date).where(
            Proposal.deleted_at.is_(None), *_province_filter(query)
        )
    ).all()
    in_scope = {pid for pid, *_ in rows}
    items: list[OverdueItem] = [
        OverdueItem(code, title, NOT_ACCEPTED, end_date, (as_of - end_date).days)
        for pid, code, title, status, end_date in rows
        if status in IMPLEMENTING and end_date and end_date < as_of and pid not in accepted
    ]
    plan_rules = {r.code for r in due_rules(session) if r.statuses & IN_PLAN}
    for item in due_list(session, as_of, horizon_days=0):
        if item.overdue and item.rule in plan_rules and item.proposal_id in in_scope:
            what = OVERDUE_WORDS.get(item.rule, item.rule_name)
            items.append(OverdueItem(item.code, item.title, what, item.due, -item.days_left))
    return sorted(items, key=lambda i: (-i.days_late, i.code))
