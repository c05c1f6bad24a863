"""Sign-in per person: each officer on this laptop has an account with a password.

- The account is the person's `app_user` row; its password hash (argon2id, argon2-cffi),
  failed attempts, temporary lock, "must change" flag and local disabling are columns of
  that row that never leave the laptop (kcdesk.db.account_columns).
- Signing in sets app_meta current_user_id, so the audit trail, the sync identity and the
  role come from the signed-in person, and tells the Store who is signed in in this
  process: once any account has a password, a local write needs someone signed in
  (Store.submit_write refuses it otherwise).
- Wrong passwords are slowed down without sleeping: after each failure the account waits
  a growing time (1, 2, 4, 8 s) before the next attempt is even checked, and after
  MAX_FAILURES in a row it is locked for LOCK_MINUTES. The count is in the database, so
  restarting the app does not reset it; `now` is injectable for tests.
- A centre leader manages the accounts: adds one (with a role and a first password the
  person must change), disables and enables it, resets its password. The last active leader
  cannot be disabled; a collaborator's laptop has one account.

A database where no account has a password yet works as before (whoever is the current
user writes), until someone sets a password: the first-run wizard and `kcdesk account
passwd` do that.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AppUser, Device
from kcdesk.db.store import Store, get_meta, set_meta
from kcdesk.db.types import utcnow
from kcdesk.domain.roles import LEADERS, ROLES
from kcdesk.errors import FieldMessage, PermissionDenied, SignInError, ValidationError
from kcdesk.ids import new_id
from kcdesk.services.users import UserRow
from kcdesk.text import clean, vi_sort_key

log = logging.getLogger(__name__)

MIN_PASSWORD_LENGTH = 8
MAX_FAILURES = 5  # in a row: then the account is locked for LOCK_MINUTES
LOCK_MINUTES = 15
COLLABORATOR = "collaborator"
_HASHER = PasswordHasher()  # argon2id with the library's current RFC 9106 parameters
# Checked for an unknown login, so that a wrong login costs the same time as a wrong password.
_DUMMY_HASH = _HASHER.hash("kcdesk-no-such-account")


def wait_after(failures: int) -> timedelta:
    """How long an account waits after `failures` wrong passwords in a row."""
    if failures <= 0:
        return timedelta(0)
    if failures >= MAX_FAILURES:
        return timedelta(minutes=LOCK_MINUTES)
    return timedelta(seconds=2 ** (failures - 1))


# -- the hook for the key file (issue 13 part 1) ------------------------------------------


def password_slot_changed(user: AppUser, password: str | None) -> None:
    """Called whenever an account's password is set (account added, password changed or
    reset) or the account stops opening this laptop (disabled: `password` is None). On an
    encrypted database each account's password also unwraps the database key (its slot in
    the key file, kcdesk.security.keyfile), so the person can open the data on a laptop
    whose OS slot no longer works."""
    from sqlalchemy.orm import object_session

    from kcdesk.db import sqlfile

    session = object_session(user)
    bind = session.get_bind() if session is not None else None
    database = bind.engine.url.database if bind is not None else None
    if not database or not sqlfile.is_encrypted(Path(database)):
        return
    key = sqlfile.known_key(Path(database))
    if key is None:
        return
    from kcdesk.security.keyfile import KeyFile

    keys = KeyFile.load(Path(database))
    if password is None:
        keys.remove_password_slot(user.username)
    else:
        keys.add_password_slot(key, user.username, password)
    keys.save()
    log.debug("password slot of %s %s", user.username, "set" if password is not None else "removed")


# -- accounts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Account:
    id: str
    login: str
    full_name: str
    role: str
    has_password: bool
    disabled: bool
    must_change_password: bool
    locked_until: datetime | None


@dataclass(frozen=True)
class SignedIn:
    user: UserRow
    must_change_password: bool


@dataclass(frozen=True)
class Attempt:
    """What one sign-in attempt found (written even when it failed: the count persists)."""

    user: UserRow | None
    must_change_password: bool = False
    wait_seconds: int = 0  # > 0: too early, try again after this
    locked: bool = False  # the attempt that failed locked the account


def _account(user: AppUser) -> Account:
    return Account(
        user.id,
        user.username,
        user.full_name,
        user.role,
        user.password_hash is not None,
        user.account_disabled_at is not None,
        bool(user.password_must_change),
        user.password_locked_until,
    )


def _row(user: AppUser) -> UserRow:
    return UserRow(user.id, user.username, user.full_name, user.role)


def has_accounts(session: Session) -> bool:
    """Does any account on this laptop have a password (so signing in is needed)?"""
    found = session.scalar(
        select(AppUser.id).where(AppUser.password_hash.is_not(None), AppUser.deleted_at.is_(None)).limit(1)
    )
    return found is not None


def list_accounts(session: Session) -> list[Account]:
    """The people of this laptop (with a password or not), by name in Vietnamese order."""
    users = session.scalars(select(AppUser).where(AppUser.deleted_at.is_(None)))
    return [_account(u) for u in sorted(users, key=lambda u: (vi_sort_key(u.full_name), u.username))]


def _by_login(session: Session, login: str) -> AppUser | None:
    return session.scalars(
        select(AppUser).where(AppUser.username == (clean(login) or ""), AppUser.deleted_at.is_(None))
    ).first()


def _check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError({field: FieldMessage("Mật khẩu cần ít nhất {count} ký tự.", count=MIN_PASSWORD_LENGTH)})


def _set_password(user: AppUser, password: str, *, must_change: bool) -> None:
    user.password_hash = _HASHER.hash(password)
    user.password_must_change = must_change
    user.password_failures = 0
    user.password_locked_until = None
    password_slot_changed(user, password)


# -- signing in ----------------------------------------------------------------------------


def record_attempt(session: Session, login: str, password: str, now: datetime | None = None) -> Attempt:
    """Check a password and write what it found: a success resets the count and makes the
    person the current user; a failure counts and sets the wait (the caller's write commits
    both). Never raises for a wrong password: the count must be written."""
    now = now or utcnow()
    user = _by_login(session, login)
    if user is None or user.password_hash is None or user.account_disabled_at is not None:
        _verify(_DUMMY_HASH, password)  # the same cost as a wrong password
        return Attempt(None)
    if user.password_locked_until is not None and now < user.password_locked_until:
        wait = user.password_locked_until - now
        locked = (user.password_failures or 0) >= MAX_FAILURES
        return Attempt(None, wait_seconds=max(1, int(wait.total_seconds() + 0.999)), locked=locked)
    if not _verify(user.password_hash, password):
        user.password_failures = (user.password_failures or 0) + 1
        user.password_locked_until = now + wait_after(user.password_failures)
        return Attempt(None, locked=user.password_failures >= MAX_FAILURES)
    if _HASHER.check_needs_rehash(user.password_hash):  # newer parameters of the library
        user.password_hash = _HASHER.hash(password)
    user.password_failures = 0
    user.password_locked_until = None
    set_meta(session, "current_user_id", user.id)
    return Attempt(_row(user), must_change_password=bool(user.password_must_change))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except VerifyMismatchError:
        return False
    except (VerificationError, InvalidHashError):
        log.warning("a stored password hash could not be checked")
        return False


def sign_in(store: Store, login: str, password: str, *, now: datetime | None = None) -> SignedIn:
    """Sign `login` in for this process (the window or one CLI run). Raises SignInError
    saying what to do: the same words for an unknown login and a wrong password."""
    attempt = store.write(lambda s: record_attempt(s, login, password, now), anonymous=True)
    if attempt.wait_seconds and attempt.locked:
        raise SignInError(
            "Tài khoản đang tạm khóa vì nhập sai mật khẩu nhiều lần. Hãy chờ {minutes} phút rồi thử lại, "
            "hoặc nhờ lãnh đạo Trung tâm đặt lại mật khẩu.",
            minutes=(attempt.wait_seconds + 59) // 60,
        )
    if attempt.wait_seconds:
        raise SignInError(
            "Vừa nhập sai mật khẩu; để chống dò mật khẩu, hãy chờ {seconds} giây rồi thử lại.",
            seconds=attempt.wait_seconds,
        )
    if attempt.locked:
        raise SignInError(
            "Đã nhập sai mật khẩu {count} lần liên tiếp: tài khoản bị tạm khóa {minutes} phút. "
            "Hãy chờ rồi thử lại, hoặc nhờ lãnh đạo Trung tâm đặt lại mật khẩu.",
            count=MAX_FAILURES,
            minutes=LOCK_MINUTES,
        )
    if attempt.user is None:
        raise SignInError(
            "Tên đăng nhập hoặc mật khẩu không đúng. Hãy kiểm tra bàn phím (Caps Lock, kiểu gõ) rồi thử lại."
        )
    store.signed_in_user_id = attempt.user.id
    store.reload_identity()
    _ensure_password_slot(store, attempt.user.username, password)
    return SignedIn(attempt.user, attempt.must_change_password)


def _ensure_password_slot(store: Store, login: str, password: str) -> None:
    """An account whose password was set before the database was encrypted gets its slot in
    the key file at its first sign-in after (kcdesk.security.keyfile)."""
    from kcdesk.db import sqlfile

    key = sqlfile.known_key(store.path) if sqlfile.is_encrypted(store.path) else None
    if key is None:
        return
    from kcdesk.security.keyfile import KeyFile

    keys = KeyFile.load(store.path)
    if keys.find("password", login) is None:
        keys.add_password_slot(key, login, password)
        keys.save()


def unlock(store: Store, password: str, *, now: datetime | None = None) -> SignedIn:
    """The locked window asks the signed-in person's password again (counted like a sign-in)."""
    with store.read() as s:
        user = s.get(AppUser, store.signed_in_user_id) if store.signed_in_user_id else None
        login = user.username if user is not None else ""
    if not login:
        raise SignInError("Chưa có ai đăng nhập trên cửa sổ này. Hãy đăng nhập lại.")
    return sign_in(store, login, password, now=now)


def sign_out(store: Store) -> None:
    """Nobody is signed in in this process any more (current_user_id stays: it names who
    worked last, and the next sign-in replaces it)."""
    store.signed_in_user_id = None


def keep_signed_in(store: Store, user_id: str | None) -> bool:
    """The same person stays signed in over a store opened again (after a backup is
    restored) if their account there can sign in; False: someone must sign in."""
    if not store.sign_in_required:
        act_as_current(store)
        return True

    def mark(session: Session) -> bool:
        user = session.get(AppUser, user_id) if user_id else None
        if user is None or user.password_hash is None or user.account_disabled_at is not None:
            return False
        set_meta(session, "current_user_id", user.id)
        return True

    if not store.write(mark, anonymous=True):
        return False
    store.reload_identity()
    store.signed_in_user_id = user_id
    return True


def act_as_current(store: Store) -> None:
    """A database where no account has a password yet: the current user acts, as before."""
    if not store.sign_in_required:
        store.signed_in_user_id = store.user_id


# -- one's own password ----------------------------------------------------------------


def change_own_password(session: Session, old_password: str, new_password: str) -> UserRow:
    """The current person changes their password (the old one is asked, unless they have
    none yet: the first password of a database without accounts)."""
    user = _current(session)
    if user.password_hash is not None and not _verify(user.password_hash, old_password):
        raise ValidationError({"old_password": FieldMessage("Mật khẩu hiện tại không đúng.")})
    _check_password(new_password, "new_password")
    if old_password and old_password == new_password:
        raise ValidationError({"new_password": FieldMessage("Mật khẩu mới phải khác mật khẩu hiện tại.")})
    _set_password(user, new_password, must_change=False)
    return _row(user)


def _current(session: Session) -> AppUser:
    uid = get_meta(session, "current_user_id")
    user = session.get(AppUser, uid) if uid else None
    if user is None or user.deleted_at is not None:
        raise SignInError("Chưa đăng nhập nên chưa ghi được. Hãy đăng nhập bằng tài khoản của mình rồi thử lại.")
    return user


# -- the centre leader's management --------------------------------------------------------


def _leader(session: Session) -> AppUser:
    user = _current(session)
    if user.role not in LEADERS:
        raise PermissionDenied("Chỉ lãnh đạo Trung tâm mới quản lý được tài khoản.")
    return user


def _accounts_here(session: Session) -> list[AppUser]:
    return list(
        session.scalars(
            select(AppUser).where(
                AppUser.password_hash.is_not(None),
                AppUser.account_disabled_at.is_(None),
                AppUser.deleted_at.is_(None),
            )
        )
    )


def add_account(session: Session, login: str, full_name: str, role: str, password: str) -> Account:
    """A leader gives a person an account on this laptop, with a first password the person
    must change at the first sign-in. A person already known here (pulled from the
    server) keeps their row, name and role (the server's) and gets the password; on an
    enrolled laptop only such people get accounts."""
    leader = _leader(session)
    login, full_name = clean(login) or "", clean(full_name) or ""
    problems: dict[str, FieldMessage] = {}
    if not login:
        problems["login"] = FieldMessage("Hãy nhập tên đăng nhập.")
    if role not in ROLES:
        problems["role"] = FieldMessage("Vai trò '{value}' không hợp lệ.", value=role)
    if problems:
        raise ValidationError(problems)
    _check_password(password)
    others = [u for u in _accounts_here(session) if u.username != login]
    if (role == COLLABORATOR and others) or any(u.role == COLLABORATOR for u in others):
        raise ValidationError(
            {"role": FieldMessage("Máy của cộng tác viên chỉ có một tài khoản; không thêm tài khoản khác được.")}
        )
    user = _by_login(session, login)
    if user is not None and user.password_hash is not None:
        raise ValidationError(
            {"login": FieldMessage("Tên đăng nhập {login} đã có tài khoản. Hãy chọn tên khác.", login=login)}
        )
    if user is None:
        if _enrolled(session):  # people belong to the server (kcdesk.sync.identity): never made here
            raise ValidationError(
                {
                    "login": FieldMessage(
                        "Máy này đã đăng ký với máy chủ: người dùng mới do quản trị tạo trên máy chủ. "
                        "Sau khi đồng bộ, hãy thêm tài khoản cho người đó ({login}).",
                        login=login,
                    )
                }
            )
        if not full_name:
            raise ValidationError({"full_name": FieldMessage("Hãy nhập họ tên.")})
        user = AppUser(
            id=new_id(),
            username=login,
            full_name=full_name,
            role=role,
            province_code=leader.province_code,
            organisation=leader.organisation,
            active=True,
        )
        session.add(user)
    _set_password(user, password, must_change=True)
    session.flush()
    return _account(user)


def _enrolled(session: Session) -> bool:
    found = session.scalar(select(Device.id).where(Device.is_local.is_(True), Device.enrolled_at.is_not(None)))
    return found is not None


def set_disabled(session: Session, login: str, disabled: bool, now: datetime | None = None) -> Account:
    """A leader disables an account (it can no longer sign in here) or enables it again."""
    leader = _leader(session)
    user = _by_login(session, login)
    if user is None:
        raise ValidationError({"login": FieldMessage("Không có tài khoản {login} trên máy này.", login=login)})
    if disabled:
        if user.id == leader.id:
            raise ValidationError({"login": FieldMessage("Không tự khóa tài khoản của chính mình được.")})
        active_leaders = [u for u in _accounts_here(session) if u.role in LEADERS and u.id != user.id]
        if user.role in LEADERS and not active_leaders:
            raise ValidationError(
                {"login": FieldMessage("Đây là lãnh đạo Trung tâm cuối cùng còn hoạt động; không khóa được.")}
            )
        if user.account_disabled_at is None:
            user.account_disabled_at = now or utcnow()
            password_slot_changed(user, None)
    else:
        user.account_disabled_at = None
    return _account(user)


def reset_password(session: Session, login: str, temporary_password: str) -> Account:
    """A leader gives a person a temporary password, to be changed at the next sign-in;
    it also lifts a lock from wrong passwords."""
    _leader(session)
    user = _by_login(session, login)
    if user is None or user.password_hash is None:
        raise ValidationError({"login": FieldMessage("Không có tài khoản {login} trên máy này.", login=login)})
    _check_password(temporary_password)
    _set_password(user, temporary_password, must_change=True)
    return _account(user)


def first_account(session: Session, password: str) -> UserRow:
    """The first-run wizard: the current (first) person gets the first password and leads
    the laptop's accounts. Only on a database where no account has a password yet."""
    if has_accounts(session):
        raise ValidationError({"password": FieldMessage("Máy này đã có tài khoản. Hãy đăng nhập.")})
    user = _current(session)
    _check_password(password)
    _set_password(user, password, must_change=False)
    return _row(user)


def set_own_password(store: Store, old_password: str, new_password: str) -> UserRow:
    """Change one's own password and stay signed in; on a database without accounts this
    gives the current person the first password (signing in is needed from then on)."""
    first = not store.sign_in_required
    user = store.write(lambda s: change_own_password(s, old_password, new_password), anonymous=first)
    store.reload_identity()
    store.signed_in_user_id = user.id
    return user


def set_first_password(store: Store, password: str) -> UserRow:
    """The first-run wizard's first account (see first_account), signed in at once."""
    user = store.write(lambda s: first_account(s, password), anonymous=True)
    store.reload_identity()
    store.signed_in_user_id = user.id
    return user
