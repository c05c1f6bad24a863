"""Exporting the proposal list as the import's workbook: the proposals with their step
dates and signed acceptance, every budget line, and the money entries that count (an
entry cancelled by a reversal is left out with its reversal).

Imported back into the same database the workbook changes nothing; into another one
(with the same facilities) it gives the same proposals, budgets, money and steps.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    Acceptance,
    AcceptanceMember,
    AdminUnit,
    BudgetLine,
    Disbursement,
    Facility,
    Proposal,
    ProposalActivity,
    ProposalBeneficiary,
    ProposalStatusEvent,
)
from kcdesk.db.store import Store
from kcdesk.domain.vocab import DISBURSEMENT_KINDS, FUND_SOURCES
from kcdesk.exchange.proposal_columns import ACHIEVED_FIELDS, PLANNED_FIELDS
from kcdesk.exchange.proposal_rows import CONCLUSIONS
from kcdesk.exchange.proposal_steps import STEP_DATE, STEP_DOCUMENT
from kcdesk.exchange.proposal_vocab import LEVEL_LABELS, STATUS_LABELS
from kcdesk.exchange.sheets_out import write_book
from kcdesk.progress import Progress, ensure
from kcdesk.services.sums import budget_sums

BATCH = 2000


def _names(session: Session) -> dict[str, str]:
    rows = session.execute(select(AdminUnit.code, AdminUnit.full_name).where(AdminUnit.valid_to.is_(None)))
    return {code: name for code, name in rows}


def _grouped(session: Session, stmt: Any) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    for row in session.execute(stmt):
        out[row[0]].append(row)
    return out


def _steps(session: Session, sub: Any) -> dict[str, dict[str, Any]]:
    """Per proposal: each step date field and document field from its latest such step."""
    out: dict[str, dict[str, Any]] = defaultdict(dict)
    events = session.execute(
        select(
            ProposalStatusEvent.proposal_id,
            ProposalStatusEvent.action,
            ProposalStatusEvent.event_date,
            ProposalStatusEvent.document_number,
        )
        .where(ProposalStatusEvent.deleted_at.is_(None), ProposalStatusEvent.proposal_id.in_(sub))
        .order_by(ProposalStatusEvent.event_date, ProposalStatusEvent.created_at)
    )
    for pid, action, on, document in events:
        if action in STEP_DATE:
            out[pid][STEP_DATE[action]] = on
        if action in STEP_DOCUMENT:
            out[pid][STEP_DOCUMENT[action]] = document
    return out


def _acceptances(session: Session, sub: Any) -> dict[str, dict[str, Any]]:
    """Per proposal, its latest signed acceptance as the proposal sheet's columns."""
    out: dict[str, dict[str, Any]] = {}
    rows = session.scalars(
        select(Acceptance)
        .where(Acceptance.deleted_at.is_(None), Acceptance.signed_at.is_not(None), Acceptance.proposal_id.in_(sub))
        .order_by(Acceptance.accepted_on, Acceptance.signed_at)
    )
    for a in rows:
        chair = session.scalars(
            select(AcceptanceMember.full_name)
            .where(AcceptanceMember.acceptance_id == a.id, AcceptanceMember.deleted_at.is_(None))
            .order_by(AcceptanceMember.role != "chu_tri", AcceptanceMember.sort_order)
        ).first()
        out[a.proposal_id] = {
            "acceptance_number": a.number,
            "acceptance_conclusion": CONCLUSIONS.get(a.conclusion or "", a.conclusion),
            "acceptance_chair": chair,
            "accepted_amount": a.accepted_amount or None,
            **{k: getattr(a, k) for k in ACHIEVED_FIELDS},
        }
    return out


def proposal_rows(session: Session, sub: Any, taxes: dict[str, str]) -> Iterator[dict[str, Any]]:
    names = _names(session)
    sums = budget_sums(session, sub)
    activities = _grouped(
        session,
        select(ProposalActivity.proposal_id, ProposalActivity.activity_code)
        .where(ProposalActivity.deleted_at.is_(None), ProposalActivity.proposal_id.in_(sub))
        .order_by(ProposalActivity.created_at),
    )
    beneficiaries = _grouped(
        session,
        select(ProposalBeneficiary.proposal_id, ProposalBeneficiary.facility_id)
        .where(ProposalBeneficiary.deleted_at.is_(None), ProposalBeneficiary.proposal_id.in_(sub))
        .order_by(ProposalBeneficiary.created_at),
    )
    steps, accepted = _steps(session, sub), _acceptances(session, sub)
    stmt = select(Proposal).where(Proposal.id.in_(sub)).order_by(Proposal.plan_year, Proposal.code)
    for p in session.scalars(stmt.execution_options(yield_per=BATCH)):
        budget = sums.get(p.id)
        yield {
            "code": p.code,
            "title": p.title,
            "level": LEVEL_LABELS.get(p.level, p.level),
            "plan_year": p.plan_year,
            "activity_code": "; ".join(code for _, code in activities.get(p.id, [])) or None,
            "implementing_unit": p.implementing_unit,
            "province": names.get(p.province_code, p.province_code),
            "ward": names.get(p.ward_code or "", p.ward_code),
            "location": p.location,
            "start_date": p.start_date,
            "end_date": p.end_date,
            "status": STATUS_LABELS.get(p.status, p.status),
            "beneficiaries": "; ".join(taxes.get(f, "") for _, f in beneficiaries.get(p.id, []) if taxes.get(f))
            or None,
            "kc_amount": budget.kc if budget else None,
            "counterpart_amount": budget.counterpart if budget else None,
            "other_amount": budget.other if budget else None,
            "sector_code": p.sector_code,
            **{k: getattr(p, k) for k in PLANNED_FIELDS},
            **steps.get(p.id, {}),
            **accepted.get(p.id, {}),
        }


def budget_rows(session: Session, sub: Any, taxes: dict[str, str]) -> Iterator[dict[str, Any]]:
    stmt = (
        select(Proposal.code, BudgetLine)
        .join(Proposal, Proposal.id == BudgetLine.proposal_id)
        .where(BudgetLine.deleted_at.is_(None), BudgetLine.proposal_id.in_(sub))
        .order_by(Proposal.plan_year, Proposal.code, BudgetLine.line_no)
    )
    for code, line in session.execute(stmt):
        yield {
            "code": code,
            "line_no": line.line_no,
            "item": line.item,
            "activity_code": line.activity_code,
            "beneficiary": taxes.get(line.facility_id or ""),
            "unit": line.unit,
            "quantity": line.quantity,
            "unit_price": line.unit_price,
            "kc_amount": line.kc_amount,
            "counterpart_amount": line.counterpart_amount,
            "other_amount": line.other_amount,
            "basis": line.basis,
        }


def money_rows(session: Session, sub: Any) -> Iterator[dict[str, Any]]:
    live = Disbursement.deleted_at.is_(None)
    reversed_ids = select(Disbursement.reverses_id).where(live, Disbursement.reverses_id.is_not(None))
    stmt = (
        select(Proposal.code, Disbursement)
        .join(Proposal, Proposal.id == Disbursement.proposal_id)
        .where(
            live,
            Disbursement.proposal_id.in_(sub),
            Disbursement.reverses_id.is_(None),
            Disbursement.id.not_in(reversed_ids),
        )
        .order_by(Proposal.plan_year, Proposal.code, Disbursement.paid_on, Disbursement.created_at)
    )
    for code, d in session.execute(stmt):
        yield {
            "code": code,
            "kind": DISBURSEMENT_KINDS.get(d.kind, d.kind),
            "fund_source": FUND_SOURCES.get(d.fund_source, d.fund_source),
            "amount": d.amount,
            "paid_on": d.paid_on,
            "document_number": d.document_number,
            "note": d.note,
        }


def export_proposals(
    store: Store, path: Path | str, *, province_code: str | None = None, progress: Progress | None = None
) -> int:
    """The proposal workbook of every live proposal (of one province); returns their number."""
    progress = ensure(progress)
    with store.read() as session:
        live = Proposal.deleted_at.is_(None)
        scope = select(Proposal.id).where(live, *((Proposal.province_code == province_code,) if province_code else ()))
        total = session.scalar(select(func.count()).select_from(scope.subquery())) or 0
        sub = scope.scalar_subquery()
        named = (
            select(ProposalBeneficiary.facility_id)
            .where(ProposalBeneficiary.proposal_id.in_(sub))
            .union(
                select(BudgetLine.facility_id).where(
                    BudgetLine.proposal_id.in_(sub), BudgetLine.facility_id.is_not(None)
                )
            )
        )
        taxes: dict[str, str] = {
            fid: tax or ""
            for fid, tax in session.execute(
                select(Facility.id, Facility.tax_code).where(Facility.tax_code.is_not(None), Facility.id.in_(named))
            )
        }
        sheets = [proposal_rows(session, sub, taxes), budget_rows(session, sub, taxes), money_rows(session, sub)]
        return write_book(path, "proposals", sheets, total=total, progress=progress)
