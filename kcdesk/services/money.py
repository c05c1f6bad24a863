"""A proposal's money: record advances, payments and the settlement, reverse a mistaken
entry, settle the proposal, and the money tab's summary with running totals.

The rules themselves are kcdesk.domain.money (shared with the sync server); this module
gathers the facts from the database, raises ValidationError (field -> reason, labels from
MONEY_LABELS) or LockedError before anything is written, then writes. Entries are never
edited or deleted: `reverse_money` writes the reversing entry instead. A settled proposal
refuses every money write (the service says so; the database lock makes sure).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, Disbursement, Proposal, ProposalStatusEvent
from kcdesk.domain import lifecycle, money
from kcdesk.domain.money import MONEY_LABELS, Entry, MoneyFacts, SourceTotals
from kcdesk.domain.vocab import DISBURSEMENT_KINDS, FUND_SOURCE_BUDGET_COLUMNS, FUND_SOURCES
from kcdesk.errors import FieldMessage, LockedError, NotFoundError, ValidationError
from kcdesk.ids import new_id
from kcdesk.services.proposals import budget_totals, find_proposal, transition
from kcdesk.services.sums import settlement_dates  # noqa: F401  (part of this module's API)
from kcdesk.text import clean

LOCKED_MESSAGE = "Đề án đã quyết toán và khóa: không ghi thêm hay đảo khoản tiền nào được nữa."


@dataclass(frozen=True)
class MoneyLine:
    """One entry as the money tab lists it, in date order."""

    id: str
    kind: str
    kind_label: str
    fund_source: str
    fund_source_label: str
    amount: int  # negative on a reversing entry
    paid_on: date
    document_number: str | None
    note: str | None
    reverses_id: str | None  # set on a reversing entry
    reversed_by: str | None  # set on an entry that a later one reverses
    running_paid_out: int | None  # the source's advances + payments after this entry; None on settlements


@dataclass(frozen=True)
class MoneySummary:
    proposal_id: str
    status: str
    locked: bool
    lines: list[MoneyLine]
    totals: dict[str, SourceTotals]  # fund source -> budget, advanced, paid, settled, remaining
    can_advance: bool = False
    can_pay: bool = False
    can_settle: bool = False
    contract_signed_on: date | None = None

    @property
    def remaining_kc(self) -> int:
        return self.totals[money.KC].remaining

    @property
    def disbursed_kc(self) -> int:
        return self.totals[money.KC].disbursed


def _entries(session: Session, proposal_id: str) -> list[Disbursement]:
    return list(
        session.scalars(
            select(Disbursement)
            .where(Disbursement.proposal_id == proposal_id, Disbursement.deleted_at.is_(None))
            .order_by(Disbursement.paid_on, Disbursement.created_at, Disbursement.id)
        )
    )


def _entry(row: Disbursement) -> Entry:
    return Entry(row.id, row.kind, row.fund_source, row.amount, row.paid_on, row.reverses_id)


def contract_signed_on(session: Session, proposal_id: str) -> date | None:
    """The date of the latest 'sign contract' step, when the history records one."""
    return session.execute(
        select(func.max(ProposalStatusEvent.event_date)).where(
            ProposalStatusEvent.proposal_id == proposal_id,
            ProposalStatusEvent.deleted_at.is_(None),
            ProposalStatusEvent.action == "sign_contract",
        )
    ).scalar()


def accepted_kc(session: Session, proposal_id: str) -> int | None:
    """Khuyến công support accepted by the latest signed acceptance (None: none or zero)."""
    amount = session.execute(
        select(Acceptance.accepted_amount)
        .where(
            Acceptance.proposal_id == proposal_id,
            Acceptance.deleted_at.is_(None),
            Acceptance.signed_at.is_not(None),
        )
        .order_by(Acceptance.accepted_on.desc(), Acceptance.signed_at.desc())
        .limit(1)
    ).scalar()
    return int(amount) if amount else None


def money_facts(session: Session, proposal: Proposal) -> MoneyFacts:
    budget = budget_totals(session, proposal.id)
    return MoneyFacts(
        status=proposal.status,
        budget={source: budget[column] for source, column in FUND_SOURCE_BUDGET_COLUMNS.items()},
        entries=tuple(_entry(r) for r in _entries(session, proposal.id)),
        contract_signed_on=contract_signed_on(session, proposal.id),
        accepted_kc=accepted_kc(session, proposal.id),
    )


def _refuse_if_locked(proposal: Proposal) -> None:
    if proposal.status in money.LOCKED_STATUSES:
        raise LockedError(LOCKED_MESSAGE)


def check_money(
    session: Session,
    ref: str,
    kind: str,
    amount: object,
    paid_on: date | None,
    *,
    fund_source: str = money.KC,
    today: date | None = None,
) -> None:
    """Raise (LockedError, ValidationError) as record_money would, writing nothing."""
    proposal = find_proposal(session, ref)
    _refuse_if_locked(proposal)
    problems = money.entry_problems(
        money_facts(session, proposal), kind, fund_source, amount, paid_on, today or date.today()
    )
    if problems:
        raise ValidationError(problems, labels=MONEY_LABELS)


def record_money(
    session: Session,
    ref: str,
    kind: str,
    amount: int,
    paid_on: date,
    *,
    fund_source: str = money.KC,
    document_number: str | None = None,
    note: str | None = None,
    today: date | None = None,
) -> str:
    """Record an advance (tam_ung), a payment (thanh_toan) or a settlement (quyet_toan) of
    one fund source (kc, doi_ung, khac). Returns the new entry's id."""
    check_money(session, ref, kind, amount, paid_on, fund_source=fund_source, today=today)
    proposal = find_proposal(session, ref)
    row = Disbursement(
        id=new_id(),
        proposal_id=proposal.id,
        kind=kind,
        fund_source=fund_source,
        amount=amount,
        paid_on=paid_on,
        document_number=clean(document_number),
        note=clean(note),
    )
    session.add(row)
    session.flush()
    return row.id


def reverse_money(
    session: Session,
    entry_id: str,
    on: date,
    *,
    note: str | None = None,
    document_number: str | None = None,
    today: date | None = None,
) -> str:
    """Cancel a mistaken entry with a reversing one (same kind and source, amount negated).
    Returns the reversing entry's id."""
    target = session.get(Disbursement, entry_id)
    if target is None or target.deleted_at is not None:
        raise NotFoundError("Không tìm thấy khoản tiền '{ref}'.", ref=entry_id)
    proposal = find_proposal(session, target.proposal_id)
    _refuse_if_locked(proposal)
    problems = money.reversal_problems(money_facts(session, proposal), entry_id, on, today or date.today())
    if problems:
        raise ValidationError(problems, labels=MONEY_LABELS)
    row = Disbursement(
        id=new_id(),
        proposal_id=proposal.id,
        kind=target.kind,
        fund_source=target.fund_source,
        amount=-target.amount,
        paid_on=on,
        reverses_id=target.id,
        document_number=clean(document_number) or target.document_number,
        note=clean(note),
    )
    session.add(row)
    session.flush()
    return row.id


def settle_proposal(
    session: Session,
    ref: str,
    amounts: Mapping[str, int],
    on: date,
    *,
    role: str,
    user_id: str | None = None,
    document_number: str | None = None,
    note: str | None = None,
    today: date | None = None,
) -> str:
    """Approve the settlement: record the settled amount of each fund source given (at least
    khuyến công funds), then take the lifecycle step 'settle' on the same date with the same
    document number. After this the proposal's money is locked. Returns the new status."""
    proposal = find_proposal(session, ref)
    _refuse_if_locked(proposal)
    if not amounts:
        raise ValidationError(
            {"amount": FieldMessage("Hãy nhập số quyết toán (kinh phí khuyến công).")}, labels=MONEY_LABELS
        )
    facts = money_facts(session, proposal)
    today = today or date.today()
    problems: dict[str, FieldMessage] = {}
    for source, amount in amounts.items():
        for key, problem in money.entry_problems(facts, "quyet_toan", source, amount, on, today).items():
            problems.setdefault(key if source == money.KC else f"{key}[{source}]", problem)
    if problems:
        raise ValidationError(problems, labels=MONEY_LABELS)
    lifecycle.check_transition(proposal.status, proposal.level, "settle", role)
    for source, amount in amounts.items():
        record_money(
            session,
            proposal.id,
            "quyet_toan",
            amount,
            on,
            fund_source=source,
            document_number=document_number,
            note=note,
            today=today,
        )
    return transition(
        session, proposal.id, "settle", role=role, user_id=user_id, on=on, note=note, document_number=document_number
    )


def money_summary(session: Session, ref: str) -> MoneySummary:
    """Everything the money tab shows: entries in date order with running totals, and per
    fund source the budget, advanced, paid, settled and what remains."""
    proposal = find_proposal(session, ref)
    facts = money_facts(session, proposal)
    rows = _entries(session, proposal.id)
    entries = [_entry(r) for r in rows]
    running = money.running_paid_out(entries)
    reversed_by = {e.reverses_id: e.id for e in entries if e.reverses_id}
    lines = [
        MoneyLine(
            r.id,
            r.kind,
            DISBURSEMENT_KINDS.get(r.kind, r.kind),
            r.fund_source,
            FUND_SOURCES.get(r.fund_source, r.fund_source),
            r.amount,
            r.paid_on,
            r.document_number,
            r.note,
            r.reverses_id,
            reversed_by.get(r.id),
            run,
        )
        for r, run in zip(rows, running, strict=True)
    ]
    locked = proposal.status in money.LOCKED_STATUSES
    return MoneySummary(
        proposal_id=proposal.id,
        status=proposal.status,
        locked=locked,
        lines=lines,
        totals=money.totals(entries, facts.budget),
        can_advance=not locked and proposal.status in money.ADVANCE_STATUSES,
        can_pay=not locked and proposal.status in money.PAYMENT_STATUSES,
        can_settle=not locked and proposal.status in money.SETTLEMENT_STATUSES,
        contract_signed_on=facts.contract_signed_on,
    )
