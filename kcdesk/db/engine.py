"""The SQLAlchemy engine over one local SQLite file, with the pragmas set once."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from kcdesk.db import journal, sqlfile
from kcdesk.db.sort_keys import register_functions

BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "kcdesk_write"


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    """`key`: the database's SQLCipher key (kcdesk.db.sqlfile.key_for), None for a plain file."""
    # The URL names the file (so SQLAlchemy pools it as a file, not as :memory:); every
    # connection is made by sqlfile.connect, keyed before anything else runs on it, and the
    # dialect uses that binding's module so its errors are recognised as such.
    engine = create_engine(
        f"sqlite:///{path}",
        pool_pre_ping=False,
        module=sqlfile.engine_module(key),
        creator=lambda: sqlfile.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000),
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's own transaction handling would start
        # transactions lazily and could not take the write lock up front).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        journal.enter_wal(dbapi_conn)  # and the syncing that goes with the journal it got
        cur.execute("PRAGMA foreign_keys = ON")
        # 32 MiB of page cache (the default is 2): large writes touch several indexes at once.
        cur.execute("PRAGMA cache_size = -32768")
        # The same for the temp tables that stage bulk writes (kcdesk.db.staging): tens of
        # MB for a large import, which the default 2 MiB spilled to a temp file (0.1 s of 1.0 s
        # to stage and move 50,000 facilities).
        cur.execute("PRAGMA temp.cache_size = -32768")
        cur.close()
        register_functions(dbapi_conn)  # the bulk path's sort keys (kcdesk.db.sort_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the lock at BEGIN so two writers queue on busy_timeout instead of
        # deadlocking when both try to upgrade a read transaction.
        options = conn.get_execution_options()
        if options.get(journal.LARGE_WRITE_OPTION) and journal.leave_wal(conn.connection.driver_connection):
            conn.info[journal.RESTORE_WAL] = True  # see _on_checkin
        immediate = options.get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_conn: Any, record: Any) -> None:
        # The large write is over (committed or rolled back): the file goes back to WAL.
        if dbapi_conn is not None and record.info.pop(journal.RESTORE_WAL, False):
            journal.back_to_wal(dbapi_conn)

    return engine


def is_sqlite_file(path: Path) -> bool:
    """A plain SQLite file, or one encrypted with a key file beside it (kcdesk.db.sqlfile)."""
    with path.open("rb") as fh:
        header = fh.read(16)
    return header == sqlfile.PLAIN_HEADER or header == b"" or sqlfile.key_file(path).exists()
