"""Writing what the server sent into the local store, without echo and without loss.

Runs inside a write transaction opened with applying_remote=True (so the capture
triggers audit the change but queue nothing for the server). Three rules:
- a record with unsent local changes is never overwritten (its own push will merge);
- a row whose parent is not here yet is parked, not forced in (foreign keys stay true),
  and goes in as soon as the parent arrives;
- an evicted row is removed only when nothing local depends on it; otherwise it is kept
  and flagged as outside this device's scope.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Table, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from kcdesk.db.base import Base, synced_tables
from kcdesk.db.bulk import bulk_upsert
from kcdesk.db.files import file_path
from kcdesk.db.scrub import apply_erasure
from kcdesk.db.sort_keys import LOCAL_ONLY
from kcdesk.db.sqlfile import integrity_error_classes
from kcdesk.sync import kept_fields
from kcdesk.sync.relations import ATTACHMENT, CHILDREN
from kcdesk.sync.state import now_text
from kcdesk.sync.wire import TableCodec

Key = tuple[str, str]
ERASURE_TABLE = "personal_data_erasure"


def apply_received_erasures(
    session: Session, erasures: Iterable[Mapping[str, Any]], files_dir: Path | None = None
) -> int:
    """Scrub this device's copies of what another device erased (kcdesk.db.scrub): the
    records (in case their update is not here yet), the audit trail, conflicts, refusals,
    and the files of erased attachments that no live record here uses any more."""
    count = 0
    for row in erasures:
        try:
            targets = json.loads(row.get("targets") or "[]")
        except ValueError:
            continue
        targets = [t for t in targets if isinstance(t, dict) and t.get("table") in synced_tables()]
        apply_erasure(session, targets)
        count += 1
        for t in targets if files_dir is not None else ():
            if t["table"] != ATTACHMENT:
                continue
            sha = session.execute(text("SELECT sha256 FROM attachment WHERE id = :i"), {"i": t["row_id"]}).scalar()
            used = session.execute(
                text("SELECT 1 FROM attachment WHERE sha256 = :s AND deleted_at IS NULL LIMIT 1"), {"s": sha}
            ).first()
            if sha and used is None and files_dir is not None:
                file_path(files_dir, str(sha)).unlink(missing_ok=True)
    return count


@cache
def _table_facts() -> tuple[
    dict[str, Table], dict[str, frozenset[str]], dict[str, frozenset[str]], dict[str, list[tuple[str, str]]]
]:
    """The synced tables; per table, the columns a server row may write: not the local-only
    ones (sort keys, sign-in columns such as the password hash, kcdesk.db.account_columns),
    which a server never sends, and one that names them anyway is not obeyed; the local-only
    ones; and its references (column, parent table)."""
    tables = {name: Base.metadata.tables[name] for name in synced_tables()}
    columns = {
        name: frozenset(c.name for c in table.columns if not c.info.get(LOCAL_ONLY)) for name, table in tables.items()
    }
    local_only = {
        name: frozenset(c.name for c in table.columns if c.info.get(LOCAL_ONLY)) for name, table in tables.items()
    }
    fks = {
        name: [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys] for name, table in tables.items()
    }
    return tables, columns, local_only, fks


class RowApplier:
    def __init__(self, session: Session, codecs: Mapping[str, TableCodec], *, set_based: bool = True) -> None:
        self.session = session
        self.codecs = codecs
        # Groups go in set-based (kcdesk.db.bulk.bulk_upsert); False writes them row by row
        # through the triggers, as before (kept to prove both write the same).
        self.set_based = set_based
        # What the tables' metadata says, made once per process: an applier is made per
        # pulled page (about 1 ms each).
        self.tables, self.columns, self.local_only, self._fks = _table_facts()
        self._sql: dict[tuple[str, tuple[str, ...]], str] = {}
        # Erasure records written by this applier: the caller scrubs their targets once the
        # page (with any conflicts it carries) is in (kcdesk.db.scrub.apply_erasure).
        self.erasures: list[dict[str, Any]] = []
        self.stats = {"upserted": 0, "skipped_pending": 0, "parked": 0, "evicted": 0, "kept_out_of_scope": 0}

    # -- upserts -----------------------------------------------------------------------

    def _upsert_sql(self, table: str, columns: tuple[str, ...]) -> str:
        key = (table, columns)
        if key not in self._sql:
            cols = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join(f":{c}" for c in columns)
            sets = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
            self._sql[key] = f'INSERT INTO "{table}" ({cols}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {sets}'
        return self._sql[key]

    def upsert(self, table: str, rows: Sequence[dict[str, Any]], pending: set[Key]) -> None:
        """Write server rows (wire form) unless the record has unsent local changes."""
        if table not in self.tables or not rows:
            return
        known = self.columns[table]  # a set: the column collection's `in` is slow
        local = self.local_only[table]
        ready: list[dict[str, Any]] = []
        newer: list[tuple[str, dict[str, Any]]] = []  # columns of a newer server, kept aside
        check = bool(pending)  # usually empty: no tuple made per row then
        for row in rows:
            if check and (table, row["id"]) in pending:
                self.stats["skipped_pending"] += 1
                continue
            if row.keys() <= known:  # the usual row: every column known, written as it came
                clean = row  # (booleans are bound as 0/1: kcdesk.db.sqlfile.direct_binding)
            else:
                clean = {c: v for c, v in row.items() if c in known}
                extra = {c: v for c, v in row.items() if c not in known and c not in local}
                if extra:
                    newer.append((row["id"], extra))
            ready.append(clean)
        if newer:
            kept_fields.keep(self.session, table, newer)
        missing = self._missing_parents(table, ready)
        if missing:
            parked = [r for r in ready if r["id"] in missing]
            ready = [r for r in ready if r["id"] not in missing]
            for r in parked:
                self._park(table, r, missing[r["id"]])
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for r in ready:
            groups.setdefault(tuple(r), []).append(r)
        written: list[str] = []
        for columns, group in groups.items():
            written.extend(self._write_group(table, columns, group))
        if written:
            self.stats["upserted"] += len(written)
            self._unflag(table, written)
            if table == ERASURE_TABLE:
                done = set(written)
                self.erasures.extend(r for r in ready if r["id"] in done)

    def _write_group(self, table: str, columns: tuple[str, ...], group: list[dict[str, Any]]) -> list[str]:
        """Write a group at once; if a local unique key collides (two devices made the same
        user name before they met), write row by row and park only the colliding rows, so
        one such row never stops the pull."""
        sql = text(self._upsert_sql(table, columns))
        nested = self.session.begin_nested()
        try:
            if self.set_based and bulk_upsert(self.session, table, columns, [tuple(r.values()) for r in group]):
                nested.commit()
                return [r["id"] for r in group]
            self.session.execute(sql, group)
            nested.commit()
            return [r["id"] for r in group]
        except integrity_error_classes(sa_exc.IntegrityError):
            nested.rollback()
        written = []
        for row in group:
            nested = self.session.begin_nested()
            try:
                self.session.execute(sql, row)
                nested.commit()
                written.append(row["id"])
            except sa_exc.IntegrityError:
                nested.rollback()
                self.stats["parked"] += 1
                self._flag(table, row["id"], "parked", "trùng khóa với bản ghi có sẵn trên máy", row)
        return written

    def _missing_parents(self, table: str, rows: list[dict[str, Any]]) -> dict[str, str]:
        """Rows whose referenced rows are absent here: id -> the missing parent table."""
        missing: dict[str, str] = {}
        for column, target in self._fks.get(table, []):
            wanted = {r[column] for r in rows if r.get(column)}
            if not wanted:
                continue
            present = self._existing(target, wanted)
            if target == table:
                present |= {r["id"] for r in rows}
            for r in rows:
                if r.get(column) and r[column] not in present:
                    missing.setdefault(r["id"], target)
        return missing

    def _existing(self, table: str, ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        ordered = list(ids)
        for i in range(0, len(ordered), 500):
            part = ordered[i : i + 500]
            marks = ", ".join(f":p{n}" for n in range(len(part)))
            found |= {
                r[0]
                for r in self.session.execute(
                    text(f'SELECT id FROM "{table}" WHERE id IN ({marks})'), {f"p{n}": v for n, v in enumerate(part)}
                )
            }
        return found

    def _park(self, table: str, row: dict[str, Any], parent_table: str) -> None:
        self.stats["parked"] += 1
        self._flag(table, row["id"], "parked", f"chờ bản ghi cha ({parent_table})", row)

    def retry_parked(self) -> None:
        """Parked rows whose parents have arrived go in now (parents first)."""
        order = {name: i for i, name in enumerate(self.tables)}
        rows = self.session.execute(
            text("SELECT table_name, payload FROM sync_record_state WHERE state = 'parked'")
        ).all()
        for table, payload in sorted(rows, key=lambda r: order.get(r[0], 999)):
            row = json.loads(payload)
            if not self._missing_parents(table, [row]):
                self.upsert(table, [row], pending=set())

    # -- evictions ---------------------------------------------------------------------

    def evict(self, table: str, row_id: str, pending: set[Key], keep: set[Key] = frozenset()) -> None:  # type: ignore[assignment]
        """Remove a row that left this device's scope, children first; keep (and flag)
        anything with unsent changes, refused changes, or local dependants."""
        if table not in self.tables:
            return
        if self._evict(table, row_id, pending, keep):
            self.stats["evicted"] += 1

    def _evict(self, table: str, row_id: str, pending: set[Key], keep: set[Key]) -> bool:
        children = list(CHILDREN.get(table, []))
        children.append((ATTACHMENT, "owner_id"))
        for child, column in children:
            if child == table:
                continue
            extra = " AND owner_table = :t" if child == ATTACHMENT else ""
            ids = [
                r[0]
                for r in self.session.execute(
                    text(f'SELECT id FROM "{child}" WHERE "{column}" = :id{extra}'), {"id": row_id, "t": table}
                )
            ]
            for child_id in ids:
                self._evict(child, child_id, pending, keep)
        if (table, row_id) in pending or (table, row_id) in keep:
            self._flag(table, row_id, "out_of_scope", "còn thay đổi chưa gửi", None)
            self.stats["kept_out_of_scope"] += 1
            return False
        nested = self.session.begin_nested()
        try:
            self.session.execute(text(f'DELETE FROM "{table}" WHERE id = :id'), {"id": row_id})
            nested.commit()
        except sa_exc.IntegrityError:
            nested.rollback()
            self._flag(table, row_id, "out_of_scope", "còn bản ghi khác tham chiếu", None)
            self.stats["kept_out_of_scope"] += 1
            return False
        self.session.execute(
            text("DELETE FROM sync_record_state WHERE table_name = :t AND row_id = :r"), {"t": table, "r": row_id}
        )
        return True

    # -- flags -------------------------------------------------------------------------

    def _flag(self, table: str, row_id: str, state: str, note: str, payload: dict[str, Any] | None) -> None:
        self.session.execute(
            text(
                "INSERT INTO sync_record_state (table_name, row_id, state, note, payload, updated_at) "
                "VALUES (:t, :r, :s, :n, :p, :at) ON CONFLICT(table_name, row_id) DO UPDATE SET "
                "state = excluded.state, "
                "note = excluded.note, payload = excluded.payload, updated_at = excluded.updated_at"
            ),
            {
                "t": table,
                "r": row_id,
                "s": state,
                "n": note,
                "at": now_text(),
                "p": json.dumps(payload, ensure_ascii=False) if payload is not None else None,
            },
        )

    def _unflag(self, table: str, ids: list[str]) -> None:
        if not self.session.execute(text("SELECT 1 FROM sync_record_state LIMIT 1")).first():
            return
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            marks = ", ".join(f":p{n}" for n in range(len(part)))
            params: dict[str, Any] = {f"p{n}": v for n, v in enumerate(part)}
            params["t"] = table
            self.session.execute(
                text(f"DELETE FROM sync_record_state WHERE table_name = :t AND row_id IN ({marks})"), params
            )
