"""The command line's plain-sqlite3 read path (kcdesk.db.quick_read) gives the same answers
as the ORM's services, and hands every file that is not a plain head-revision kcdesk
database back to Store.open."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from kcdesk.db import quick_read, sqlfile
from kcdesk.db.store import Store
from kcdesk.services import money, proposals
from kcdesk.services.due import due_list
from kcdesk.services.overview import overview
from kcdesk.services.progress_reports import file_progress_report
from tests.followup import accept, new_proposal, walk

# Across the demo's plan years: deadlines before, during and after them.
DAYS = (date(2025, 5, 1), date(2026, 1, 15), date(2026, 5, 10), date(2026, 12, 5), date(2027, 8, 1))


def _agree(store: Store, days: tuple[date, ...]) -> None:
    conn = quick_read.open_read_only(store.path)
    assert conn is not None
    with closing(conn), store.read() as s:
        for today in days:
            assert quick_read.overview(conn, today) == overview(s, today), today
            for horizon in (0, 30, 400):
                assert quick_read.due_list(conn, today, horizon) == due_list(s, today, horizon), (today, horizon)


def test_the_demo_province_reads_the_same_through_both_paths(demo_store: Store) -> None:
    _agree(demo_store, DAYS)


def test_follow_up_work_reads_the_same_through_both_paths(store: Store) -> None:
    _agree(store, DAYS)  # nothing yet: the centre and the zero counts
    reporting, silent, settled, dropped = (new_proposal(store) for _ in range(4))
    for pid in (reporting, silent, settled, dropped):
        walk(store, pid, "KCDP", "in_progress")
    store.write(lambda s: file_progress_report(s, reporting, {"period": "2026-04", "submitted_on": date(2026, 4, 20)}))
    store.write(lambda s: money.record_money(s, settled, "tam_ung", 50_000_000, date(2026, 3, 1)))
    accept(store, settled, on=date(2026, 3, 10))
    store.write(
        lambda s: proposals.transition(s, settled, "submit_settlement", role="accountant", on=date(2026, 3, 15))
    )
    store.write(lambda s: money.settle_proposal(s, settled, {"kc": 50_000_000}, date(2026, 3, 20), role="so_reviewer"))
    # A deleted proposal (as a sync from another laptop leaves it) counts nowhere.
    gone = text("UPDATE proposal SET deleted_at = '2026-05-01 00:00:00' WHERE id = :id")
    store.write(lambda s: s.execute(gone, {"id": dropped}))
    _agree(store, (date(2026, 5, 10), date(2026, 3, 20) + timedelta(days=181)))


def test_only_a_head_revision_kcdesk_file_takes_the_quick_path(store: Store, tmp_path: Path) -> None:
    assert quick_read.open_read_only(tmp_path / "missing.db") is None
    (tmp_path / "text.db").write_text("not a database", encoding="utf-8")
    assert quick_read.open_read_only(tmp_path / "text.db") is None
    (tmp_path / "empty.db").write_bytes(b"")
    assert quick_read.open_read_only(tmp_path / "empty.db") is None
    with closing(sqlite3.connect(tmp_path / "other.db")) as other:
        other.execute("CREATE TABLE t (x)")
    assert quick_read.open_read_only(tmp_path / "other.db") is None

    conn = quick_read.open_read_only(store.path)
    assert conn is not None
    with closing(conn), pytest.raises(sqlfile.error_classes(), match="readonly"):  # either binding
        conn.execute("DELETE FROM app_meta")  # a read path cannot write by mistake

    store.close()
    with closing(sqlfile.connect(store.path, sqlfile.key_for(store.path))) as older:
        older.execute("UPDATE alembic_version SET version_num = '0006_name_sort_keys'")
        older.commit()
    assert quick_read.open_read_only(store.path) is None  # to be migrated: Store.open's path
