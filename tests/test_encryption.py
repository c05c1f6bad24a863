"""Encrypted at rest (issue 13 part 1): the database, its WAL, its backups and its
attachment files hold none of the personal data in readable form; the file opens with a
person's password or the recovery key, and a wrong key is said in words and moves nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.null import Keyring as NullKeyring

from kcdesk.db import maintenance, sqlfile
from kcdesk.db.files import add_bytes, file_path, read_plain
from kcdesk.db.store import Store
from kcdesk.security import policy, unlock
from kcdesk.services import facilities, sign_in
from kcdesk.services.setup import initialize
from tests.conftest import encrypted_stores

NAME = "Trần Thị Bích Ngọc"
PHONE = "0905123987"
PERSONAL_ID = "048190012345"
PASSWORD = "Mật-khẩu-của-Ngọc-2026"
SECRETS = {
    "name": [NAME.encode("utf-8"), NAME.encode("utf-16-le"), b"Bich Ngoc"],
    "phone": [PHONE.encode("ascii"), b"905123987"],
    "id": [PERSONAL_ID.encode("ascii")],
}


@pytest.fixture
def encrypted(tmp_path: Path) -> Iterator[Store]:
    with encrypted_stores(tmp_path / "keyring.json"):
        store = Store.open(tmp_path / "kcdesk.db", create=True)
        store.write(lambda s: initialize(s, province_code="48", user_full_name="Lê Văn Quản Trị", role="centre_leader"))
        store.reload_identity()
        yield store
        store.close()
        sqlfile.forget_key(tmp_path / "kcdesk.db")


def _write_people(store: Store, n: int = 40) -> None:
    base = {"facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
    for i in range(n):
        values = base | {
            "name": f"Hộ kinh doanh {NAME} {i}",
            "representative": NAME,
            "phone": PHONE,
            "tax_code": PERSONAL_ID,
            "note": f"Liên hệ chị Bích Ngọc {PHONE}, CCCD {PERSONAL_ID}",
        }
        store.write(lambda s, v=values: facilities.create_facility(s, v))


def _leaks(data: bytes) -> list[str]:
    return [kind for kind, needles in SECRETS.items() if any(n in data for n in needles)]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_wal_backup_and_attachment_hold_no_personal_data_in_clear(encrypted: Store, tmp_path: Path) -> None:
    store = encrypted
    _write_people(store)
    photo = f"Ảnh nhà chị {NAME}, điện thoại {PHONE}, CCCD {PERSONAL_ID}".encode()
    digest, _size = add_bytes(store.files_dir, photo)
    attachment = file_path(store.files_dir, digest)
    wal = Path(f"{store.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the writes are still in the WAL
    backup = maintenance.make_backup(store)

    for path in (store.path, wal, backup, attachment):
        assert _leaks(path.read_bytes()) == [], path
    assert digest == hashlib.sha256(photo).hexdigest()  # named by the plain content, as sync expects
    assert read_plain(attachment) == photo

    for path in (store.path, backup):  # plain sqlite3 cannot read them
        conn = sqlite3.connect(path)
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM facility").fetchone()
        conn.close()
    with Store.open(backup) as copy, copy.read() as s:  # the backup opens on its own with its key file
        assert s.execute(facilities_count()).scalar_one() == 40
    assert maintenance.check(store.path).ok


def test_opens_with_the_password_or_the_recovery_key_and_not_with_a_wrong_one(encrypted: Store, tmp_path: Path) -> None:
    store = encrypted
    _write_people(store, 3)
    user = sign_in.set_first_password(store, PASSWORD)
    login = user.username
    recovery_key = policy.new_recovery_key(store.path)
    path = store.path
    store.close()
    sqlfile.forget_key(path)
    previous = keyring.get_keyring()
    keyring.set_keyring(NullKeyring())  # the laptop's account is lost: the OS slot opens nothing
    try:
        digest = sha(path)
        with pytest.raises(sqlfile.EncryptedStoreError) as err:
            Store.open(path)
        assert "khóa dự phòng" in err.value.text() and "giữ nguyên" in err.value.text()
        assert path.exists() and sha(path) == digest
        assert not [p for p in tmp_path.iterdir() if "khong-mo-duoc" in p.name]

        with pytest.raises(sqlfile.EncryptedStoreError, match="Mật khẩu không mở được"):
            unlock.unlock_with_password(path, "mật khẩu sai hẳn", login)
        with pytest.raises(sqlfile.EncryptedStoreError, match="Khóa dự phòng không mở được"):
            unlock.unlock_with_recovery_key(path, "AAAAA-" * 7 + "AAAAA")
        assert sha(path) == digest

        unlock.unlock_with_password(path, PASSWORD, login)
        with Store.open(path) as again, again.read() as s:
            assert s.execute(facilities_count()).scalar_one() == 3
        sqlfile.forget_key(path)

        unlock.unlock_with_recovery_key(path, recovery_key.lower().replace("-", " "))  # as typed by hand
        with Store.open(path) as again, again.read() as s:
            assert s.execute(facilities_count()).scalar_one() == 3
    finally:
        keyring.set_keyring(previous)


def test_a_wrong_key_never_moves_the_file_aside(encrypted: Store, tmp_path: Path) -> None:
    path = encrypted.path
    encrypted.close()
    sqlfile.remember_key(path, b"\x01" * 32)  # as a stale or wrong key would be
    digest = sha(path)
    with pytest.raises(sqlfile.EncryptedStoreError, match="khóa không đúng"):
        Store.open(path)
    assert sha(path) == digest and sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("kcdesk.db")) == [
        "kcdesk.db"
    ]


def facilities_count():  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    return text("SELECT count(*) FROM facility WHERE deleted_at IS NULL")


@pytest.mark.plain_storage
def test_a_plain_backup_restored_into_an_encrypted_database_stays_encrypted(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup made before the conversion is plain: restoring it re-keys it on the way in."""
    from kcdesk.security.convert import encrypt_database
    from kcdesk.security.recovery import format_key, new_recovery_key

    base = {"facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
    store.write(lambda s: facilities.create_facility(s, base | {"name": f"Cơ sở của {NAME}"}))
    plain_backup = maintenance.make_backup(store, tmp_path / "truoc.db")
    path = store.path
    store.close()
    monkeypatch.setenv("KCDESK_RECOVERY_KEY", format_key(new_recovery_key()))
    encrypt_database(path, say=lambda _line: None)
    with Store.open(path) as again:
        again.write(lambda s: facilities.create_facility(s, base | {"name": "Cơ sở thêm sau"}))
    safety = maintenance.restore(path, plain_backup)
    assert sqlfile.is_encrypted(path) and sqlfile.is_encrypted(safety)
    assert _leaks(path.read_bytes()) == []
    with Store.open(path) as again, again.read() as s:
        assert s.execute(facilities_count()).scalar_one() == 1
    sqlfile.forget_key(path)


@pytest.mark.plain_storage
def test_an_account_from_before_the_conversion_gets_its_password_slot_at_its_next_sign_in(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kcdesk.security.convert import encrypt_database
    from kcdesk.security.keyfile import KeyFile
    from kcdesk.security.recovery import format_key, new_recovery_key

    login = sign_in.set_first_password(store, PASSWORD).username
    path = store.path
    store.close()
    monkeypatch.setenv("KCDESK_RECOVERY_KEY", format_key(new_recovery_key()))
    encrypt_database(path, say=lambda _line: None)
    assert KeyFile.load(path).find("password", login) is None
    with Store.open(path) as again:
        sign_in.sign_in(again, login, PASSWORD)
    assert KeyFile.load(path).find("password", login) is not None
    sqlfile.forget_key(path)
    monkeypatch.delenv("KCDESK_RECOVERY_KEY")
    unlock.unlock_with_password(path, PASSWORD, login)
    Store.open(path).close()
    sqlfile.forget_key(path)
