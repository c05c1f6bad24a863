"""The access trail of personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025): who opened,
printed, exported, reported or erased the data of which record, on which laptop, when.

Rows sync like any record (placed in the record's province and commune), so the centre
leader sees the accesses made on every laptop. They name records by table and id only,
never the data itself. Only the centre leader and the administrator read the trail.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kcdesk.db.models import AppUser, PersonalDataAccess
from kcdesk.db.store import get_meta
from kcdesk.db.types import utcnow
from kcdesk.errors import PermissionDenied
from kcdesk.i18n import label
from kcdesk.ids import new_id
from kcdesk.services.setup import current_user
from kcdesk.sync.relations import ATTACHMENT, OWN_PLACEMENT, PARENT, parent_ref

ACTIONS = {
    "open": "Mở hồ sơ",
    "print": "In",
    "export": "Xuất dữ liệu",
    "report": "Lập báo cáo dữ liệu cá nhân",
    "erase": "Xóa dữ liệu cá nhân",
}
REGISTER = "*"  # row_id of an access to the whole register (an export of every facility)
TRAIL_ROLES = frozenset({"centre_leader", "admin"})


def placement_of(session: Session, table: str, row_id: str) -> tuple[str, str | None]:
    """(province, commune) of a record, through its parents as sync places it (an
    attachment where its owner is, a member where its proposal is); this laptop's province
    when the record is not here (the whole register, say)."""
    for _ in range(4):  # attachment -> acceptance -> proposal at most
        if table in OWN_PLACEMENT:
            province_col, ward_col = OWN_PLACEMENT[table]
            cols = ", ".join(c for c in (province_col, ward_col) if c) or "NULL"
            row = session.execute(text(f'SELECT {cols} FROM "{table}" WHERE id = :id'), {"id": row_id}).first()
            if row is not None and row[0]:
                home = get_meta(session, "province_code")
                if home and str(row[0]) != home:
                    # A record of another province (typed here by mistake, or the ministry's
                    # view): the access is this centre's to answer for, kept in its own province
                    # so the server takes it instead of refusing it as out of scope.
                    return home, None
                return str(row[0]), (str(row[1]) if ward_col and row[1] else None)
            break
        if table not in PARENT and table != ATTACHMENT:
            break
        columns = ("owner_table", "owner_id") if table == ATTACHMENT else (PARENT[table][0],)
        link = (
            session.execute(text(f'SELECT {", ".join(columns)} FROM "{table}" WHERE id = :id'), {"id": row_id})
            .mappings()
            .first()
        )
        ref = parent_ref(table, dict(link)) if link is not None else None
        if ref is None:
            break
        table, row_id = ref
    return get_meta(session, "province_code") or "", None


def record_access(session: Session, action: str, table: str, row_id: str) -> str:
    """Write one access to one record by the person using this laptop (the window calls
    it on opening a facility; the CLI on reports, prints, exports and erasures)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown access action {action!r}")
    user = current_user(session)
    province, ward = placement_of(session, table, row_id)
    entry = PersonalDataAccess(
        id=new_id(),
        province_code=province,
        ward_code=ward,
        at=utcnow(),
        user_id=user.id if user else None,
        user_name=user.full_name if user else None,
        device_id=get_meta(session, "device_id"),
        action=action,
        table_name=table,
        row_id=row_id,
    )
    session.add(entry)
    session.flush()
    return entry.id


def record_accesses(session: Session, action: str, rows: Iterable[tuple[str, str]]) -> int:
    count = 0
    for table, row_id in rows:
        record_access(session, action, table, row_id)
        count += 1
    return count


def require_leader(session: Session, doing: str) -> AppUser:
    """The person using this laptop, when they are the centre leader or the administrator."""
    user = current_user(session)
    if user is None or user.role not in TRAIL_ROLES:
        raise PermissionDenied(
            "Chỉ Lãnh đạo Trung tâm hoặc Quản trị hệ thống được {doing}. Hãy nhờ lãnh đạo Trung tâm thực hiện.",
            doing=label(doing),
        )
    return user


def access_trail(
    session: Session, *, since: datetime | None = None, table: str | None = None, row_id: str | None = None
) -> list[dict[str, Any]]:
    """The trail, newest first, for the centre leader (refused to anyone else)."""
    require_leader(session, "xem nhật ký truy cập dữ liệu cá nhân")
    stmt = select(PersonalDataAccess).where(PersonalDataAccess.deleted_at.is_(None))
    if since is not None:
        stmt = stmt.where(PersonalDataAccess.at >= since)
    if table:
        stmt = stmt.where(PersonalDataAccess.table_name == table)
    if row_id:
        stmt = stmt.where(PersonalDataAccess.row_id == row_id)
    rows = session.scalars(stmt.order_by(PersonalDataAccess.at.desc(), PersonalDataAccess.id.desc()))
    return [
        {
            "at": r.at.isoformat(),
            "user_id": r.user_id,
            "user_name": r.user_name,
            "device_id": r.device_id,
            "action": r.action,
            "table": r.table_name,
            "row_id": r.row_id,
        }
        for r in rows
    ]
