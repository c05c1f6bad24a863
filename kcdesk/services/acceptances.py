"""Acceptance records (biên bản nghiệm thu): draft, members and items, sign and lock."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, AcceptanceItem, AcceptanceMember
from kcdesk.db.types import utcnow
from kcdesk.domain import record_rules
from kcdesk.domain.vocab import CONCLUSIONS, MEMBER_ROLES
from kcdesk.errors import FieldMessage, LockedError, NotFoundError, ValidationError
from kcdesk.ids import new_id
from kcdesk.services.proposals import find_proposal
from kcdesk.text import clean


def check_acceptance(data: Mapping[str, Any], members: list[Mapping[str, Any]]) -> None:
    """Refuse an acceptance's header and members that break the rules (raises ValidationError)."""
    problems: dict[str, FieldMessage] = {}
    if not data.get("accepted_on"):
        problems["accepted_on"] = FieldMessage("Hãy nhập ngày nghiệm thu.")
    conclusion = data.get("conclusion")
    if conclusion is not None and conclusion not in CONCLUSIONS:
        problems["conclusion"] = FieldMessage("Kết luận phải là: Đạt, Đạt một phần hoặc Không đạt.")
    for key in ("approved_amount", "approved_kc_amount", "accepted_amount", "counterpart_invested"):
        value = data.get(key, 0)
        if not isinstance(value, int) or value < 0:
            problems[key] = FieldMessage("Số tiền phải là số nguyên đồng, không âm.")
    if (data.get("accepted_amount") or 0) > (data.get("approved_kc_amount") or 0) > 0:
        problems["accepted_amount"] = FieldMessage(
            "Kinh phí nghiệm thu không được vượt kinh phí khuyến công được duyệt."
        )
    for i, member in enumerate(members, start=1):
        if not clean(member.get("full_name")):
            problems[f"members[{i}].full_name"] = FieldMessage("Thành viên {n}: hãy nhập họ tên.", n=i)
        if member.get("role") not in MEMBER_ROLES:
            problems[f"members[{i}].role"] = FieldMessage("Thành viên {n}: vai trò không hợp lệ.", n=i)
    if problems:
        raise ValidationError(problems)


def create_acceptance(
    session: Session,
    proposal_ref: str,
    values: Mapping[str, Any],
    *,
    members: Iterable[Mapping[str, Any]] = (),
    items: Iterable[Mapping[str, Any]] = (),
) -> str:
    proposal = find_proposal(session, proposal_ref)
    members = list(members)
    data = {k: clean(v) if isinstance(v, str) else v for k, v in values.items()}
    check_acceptance(data, members)
    acceptance = Acceptance(id=new_id(), proposal_id=proposal.id, **data)
    session.add(acceptance)
    session.flush()
    for order, member in enumerate(members):
        session.add(
            AcceptanceMember(
                id=new_id(),
                acceptance_id=acceptance.id,
                sort_order=order,
                **{k: clean(v) if isinstance(v, str) else v for k, v in member.items()},
            )
        )
    for order, item in enumerate(items):
        session.add(
            AcceptanceItem(
                id=new_id(),
                acceptance_id=acceptance.id,
                sort_order=order,
                **{k: clean(v) if isinstance(v, str) else v for k, v in item.items()},
            )
        )
    session.flush()
    return acceptance.id


def _load(session: Session, acceptance_id: str) -> Acceptance:
    acceptance = session.get(Acceptance, acceptance_id)
    if acceptance is None or acceptance.deleted_at is not None:
        raise NotFoundError("Không tìm thấy biên bản nghiệm thu {id}.", id=acceptance_id)
    return acceptance


def sign_acceptance(session: Session, acceptance_id: str, user_id: str | None) -> None:
    """Sign and lock: after this the record and its members and items are read-only."""
    acceptance = _load(session, acceptance_id)
    if acceptance.signed_at is not None:
        raise LockedError("Biên bản nghiệm thu đã ký từ trước.")
    members = session.execute(
        select(AcceptanceMember.id, AcceptanceMember.deleted_at).where(
            AcceptanceMember.acceptance_id == acceptance.id, AcceptanceMember.deleted_at.is_(None)
        )
    ).mappings()
    header = {"conclusion": acceptance.conclusion, "number": acceptance.number}
    problems = record_rules.signing_problems(header, members)  # the rule the sync server applies too
    if problems:
        raise ValidationError(problems)
    acceptance.signed_at = utcnow()
    acceptance.signed_by = user_id
    session.flush()


def update_acceptance(session: Session, acceptance_id: str, changes: Mapping[str, Any]) -> None:
    acceptance = _load(session, acceptance_id)
    if acceptance.signed_at is not None:
        raise LockedError("Biên bản nghiệm thu đã ký và khóa, không thể sửa.")
    data = {k: clean(v) if isinstance(v, str) else v for k, v in changes.items()}
    merged = {c.key: getattr(acceptance, c.key) for c in Acceptance.__table__.columns} | data
    check_acceptance(merged, [])
    for key, value in data.items():
        setattr(acceptance, key, value)
    session.flush()
