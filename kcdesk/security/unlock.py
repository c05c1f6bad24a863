"""Getting an encrypted database's key: automatically (the recovery key in
KCDESK_RECOVERY_KEY, else the OS slot), or from a person (password, recovery key)."""

from __future__ import annotations

import os
from pathlib import Path

from kcdesk.db import sqlfile
from kcdesk.db.sqlfile import EncryptedStoreError
from kcdesk.security import os_slot, recovery
from kcdesk.security.keyfile import KeyFile

RECOVERY_ENV = "KCDESK_RECOVERY_KEY"


def unlock_automatically(db_path: Path) -> bytes:
    keys = KeyFile.load(db_path)
    typed = os.environ.get(RECOVERY_ENV)
    if typed:
        key = keys.open_recovery_slot(recovery.parse(typed))
        if key is None:
            raise wrong_recovery_key(db_path)
        return key
    secret = os_slot.load_secret(keys.id)
    key = keys.open_os_slot(secret) if secret is not None else None
    if key is None:
        raise locked(db_path)
    return key


def unlock_with_password(db_path: Path, password: str, login: str | None = None) -> bytes:
    key = KeyFile.load(db_path).open_password_slot(password, login)
    if key is None:
        raise EncryptedStoreError(
            "Mật khẩu không mở được cơ sở dữ liệu mã hóa {path}. Hãy kiểm tra tên đăng nhập và mật khẩu, "
            "hoặc dùng khóa dự phòng.",
            path=str(db_path),
        )
    sqlfile.remember_key(db_path, key)
    return key


def unlock_with_recovery_key(db_path: Path, typed: str) -> bytes:
    key = KeyFile.load(db_path).open_recovery_slot(recovery.parse(typed))
    if key is None:
        raise wrong_recovery_key(db_path)
    sqlfile.remember_key(db_path, key)
    return key


def locked(db_path: Path) -> EncryptedStoreError:
    return EncryptedStoreError(
        "Cơ sở dữ liệu {path} được mã hóa và tài khoản máy này không mở được. Hãy mở kcdesk và đăng nhập bằng "
        "mật khẩu của mình (kcdesk --login), hoặc nhập khóa dự phòng (biến môi trường KCDESK_RECOVERY_KEY). "
        "Tệp được giữ nguyên.",
        path=str(db_path),
    )


def wrong_recovery_key(db_path: Path) -> EncryptedStoreError:
    return EncryptedStoreError(
        "Khóa dự phòng không mở được cơ sở dữ liệu mã hóa {path}. Hãy nhập lại đúng như tờ giấy in; tệp được "
        "giữ nguyên.",
        path=str(db_path),
    )
