"""Saving an acceptance record with its committee members and checked items together.

create_acceptance makes a new record with its members and items; for an existing,
unsigned record this replaces the header, then the members and the items in their order
(row n of the form updates row n of the record, extra rows are added, missing ones
soft-deleted), after the same check_acceptance the core runs on creation."""

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
from kcdesk.services.acceptances import check_acceptance, create_acceptance, update_acceptance
from kcdesk.text import clean

HEADER_FIELDS: tuple[str, ...] = (
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
MEMBER_FIELDS: tuple[str, ...] = ("full_name", "position", "organisation", "role")
ITEM_FIELDS: tuple[str, ...] = ("content", "planned", "actual", "passed", "note")


def save_acceptance(
    session: Session,
    acceptance_id: str | None,
    proposal_id: str,
    values: Mapping[str, Any],
    members: Sequence[Mapping[str, Any]],
    items: Sequence[Mapping[str, Any]],
) -> str:
    """Create (acceptance_id None) or update an acceptance with its members and items."""
    header = {k: v for k, v in values.items() if k in HEADER_FIELDS}
    if acceptance_id is None:
        return create_acceptance(session, proposal_id, header, members=members, items=items)
    acceptance = session.get(Acceptance, acceptance_id)
    if acceptance is None or acceptance.deleted_at is not None:
        raise NotFoundError("Không tìm thấy biên bản nghiệm thu {id}.", id=acceptance_id)
    if acceptance.signed_at is not None:
        raise LockedError("Biên bản nghiệm thu đã ký và khóa, không thể sửa.")
    check_acceptance({**header, "accepted_on": header.get("accepted_on", acceptance.accepted_on)}, list(members))
    update_acceptance(session, acceptance_id, header)
    replace_members_and_items(session, acceptance.id, members, items)
    return acceptance.id


def replace_members_and_items(
    session: Session, acceptance_id: str, members: Sequence[Mapping[str, Any]], items: Sequence[Mapping[str, Any]]
) -> None:
    """Make an unsigned record's members and items exactly these, in this order."""
    acceptance = session.get(Acceptance, acceptance_id)
    if acceptance is None or acceptance.deleted_at is not None:
        raise NotFoundError("Không tìm thấy biên bản nghiệm thu {id}.", id=acceptance_id)
    if acceptance.signed_at is not None:
        raise LockedError("Biên bản nghiệm thu đã ký và khóa, không thể sửa.")
    check_acceptance({"accepted_on": acceptance.accepted_on}, list(members))
    now = utcnow()
    parts: tuple[tuple[Any, Sequence[Mapping[str, Any]], tuple[str, ...]], ...] = (
        (AcceptanceMember, members, MEMBER_FIELDS),
        (AcceptanceItem, items, ITEM_FIELDS),
    )
    for model, rows, fields in parts:
        existing = list(
            session.scalars(
                select(model)
                .where(model.acceptance_id == acceptance_id, model.deleted_at.is_(None))
                .order_by(model.sort_order)
            )
        )
        for order, row_values in enumerate(rows):
            cleaned = {f: clean(v) if isinstance(v, str) else v for f, v in row_values.items() if f in fields}
            if order < len(existing):
                row = existing[order]
                for f, v in cleaned.items():
                    if getattr(row, f) != v:
                        setattr(row, f, v)
                if row.sort_order != order:
                    row.sort_order = order
            else:
                session.add(model(id=new_id(), acceptance_id=acceptance_id, sort_order=order, **cleaned))
        for row in existing[len(rows) :]:
            row.deleted_at = now
    session.flush()


def acceptance_dict(session: Session, acceptance: Acceptance) -> dict[str, Any]:
    """An acceptance with its members and items in order, as the command line shows it."""
    proposal = session.get(Proposal, acceptance.proposal_id)
    data: dict[str, Any] = {f: getattr(acceptance, f) for f in HEADER_FIELDS}
    data.update(
        id=acceptance.id,
        proposal_id=acceptance.proposal_id,
        proposal_code=proposal.code if proposal else "",
        proposal_title=proposal.title if proposal else "",
        signed_at=acceptance.signed_at,
        signed_by=acceptance.signed_by,
    )
    for key, model, fields in (("members", AcceptanceMember, MEMBER_FIELDS), ("items", AcceptanceItem, ITEM_FIELDS)):
        data[key] = [
            {f: getattr(row, f) for f in fields}
            for row in session.scalars(
                select(model)
                .where(model.acceptance_id == acceptance.id, model.deleted_at.is_(None))
                .order_by(model.sort_order)
            )
        ]
    return data


def acceptances_of(session: Session, proposal_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(Acceptance)
        .where(Acceptance.proposal_id == proposal_id, Acceptance.deleted_at.is_(None))
        .order_by(Acceptance.accepted_on, Acceptance.created_at)
    )
    return [acceptance_dict(session, a) for a in rows]


def load_acceptance(session: Session, acceptance_id: str) -> dict[str, Any]:
    """acceptance_dict of a live record, with the name of whoever signed it (for the editor)."""
    acceptance = session.get(Acceptance, acceptance_id)
    if acceptance is None or acceptance.deleted_at is not None:
        raise NotFoundError("Không tìm thấy biên bản nghiệm thu {id}.", id=acceptance_id)
    data = acceptance_dict(session, acceptance)
    signer = session.get(AppUser, acceptance.signed_by) if acceptance.signed_by else None
    data["signed_by_name"] = signer.full_name if signer else None
    return data


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
    """Live acceptance records, newest first, with their proposal's code and title."""
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


# Statuses of a proposal an acceptance can be drawn up for (the work is under way or stopped).
ACCEPTABLE_STATUSES = ("in_progress", "stopped", "adjustment_requested")


def acceptable_proposals(session: Session) -> list[tuple[str, str, str]]:
    """(id, code, title) of proposals an acceptance can be drawn up for."""
    rows = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title)
        .where(Proposal.deleted_at.is_(None), Proposal.status.in_(ACCEPTABLE_STATUSES))
        .order_by(Proposal.plan_year.desc(), Proposal.code)
    )
    return [(r[0], r[1], r[2]) for r in rows]
