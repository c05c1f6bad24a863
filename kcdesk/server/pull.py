"""Pull pages of a scope's change log, and prepared snapshots for a first pull.

A page lists the rows touched after the device's cursor, each with its current content
(so a page is idempotent: applying it twice gives the same rows). A row that is no
longer in the device's view comes as an EVICT. Pages and snapshots are read in one
consistent database snapshot, so the cursor handed back covers exactly what was sent.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Connection, and_, or_, select

from kcdesk.atomic_write import atomic_path
from kcdesk.db.files import sha256_of
from kcdesk.ids import new_id
from kcdesk.server import db
from kcdesk.server.auth import now_text
from kcdesk.server.counters import horizon, last_cursor
from kcdesk.server.scopes import COLLABORATOR_READ_EXTRA, COLLABORATOR_TABLES, Placement, Places, View
from kcdesk.server.stored import Damaged, StoredReader, ids_in
from kcdesk.server.wire_cache import kept_json
from kcdesk.sync.protocol import ConflictRecord, SnapshotInfo
from kcdesk.sync.wire import Undecodable

SNAPSHOT_REUSE = 20_000  # a snapshot this many changes old is still a fine start (the rest is pulled)


class CursorTooOld(Exception):
    """The device's cursor is older than the scope's compaction horizon: re-snapshot."""


def _view_filter(table: Any, view: View, ward_col: Any, table_col: Any | None) -> Any:
    assert view.communes is not None
    in_communes = and_(ward_col.in_(view.communes))
    if table_col is None:
        return in_communes
    return or_(
        and_(in_communes, table_col.in_(sorted(COLLABORATOR_TABLES | {"_conflict"}))),
        table_col.in_(sorted(COLLABORATOR_READ_EXTRA)),
    )


def pull_page(
    conn: Connection,
    reader: StoredReader,
    view: View,
    after: int,
    limit: int,
    other_views: Sequence[View] = (),
    own: tuple[str, int] | None = None,
) -> dict[str, Any]:
    """A page of the view's change log, as the JSON value of a PullResponse (built as plain
    data, see below). A row that left this view comes as an EVICT, unless the device still
    sees it through another of its views (the ministry watching both the province a
    facility left and the one it joined): that view's log brings it. A row that does not
    read back is left out (the reader notes it for the quarantine list).

    `own` (device id, last acknowledged seq): entries that device wrote up to that seq and
    already holds as stored are skipped (no echo). A later write by anyone else is an entry
    of its own and still comes, with the row as it is now."""
    if after < horizon(conn, view.scope):
        raise CursorTooOld(view.scope)
    t = db.change_log
    stmt = select(t.c.cursor, t.c.table_name, t.c.row_id).where(t.c.scope == view.scope, t.c.cursor > after)
    if view.communes is not None:
        stmt = stmt.where(_view_filter(t, view, t.c.ward, t.c.table_name))
    if own is not None:
        stmt = stmt.where(or_(t.c.device.is_(None), t.c.device != own[0], t.c.seq > own[1]))
    entries = conn.execute(stmt.order_by(t.c.cursor).limit(limit + 1)).all()
    has_more = len(entries) > limit
    entries = entries[:limit]
    next_cursor = entries[-1][0] if has_more else max(last_cursor(conn, view.scope), after)

    wanted: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    order: list[tuple[int, str, str]] = []
    for cursor, table, row_id in entries:
        if (table, row_id) in seen:
            continue
        seen.add((table, row_id))
        order.append((cursor, table, row_id))
        wanted.setdefault(table, []).append(row_id)

    conflicts = _conflicts(conn, view, wanted.pop("_conflict", []))
    current: dict[tuple[str, str], tuple[dict[str, Any] | orjson.Fragment, Placement]] = {}
    damaged: set[tuple[str, str]] = set()
    for table, ids in wanted.items():
        if table not in db.REPLICATED:
            continue
        for row_id, row, placement in _read_current(conn, reader, table, ids):
            if row is None:
                damaged.add((table, row_id))
            else:
                current[(table, row_id)] = (row, placement)
    # Plain dicts in the protocol's shape (kcdesk.sync.protocol.PullResponse), written by
    # orjson: a pydantic model per row cost more than reading the rows.
    changes: list[dict[str, Any]] = []
    for cursor, table, row_id in order:
        if table == "_conflict" or (table, row_id) in damaged:
            continue
        found = current.get((table, row_id))
        if found is not None and view.sees(table, found[1]):
            changes.append({"cursor": cursor, "table": table, "row_id": row_id, "op": "upsert", "row": found[0]})
        elif found is not None and any(other.sees(table, found[1]) for other in other_views):
            continue
        else:
            changes.append({"cursor": cursor, "table": table, "row_id": row_id, "op": "evict", "row": None})
    return {
        "scope": view.scope,
        "changes": changes,
        "conflicts": [c.model_dump() for c in conflicts],
        "next_cursor": next_cursor,
        "has_more": has_more,
    }


def _read_current(
    conn: Connection, reader: StoredReader, table: str, ids: list[str]
) -> Iterator[tuple[str, dict[str, Any] | orjson.Fragment | None, Placement]]:
    """(id, wire row or None when it does not read back, placement) of the stored rows among
    `ids`. A row whose wire form is kept (kcdesk.server.wire_cache) comes as that JSON text,
    untouched; the others are read column by column and decoded (_read_decoded)."""
    t = db.REPLICATED[table]
    stmt = select(t.c.id, t.c[db.WIRE_COL], t.c[db.SCOPE_COL], t.c[db.WARD_COL])
    stmt = stmt.where(ids_in(conn, t.c.id, sorted(set(ids)))).order_by(t.c.id)
    with db.by_key(conn):
        records = conn.execute(stmt).all()
    places = Places()
    uncached: list[str] = []  # in id order, each once: as the statement read them
    for row_id, text, scope, ward in records:
        kept = kept_json(text)
        if kept is None:
            uncached.append(row_id)
        else:
            yield row_id, orjson.Fragment(kept), places[(scope, ward)]
    if uncached:
        yield from _read_decoded(conn, reader, table, uncached, places)


def _read_decoded(
    conn: Connection,
    reader: StoredReader,
    table: str,
    ids: list[str],
    places: Places,
) -> Iterator[tuple[str, dict[str, Any] | None, Placement]]:
    """The rows among `ids` read by position and decoded by TableCodec.decode_stored_values
    (by name cost several times more): the same rows and values as
    kcdesk.server.stored.read_rows; a row that does not read back is noted by the reader."""
    codec = reader.codecs[table]
    stored = reader.select(table).selected_columns
    n = len(codec.columns)
    stmt = select(*[stored[c] for c in codec.columns], stored[db.SCOPE_COL], stored[db.WARD_COL])
    stmt = stmt.where(ids_in(conn, stored["id"], ids))
    # In id order, as read_rows reads: ids follow the change log here, so the rows are made in
    # about the order the page is written in (in the join's order, writing it cost 30% more).
    stmt = stmt.order_by(stored["id"])
    with db.by_key(conn):
        records = conn.execute(stmt).all()
    at = codec.columns.index("id")
    for rec in records:
        row_id = rec[at]
        placement = places[(rec[n], rec[n + 1])]
        try:
            row: dict[str, Any] | None = codec.decode_stored_values(rec)
        except Undecodable as exc:
            reader.damaged.append(Damaged(table, str(row_id), exc.column, exc.problem[:500], rec[n]))
            row = None
        yield row_id, row, placement


def conflict_record(row: Any) -> ConflictRecord:
    return ConflictRecord(
        id=row["id"],
        table=row["table_name"],
        row_id=row["row_id"],
        kind=row["kind"],
        fields=json.loads(row["fields"]),
        winner_device=row["winner_device"],
        loser_device=row["loser_device"],
        created_at=row["created_at"],
        resolved_at=row["resolved_at"],
        resolution=json.loads(row["resolution"]) if row["resolution"] else None,
    )


def _conflicts(conn: Connection, view: View, ids: list[str]) -> list[ConflictRecord]:
    if not ids:
        return []
    t = db.conflict
    out = []
    for row in conn.execute(select(t).where(t.c.id.in_(ids))).mappings():
        if view.sees(row["table_name"], Placement(row["scope"], row["ward"])):
            out.append(conflict_record(row))
    return out


# -- snapshots -------------------------------------------------------------------------------


def find_snapshot(
    conn: Connection, view: View, view_key: str | None = None, layout: str = "rows"
) -> SnapshotInfo | None:
    """The newest cached snapshot of the view (`view_key`: of another layout) still fit to start from."""
    t = db.snapshot
    key = view_key or view.key
    row = conn.execute(select(t).where(t.c.view_key == key).order_by(t.c.cursor.desc()).limit(1)).mappings().first()
    if row is None or row["cursor"] < last_cursor(conn, view.scope) - SNAPSHOT_REUSE:
        return None
    if row["cursor"] < horizon(conn, view.scope):
        return None
    return SnapshotInfo(
        scope=view.scope,
        cursor=row["cursor"],
        snapshot_id=row["id"],
        size=row["size"],
        sha256=row["sha256"],
        rows=row["rows"],
        layout=layout,
    )


def build_snapshot(conn: Connection, reader: StoredReader, view: View, folder: Path) -> SnapshotInfo:
    """Write every row of the view (tombstones included) into a gzipped SQLite file; rows
    that do not read back are left out (noted by the reader)."""
    folder.mkdir(parents=True, exist_ok=True)
    cursor = last_cursor(conn, view.scope)
    snapshot_id = new_id()
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        plain = Path(tmp) / "snapshot.sqlite"
        lite = sqlite3.connect(plain)
        lite.execute("PRAGMA journal_mode = OFF")
        lite.execute("PRAGMA synchronous = OFF")
        total = 0
        for name in view_tables(view):
            cols = reader.codecs[name].columns
            lite.execute(f'CREATE TABLE "{name}" ({", ".join(f"{c!r}" for c in cols)})')
            insert = f'INSERT INTO "{name}" VALUES ({", ".join("?" for _ in cols)})'
            for tuples in view_rows(conn, reader, view, name):
                lite.executemany(insert, tuples)
                total += len(tuples)
        write_conflicts(conn, view, lite)
        lite.execute("CREATE TABLE _meta (key, value)")
        lite.executemany("INSERT INTO _meta VALUES (?, ?)", [("scope", view.scope), ("cursor", cursor)])
        lite.commit()
        lite.close()
        final = folder / f"{snapshot_id}.sqlite.gz"
        with atomic_path(final) as packed, plain.open("rb") as src, gzip.open(packed, "wb", compresslevel=1) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    info = SnapshotInfo(
        scope=view.scope,
        cursor=cursor,
        snapshot_id=snapshot_id,
        size=final.stat().st_size,
        sha256=sha256_of(final),
        rows=total,
    )
    return info


def view_tables(view: View) -> list[str]:
    """The replicated tables a snapshot of the view holds (a collaborator's: only theirs)."""
    return [
        name for name in db.REPLICATED if view.communes is None or name in COLLABORATOR_TABLES | COLLABORATOR_READ_EXTRA
    ]


def view_rows(conn: Connection, reader: StoredReader, view: View, name: str) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of one table that the view sees, in storage form (the codec's columns), in
    parts of 5,000: the same selection for every snapshot layout, so a snapshot never holds
    a row the device could not pull. Rows that do not read back are left out (noted)."""
    table = db.REPLICATED[name]
    cols = reader.codecs[name].columns
    stmt = reader.select(name).where(table.c[db.SCOPE_COL] == view.scope)
    if view.communes is not None and name in COLLABORATOR_TABLES:
        stmt = stmt.where(table.c[db.WARD_COL].in_(view.communes))
    result = conn.execution_options(stream_results=True, yield_per=5000).execute(stmt)
    for part in result.mappings().partitions(5000):
        rows = (reader.decode(name, r) for r in part)
        yield [_storage_tuple(cols, row) for row in rows if row is not None]


def write_conflicts(conn: Connection, view: View, lite: sqlite3.Connection) -> None:
    """The view's open conflicts, into a snapshot's `_conflict` table (id, JSON body)."""
    lite.execute("CREATE TABLE _conflict (id, body)")
    t = db.conflict
    conflicts = conn.execute(select(t).where(t.c.scope == view.scope, t.c.resolved_at.is_(None))).mappings()
    for c in conflicts:
        if view.sees(c["table_name"], Placement(c["scope"], c["ward"])):
            lite.execute("INSERT INTO _conflict VALUES (?, ?)", (c["id"], conflict_record(c).model_dump_json()))


def record_snapshot(conn: Connection, view: View, info: SnapshotInfo, view_key: str | None = None) -> None:
    conn.execute(
        db.snapshot.insert().values(
            id=info.snapshot_id,
            view_key=view_key or view.key,
            scope=view.scope,
            cursor=info.cursor,
            size=info.size,
            sha256=info.sha256,
            rows=info.rows,
            created_at=now_text(),
        )
    )


def _storage_tuple(cols: list[str], row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(int(v) if isinstance(v, bool) else v for v in map(row.__getitem__, cols))
