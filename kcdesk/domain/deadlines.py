"""Deadline rules (data) evaluated against proposals: what is due and what is overdue.

Rules come from the `deadline_rule` table (seeded from resources/reference/deadline_rules.json,
editable when a province sets its own). Anchors:
- before_plan_year: a fixed day and month of the year before the plan year (registration by 20 May);
- monthly: a day of every month while the proposal is in the watched statuses (progress by the 25th),
  met by a progress report for the month;
- after_acceptance: N days after the (last) acceptance date (settlement papers within 15 days);
- after_plan_year: a fixed day and month of the year after the plan year (settlement by 22 January);
- after_settlement: N days after the settlement date (the post-support evaluation, met by an
  evaluation: the proposal then leaves the watched "settled" status).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple


# The records here are NamedTuples, not dataclasses: `kcdesk status` reads through this
# module, and importing dataclasses (and with it inspect) would add about 8 ms to its start.
class Rule(NamedTuple):
    code: str
    name: str
    level: str | None
    statuses: frozenset[str]
    anchor: str
    month: int | None
    day: int | None
    days: int | None
    legal_basis: str


class ProposalFacts(NamedTuple):
    """What the due list needs to know about a proposal, as plain data."""

    id: str
    code: str
    title: str
    level: str
    status: str
    plan_year: int
    last_acceptance: date | None
    reported_periods: frozenset[str]  # "YYYY-MM" months with a progress report
    settled_on: date | None = None


class DueItem(NamedTuple):
    proposal_id: str
    code: str
    title: str
    rule: str
    rule_name: str
    due: date
    days_left: int
    legal_basis: str

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def periods_looked_at(today: date) -> tuple[str, str]:
    """Last month and this month ("YYYY-MM"): the only progress-report periods the monthly
    rule looks at, so a reader may fetch just these (kcdesk.db.quick_read)."""
    last = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    return last.strftime("%Y-%m"), today.strftime("%Y-%m")


def _due_date(rule: Rule, p: ProposalFacts, today: date) -> date | None:
    if rule.anchor == "before_plan_year":
        return date(p.plan_year - 1, rule.month or 1, rule.day or 1)
    if rule.anchor == "after_plan_year":
        return date(p.plan_year + 1, rule.month or 1, rule.day or 1)
    if rule.anchor == "after_acceptance":
        return p.last_acceptance + timedelta(days=rule.days or 0) if p.last_acceptance else None
    if rule.anchor == "after_settlement":
        return p.settled_on + timedelta(days=rule.days or 0) if p.settled_on else None
    if rule.anchor == "monthly":
        # The report for a month is due on `day` of that month: the earliest month not yet
        # reported (from the current one back to last month) decides.
        day = rule.day or 25
        this_month = date(today.year, today.month, min(day, 28 if today.month == 2 else day))
        last = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        last_due = date(last.year, last.month, min(day, 28 if last.month == 2 else day))
        last_period, this_period = periods_looked_at(today)
        if last_period not in p.reported_periods and last_due.year >= p.plan_year:
            return last_due
        if this_period not in p.reported_periods:
            return this_month
        return None
    raise ValueError(f"unknown deadline anchor {rule.anchor!r}")


def due_items(
    rules: Iterable[Rule], proposals: Iterable[ProposalFacts], today: date, horizon_days: int = 30
) -> list[DueItem]:
    """Deadlines that are overdue or fall within `horizon_days`, soonest first."""
    rules = list(rules)
    items: list[DueItem] = []
    for p in proposals:
        for rule in rules:
            if p.status not in rule.statuses or (rule.level and rule.level != p.level):
                continue
            due = _due_date(rule, p, today)
            if due is None:
                continue
            days_left = (due - today).days
            if days_left <= horizon_days:
                items.append(DueItem(p.id, p.code, p.title, rule.code, rule.name, due, days_left, rule.legal_basis))
    items.sort(key=lambda i: (i.due, i.code))
    return items


def rule_from_row(
    code: str,
    name: str,
    level: str | None,
    statuses: str,
    anchor: str,
    month: int | None,
    day: int | None,
    days: int | None,
    legal_basis: str,
) -> Rule:
    """A `deadline_rule` row (statuses comma-separated) as a Rule."""
    return Rule(
        code, name, level, frozenset(s.strip() for s in statuses.split(",")), anchor, month, day, days, legal_basis
    )


PROGRESS_RULE = "bao_cao_tien_do"
EVALUATION_RULE = "danh_gia_sau_ho_tro"


class FollowUpCounts(NamedTuple):
    progress_missing: int  # proposals under way with no progress report for this month yet
    progress_overdue: int  # of which (or for last month) the report is past its due day
    evaluations_due: int  # settled proposals whose evaluation falls due within the horizon
    evaluations_overdue: int  # of which past due


def follow_up_from(due: Iterable[DueItem], progress_missing: int) -> FollowUpCounts:
    """The follow-up counts out of the due list and the number of proposals under way with
    no progress report this month."""
    due = list(due)
    return FollowUpCounts(
        progress_missing=progress_missing,
        progress_overdue=sum(1 for d in due if d.rule == PROGRESS_RULE and d.overdue),
        evaluations_due=sum(1 for d in due if d.rule == EVALUATION_RULE),
        evaluations_overdue=sum(1 for d in due if d.rule == EVALUATION_RULE and d.overdue),
    )
