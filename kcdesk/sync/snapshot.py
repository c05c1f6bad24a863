"""First pull (and re-pull after a reset) from a prepared snapshot of a scope.

The snapshot is a gzipped SQLite file the server prepared ahead of time: downloading it
resumes where a broken link left off (HTTP Range) and is checked by sha256 before use;
writing it here is one transaction that also sets the scope's cursor. Rows with unsent
local changes are left alone, as in any pull.
"""

from __future__ import annotations

import gzip
import json
import logging
import lzma
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk import xz_streams
from kcdesk.db.bulk import bulk_upsert
from kcdesk.db.capture import bulk_capture_sql, table_columns
from kcdesk.db.files import sha256_of
from kcdesk.db.schema import HEAD_REVISION
from kcdesk.db.snapshot_layout import LAYOUT
from kcdesk.db.sqlfile import integrity_error_classes
from kcdesk.db.store import Store
from kcdesk.progress import Progress
from kcdesk.sync import conflicts, faults, kept_fields, state
from kcdesk.sync.apply import RowApplier
from kcdesk.sync.download import fetch_range, work_dir
from kcdesk.sync.errors import Offline, SnapshotDamaged
from kcdesk.sync.protocol import API_PREFIX, ConflictRecord, ScopeInfo, SnapshotInfo
from kcdesk.sync.relations import ATTACHMENT, OWN_PLACEMENT, PARENT, is_placed_by_parent, parent_ref
from kcdesk.sync.transport import Transport, expect_ok, parse
from kcdesk.sync.wire import TableCodec

CHUNK_ROWS = 5000
log = logging.getLogger(__name__)


def download_snapshot(
    store: Store, transport: Transport, scope: str, progress: Progress, layout: str = "rows"
) -> tuple[Path, SnapshotInfo]:
    """The scope's snapshot, unpacked beside the database. `layout="client"` asks for the
    laptop's own layout (kcdesk.sync.snapshot_copy); the answer says which one came. A file
    in that layout that does not match its sha256 twice is given up (SnapshotDamaged): the
    caller falls back to the rows."""
    params = {"scope": scope} if layout == "rows" else {"scope": scope, "layout": layout, "revision": HEAD_REVISION}
    response = transport.call("GET", f"{API_PREFIX}/snapshot", params=params)
    info: SnapshotInfo = parse(expect_ok(response), SnapshotInfo.model_validate_json)
    client = info.layout == LAYOUT
    folder = work_dir(store)
    part = folder / f"{info.snapshot_id}.{'xz' if client else 'gz'}.part"
    damaged = 0
    for _attempt in range(50):
        have = part.stat().st_size if part.exists() else 0
        if have < info.size:
            try:
                fetch_range(
                    transport,
                    f"{API_PREFIX}/snapshot/{info.snapshot_id}",
                    part,
                    have,
                    info.size,
                    progress,
                    f"snapshot:{scope}",
                )
            except Offline:
                continue  # resume from what arrived
        if sha256_of(part) == info.sha256:
            break
        part.unlink()  # damaged on the way: fetch again
        damaged += 1
        if client and damaged >= 2:
            raise SnapshotDamaged("Bản chụp dữ liệu phạm vi {scope} bị hỏng.", scope=scope)
    else:
        raise Offline("Không tải được bản chụp dữ liệu phạm vi {scope}; sẽ thử lại.", scope=scope)
    plain = folder / f"{info.snapshot_id}.sqlite"
    try:
        _unpack(part, plain, client)
    except (OSError, EOFError, lzma.LZMAError) as exc:  # the right bytes, wrongly packed by the server
        plain.unlink(missing_ok=True)
        raise SnapshotDamaged("Bản chụp dữ liệu phạm vi {scope} bị hỏng.", scope=scope) from exc
    finally:
        part.unlink(missing_ok=True)
    return plain, info


def _unpack(part: Path, plain: Path, client: bool) -> None:
    """The laptop's layout comes as xz in parts, unpacked side by side (kcdesk.xz_streams);
    a file whose parts cannot be told apart is unpacked in one pass, which reads any xz."""
    if client:
        try:
            xz_streams.unpack(part, plain)
            return
        except xz_streams.XzLayoutError as exc:
            log.info("snapshot %s unpacked in one pass: %s", part.name, exc)
    opener: Any = lzma.open if client else gzip.open
    with opener(part, "rb") as src, plain.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def apply_snapshot(
    session: Session,
    path: Path,
    info: SnapshotInfo,
    key: str,
    codecs: dict[str, TableCodec],
    scope: ScopeInfo,
    reconcile: bool,
    skip: frozenset[str] = frozenset(),
) -> dict[str, int]:
    """`skip`: tables already copied whole (kcdesk.sync.snapshot_copy)."""
    applier = RowApplier(session, codecs)
    pending = state.pending_rows(session)
    keep = state.dead_letter_rows(session)
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = {r[0] for r in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        seen_in: dict[str, set[str]] = {}  # ids the snapshot holds, per table (after a reset)
        for table in applier.tables:
            if table not in present or table in skip:
                continue
            seen = seen_in.setdefault(table, set())
            # A table this laptop has no row of yet (a first pull): nothing to overwrite or
            # keep, so rows go in through the core's bulk path (same audit, no per-row triggers).
            empty = session.execute(text(f'SELECT 1 FROM "{table}" LIMIT 1')).first() is None
            # The laptop's layout also holds the local-only columns (sort keys): derived here.
            names = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
            names = [n for n in names if n not in applier.local_only[table]]
            quoted = ", ".join(f'"{n}"' for n in names)
            cur = source.execute(f'SELECT {quoted} FROM "{table}"')
            while True:
                rows = cur.fetchmany(CHUNK_ROWS)
                if not rows:
                    break
                if reconcile:
                    seen.update(r[0] for r in rows)
                if not applier._fks.get(table):
                    _upsert_plain(session, applier, table, names, rows, pending, empty)
                else:
                    applier.upsert(table, [dict(zip(names, r, strict=True)) for r in rows], pending)
            if reconcile and table in OWN_PLACEMENT:
                _evict_missing(session, applier, table, seen, scope, pending, keep)
        if reconcile:
            _evict_missing_children(session, applier, seen_in, pending, keep)
        if "_conflict" in present:
            bodies = source.execute("SELECT body FROM _conflict")
            records = [ConflictRecord.model_validate_json(body) for (body,) in bodies]
            conflicts.store_conflicts(session, records)
    finally:
        source.close()
    applier.retry_parked()
    faults.hit("client.mid_pull_page")
    state.set_cursor(session, scope.scope, info.cursor, key)
    return applier.stats


def _upsert_plain(
    session: Session,
    applier: RowApplier,
    table: str,
    names: list[str],
    rows: list[tuple[Any, ...]],
    pending: set[tuple[str, str]],
    empty: bool = False,
) -> None:
    """The fast path for tables without foreign keys: positional executemany."""
    if pending:
        rows = [r for r in rows if (table, r[0]) not in pending]
        applier.stats["skipped_pending"] += 0
    known, local = applier.columns[table], applier.local_only[table]
    keep_idx = [i for i, n in enumerate(names) if n in known]
    cols = [names[i] for i in keep_idx]
    if len(keep_idx) != len(names):  # a newer server's columns: kept aside, not dropped
        at = names.index("id")
        extra = [i for i, n in enumerate(names) if n not in known and n not in local]  # local-only: ignored
        if extra:
            kept_fields.keep(session, table, [(r[at], {names[i]: r[i] for i in extra}) for r in rows])
        rows = [tuple(r[i] for i in keep_idx) for r in rows]
    if empty:
        nested = session.begin_nested()
        try:
            applier.stats["upserted"] += _insert_new(session, table, cols, rows)
            nested.commit()
            return
        except integrity_error_classes(sa_exc.IntegrityError) as exc:  # rows collide on a local unique key
            log.warning("snapshot rows of %s need the careful path: %s", table, exc)
            nested.rollback()
            applier.upsert(table, [dict(zip(cols, r, strict=True)) for r in rows], pending)
            return
    sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
    quoted = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'
    nested = session.begin_nested()
    try:
        if not bulk_upsert(session, table, cols, rows):  # set-based, as a pulled page (older triggers: per row)
            session.connection().exec_driver_sql(sql, rows)
        nested.commit()
    except integrity_error_classes(sa_exc.IntegrityError) as exc:
        # A local unique key collides: the careful path parks that row.
        log.warning("snapshot rows of %s need the careful path: %s", table, getattr(exc, "orig", exc))
        nested.rollback()
        applier.upsert(table, [dict(zip(cols, r, strict=True)) for r in rows], pending)
        return
    applier.stats["upserted"] += len(rows)


def _insert_new(session: Session, table: str, cols: list[str], rows: list[tuple[Any, ...]]) -> int:
    """The core's bulk insert (kcdesk.db.bulk) for rows already in storage form, as a
    snapshot holds them: the per-row insert triggers stand aside and the same audit and
    search-index rows are written set-based; no value needs converting, so none is."""
    conn = session.connection()
    start = conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table}"').scalar()
    audit_start = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM audit_entry").scalar()
    quoted = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    conn.exec_driver_sql("UPDATE kc_context SET bulk = 1 WHERE id = 1")
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', rows)
    finally:
        cursor.close()
        conn.exec_driver_sql("UPDATE kc_context SET bulk = 0 WHERE id = 1")
    for stmt in bulk_capture_sql(table, table_columns(conn, table)):
        params = {"start": start, "audit_start": audit_start}
        conn.execute(text(stmt), {k: v for k, v in params.items() if f":{k}" in stmt})
    return len(rows)


def _evict_missing(
    session: Session,
    applier: RowApplier,
    table: str,
    seen: set[str],
    scope: ScopeInfo,
    pending: set[tuple[str, str]],
    keep: set[tuple[str, str]],
) -> None:
    """After a reset, rows of this scope that the snapshot no longer has left the scope. For
    a collaborator that includes every commune of the province, not only the ones it has
    now: after its assignment changed, the rows of the communes it lost go too."""
    province_col, ward_col = OWN_PLACEMENT[table]
    params: dict[str, Any]
    if province_col is None:
        where, params = "1 = 1", {}
    elif scope.scope == "00":
        where, params = f'"{province_col}" IS NULL', {}
    else:
        where, params = f'"{province_col}" = :scope', {"scope": scope.scope}
    if scope.communes is not None and ward_col is None:
        return
    local = [r[0] for r in session.execute(text(f'SELECT id FROM "{table}" WHERE {where}'), params)]
    for row_id in local:
        if row_id not in seen and (table, row_id) not in pending:  # unsent: new here, its push decides
            applier.evict(table, row_id, pending, keep)


def _evict_missing_children(
    session: Session,
    applier: RowApplier,
    seen_in: dict[str, set[str]],
    pending: set[tuple[str, str]],
    keep: set[tuple[str, str]],
) -> None:
    """After a reset, a child row that left the scope while its parent stayed (re-attached
    to a record elsewhere) is missing from the snapshot although its parent is in it."""
    for table in applier.tables:  # parents before children
        if table not in seen_in or not is_placed_by_parent(table):
            continue
        columns = "id, owner_table, owner_id" if table == ATTACHMENT else f'id, "{PARENT[table][0]}"'
        for found in session.execute(text(f'SELECT {columns} FROM "{table}"')).mappings():
            row = dict(found)
            if row["id"] in seen_in[table] or (table, row["id"]) in pending:
                continue
            ref = parent_ref(table, row)
            if ref is not None and ref[1] in seen_in.get(ref[0], ()):
                applier.evict(table, row["id"], pending, keep)


def snapshot_conflicts(path: Path) -> list[dict[str, Any]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
        return [json.loads(body) for (body,) in source.execute("SELECT body FROM _conflict")]
