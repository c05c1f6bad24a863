"""The people who use this laptop: the local users and which one is working now.

Every write is recorded under the current user (app_meta current_user_id); on a shared
office laptop, or to try the demo as each role, a person switches to another local user.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AppUser
from kcdesk.db.store import get_meta, set_meta
from kcdesk.errors import FieldMessage, NotFoundError, PermissionDenied, ValidationError
from kcdesk.text import vi_sort_key


@dataclass(frozen=True)
class UserRow:
    id: str
    username: str
    full_name: str
    role: str


def _row(user: AppUser) -> UserRow:
    return UserRow(user.id, user.username, user.full_name, user.role)


def list_users(session: Session) -> list[UserRow]:
    """Active local users, by full name in Vietnamese order (a handful: sorted here)."""
    rows = session.scalars(select(AppUser).where(AppUser.deleted_at.is_(None), AppUser.active.is_(True)))
    return [_row(u) for u in sorted(rows, key=lambda u: (vi_sort_key(u.full_name), u.username))]


def current_user_row(session: Session) -> UserRow | None:
    uid = get_meta(session, "current_user_id")
    user = session.get(AppUser, uid) if uid else None
    return _row(user) if user else None


def switch_user(session: Session, user_id: str) -> UserRow:
    """Make `user_id` the current user of this database (the caller's write). The Store
    reads its identity once: call store.reload_identity() after the write commits."""
    has_password = session.scalar(select(AppUser.id).where(AppUser.password_hash.is_not(None)).limit(1))
    if has_password is not None:  # sign-in per person (kcdesk.services.sign_in): nobody switches without one
        raise PermissionDenied("Máy này dùng tài khoản riêng cho từng người: hãy đăng nhập bằng tài khoản của mình.")
    user = session.get(AppUser, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFoundError("Không tìm thấy người dùng {id}.", id=user_id)
    if not user.active:
        raise ValidationError({"user": FieldMessage("Người dùng {name} đã bị khóa.", name=user.full_name)})
    set_meta(session, "current_user_id", user.id)
    return _row(user)
