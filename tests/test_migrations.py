"""Migrations: the models match them, old databases upgrade with nothing lost and a backup
beside them, and a failed upgrade leaves the original bytes untouched, moved aside."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.schema import CreateIndex

from kcdesk.db import audit_trail
from kcdesk.db.alembic_config import EXPRESSION_INDEXES, alembic_config, include_object
from kcdesk.db.base import Base
from kcdesk.db.engine import make_engine
from kcdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from kcdesk.db.store import Store
from kcdesk.errors import StoreError
from kcdesk.services import facilities
from kcdesk.text import vi_sort_key


def upgrade_to(path: Path, revision: str) -> None:
    engine = make_engine(path)
    cfg = alembic_config()
    with engine.connect() as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_known_revisions_match_the_scripts() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(chain) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD_REVISION


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_models_and_migrations_agree(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "x.db", create=True)
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object, "compare_type": False})
        diff = compare_metadata(ctx, Base.metadata)
        # The indexes reflection cannot read: the migrated file's DDL is the model's.
        for name in EXPRESSION_INDEXES:
            made = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).scalar_one()
            index = next(i for t in Base.metadata.tables.values() for i in t.indexes if i.name == name)
            assert " ".join(made.split()) == " ".join(str(CreateIndex(index).compile(conn)).split())
    store.close()
    assert diff == []


def test_database_from_the_first_migration_upgrades_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade_to(path, "0001_initial")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO facility (id, name, facility_type, province_code, tax_code) VALUES "
            "('f-1', 'Cơ sở mộc Kim Bồng', 'hkd', '48', '0401999888')"
        )
        conn.execute("INSERT INTO app_meta (key, value) VALUES ('province_code', '48')")
    before = conn.execute("SELECT * FROM facility").fetchall()
    # Later migrations add columns after these: the old ones must read back unchanged.
    old_columns = ", ".join(f'"{r[1]}"' for r in conn.execute("PRAGMA table_info(facility)"))
    audit = conn.execute("SELECT * FROM audit_entry").fetchall()
    queued = conn.execute("SELECT * FROM sync_outbox").fetchall()
    conn.close()

    with Store.open(path) as store:
        with store.engine.connect() as c:
            assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == HEAD_REVISION
            assert c.exec_driver_sql(f"SELECT {old_columns} FROM facility").fetchall() == before
            name_sort = c.exec_driver_sql("SELECT name_sort FROM facility").scalar()
            assert name_sort == vi_sort_key("Cơ sở mộc Kim Bồng")
            # The trail and the queue are kept; seeded reference data is audited, never queued.
            # (An insert's image is kept in the compact form since 0009: rebuilt, it is the same.)
            kept = c.exec_driver_sql(f"SELECT * FROM audit_entry LIMIT {len(audit)}").fetchall()
            assert [r[:9] for r in kept] == [r[:9] for r in audit]
            for old in audit:
                full = audit_trail.full_entries(c, old[5], old[6])
                assert [e["after"] for e in full if e["id"] == old[0]] == [json.loads(old[9]) if old[9] else {}]
            origins = c.exec_driver_sql(f"SELECT DISTINCT origin FROM audit_entry WHERE id > {len(audit)}").fetchall()
            assert origins == [("migration",)]
            assert c.exec_driver_sql("SELECT * FROM sync_outbox").fetchall() == queued
            assert (
                c.exec_driver_sql(
                    "SELECT count(*) FROM admin_unit WHERE valid_to IS NULL AND level = 'province'"
                ).scalar()
                == 34
            )
        with store.read() as s:
            assert facilities.find_facility(s, "0401999888").name == "Cơ sở mộc Kim Bồng"
    backups = list((tmp_path / "old-backups").glob("old-*-truoc-nang-cap-0001_initial.db"))
    assert len(backups) == 1
    b = sqlite3.connect(backups[0])
    assert b.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
    assert b.execute("SELECT name FROM facility").fetchall() == [("Cơ sở mộc Kim Bồng",)]
    b.close()


def test_old_pre_upgrade_backups_are_rotated_after_a_successful_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade_to(path, "0001_initial")
    backups = tmp_path / "old-backups"
    backups.mkdir()
    older = [backups / f"old-2020010{d}-080000-000000-truoc-nang-cap-0001_initial.db" for d in range(1, 5)]
    others = [
        backups / "old-20200101-080000-000000-hang-ngay.db",  # daily copies rotate on their own
        backups / "old-20200101-080000-000000-thu-cong.db",  # a person's own backup is never removed
        backups / "old-copy-20200101-080000-000000-truoc-nang-cap-0001_initial.db",  # another database's
    ]
    for f in older + others:
        f.write_bytes(path.read_bytes())

    Store.open(path).close()

    kept = sorted(backups.glob("old-2*-truoc-nang-cap-*.db"))
    assert len(kept) == 3
    assert kept[:2] == older[2:]  # the two newest old ones, then this upgrade's own
    assert kept[2].name.startswith("old-20") and kept[2] not in older
    newest = sqlite3.connect(kept[2])
    assert newest.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
    newest.close()
    assert all(f.exists() for f in others)


def test_failed_migration_keeps_the_original_bytes_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "kcdesk.db"
    upgrade_to(path, "0002_reference_data")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO facility (id, name, facility_type, province_code) VALUES ('f-1', 'Cơ sở A', 'hkd', '22')"
        )
        # A row the next migration also inserts: it will fail on the primary key.
        conn.execute(
            "INSERT INTO admin_unit (code, valid_from, level, unit_type, name, full_name) "
            "VALUES ('22', '2026-09-01', 'province', 'tinh', 'X', 'X')"
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(StoreError) as err:
        Store.open(path)
    assert not path.exists()
    aside = [
        p
        for p in tmp_path.iterdir()
        if p.name.startswith("kcdesk.db.loi-nang-cap-") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1
    assert hashlib.sha256(aside[0].read_bytes()).hexdigest() == digest
    assert "Dữ liệu gốc được giữ nguyên" in err.value.text()
    kept = sqlite3.connect(aside[0])
    assert kept.execute("SELECT name FROM facility").fetchall() == [("Cơ sở A",)]
    kept.close()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    Store.open(tmp_path / "x.db", create=True).close()
    code = (
        "import sys; from kcdesk.db.store import Store; Store.open(sys.argv[1]).close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "x.db")], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
