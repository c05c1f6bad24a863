"""Opening the store defensively; backups, restore and the integrity check."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kcdesk.db import maintenance, sqlfile
from kcdesk.db.store import Store
from kcdesk.errors import LockedError, StoreError
from kcdesk.services import facilities
from tests.conftest import run_cli

FACILITY = {"name": "Cơ sở nước mắm Nam Ô", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


def raw_connect(path: Path):  # type: ignore[no-untyped-def]
    """A driver connection without the ORM, keyed when the database is encrypted."""
    return sqlfile.connect(path, sqlfile.key_for(path))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_wal_foreign_keys_and_busy_timeout(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_a_file_that_is_not_a_database_is_moved_aside_never_deleted(tmp_path: Path) -> None:
    path = tmp_path / "kcdesk.db"
    path.write_bytes(b"%PDF-1.7 this is a scanned document, not a database")
    digest = sha(path)
    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert not path.exists()
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("kcdesk.db.khong-mo-duoc")]
    assert len(aside) == 1 and sha(aside[0]) == digest
    assert str(aside[0]) in err.value.text()


def test_a_database_from_a_newer_kcdesk_is_refused_and_left_alone(store: Store) -> None:
    path = store.path
    store.close()
    conn = raw_connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    digest = sha(path)
    with pytest.raises(StoreError, match="phiên bản kcdesk mới hơn"):
        Store.open(path)
    assert path.exists() and sha(path) == digest


def test_backup_restore_round_trip_keeps_a_safety_copy(store: Store, tmp_path: Path) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    saved = maintenance.make_backup(store, tmp_path / "before.db")
    store.write(lambda s: facilities.update_facility(s, fid, {"name": "Tên đã sửa"}))
    path = store.path
    store.close()
    safety = maintenance.restore(path, saved)
    with Store.open(path) as again, again.read() as s:
        assert facilities.find_facility(s, fid).name == "Cơ sở nước mắm Nam Ô"
    with Store.open(safety) as old, old.read() as s:
        assert facilities.find_facility(s, fid).name == "Tên đã sửa"


def test_restore_refuses_a_broken_backup_and_changes_nothing(store: Store, tmp_path: Path) -> None:
    store.write(lambda s: facilities.create_facility(s, FACILITY))
    path = store.path
    store.close()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a backup")
    digest = sha(path)
    with pytest.raises(StoreError):
        maintenance.restore(path, bad)
    assert sha(path) == digest


def test_check_passes_on_a_healthy_database_and_reports_a_broken_index(store: Store) -> None:
    store.write(lambda s: facilities.create_facility(s, FACILITY))
    assert maintenance.check(store.path).ok
    conn = raw_connect(store.path)
    conn.execute("DELETE FROM facility_fts")
    conn.commit()
    conn.close()
    report = maintenance.check(store.path)
    assert not report.ok and report.search_index


def test_cli_backup_restore_and_check(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    run_cli("init", db=db)
    out = run_cli("backup", "--json", db=db)
    assert out.code == 0, out.err
    backup = Path(out.json()["backup"])
    assert backup.exists() and backup.parent.name == "x-backups"
    assert run_cli("check", db=db).code == 0
    restored = run_cli("restore", str(backup), db=db)
    assert restored.code == 0, restored.err


def test_a_signed_acceptance_cannot_be_changed_by_any_path(store: Store) -> None:
    from sqlalchemy import text

    from tests.test_lifecycle import new_proposal, sign_acceptance

    aid = sign_acceptance(store, new_proposal(store))
    with pytest.raises(LockedError):
        store.write(lambda s: s.execute(text("UPDATE acceptance SET accepted_amount = 1 WHERE id = :i"), {"i": aid}))
    with pytest.raises(LockedError):
        store.write(lambda s: s.execute(text("DELETE FROM acceptance_member WHERE acceptance_id = :i"), {"i": aid}))
    conn = raw_connect(store.path)
    with pytest.raises(sqlfile.integrity_error_classes(), match="kcdesk-locked"):
        conn.execute("UPDATE acceptance SET conclusion = 'khong_dat' WHERE id = ?", (aid,))
    conn.close()


def test_writes_run_on_one_writer_thread(store: Store) -> None:
    import threading

    names = set()

    def record(_s):  # type: ignore[no-untyped-def]
        names.add(threading.current_thread().name)

    threads = [threading.Thread(target=lambda: store.write(record)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(names) == 1 and next(iter(names)).startswith("kcdesk-writer")
