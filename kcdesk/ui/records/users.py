"""Who is using this window: the local users and switching between them (a shared office
laptop, or trying the demo as each role)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AppUser
from kcdesk.db.store import get_meta, set_meta
from kcdesk.errors import NotFoundError


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    full_name: str
    role: str


def list_users(session: Session) -> list[UserRow]:
    rows = session.scalars(
        select(AppUser).where(AppUser.deleted_at.is_(None), AppUser.active.is_(True)).order_by(AppUser.username)
    )
    return [UserRow(u.id, u.username, u.full_name, u.role) for u in rows]


def current(session: Session) -> UserRow | None:
    uid = get_meta(session, "current_user_id")
    user = session.get(AppUser, uid) if uid else None
    return UserRow(user.id, user.username, user.full_name, user.role) if user else None


def switch_user(session: Session, user_id: str) -> UserRow:
    user = session.get(AppUser, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFoundError("Không tìm thấy người dùng {id}.", id=user_id)
    set_meta(session, "current_user_id", user.id)
    return UserRow(user.id, user.username, user.full_name, user.role)
