"""Change-log cursors that follow commit order, per scope.

PostgreSQL sequences hand out numbers at call time, not commit time: a transaction that
took 10 may commit after one that took 11, and a reader that saw 11 would skip 10 for
good. Here each scope has a counter row that a writer updates (and so locks) at the end
of its transaction, holding the lock until it commits: the next writer of that scope
waits, then continues from the committed value. Readers can never see a later cursor
before an earlier one. Counters are locked in sorted order, so writers never deadlock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kcdesk.server import db
from kcdesk.server.bulk import insert_rows

Entry = tuple[str, str | None, str, str]  # scope, ward, table, row id
Origin = tuple[str, int]  # the writing device and the seq of its change (see db.change_log)
LOG_COLUMNS = ("scope", "cursor", "ward", "table_name", "row_id", "op", "at", "device", "seq")
_TABLE_ORDER = {name: i for i, name in enumerate(db.REPLICATED)}  # parents before children


def take_cursors(conn: Connection, scope: str, count: int) -> int:
    """Reserve `count` cursors of `scope` and return the first; the scope's counter is made
    at 0 if missing, in the same statement (one round trip for every push). Locks the scope
    until commit."""
    t = db.scope_counter
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = (
        insert(t)
        .values(scope=scope, last_cursor=count, horizon=0)
        .on_conflict_do_update(index_elements=["scope"], set_={"last_cursor": t.c.last_cursor + count})
        .returning(t.c.last_cursor)
    )
    return int(conn.execute(stmt).scalar_one()) - count + 1


def append_changes(
    conn: Connection, entries: Iterable[Entry], now: str, origins: Mapping[Entry, Origin] | None = None
) -> None:
    """Log `entries` in commit order; `origins` names, for the entries that have one, the
    device that already holds the version written (its pulls skip them: no echo)."""
    by_scope: dict[str, list[Entry]] = {}
    for entry in entries:  # grouped only: _parents_first puts each scope's entries in order
        by_scope.setdefault(entry[0], []).append(entry)
    if not by_scope:
        return
    origins = origins or {}
    none = (None, None)
    records: list[tuple[str, int, str | None, str, str, str, str, str | None, int | None]] = []
    for scope in sorted(by_scope):
        batch = _parents_first(by_scope[scope])
        first = take_cursors(conn, scope, len(batch))
        for offset, entry in enumerate(batch, first):
            device, seq = origins.get(entry, none)
            records.append((scope, offset, entry[1], entry[2], entry[3], "upsert", now, device, seq))
    insert_rows(conn, db.change_log, LOG_COLUMNS, records)


def _parents_first(entries: list[Entry]) -> list[Entry]:
    """Parents before children (the desktop's foreign keys need them), conflicts last. A
    row that moved between communes is logged under both, so each commune's view hears."""
    return sorted(entries, key=lambda e: (_TABLE_ORDER.get(e[2], 10_000), e[3], e[1] or ""))


def last_cursor(conn: Connection, scope: str) -> int:
    t = db.scope_counter
    value = conn.execute(select(t.c.last_cursor).where(t.c.scope == scope)).scalar_one_or_none()
    return int(value or 0)


def horizon(conn: Connection, scope: str) -> int:
    t = db.scope_counter
    value = conn.execute(select(t.c.horizon).where(t.c.scope == scope)).scalar_one_or_none()
    return int(value or 0)


def known_scopes(conn: Connection) -> list[str]:
    return list(scope_heads(conn))


def scope_heads(conn: Connection) -> dict[str, int]:
    """Every scope with its last cursor, in scope order."""
    t = db.scope_counter
    return {r[0]: int(r[1] or 0) for r in conn.execute(select(t.c.scope, t.c.last_cursor).order_by(t.c.scope))}
