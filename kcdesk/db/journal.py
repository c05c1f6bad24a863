"""Which journal the store's file uses: WAL always, but for one very large write into a
file nobody else has open (a first pull), which goes through SQLite's rollback journal.

Why: in WAL mode every page a transaction writes is written twice, into the WAL and then,
at the checkpoint that follows the commit, into the file, each copy synced. A first pull
writes about 125 MB for 100,000 facilities; with the rollback journal the new pages go
straight into the file once (a page the file did not have needs no journal entry), which
took the pull's write from 1.1 s to 0.7 s (bench/bench_vs_anki.py, section pull).

Why it is safe:
- SQLite itself refuses to leave WAL while any other connection, in this process or
  another, has the file open ("database is locked"): the write then simply stays in WAL.
- While in rollback mode the writing connection syncs as `synchronous = FULL` does (NORMAL
  there could lose the file to a power cut at the wrong moment).
- A crash in the middle leaves a hot journal, which the next connection to open the file
  rolls back before anything else (nothing half-written is ever read), and then puts the
  file back in WAL (kcdesk.db.engine's connect).
- A connection that opens meanwhile cannot switch the file to WAL: it goes on in rollback
  mode with `synchronous = FULL`, waiting for the writer as any reader of such a file does,
  and the file is WAL again as soon as the large write ends.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from kcdesk.db.sqlfile import error_classes, primary_code

LARGE_WRITE_OPTION = "kcdesk_large_write"  # execution option of the store's large writes
RESTORE_WAL = "kcdesk_restore_wal"  # in a pooled connection's info: it left WAL for a large write
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
log = logging.getLogger(__name__)


def enter_wal(dbapi: Any) -> bool:
    """Put the file in WAL (every connection does so on opening); False while another
    connection writes through the rollback journal: this one then syncs fully meanwhile."""
    try:
        mode = dbapi.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except error_classes() as exc:
        if not _locked(exc):  # a file that cannot be written, say: the opener reports it as before
            raise
        mode = None  # a large write holds the file
    if mode == "wal":
        dbapi.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a power cut loses at most the last commits
        return True
    dbapi.execute("PRAGMA synchronous = FULL")
    return False


def _locked(exc: BaseException) -> bool:
    return primary_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in str(exc)


def leave_wal(dbapi: Any) -> bool:
    """Switch to the rollback journal for one large write; False (and still WAL) when any
    other connection has the file open."""
    try:
        mode = dbapi.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except error_classes():
        return False
    if mode != "delete":
        return False
    dbapi.execute("PRAGMA synchronous = FULL")
    return True


def back_to_wal(dbapi: Any, attempts: int = 40) -> bool:
    """WAL again after a large write. A connection opened meanwhile may hold the file for
    a moment: tried for about two seconds, after which the next connection to open does it."""
    for _ in range(attempts):
        if enter_wal(dbapi):
            return True
        time.sleep(0.05)
    log.warning("the store stays in rollback-journal mode until a connection opens it alone")
    return False
