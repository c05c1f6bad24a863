"""Self-test step: create, write, close and open again an encrypted database (SQLCipher
through the bundled `sqlcipher3` binding), unlocked by a recovery key; the file holds none of
the written name in clear. Catches a bundle that left the binding or its SQLite out."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kcdesk.i18n import tr
from kcdesk.selftest.core_steps import FACILITY_NAME, add_facility, check, new_store


@contextmanager
def _env(**values: str) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def open_encrypted_database(folder: Path) -> str:
    from kcdesk.db import sqlfile
    from kcdesk.db.store import Store
    from kcdesk.security.recovery import format_key, new_recovery_key
    from kcdesk.security.unlock import unlock_with_recovery_key

    path = folder / "ma-hoa.db"
    recovery = format_key(new_recovery_key())
    with _env(KCDESK_ENCRYPT="1", KCDESK_RECOVERY_KEY=recovery), new_store(path) as store:
        add_facility(store)
    check(sqlfile.is_encrypted(path), "Tệp {path} không được mã hóa.", path=str(path))
    raw = path.read_bytes() + (Path(f"{path}-wal").read_bytes() if Path(f"{path}-wal").exists() else b"")
    check(FACILITY_NAME.encode("utf-8") not in raw, "Tên cơ sở đọc được trong tệp mã hóa.")
    sqlfile.forget_key(path)
    unlock_with_recovery_key(path, recovery)
    with Store.open(path) as store, store.engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM facility")]
        version = conn.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    sqlfile.forget_key(path)
    check(names == [FACILITY_NAME], "Dữ liệu đọc lại không khớp: {names}", names=names)
    return tr("SQLCipher (SQLite {version}), mở lại bằng khóa dự phòng", version=version)
