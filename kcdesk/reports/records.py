"""Finding the records a document is about, by id or by the number people type."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, Facility, Proposal
from kcdesk.errors import NotFoundError
from kcdesk.text import nfc


def find_proposal(session: Session, key: str) -> Proposal:
    key = nfc(key.strip())
    row = (
        session.get(Proposal, key)
        or session.scalars(select(Proposal).where(Proposal.code == key, Proposal.deleted_at.is_(None))).first()
    )
    if row is None or row.deleted_at is not None:
        raise NotFoundError("Không tìm thấy đề án '{key}' (mã đề án hoặc mã định danh).", key=key)
    return row


def find_acceptance(session: Session, key: str) -> Acceptance:
    """By id, by its number ('12/BB-TTKC'), or the latest acceptance of a proposal code."""
    key = nfc(key.strip())
    live = Acceptance.deleted_at.is_(None)
    row = session.get(Acceptance, key)
    if row is None:
        row = session.scalars(select(Acceptance).where(Acceptance.number == key, live)).first()
    if row is None:
        row = session.scalars(
            select(Acceptance)
            .join(Proposal, Proposal.id == Acceptance.proposal_id)
            .where(Proposal.code == key, live)
            .order_by(Acceptance.accepted_on.desc())
        ).first()
    if row is None or row.deleted_at is not None:
        raise NotFoundError(
            "Không tìm thấy biên bản nghiệm thu '{key}' (số biên bản, mã đề án hoặc mã định danh).", key=key
        )
    return row


def find_facility(session: Session, key: str) -> Facility:
    """By id or tax code."""
    key = nfc(key.strip())
    row = (
        session.get(Facility, key)
        or session.scalars(select(Facility).where(Facility.tax_code == key, Facility.deleted_at.is_(None))).first()
    )
    if row is None or row.deleted_at is not None:
        raise NotFoundError("Không tìm thấy cơ sở '{key}' (mã số thuế hoặc mã định danh).", key=key)
    return row
