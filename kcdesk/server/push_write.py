"""Writing an applied batch (kcdesk.server.push.BatchApplier): the rows it changed, set-based
(kcdesk.server.bulk), the moves of their children, conflicts and kept-aside fields, and the
change log with each entry's origin (the device that need not pull it back).

Apart from push.py to keep each file readable; BatchApplier is a BatchWriter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, select, update

from kcdesk.server import db
from kcdesk.server.bulk import insert_rows, update_rows
from kcdesk.server.counters import Entry, append_changes
from kcdesk.server.erasures import erased_files, forget_files, scrub_server_copies, stale_snapshots
from kcdesk.server.scopes import CHILDREN, DeviceGrant, Placement
from kcdesk.server.stored import StoredReader, record_damaged
from kcdesk.server.wire_cache import encode
from kcdesk.sync.wire import TableCodec

Key = tuple[str, str]
ERASURE_TABLE = "personal_data_erasure"
_ROW_STAMPS = ("row_version", "updated_at")  # written on every update


@dataclass(slots=True)
class RowState:
    table: str
    row: dict[str, Any] | None  # wire form, server columns excluded
    placement: Placement | None
    existed: bool
    dirty: bool = False
    damaged: bool = False  # stored, but does not read back (see kcdesk.server.stored)
    # The device that holds exactly the stored version (db.DEVICE_COL): its next change is
    # no concurrent one, whatever base version its outbox noted before the last answer came.
    holder: str | None = None
    old_placements: set[Placement] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)  # columns this batch wrote (a stored row's update)


class BatchWriter:
    """The write phase of a BatchApplier, over the state its apply phase left."""

    conn: Connection
    grant: DeviceGrant
    codecs: dict[str, TableCodec]
    now: str
    reader: StoredReader
    rows: dict[Key, RowState]
    conflicts: list[dict[str, Any]]
    aside: list[dict[str, Any]]
    log_entries: set[Entry]
    echo_free: dict[Key, int]
    server_logged: set[Entry]
    released: list[Key]
    erased_files: list[str]
    stale_snapshots: list[str]

    def write(self) -> None:
        for table, states in _group_dirty(self.rows.values()).items():
            self._write_table(table, states)
        for table, row_id in self.released:
            t = db.REPLICATED[table]
            self.conn.execute(update(t).where(t.c.id == row_id).values({db.DEVICE_COL: None}))
        for st in self.rows.values():
            if st.dirty and st.old_placements and st.row is not None:
                assert st.placement is not None
                self._cascade(st.table, st.row["id"], st.placement)
        if self.conflicts:
            self.conn.execute(db.conflict.insert(), self.conflicts)
        if self.aside:
            self.conn.execute(db.field_aside.insert(), self.aside)
        erased = [st.row for st in self.rows.values() if st.dirty and st.table == ERASURE_TABLE and st.row is not None]
        if erased:  # after this batch's conflicts are stored, so those are scrubbed too
            scrub_server_copies(self.conn, erased)
            self.erased_files = forget_files(self.conn, erased_files(self.conn, erased))
            self.stale_snapshots = stale_snapshots(self.conn, {str(r.get("province_code") or "") for r in erased})
        record_damaged(self.conn, self.reader.damaged, self.now)
        append_changes(self.conn, self.log_entries, self.now, self._origins(erased))

    def _origins(self, erased: list[Any]) -> dict[tuple[str, str | None, str, str], tuple[str, int]]:
        """The log entries the pushing device need not pull back: its echo-free rows, logged
        under their only placement. Nothing when an erasure scrubbed stored rows, and not an
        entry the server logged again for its own reasons (a parent's move)."""
        if erased:
            return {}
        origins = {}
        for key, seq in self.echo_free.items():
            st = self.rows[key]
            if st.dirty and st.placement is not None and not st.old_placements:
                origins[(st.placement.scope, st.placement.ward, key[0], key[1])] = (self.grant.device_id, seq)
        for entry in self.server_logged:
            origins.pop(entry, None)
        return origins

    def _write_table(self, table: str, states: list[RowState]) -> None:
        t = db.REPLICATED[table]
        columns = self._columns(table)
        values_of = itemgetter(*columns[:-4])  # every row holds every column (new rows start from all of them)
        inserts: list[tuple[Any, ...]] = []
        # A stored row gets only the columns the batch wrote (and the version, the instant and
        # the placement): an edit of one field stages and copies a few values, not the row.
        updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        # The columns of an update, by the set the batch changed (most rows share one):
        # their getter and the list of rows they write.
        groups: dict[frozenset[str], tuple[Any, list[tuple[Any, ...]]]] = {}
        device = self.grant.device_id
        echo_free = self.echo_free
        log_entries = self.log_entries
        for st in states:
            assert st.row is not None and st.placement is not None
            row = st.row
            row_id = row["id"]
            holder = device if (table, row_id) in echo_free and not st.old_placements else None
            if st.existed:
                changed = frozenset(st.changed)
                group = groups.get(changed)
                if group is None:
                    names = ("id", *sorted(changed - {"id", *_ROW_STAMPS}), *_ROW_STAMPS)
                    group = groups[changed] = (itemgetter(*names), updates.setdefault(names, []))
                group[1].append((*group[0](row), st.placement.scope, st.placement.ward, holder, encode(row)))
            else:
                inserts.append((*values_of(row), st.placement.scope, st.placement.ward, holder, encode(row)))
            log_entries.add((st.placement.scope, st.placement.ward, table, row_id))
            for p in st.old_placements:
                log_entries.add((p.scope, p.ward, table, row_id))
        insert_rows(self.conn, t, columns, inserts)
        for names, records in updates.items():
            update_rows(self.conn, t, [*names, *columns[-4:]], records)

    def _columns(self, table: str) -> list[str]:
        """id first (update_rows keys on it), the row's columns, then the placement, the
        holder and the row's wire form as stored (kcdesk.server.wire_cache)."""
        names = [c for c in self.codecs[table].columns if c != "id"]
        return ["id", *names, db.SCOPE_COL, db.WARD_COL, db.DEVICE_COL, db.WIRE_COL]

    def _cascade(self, table: str, row_id: str, placement: Placement) -> None:
        """A parent moved (to another commune or province): its children move with it, and
        both the old and the new place hear about each of them."""
        children = list(CHILDREN.get(table, []))
        children.append(("attachment", "owner_id"))
        for child, column in children:
            t = db.REPLICATED[child]
            cond = t.c[column] == row_id
            if child == "attachment":
                cond = cond & (t.c.owner_table == table)
            rows = self.conn.execute(select(t.c.id, t.c[db.SCOPE_COL], t.c[db.WARD_COL]).where(cond)).all()
            moved = [r for r in rows if (r[1], r[2]) != (placement.scope, placement.ward)]
            if not moved:
                continue
            self.conn.execute(
                update(t).where(cond).values({db.SCOPE_COL: placement.scope, db.WARD_COL: placement.ward})
            )
            for child_id, old_scope, old_ward in moved:
                for entry in (
                    (old_scope, old_ward, child, child_id),
                    (placement.scope, placement.ward, child, child_id),
                ):
                    self.log_entries.add(entry)
                    self.server_logged.add(entry)
                self._cascade(child, child_id, placement)


def _group_dirty(states: Iterable[RowState]) -> dict[str, list[RowState]]:
    grouped: dict[str, list[RowState]] = {}
    for st in states:
        if st.dirty:
            grouped.setdefault(st.table, []).append(st)
    return grouped
