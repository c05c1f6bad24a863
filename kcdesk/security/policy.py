"""Whether a new database is encrypted, and making the key of one that is.

Encrypted when the OS keyring keeps secrets (the person then opens it without typing
anything) or when KCDESK_ENCRYPT=1; KCDESK_ENCRYPT=0 keeps it plain. Without an OS slot the
key must be wrapped some other way from the start: by the recovery key given in
KCDESK_RECOVERY_KEY.
"""

from __future__ import annotations

import os
from pathlib import Path

from kcdesk.db import sqlfile
from kcdesk.errors import StoreError
from kcdesk.security import os_slot, recovery
from kcdesk.security.keyfile import KEY_BYTES, KeyFile
from kcdesk.security.unlock import RECOVERY_ENV

ENCRYPT_ENV = "KCDESK_ENCRYPT"


def should_encrypt() -> bool:
    flag = os.environ.get(ENCRYPT_ENV)
    if flag is not None:
        return flag == "1"
    return os_slot.available()


def new_database_key(db_path: Path) -> bytes | None:
    """For a database about to be created at `db_path`: None (plain), or a new key whose key
    file has been written beside it."""
    if not should_encrypt():
        return None
    return make_key_file(db_path)


def make_key_file(db_path: Path) -> bytes:
    """A new random key, wrapped in the OS slot (and the recovery slot when
    KCDESK_RECOVERY_KEY is set), saved in the key file beside `db_path`. Remembered for this
    process."""
    key = os.urandom(KEY_BYTES)
    keys = KeyFile.new(db_path)
    secret = os_slot.store_secret(keys.id)
    if secret is not None:
        keys.add_os_slot(key, secret)
    typed = os.environ.get(RECOVERY_ENV)
    if typed:
        keys.add_recovery_slot(key, recovery.parse(typed))
    if not keys.slots:
        raise StoreError(
            "Máy này không có kho khóa của hệ điều hành nên chưa mã hóa được cơ sở dữ liệu. Hãy đặt khóa dự phòng "
            "vào biến môi trường KCDESK_RECOVERY_KEY (tạo bằng: kcdesk security new-recovery-key) rồi thử lại, "
            "hoặc đặt KCDESK_ENCRYPT=0 để không mã hóa."
        )
    keys.save()
    sqlfile.remember_key(db_path, key)
    return key


def new_recovery_key(db_path: Path) -> str:
    """Replace the recovery slot with a new recovery key; return it, formatted, to print."""
    key = sqlfile.key_for(db_path)
    if key is None:
        raise StoreError("Cơ sở dữ liệu {path} chưa được mã hóa: chưa có khóa dự phòng.", path=str(db_path))
    raw = recovery.new_recovery_key()
    keys = KeyFile.load(db_path)
    keys.add_recovery_slot(key, raw)
    keys.save()
    return recovery.format_key(raw)
