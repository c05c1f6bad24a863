"""Acceptance records for the window: the list, one record as plain data, and saving the
header, members and checked items together (the core's create/update do the checks;
members and items of an unsigned record are replaced here)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, AcceptanceItem, AcceptanceMember, AppUser, Proposal
from kcdesk.db.types import utcnow
from kcdesk.errors import LockedError, NotFoundError
from kcdesk.ids import new_id
from kcdesk.services.acceptances import _check, create_acceptance, update_acceptance
from kcdesk.text import clean

HEADER_FIELDS = (
    "number",
    "accepted_on",
    "place",
    "contract_number",
    "basis",
    "approved_amount",
    "approved_kc_amount",
    "accepted_amount",
    "counterpart_invested",
    "conclusion",
    "assessment",
    "requests",
    "trainees",
    "trainees_employed",
    "models_built",
    "machines_supplied",
    "fairs",
    "brands",
)
MEMBER_FIELDS = ("full_name", "position", "organisation", "role")
ITEM_FIELDS = ("content", "planned", "actual", "passed", "note")


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


def save_acceptance(
    session: Session,
    acceptance_id: str | None,
    proposal_id: str,
    values: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    items: Sequence[Mapping[str, Any]],
) -> str:
    header = {k: v for k, v in values.items() if k in HEADER_FIELDS}
    if acceptance_id is None:
        return create_acceptance(session, proposal_id, header, members=members, items=items)
    a = session.get(Acceptance, acceptance_id)
    if a is None:
        raise NotFoundError("Không tìm thấy biên bản nghiệm thu {id}.", id=acceptance_id)
    if a.signed_at is not None:
        raise LockedError("Biên bản nghiệm thu đã ký và khóa, không thể sửa.")
    _check({**header, "accepted_on": header.get("accepted_on", a.accepted_on)}, list(members))
    update_acceptance(session, acceptance_id, header)
    now = utcnow()
    for model, rows, fields in ((AcceptanceMember, members, MEMBER_FIELDS), (AcceptanceItem, items, ITEM_FIELDS)):
        existing = list(
            session.scalars(
                select(model).where(model.acceptance_id == a.id, model.deleted_at.is_(None)).order_by(model.sort_order)
            )
        )
        for order, values_ in enumerate(rows):
            cleaned = {f: clean(v) if isinstance(v, str) else v for f, v in values_.items() if f in fields}
            if order < len(existing):
                row = existing[order]
                for f, v in cleaned.items():
                    if getattr(row, f) != v:
                        setattr(row, f, v)
                row.sort_order = order
            else:
                session.add(model(id=new_id(), acceptance_id=a.id, sort_order=order, **cleaned))
        for row in existing[len(rows) :]:
            row.deleted_at = now
    session.flush()
    return a.id


def acceptable_proposals(session: Session) -> list[tuple[str, str, str]]:
    """(id, code, title) of proposals an acceptance can be drawn up for."""
    rows = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title)
        .where(Proposal.deleted_at.is_(None), Proposal.status.in_(("in_progress", "stopped", "adjustment_requested")))
        .order_by(Proposal.plan_year.desc(), Proposal.code)
    )
    return [(r[0], r[1], r[2]) for r in rows]
