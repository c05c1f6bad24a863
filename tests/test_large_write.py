"""A large write (a first pull) goes through SQLite's rollback journal when nothing else has
the store's file open, and through WAL as always otherwise (kcdesk.db.journal). Either way
the rows are all there afterwards, other readers are never refused, and the file is WAL
again when the write ends. A kill in the middle: tests/test_crash.py."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.db import sqlfile
from kcdesk.db.store import Store


def _journal(session: Session) -> str:
    return str(session.execute(text("PRAGMA journal_mode")).scalar_one())


def _add_units(session: Session, tag: str, n: int = 500) -> None:
    session.execute(
        text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"),
        [{"k": f"{tag}-{i}", "v": "x" * 200} for i in range(n)],
    )


def _file_journal(path: Path) -> str:
    conn = sqlfile.connect(path, sqlfile.key_for(path))
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def _count(store: Store, tag: str) -> int:
    with store.read() as s:
        return int(s.execute(text("SELECT count(*) FROM app_meta WHERE key LIKE :t"), {"t": f"{tag}-%"}).scalar_one())


def test_alone_with_the_file_it_writes_through_the_rollback_journal_then_goes_back_to_wal(store: Store) -> None:
    with store.read() as s:  # an idle connection of this process: closed for the large write
        assert _journal(s) == "wal"
    seen: dict[str, Any] = {}

    def write(session: Session) -> None:
        seen["journal"] = _journal(session)
        seen["synchronous"] = session.execute(text("PRAGMA synchronous")).scalar_one()
        _add_units(session, "large")

    store.write(write, large=True, anonymous=True)
    assert seen == {"journal": "delete", "synchronous": 2}  # FULL while in rollback mode
    assert _count(store, "large") == 500
    assert _file_journal(store.path) == "wal"
    with store.read() as s:
        assert _journal(s) == "wal" and s.execute(text("PRAGMA synchronous")).scalar_one() == 1  # NORMAL
    store.write(lambda s: _add_units(s, "after", 3), anonymous=True)  # an ordinary write, as before
    assert _count(store, "after") == 3


def test_with_another_connection_open_it_stays_in_wal(store: Store) -> None:
    other = sqlfile.connect(store.path, sqlfile.key_for(store.path))  # another process's, say
    try:
        other.execute("SELECT count(*) FROM app_meta").fetchone()
        seen: dict[str, str] = {}

        def write(session: Session) -> None:
            seen["journal"] = _journal(session)
            _add_units(session, "shared")

        store.write(write, large=True, anonymous=True)
        assert seen["journal"] == "wal"
        assert other.execute("SELECT count(*) FROM app_meta WHERE key LIKE 'shared-%'").fetchone()[0] == 500
    finally:
        other.close()
    assert _file_journal(store.path) == "wal"


def test_a_store_a_window_reads_keeps_its_large_writes_in_wal(store: Store) -> None:
    """The window's pages read while a sync writes (kcdesk.ui.context turns the switch off):
    in WAL a read never waits for the writer."""
    store.large_writes_leave_wal = False
    seen: dict[str, str] = {}

    def write(session: Session) -> None:
        seen["journal"] = _journal(session)
        _add_units(session, "window")

    store.write(write, large=True, anonymous=True)
    assert seen["journal"] == "wal"
    assert _count(store, "window") == 500


def test_a_reader_that_opens_during_the_large_write_is_not_refused(store: Store) -> None:
    """Its connection cannot put the file in WAL while the write holds it: it reads in
    rollback mode (waiting for the writer if it must), and the file is WAL afterwards."""
    before = _count(store, "during")
    read: dict[str, Any] = {}

    def reader() -> None:
        try:
            read["count"] = _count(store, "during")
        except Exception as exc:  # the test reports whatever went wrong
            read["error"] = exc

    def write(session: Session) -> None:
        assert _journal(session) == "delete"
        _add_units(session, "during")
        thread = threading.Thread(target=reader)
        thread.start()
        thread.join(timeout=1.0)  # reading the committed file needs no wait in rollback mode here
        read["joined"] = not thread.is_alive()
        read["thread"] = thread

    store.write(write, large=True, anonymous=True)
    read["thread"].join(timeout=30)
    assert "error" not in read, read.get("error")
    assert read["count"] in (before, before + 500)  # what was committed when it read: never half
    assert _count(store, "during") == before + 500
    assert _file_journal(store.path) == "wal"


def test_a_failed_large_write_changes_nothing_and_leaves_wal(store: Store) -> None:
    def write(session: Session) -> None:
        _add_units(session, "failed")
        session.execute(text("INSERT INTO app_meta (key, value) VALUES ('failed-0', 'again')"))  # duplicate key

    with pytest.raises(Exception):  # noqa: B017 - the store's own translation of the integrity error
        store.write(write, large=True, anonymous=True)
    assert _count(store, "failed") == 0
    assert _file_journal(store.path) == "wal"
    raw = sqlite3.connect(store.path) if not sqlfile.is_encrypted(store.path) else None
    if raw is not None:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        raw.close()


KILLED_WRITER = r"""
import os, sys
from sqlalchemy import text
from kcdesk.db.store import Store
store = Store.open(sys.argv[1])
def write(session):
    rows = [{"k": f"cut-{i}", "v": "x" * 400} for i in range(120_000)]  # more than the page cache: pages spill
    session.execute(text("INSERT INTO app_meta (key, value) VALUES (:k, :v)"), rows)
    os._exit(137)  # killed before the commit
store.write(write, large=True, anonymous=True)
"""


def test_a_large_write_cut_short_is_rolled_back_by_whoever_opens_next(store: Store, tmp_path: Path) -> None:
    """Even a read-only opener (`kcdesk check`, a backup) finds the file as it was before."""
    import subprocess
    import sys

    from kcdesk.db import maintenance

    before = _count(store, "cut")
    path = store.path
    store.close()
    script = tmp_path / "killed.py"
    script.write_text(KILLED_WRITER, encoding="utf-8")
    assert subprocess.run([sys.executable, str(script), str(path)], timeout=120).returncode == 137
    assert path.with_name(path.name + "-journal").exists()  # what the kill left
    report = maintenance.check(path)  # read-only, and the first to open the file
    assert report.ok, report
    assert not path.with_name(path.name + "-journal").exists()
    with Store.open(path) as again:
        assert _count(again, "cut") == before == 0
        with again.read() as s:
            assert _journal(s) == "wal"
