"""Acceptance records as the window reads them: the list, one record as plain data, the
proposals a record can be drawn up for. Saving is the core's
(kcdesk.services.acceptance_edit.save_acceptance)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, AcceptanceItem, AcceptanceMember, AppUser, Proposal
from kcdesk.errors import NotFoundError
from kcdesk.services.acceptance_edit import HEADER_FIELDS, ITEM_FIELDS, MEMBER_FIELDS


@dataclass(frozen=True)
class AcceptanceListRow:
    id: str
    number: str | None
    accepted_on: date
    proposal_code: str
    proposal_title: str
    conclusion: str | None
    accepted_amount: int
    signed: bool


def list_acceptances(session: Session, limit: int = 5000) -> list[AcceptanceListRow]:
    rows = session.execute(
        select(
            Acceptance.id,
            Acceptance.number,
            Acceptance.accepted_on,
            Proposal.code,
            Proposal.title,
            Acceptance.conclusion,
            Acceptance.accepted_amount,
            Acceptance.signed_at,
        )
        .join(Proposal, Proposal.id == Acceptance.proposal_id)
        .where(Acceptance.deleted_at.is_(None))
        .order_by(Acceptance.accepted_on.desc(), Acceptance.id.desc())
        .limit(limit)
    )
    return [AcceptanceListRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6] or 0), r[7] is not None) for r in rows]


def load_acceptance(session: Session, acceptance_id: str) -> dict[str, Any]:
    a = session.get(Acceptance, acceptance_id)
    if a is None or a.deleted_at is not None:
        raise NotFoundError("Không tìm thấy biên bản nghiệm thu {id}.", id=acceptance_id)
    proposal = session.get(Proposal, a.proposal_id)
    signer = session.get(AppUser, a.signed_by) if a.signed_by else None
    data: dict[str, Any] = {f: getattr(a, f) for f in HEADER_FIELDS}
    data.update(
        id=a.id,
        proposal_id=a.proposal_id,
        signed_at=a.signed_at,
        signed_by_name=signer.full_name if signer else None,
        proposal_code=proposal.code if proposal else "",
        proposal_title=proposal.title if proposal else "",
    )
    data["members"] = [
        {f: getattr(m, f) for f in MEMBER_FIELDS}
        for m in session.scalars(
            select(AcceptanceMember)
            .where(AcceptanceMember.acceptance_id == a.id, AcceptanceMember.deleted_at.is_(None))
            .order_by(AcceptanceMember.sort_order)
        )
    ]
    data["items"] = [
        {f: getattr(i, f) for f in ITEM_FIELDS}
        for i in session.scalars(
            select(AcceptanceItem)
            .where(AcceptanceItem.acceptance_id == a.id, AcceptanceItem.deleted_at.is_(None))
            .order_by(AcceptanceItem.sort_order)
        )
    ]
    return data


def acceptable_proposals(session: Session) -> list[tuple[str, str, str]]:
    """(id, code, title) of proposals an acceptance can be drawn up for."""
    rows = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title)
        .where(Proposal.deleted_at.is_(None), Proposal.status.in_(("in_progress", "stopped", "adjustment_requested")))
        .order_by(Proposal.plan_year.desc(), Proposal.code)
    )
    return [(r[0], r[1], r[2]) for r in rows]
