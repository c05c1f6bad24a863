"""Per-proposal sums that lists, figures, registers and the money tab share, computed one
way: the approved budget by fund source, the khuyến công money disbursed as of a date,
and when each proposal was accepted and settled.

`proposal_ids` may be a list of ids or a SELECT of ids (a subquery stays in SQL).
"Disbursed" follows kcdesk.domain.money: per proposal and fund source, the live
settlement when there is one by that date, else advances plus payments; reversals net out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement

from kcdesk.db.models import Acceptance, BudgetLine, Disbursement, ProposalStatusEvent
from kcdesk.domain import money


@dataclass(frozen=True)
class BudgetSums:
    kc: int = 0
    counterpart: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.kc + self.counterpart + self.other

    def by_source(self) -> dict[str, int]:
        return {"kc": self.kc, "doi_ung": self.counterpart, "khac": self.other}


def _in(column: Any, proposal_ids: Iterable[str] | Any) -> Any:
    if isinstance(proposal_ids, ClauseElement):  # a SELECT of ids stays in SQL
        return column.in_(proposal_ids)
    return column.in_(list(proposal_ids))


def budget_sums(session: Session, proposal_ids: Iterable[str] | Any) -> dict[str, BudgetSums]:
    """Approved budget of each proposal by fund source (live budget lines). A proposal with
    no lines is absent: callers use BudgetSums() for it."""
    rows = session.execute(
        select(
            BudgetLine.proposal_id,
            func.coalesce(func.sum(BudgetLine.kc_amount), 0),
            func.coalesce(func.sum(BudgetLine.counterpart_amount), 0),
            func.coalesce(func.sum(BudgetLine.other_amount), 0),
        )
        .where(BudgetLine.deleted_at.is_(None), _in(BudgetLine.proposal_id, proposal_ids))
        .group_by(BudgetLine.proposal_id)
    )
    return {pid: BudgetSums(int(kc), int(cp), int(ot)) for pid, kc, cp, ot in rows}


def money_totals(
    session: Session, proposal_ids: Iterable[str] | Any, as_of: date | None = None
) -> dict[str, dict[str, money.SourceTotals]]:
    """Per proposal and fund source: advanced, paid, settled, counting entries dated on or
    before `as_of` (None: all). Budgets are left at 0 here; see budget_sums."""
    stmt = select(
        Disbursement.proposal_id,
        Disbursement.id,
        Disbursement.kind,
        Disbursement.fund_source,
        Disbursement.amount,
        Disbursement.paid_on,
        Disbursement.reverses_id,
    ).where(Disbursement.deleted_at.is_(None), _in(Disbursement.proposal_id, proposal_ids))
    if as_of is not None:
        stmt = stmt.where(Disbursement.paid_on <= as_of)
    entries: dict[str, list[money.Entry]] = defaultdict(list)
    for pid, eid, kind, source, amount, paid_on, reverses in session.execute(stmt):
        entries[pid].append(money.Entry(eid, kind, source, int(amount), paid_on, reverses))
    return {pid: money.totals(rows, {}) for pid, rows in entries.items()}


def kc_disbursed(session: Session, proposal_ids: Iterable[str] | Any, as_of: date | None = None) -> dict[str, int]:
    """Khuyến công money disbursed per proposal by `as_of`: what the execution rate counts."""
    return {pid: t[money.KC].disbursed for pid, t in money_totals(session, proposal_ids, as_of).items()}


def settlement_dates(session: Session, ids: Iterable[str] | None = None) -> dict[str, date]:
    """When each proposal was settled: the date of its 'settle' step, else (a proposal
    imported as settled, with no history) the date of its live settlement entry. `ids`
    limits the proposals looked at (None: all)."""
    wanted = None if ids is None else list(ids)
    if wanted == []:
        return {}
    reversed_ids = select(Disbursement.reverses_id).where(
        Disbursement.reverses_id.is_not(None), Disbursement.deleted_at.is_(None)
    )
    by_entry = (
        select(Disbursement.proposal_id, func.max(Disbursement.paid_on))
        .where(
            Disbursement.deleted_at.is_(None),
            Disbursement.kind == "quyet_toan",
            Disbursement.reverses_id.is_(None),
            Disbursement.id.not_in(reversed_ids),
        )
        .group_by(Disbursement.proposal_id)
    )
    by_step = (
        select(ProposalStatusEvent.proposal_id, func.min(ProposalStatusEvent.event_date))
        .where(ProposalStatusEvent.deleted_at.is_(None), ProposalStatusEvent.to_status == "settled")
        .group_by(ProposalStatusEvent.proposal_id)
    )
    if wanted is not None:
        by_entry = by_entry.where(Disbursement.proposal_id.in_(wanted))
        by_step = by_step.where(ProposalStatusEvent.proposal_id.in_(wanted))
    out: dict[str, date] = {pid: on for pid, on in session.execute(by_entry)}
    out.update({pid: on for pid, on in session.execute(by_step)})
    return out


ACCEPT_STEPS = ("accepted", "partially_accepted")


def acceptance_dates(session: Session, as_of: date | None = None) -> dict[str, date]:
    """The last acceptance date of each proposal: its latest signed acceptance record, else
    (no record, e.g. imported) its latest acceptance step. Only dates on or before `as_of`."""
    by_step = select(ProposalStatusEvent.proposal_id, func.max(ProposalStatusEvent.event_date)).where(
        ProposalStatusEvent.deleted_at.is_(None), ProposalStatusEvent.to_status.in_(ACCEPT_STEPS)
    )
    by_record = select(Acceptance.proposal_id, func.max(Acceptance.accepted_on)).where(
        Acceptance.deleted_at.is_(None), Acceptance.signed_at.is_not(None)
    )
    if as_of is not None:
        by_step = by_step.where(ProposalStatusEvent.event_date <= as_of)
        by_record = by_record.where(Acceptance.accepted_on <= as_of)
    out: dict[str, date] = {pid: on for pid, on in session.execute(by_step.group_by(ProposalStatusEvent.proposal_id))}
    out.update({pid: on for pid, on in session.execute(by_record.group_by(Acceptance.proposal_id))})
    return out


def stopped_ids(session: Session, proposal_ids: Iterable[str] | Any) -> set[str]:
    """Proposals that were stopped at some point (the 'stop' step), whatever they became after."""
    return set(
        session.scalars(
            select(ProposalStatusEvent.proposal_id).where(
                ProposalStatusEvent.deleted_at.is_(None),
                ProposalStatusEvent.to_status == "stopped",
                _in(ProposalStatusEvent.proposal_id, proposal_ids),
            )
        )
    )
