"""Sign-in per person (kcdesk.services.sign_in) on a real SQLite file: passwords, the
slow-down after wrong ones (counted in the database, so a restart does not reset it), the
centre leader's management, and the hash never in the audit trail nor the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from kcdesk.db.store import Store, get_meta
from kcdesk.errors import PermissionDenied, SignInError, ValidationError
from kcdesk.services import sign_in as si
from kcdesk.services.facilities import create_facility

LEADER_PW = "lanh-dao-2026"
T0 = datetime.now(UTC)


def _facility(store: Store, name: str = "Cơ sở gốm Thanh Hà") -> str:
    values = {"name": name, "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
    return store.write(lambda s: create_facility(s, values))


def _reopen(store: Store) -> Store:
    store.close()
    return Store.open(store.path)


@pytest.fixture
def accounts(store: Store) -> Store:
    """The conftest store (leader "canbo") with the first password, signed in."""
    si.set_first_password(store, LEADER_PW)
    return store


def test_a_database_without_passwords_works_as_before(store: Store) -> None:
    assert not store.sign_in_required
    assert _facility(store)


def test_once_a_password_is_set_a_new_run_must_sign_in_before_writing(accounts: Store) -> None:
    store = _reopen(accounts)
    try:
        assert store.sign_in_required
        with pytest.raises(SignInError, match="Chưa đăng nhập"):
            _facility(store)
        with pytest.raises(SignInError, match="không đúng"):
            si.sign_in(store, "canbo", "sai-mat-khau")
        with pytest.raises(SignInError, match="không đúng"):  # the same words for an unknown login
            si.sign_in(store, "khong-co", LEADER_PW, now=T0 + timedelta(hours=1))
        signed = si.sign_in(store, "canbo", LEADER_PW, now=T0 + timedelta(hours=1))
        assert signed.user.username == "canbo" and not signed.must_change_password
        fid = _facility(store)
        with store.read() as s:
            who = s.execute(
                text("SELECT user_id FROM audit_entry WHERE table_name = 'facility' AND row_id = :r"), {"r": fid}
            ).scalar()
            assert who == signed.user.id == get_meta(s, "current_user_id")
        si.sign_out(store)
        with pytest.raises(SignInError):
            _facility(store, "Cơ sở sau khi đăng xuất")
    finally:
        store.close()


def test_wrong_passwords_wait_longer_each_time_then_lock_even_across_restarts(accounts: Store) -> None:
    store = accounts
    now = T0
    waits = []
    for _ in range(si.MAX_FAILURES - 1):
        with pytest.raises(SignInError, match="không đúng"):
            si.sign_in(store, "canbo", "sai", now=now)
        # too early: refused without even checking the password, the right one included
        with pytest.raises(SignInError, match="hãy chờ") as early:
            si.sign_in(store, "canbo", LEADER_PW, now=now + timedelta(milliseconds=500))
        waits.append(early.value.params["seconds"])
        now += si.wait_after(len(waits)) + timedelta(milliseconds=10)
    assert waits == [1, 2, 4, 8]
    with pytest.raises(SignInError, match="tạm khóa 15 phút"):
        si.sign_in(store, "canbo", "sai", now=now)

    store = _reopen(store)  # restarting the app does not reset the count
    try:
        with pytest.raises(SignInError, match="tạm khóa") as locked:
            si.sign_in(store, "canbo", LEADER_PW, now=now + timedelta(minutes=14))
        assert locked.value.params["minutes"] == 1
        si.sign_in(store, "canbo", LEADER_PW, now=now + timedelta(minutes=15, seconds=1))
        with pytest.raises(SignInError, match="không đúng"):  # the count starts again at one
            si.sign_in(store, "canbo", "sai", now=now + timedelta(minutes=16))
        with pytest.raises(SignInError, match="hãy chờ 1 giây"):
            si.sign_in(store, "canbo", LEADER_PW, now=now + timedelta(minutes=16, milliseconds=100))
    finally:
        store.close()


def test_the_leader_adds_an_account_that_must_change_its_first_password(accounts: Store) -> None:
    store = accounts
    added = store.write(lambda s: si.add_account(s, "ketoan", "Trần Thị Bình", "accountant", "tam-thoi-123"))
    assert added.has_password and added.must_change_password and added.role == "accountant"
    signed = si.sign_in(store, "ketoan", "tam-thoi-123")
    assert signed.must_change_password
    with pytest.raises(ValidationError, match="khác mật khẩu hiện tại"):
        si.set_own_password(store, "tam-thoi-123", "tam-thoi-123")
    with pytest.raises(ValidationError, match="ít nhất 8"):
        si.set_own_password(store, "tam-thoi-123", "ngan")
    with pytest.raises(ValidationError, match="hiện tại không đúng"):
        si.set_own_password(store, "sai", "binh-ke-toan-1")
    si.set_own_password(store, "tam-thoi-123", "binh-ke-toan-1")
    assert not si.sign_in(store, "ketoan", "binh-ke-toan-1").must_change_password
    with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo"):  # an accountant manages nobody
        store.write(lambda s: si.add_account(s, "canbo2", "Lê Văn Cường", "centre_staff", "mat-khau-123"))


def test_disable_enable_and_reset(accounts: Store) -> None:
    store = accounts
    store.write(lambda s: si.add_account(s, "canbo2", "Lê Văn Cường", "centre_staff", "tam-thoi-123"))
    disabled = store.write(lambda s: si.set_disabled(s, "canbo2", True))
    assert disabled.disabled
    with pytest.raises(SignInError, match="không đúng"):
        si.sign_in(store, "canbo2", "tam-thoi-123")
    si.sign_in(store, "canbo", LEADER_PW)
    store.write(lambda s: si.set_disabled(s, "canbo2", False))
    reset = store.write(lambda s: si.reset_password(s, "canbo2", "moi-dat-lai-1"))
    assert reset.must_change_password
    with pytest.raises(SignInError):
        si.sign_in(store, "canbo2", "tam-thoi-123", now=T0)
    assert si.sign_in(store, "canbo2", "moi-dat-lai-1", now=T0 + timedelta(seconds=2)).must_change_password


def test_the_last_active_leader_cannot_be_disabled(accounts: Store) -> None:
    store = accounts
    with pytest.raises(ValidationError, match="chính mình"):
        store.write(lambda s: si.set_disabled(s, "canbo", True))
    store.write(lambda s: si.add_account(s, "phogd", "Phạm Thị Dung", "centre_leader", "tam-thoi-123"))
    si.sign_in(store, "phogd", "tam-thoi-123")
    store.write(lambda s: si.set_disabled(s, "canbo", True))  # another leader remains: allowed
    store.write(lambda s: si.set_disabled(s, "canbo", False))
    # with the other leader disabled by canbo, canbo is the last one: nobody may disable it
    si.sign_in(store, "canbo", LEADER_PW)
    store.write(lambda s: si.set_disabled(s, "phogd", True))
    with store.read() as s:
        leaders = [a for a in si.list_accounts(s) if a.role == "centre_leader" and not a.disabled]
    assert [a.login for a in leaders] == ["canbo"]


def test_a_collaborators_laptop_has_one_account(accounts: Store, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="một tài khoản"):  # the leader's laptop has accounts already
        accounts.write(lambda s: si.add_account(s, "ctv", "Hồ Thị Giang", "collaborator", "tam-thoi-123"))
    from kcdesk.services.setup import initialize

    with Store.open(tmp_path / "ctv.db", create=True) as store:
        store.write(lambda s: initialize(s, province_code="48", user_full_name="Hồ Thị Giang", role="collaborator"))
        store.reload_identity()
        si.set_first_password(store, "giang-ctv-2026")
        with pytest.raises(PermissionDenied):
            store.write(lambda s: si.add_account(s, "canbo2", "Đỗ Văn Hải", "centre_staff", "tam-thoi-123"))
        with store.read() as s:
            assert [a.login for a in si.list_accounts(s) if a.has_password] == ["canbo"]


def test_the_hash_is_neither_audited_nor_queued_for_sync(accounts: Store) -> None:
    store = accounts
    store.write(lambda s: si.add_account(s, "ketoan", "Trần Thị Bình", "accountant", "tam-thoi-123"))
    store.write(lambda s: si.reset_password(s, "ketoan", "moi-dat-lai-1"))
    with store.read() as s:
        hashes = [h for (h,) in s.execute(text("SELECT password_hash FROM app_user WHERE password_hash IS NOT NULL"))]
        audit = " ".join(f"{b or ''} {a or ''}" for b, a in s.execute(text("SELECT before, after FROM audit_entry")))
        outbox_users = s.execute(
            text("SELECT count(*) FROM sync_outbox WHERE table_name = 'app_user' AND op != 'insert'")
        ).scalar()
    assert len(hashes) == 2 and all(h.startswith("$argon2id$") for h in hashes)
    assert "argon2" not in audit and not any(h in audit for h in hashes)
    assert "password" not in audit and "tam-thoi-123" not in audit
    assert outbox_users == 0  # setting or resetting a password sends nothing
