"""A first pull taken in nearly whole: the snapshot in the laptop's own layout (sort keys
and search index included; kcdesk.server.snapshot_build) is attached to the write
connection and each table this laptop has no row of yet is copied by one INSERT ... SELECT,
its rowids kept, so the search index can be copied whole too when it was built exactly as
this laptop builds it (kcdesk.db.snapshot_layout.search_fingerprint; otherwise it is built
here from the copied rows). The audit entries are the ones a page-by-page pull writes, by
the same set-based statements (kcdesk.db.capture.bulk_capture_sql); no outbox entry.

Tables that already hold rows here (the national seed rows, a re-pull) go through the rows
path of kcdesk.sync.snapshot, which also stores the conflicts and sets the cursor: the whole
of it is the caller's one transaction, so a failure leaves nothing half-applied and the
caller falls back to the rows snapshot.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from kcdesk.db.attach import attach
from kcdesk.db.capture import SEARCH_TABLES, bulk_capture_sql, table_columns
from kcdesk.db.schema import HEAD_REVISION
from kcdesk.db.snapshot_layout import LAYOUT, META, fts_shadow_tables, search_fingerprint
from kcdesk.db.sort_keys import bulk_fill_sql
from kcdesk.sync.apply import RowApplier
from kcdesk.sync.errors import SnapshotDamaged
from kcdesk.sync.protocol import ScopeInfo, SnapshotInfo
from kcdesk.sync.snapshot import apply_snapshot
from kcdesk.sync.wire import TableCodec

log = logging.getLogger(__name__)


def copy_snapshot(
    session: Session,
    path: Path,
    info: SnapshotInfo,
    key: str,
    codecs: dict[str, TableCodec],
    scope: ScopeInfo,
) -> dict[str, int]:
    conn = session.connection()
    schema = attach(conn, path, "snapshot")
    try:
        meta: dict[str, object] = dict(conn.exec_driver_sql(f'SELECT key, value FROM "{schema}".{META}').all())
    except sa_exc.DBAPIError as exc:
        raise SnapshotDamaged("Bản chụp dữ liệu phạm vi {scope} bị hỏng.", scope=scope.scope) from exc
    expected = {"layout": LAYOUT, "revision": HEAD_REVISION, "scope": scope.scope, "cursor": info.cursor}
    if any(meta.get(k) != v for k, v in expected.items()):
        raise SnapshotDamaged("Bản chụp dữ liệu phạm vi {scope} không khớp với máy này.", scope=scope.scope)
    present = {r[0] for r in conn.exec_driver_sql(f"SELECT name FROM \"{schema}\".sqlite_master WHERE type = 'table'")}
    # sqlite3, or sqlcipher3 for an encrypted store: the same DB-API.
    dbapi = cast(sqlite3.Connection, conn.connection.driver_connection)
    same_index = meta.get("search_fingerprint") == search_fingerprint(dbapi)
    copied: dict[str, int] = {}
    for table in RowApplier(session, codecs).tables:  # parents before children
        if table in present and _empty(conn, table):
            if _empty(conn, table, schema):  # most tables of a small scope: nothing to copy, nothing to set aside
                copied[table] = 0
                continue
            count = _copy_table(session, schema, table, copy_index=same_index and _has_index(present, table))
            if count is not None:
                copied[table] = count
    stats = apply_snapshot(session, path, info, key, codecs, scope, reconcile=False, skip=frozenset(copied))
    stats["upserted"] += sum(copied.values())
    return stats


def _empty(conn: Connection, table: str, schema: str = "main") -> bool:
    return conn.exec_driver_sql(f'SELECT 1 FROM "{schema}"."{table}" LIMIT 1').first() is None


def _has_index(present: set[str], table: str) -> bool:
    return table in SEARCH_TABLES and set(fts_shadow_tables(table)) <= present


def _copy_table(session: Session, schema: str, table: str, copy_index: bool) -> int | None:
    """One table's rows, rowids kept, captured as the bulk path captures new rows; None
    when they collide with a local unique key (the rows path then parks what must wait)."""
    conn = session.connection()
    local = table_columns(conn, table)
    theirs = table_columns_of(conn, schema, table)
    audit_start = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM audit_entry").scalar()
    nested = session.begin_nested()
    try:
        whole = local == theirs and not _checks_foreign_keys(conn, table)
        if whole:
            count = _copy_whole(conn, schema, table)
        else:
            count = _copy_columns(conn, schema, table, [c for c in local if c in set(theirs)])
        # Copied whole, the rows bring every sort key their names give (the server computes
        # them as this laptop does): the fill, a scan of the table that would find nothing, is left out.
        keys_filled = set(bulk_fill_sql(table, local)) if whole else set()
        for stmt in bulk_capture_sql(table, local):
            if stmt.startswith("INSERT INTO sync_outbox") or stmt in keys_filled:
                continue  # (the outbox: a pull writes with applying_remote, nothing goes out again)
            if copy_index and stmt.startswith(f"INSERT INTO {table}_fts"):
                continue
            params = {"start": 0, "audit_start": audit_start}
            conn.execute(text(stmt), {k: v for k, v in params.items() if f":{k}" in stmt})
        if copy_index and _index_empty(conn, table):
            _copy_index(conn, schema, table)
        elif copy_index:
            _build_index(conn, table)
        nested.commit()
    except (sa_exc.IntegrityError, sqlite3.IntegrityError) as exc:
        log.warning("snapshot rows of %s need the rows path: %s", table, getattr(exc, "orig", exc))
        nested.rollback()
        return None
    return int(count)


def _checks_foreign_keys(conn: Connection, table: str) -> bool:
    enforced = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    return bool(enforced) and conn.exec_driver_sql(f'PRAGMA main.foreign_key_list("{table}")').first() is not None


def _copy_whole(conn: Connection, schema: str, table: str) -> int:
    """The snapshot's table has this table's very columns: `INSERT INTO t SELECT * FROM s.t`
    into the empty table is SQLite's transfer optimisation, which moves each row's record
    and each index's entries as they are, in order, without decoding a value (a fifth of
    the time of the column-by-column insert on 100,000 facilities). SQLite takes it only
    for a table without triggers and with no index the snapshot lacks: those are set aside
    for the statement and put back as they were, in their order, in this same transaction
    (each index the snapshot lacks is made by one sort). None of the triggers would act on
    these rows anyway: the locks let a pull (applying_remote) through, and capture, search
    and sort keys are the set-based statements that follow (the column-by-column copy sets
    the bulk flag for them to stand aside). Should SQLite not take the optimisation (a
    schema it judges different), the same statement inserts row by row: slower, the same
    rows. (A foreign key of the table's own also stops it: such tables take the other copy.)"""
    shipped = {
        sql
        for (sql,) in conn.exec_driver_sql(
            f"SELECT sql FROM \"{schema}\".sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
        )
    }
    aside = [
        (kind, name, sql)
        for kind, name, sql in conn.exec_driver_sql(
            "SELECT type, name, sql FROM main.sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
            "AND type IN ('trigger', 'index') ORDER BY rowid",
            (table,),
        )
        if kind == "trigger" or sql not in shipped
    ]
    for kind, name, _sql in aside:
        conn.exec_driver_sql(f'DROP {kind.upper()} main."{name}"')
    count = conn.exec_driver_sql(f'INSERT INTO main."{table}" SELECT * FROM "{schema}"."{table}"').rowcount
    for _kind, _name, sql in aside:
        conn.exec_driver_sql(sql)
    return int(count)


def _copy_columns(conn: Connection, schema: str, table: str, cols: list[str]) -> int:
    """The columns both sides have, rowids kept, with the per-row triggers standing aside:
    for a snapshot whose columns are not exactly this table's, or a table with foreign
    keys of its own (which SQLite checks row by row)."""
    quoted = ", ".join(f'"{c}"' for c in cols)
    conn.exec_driver_sql("UPDATE kc_context SET bulk = 1 WHERE id = 1")  # the per-row triggers stand aside
    # The secondary indexes are left out for the copy and made again after it: one sort
    # each builds them faster than 100,000 inserts in random key order do. The unique ones
    # stay, so that a row colliding with a local one is still refused here (the rows path
    # then takes it).
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? "
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
        (table,),
    ).all()
    for name, _sql in indexes:
        conn.exec_driver_sql(f'DROP INDEX main."{name}"')
    count = conn.exec_driver_sql(
        f'INSERT INTO main."{table}" (rowid, {quoted}) SELECT rowid, {quoted} FROM "{schema}"."{table}"'
    ).rowcount
    for _name, sql in indexes:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql("UPDATE kc_context SET bulk = 0 WHERE id = 1")
    return int(count)


def table_columns_of(conn: Connection, schema: str, table: str) -> list[str]:
    return [row[1] for row in conn.exec_driver_sql(f'PRAGMA "{schema}".table_info("{table}")')]


def _index_empty(conn: Connection, table: str) -> bool:
    return conn.exec_driver_sql(f"SELECT 1 FROM main.{table}_fts_docsize LIMIT 1").first() is None


def _copy_index(conn: Connection, schema: str, table: str) -> None:
    """The FTS5 index's own tables, copied whole (the rowids they name are the copied rows').
    FTS5 keeps the index's structure in memory per connection and re-reads it only after
    another connection wrote: a savepoint it took part in, rolled back, makes this one
    forget it, so later writes here build on the copied index, not on the empty one."""
    for shadow in fts_shadow_tables(table):
        conn.exec_driver_sql(f"DELETE FROM main.{shadow}")
        conn.exec_driver_sql(f'INSERT INTO main.{shadow} SELECT * FROM "{schema}".{shadow}')
    conn.exec_driver_sql("SAVEPOINT kc_fts_forget")
    conn.exec_driver_sql(f"DELETE FROM main.{table}_fts WHERE rowid = -1")
    conn.exec_driver_sql("ROLLBACK TO kc_fts_forget")
    conn.exec_driver_sql("RELEASE kc_fts_forget")


def _build_index(conn: Connection, table: str) -> None:
    for stmt in bulk_capture_sql(table, table_columns(conn, table)):
        if stmt.startswith(f"INSERT INTO {table}_fts"):
            conn.execute(text(stmt), {"start": 0})
