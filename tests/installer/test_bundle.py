"""The frozen one-folder bundle: it builds, its self-test passes on the offscreen platform, it
carries what must travel as files, and it upgrades an old database with the data intact."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kcdesk.db import audit_trail
from kcdesk.db.engine import make_engine
from kcdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from kcdesk.selftest import _steps as selftest_steps
from tests.installer.frozen import Bundle
from tests.test_migrations import upgrade_to

pytestmark = pytest.mark.bundle

# 220 MiB: the SQLCipher binding (its own SQLite and crypto, issue 13) added some 15 MB.
MAX_BUNDLE_BYTES = 220 * 1024 * 1024
REPO = Path(__file__).resolve().parents[2]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def test_the_frozen_self_test_passes_every_step_offscreen(frozen_bundle: Bundle) -> None:
    out = frozen_bundle.build_output
    assert "(bản đóng gói)" in out  # it really ran frozen
    steps = [line for line in out.splitlines() if line.startswith("  [")]
    n = len(selftest_steps())  # every step the source tree's self-test has, none left out
    assert len(steps) == n and all(line.startswith("  [ĐẠT]") for line in steps), out
    # Nothing optional was left out of the bundle: the sync server and the window both ran.
    assert "[BỎ QUA]" not in out and f"Kết quả: {n}/{n} bước đạt" in out


def test_the_bundle_has_both_executables_and_its_files_on_disk(frozen_bundle: Bundle) -> None:
    root = frozen_bundle.folder
    for exe in ("kcdesk", "kcdesk-gui"):
        assert (root / exe).is_file() and (root / exe).stat().st_mode & 0o111
    internal = root / "_internal"
    migrations = internal / "kcdesk" / "db" / "migrations"
    # Alembic reads these by path: they must be files, not bytecode inside the archive.
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    assert sorted(p.stem for p in (migrations / "versions").glob("0*.py")) == list(KNOWN_REVISIONS)
    resources = internal / "kcdesk_resources"
    assert (resources / "admin-units" / "units-2026-07-25.json").is_file()
    assert (resources / "reference" / "activity_types.json").is_file()
    assert list((resources / "fonts").glob("BeVietnamPro-*.ttf"))
    assert (resources / "icons" / "kcdesk.ico").is_file()
    assert len(list((internal / "fontpkg_crimson_text").rglob("CrimsonText-*.ttf"))) >= 4
    # The window's English is the core catalogue (Python modules, kcdesk.locale_en*): no
    # compiled catalogue of ours travels beside it.
    assert not (resources / "translations").exists()


def test_unused_qt_is_left_out_and_the_bundle_stays_small(frozen_bundle: Bundle) -> None:
    names = [p.name for p in frozen_bundle.folder.rglob("*")]
    unwanted = ("WebEngine", "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6Multimedia", "Qt63D", "QtQuick", "QtQml")
    assert [n for n in names if any(u in n for u in unwanted)] == []
    assert any("Qt6Charts" in n for n in names)  # the dashboard's charts stay
    translations = [n for n in names if n.endswith(".qm") and n.startswith(("qt_", "qtbase_"))]
    assert all(n.endswith("_en.qm") for n in translations)
    assert folder_size(frozen_bundle.folder) <= MAX_BUNDLE_BYTES


_FIRST_COLUMNS: dict[str, list[str]] = {}


def _first_schema_select(conn: sqlite3.Connection, table: str, order: str) -> str:
    """The same columns before and after the upgrade: later revisions add columns (the sort
    keys, the notice), and what the first schema held must come through unchanged."""
    if table not in _FIRST_COLUMNS:
        _FIRST_COLUMNS[table] = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    return f"SELECT {', '.join(_FIRST_COLUMNS[table])} FROM {table} {order}"


def _first_schema_database(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """A database as the first release made it (0001_initial), holding a facility, a setting
    and the audit trail and sync queue the triggers wrote for it."""
    upgrade_to(path, KNOWN_REVISIONS[0])
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO facility (id, name, facility_type, province_code, tax_code, representative) VALUES "
            "('f-1', 'Cơ sở mộc Kim Bồng', 'hkd', '48', '0401999888', 'Huỳnh Văn Sáu')"
        )
        conn.execute(
            "INSERT INTO facility (id, name, facility_type, province_code) VALUES "
            "('f-2', 'Hợp tác xã đá mỹ nghệ Non Nước', 'htx', '48')"
        )
        conn.execute("INSERT INTO app_meta (key, value) VALUES ('province_code', '48')")
    data = {
        "facility": conn.execute(_first_schema_select(conn, "facility", "ORDER BY id")).fetchall(),
        "audit_entry": conn.execute(_first_schema_select(conn, "audit_entry", "ORDER BY id")).fetchall(),
        "sync_outbox": conn.execute(_first_schema_select(conn, "sync_outbox", "")).fetchall(),
    }
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert data["facility"] and data["audit_entry"]
    return data


def test_the_frozen_build_upgrades_a_first_schema_database_with_the_data_intact(
    frozen_bundle: Bundle, tmp_path: Path
) -> None:
    path = tmp_path / "kcdesk.db"
    before = _first_schema_database(path)

    done = frozen_bundle.run("--db", str(path), "migrate", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"db": str(path), "from": KNOWN_REVISIONS[0], "to": HEAD_REVISION}

    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION
    assert conn.execute(_first_schema_select(conn, "facility", "ORDER BY id")).fetchall() == before["facility"]
    n = len(before["audit_entry"])
    audit = _first_schema_select(conn, "audit_entry", f"ORDER BY id LIMIT {n}")
    # The trail is kept; since 0009 an insert's image is kept in the compact form (rebuilt
    # from the row, it is the same): every column but `after` as it was, and the rebuilt one.
    after_at = _FIRST_COLUMNS["audit_entry"].index("after")
    kept = conn.execute(audit).fetchall()
    assert [r[:after_at] for r in kept] == [r[:after_at] for r in before["audit_entry"]]
    with make_engine(path, None).connect() as c:
        for old in before["audit_entry"]:
            table, row_id = (
                old[_FIRST_COLUMNS["audit_entry"].index("table_name")],
                old[_FIRST_COLUMNS["audit_entry"].index("row_id")],
            )
            full = audit_trail.full_entries(c, str(table), str(row_id))
            image = json.loads(str(old[after_at])) if old[after_at] else {}
            assert [e["after"] for e in full if e["id"] == old[0]] == [image]
    assert conn.execute(_first_schema_select(conn, "sync_outbox", "")).fetchall() == before["sync_outbox"]
    # The columns later revisions added are filled for the old rows: the Vietnamese sort key.
    assert conn.execute("SELECT count(*) FROM facility WHERE name_sort IS NULL").fetchone()[0] == 0
    conn.close()

    # The backup beside it is the file as it was, at the old schema.
    backups = list((tmp_path / "kcdesk-backups").glob(f"kcdesk-*-truoc-nang-cap-{KNOWN_REVISIONS[0]}.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == KNOWN_REVISIONS[0]
    assert old.execute("SELECT * FROM facility ORDER BY id").fetchall() == before["facility"]
    old.close()

    # And the frozen build works on it: integrity, and search without diacritics.
    assert frozen_bundle.run("--db", str(path), "check").returncode == 0
    found = frozen_bundle.run("--db", str(path), "search", "kim bong", "--json")
    assert found.returncode == 0, found.stderr
    assert [hit["id"] for hit in json.loads(found.stdout)] == ["f-1"]
