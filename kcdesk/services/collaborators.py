"""Which communes a collaborator (cộng tác viên khuyến công) covers.

The centre assigns them; each assignment is a collaborator_commune row of the
collaborator's user, so it is audited and synced like any record, and the server gives the
collaborator's laptops exactly those communes' facilities and surveys from their next sync
(kcdesk.server.assignments). Removing a commune soft-deletes its row.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kcdesk.db.models import AppUser, CollaboratorCommune
from kcdesk.db.types import utcnow
from kcdesk.db.units import unit_index
from kcdesk.errors import FieldMessage, NotFoundError, PermissionDenied, ValidationError
from kcdesk.services.users import current_user_row

ASSIGNERS = frozenset({"admin", "centre_leader"})


def collaborator_communes(session: Session, user_id: str) -> list[str]:
    rows = session.scalars(
        select(CollaboratorCommune.ward_code).where(
            CollaboratorCommune.user_id == user_id, CollaboratorCommune.deleted_at.is_(None)
        )
    )
    return sorted(set(rows))


def assign_communes(session: Session, user: str, ward_codes: list[str]) -> list[str]:
    """Make `user` (username or id) cover exactly `ward_codes`, in the caller's write.
    Only a centre leader or an administrator assigns; only communes of the collaborator's
    own province, from the current list."""
    me = current_user_row(session)
    if me is None or me.role not in ASSIGNERS:
        raise PermissionDenied("Chỉ lãnh đạo Trung tâm hoặc quản trị mới giao xã/phường cho cộng tác viên.")
    found = session.scalars(
        select(AppUser).where(or_(AppUser.username == user, AppUser.id == user), AppUser.deleted_at.is_(None))
    ).first()
    if found is None:
        raise NotFoundError("Không tìm thấy người dùng {name}.", name=user)
    if found.role != "collaborator":
        not_one = FieldMessage(
            "{name} không phải cộng tác viên; chỉ cộng tác viên được giao xã/phường.", name=found.full_name
        )
        raise ValidationError({"user": not_one})
    units = unit_index(session)
    wanted = sorted(set(ward_codes))
    problems: dict[str, FieldMessage] = {}
    for ward in wanted:
        if ward not in units.wards:
            problems[ward] = FieldMessage("Mã xã/phường '{value}' không có trong danh mục hiện hành.", value=ward)
        elif units.wards[ward][0] != found.province_code:
            problems[ward] = FieldMessage(
                "{ward} không thuộc {province}.",
                ward=units.wards[ward][1],
                province=units.provinces.get(found.province_code or "", found.province_code or "-"),
            )
    if problems:
        raise ValidationError(problems)
    live = session.scalars(
        select(CollaboratorCommune).where(
            CollaboratorCommune.user_id == found.id, CollaboratorCommune.deleted_at.is_(None)
        )
    ).all()
    have = {row.ward_code for row in live}
    for row in live:
        if row.ward_code not in wanted:
            row.deleted_at = utcnow()
    for ward in wanted:
        if ward not in have:
            session.add(CollaboratorCommune(user_id=found.id, ward_code=ward))
    session.flush()
    return wanted
