"""The SQLAlchemy engine over one local SQLite file, with the pragmas set once."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

from kcdesk.db.sort_keys import register_functions

BUSY_TIMEOUT_MS = 5000
WRITE_OPTION = "kcdesk_write"


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", pool_pre_ping=False)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's own transaction handling would start
        # transactions lazily and could not take the write lock up front).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a power cut loses at most the last commits
        cur.execute("PRAGMA foreign_keys = ON")
        # 32 MiB of page cache (the default is 2): large writes touch several indexes at once.
        cur.execute("PRAGMA cache_size = -32768")
        cur.close()
        register_functions(dbapi_conn)  # the bulk path's sort keys (kcdesk.db.sort_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the lock at BEGIN so two writers queue on busy_timeout instead of
        # deadlocking when both try to upgrade a read transaction.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as fh:
        header = fh.read(16)
    return header == b"SQLite format 3\x00" or header == b""
