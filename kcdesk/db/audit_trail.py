"""The audit trail in full, from its compact form.

An insert's audit entry stores no image of the row (`after` NULL, since 0009_compact_audit):
the row as it was inserted is the current row with the changes of every later entry undone,
since each update entry keeps the fields it changed, before and after, and a hard delete keeps
the row's last full image in `before`. So nothing of the history is lost, at a third of the
bytes. Everything that needs an insert's values (the history view, the sync outbox) asks this
module; nothing else reads an insert entry's `after`.

Rule for migrations: one that changes captured values of stored rows (a new column with a
default, a rewritten field) must call materialize() first, or the inserts would seem to
have been made with the new values; compact() afterwards gives the space back.

Entries of origin 'resend' re-queue a change for the server and change no row, so they
are left out when undoing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection

from kcdesk.db.capture import UNCAPTURED_COLUMNS, _json_object, table_columns
from kcdesk.db.schema import KNOWN_REVISIONS

Image = dict[str, Any]
# Revisions whose capture triggers write the insert's full image (the schema before this form).
FULL_IMAGE_REVISIONS = frozenset(KNOWN_REVISIONS[: KNOWN_REVISIONS.index("0009_compact_audit")])
_CHUNK = 500  # ids per IN (...) list, well under SQLite's host-parameter limit


def compact_in_effect(conn: Connection) -> bool:
    """Whether this database's revision writes inserts without an image (the triggers
    installed after a migration follow it, also after a downgrade)."""
    try:
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except Exception:  # no alembic_version: a new database, made at the head
        return True
    return revision not in FULL_IMAGE_REVISIONS


def image_sql(conn: Connection, table: str, ref: str = "t") -> str:
    """The SQL of a row's image: its captured non-null fields as a JSON object, exactly as the
    capture triggers write one."""
    cols = [c for c in table_columns(conn, table) if c not in UNCAPTURED_COLUMNS and c != "id"]
    return _json_object(ref, cols)


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _undo(state: Image | None, before: Image, after: Image) -> Image:
    """The image before an update, from the image after it."""
    out = dict(state or {})
    for key in after:
        value = before.get(key)
        if value is None:
            out.pop(key, None)  # images leave out null fields
        else:
            out[key] = value
    return out


def _walk(entries: Sequence[Sequence[Any]], current: Image | None, every_insert: bool = False) -> dict[int, Image]:
    """Each insert's image (entries: id, op, origin, before, after, oldest first), undoing
    from the current row (None: not there) back to the insert. Only the compact inserts,
    unless `every_insert` (to check a stored image against the rebuilt one)."""
    state = current
    images: dict[int, Image] = {}
    for entry_id, op, origin, before, after in reversed(entries):
        if origin == "resend":
            continue
        if op == "insert":
            if after is None or every_insert:
                images[entry_id] = dict(state or {})
            state = None
        elif op == "delete" and after is None:  # a hard delete: its before is the full image
            state = json.loads(before) if before else {}
        else:
            state = _undo(state, json.loads(before) if before else {}, json.loads(after) if after else {})
    return images


def _current(conn: Connection, table: str, row_ids: Sequence[str]) -> dict[str, tuple[str, int]]:
    """Each present row's image text and the id of its newest audit entry."""
    out: dict[str, tuple[str, int]] = {}
    image = image_sql(conn, table)
    for chunk in _chunks(list(row_ids)):
        marks = ", ".join("?" for _ in chunk)
        rows = conn.exec_driver_sql(
            f"SELECT t.id, {image}, (SELECT max(a.id) FROM audit_entry AS a WHERE a.table_name = ? "
            f'AND a.row_id = t.id) FROM "{table}" AS t WHERE t.id IN ({marks})',
            (table, *chunk),
        )
        out.update({r[0]: (r[1], r[2] or 0) for r in rows})
    return out


def _entries(conn: Connection, table: str, row_ids: Sequence[str]) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    for chunk in _chunks(list(row_ids)):
        marks = ", ".join("?" for _ in chunk)
        rows = conn.exec_driver_sql(
            "SELECT row_id, id, op, origin, before, after FROM audit_entry "
            f"WHERE table_name = ? AND row_id IN ({marks}) ORDER BY id",
            (table, *chunk),
        )
        for row in rows:
            out.setdefault(row[0], []).append(tuple(row[1:]))
    return out


def insert_images(conn: Connection, inserts: Iterable[tuple[int, str, str]]) -> dict[int, Image]:
    """The row each compact insert entry (audit id, table, row id) wrote. Set-based: one
    query per table and 500 rows; only rows changed since are rebuilt entry by entry."""
    by_table: dict[str, dict[str, list[int]]] = {}
    for audit_id, table, row_id in inserts:
        by_table.setdefault(table, {}).setdefault(row_id, []).append(audit_id)
    images: dict[int, Image] = {}
    for table, rows in by_table.items():
        current = _current(conn, table, list(rows))
        slow = []
        for row_id, audit_ids in rows.items():
            found = current.get(row_id)
            if found is not None and len(audit_ids) == 1 and found[1] == audit_ids[0]:
                images[audit_ids[0]] = json.loads(found[0])  # nothing happened to it since
            else:
                slow.append(row_id)
        if slow:
            entries = _entries(conn, table, slow)
            for row_id in slow:
                found = current.get(row_id)
                images |= _walk(entries.get(row_id, []), json.loads(found[0]) if found else None)
    return images


def _full(entries: Sequence[Sequence[Any]], current: Image | None) -> list[dict[str, Any]]:
    images = _walk(entries, current)
    return [
        {
            "id": entry_id,
            "op": op,
            "origin": origin,
            "before": json.loads(before) if before else {},
            "after": images[entry_id] if entry_id in images else json.loads(after) if after else {},
        }
        for entry_id, op, origin, before, after in entries
    ]


def full_entries(conn: Connection, table: str, row_id: str) -> list[dict[str, Any]]:
    """One record's audit entries, oldest first, each with its full before and after."""
    found = _current(conn, table, [row_id]).get(row_id)
    return _full(_entries(conn, table, [row_id]).get(row_id, []), json.loads(found[0]) if found else None)


def table_history(conn: Connection, table: str) -> dict[str, list[dict[str, Any]]]:
    """full_entries() of every audited record of `table`, in one pass."""
    return {row_id: _full(entries, current) for row_id, entries, current in _rows_with_entries(conn, table)}


def whole_history(conn: Connection) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """table_history() of every audited table still in the database."""
    return {table: table_history(conn, table) for table in _audited_tables(conn)}


def _rows_with_entries(conn: Connection, table: str) -> Iterator[tuple[str, list[tuple[Any, ...]], Image | None]]:
    """Every audited row of `table` with its entries, oldest first, and its current image."""
    image = image_sql(conn, table)
    rows = conn.exec_driver_sql(
        f"SELECT a.row_id, a.id, a.op, a.origin, a.before, a.after, {image}, t.id IS NOT NULL "
        f'FROM audit_entry AS a LEFT JOIN "{table}" AS t ON t.id = a.row_id '
        "WHERE a.table_name = ? ORDER BY a.row_id, a.id",
        (table,),
    )
    group: list[tuple[Any, ...]] = []
    key, current = None, None
    for row in rows:
        if row[0] != key:
            if key is not None:
                yield key, group, current
            key, group = row[0], []
            current = json.loads(row[6]) if row[7] else None
        group.append(tuple(row[1:6]))
    if key is not None:
        yield key, group, current


def _audited_tables(conn: Connection) -> list[str]:
    present = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    names = [r[0] for r in conn.exec_driver_sql("SELECT DISTINCT table_name FROM audit_entry")]
    return [n for n in names if n in present]


def materialize(conn: Connection, tables: Iterable[str] | None = None) -> int:
    """Write every compact insert's full image back into its entry (before a migration
    changes stored values; on downgrade below 0009). Returns how many entries it wrote."""
    written = 0
    for table in tables if tables is not None else _audited_tables(conn):
        updates = []
        for _, entries, current in _rows_with_entries(conn, table):
            for entry_id, image in _walk(entries, current).items():
                updates.append((json.dumps(image, ensure_ascii=False, separators=(",", ":")), entry_id))
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany("UPDATE audit_entry SET after = ? WHERE id = ?", updates)
        cursor.close()
        written += len(updates)
    return written


def compact(conn: Connection) -> int:
    """Drop the image of every insert entry that the rebuild gives back exactly (any other
    keeps its image: nothing is lost). Returns how many entries were compacted."""
    compacted = 0
    for table in _audited_tables(conn):
        ids = []
        for _, entries, current in _rows_with_entries(conn, table):
            stored = {e[0]: e[4] for e in entries if e[1] == "insert" and e[4] is not None and e[2] != "resend"}
            if not stored:
                continue
            for entry_id, image in _walk(entries, current, every_insert=True).items():
                if entry_id in stored and _same(json.loads(stored[entry_id]), image):
                    ids.append((entry_id,))
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.executemany("UPDATE audit_entry SET after = NULL WHERE id = ?", ids)
        cursor.close()
        compacted += len(ids)
    return compacted


def _same(stored: Mapping[str, Any], rebuilt: Mapping[str, Any]) -> bool:
    return dict(stored) == dict(rebuilt)  # exactly: a null kept by an erasure keeps its image
