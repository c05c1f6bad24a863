"""The device's outbox as protocol mutations, and what happens when the server answers.

Outbox entries are removed only when the server has answered for them, in the same local
transaction that records the answer: an accepted change updates the record's server
version; a refused one moves to the dead-letter table with the server's reason. A crash
between the server's answer and this transaction just resends the batch, and the server
answers the same again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson
from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.db import audit_trail
from kcdesk.db.base import synced_tables
from kcdesk.sync import state
from kcdesk.sync.apply import RowApplier
from kcdesk.sync.protocol import Outcome
from kcdesk.sync.reasons import REASONS
from kcdesk.sync.relations import parent_ref
from kcdesk.sync.state import USER_ALIASES, now_text
from kcdesk.sync.wire import TableCodec

_LONG_NUMBER = re.compile(r"\d{20}")
BLOCKING_CODES = frozenset({"parent_missing", "not_found", "blocked_by_parent"})


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A change waiting in the outbox, as it will travel (the fields of a protocol Mutation).

    Plain data rather than the pydantic model: these come from this laptop's own outbox and
    the server validates every field anyway; building 50,000 models cost a second."""

    seq: int
    mutation_id: str
    table: str
    row_id: str
    op: str
    base_version: int
    values: dict[str, Any]
    base: dict[str, Any]
    user_id: str | None = None

    def wire(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "seq": self.seq,
            "mutation_id": self.mutation_id,
            "table": self.table,
            "row_id": self.row_id,
            "op": self.op,
            "base_version": self.base_version,
        }
        if self.values:
            body["values"] = self.values
        if self.base:
            body["base"] = self.base
        if self.user_id:
            body["user_id"] = self.user_id
        return body


def read_pending(
    session: Session,
    codecs: Mapping[str, TableCodec],
    limit: int | None,
    tables: Collection[str] | None = None,
    after_seq: int = 0,
) -> list[Outgoing]:
    """The oldest unsent changes after `after_seq` as protocol mutations (all of them when
    limit is None; only those of `tables` when given)."""
    where = "WHERE o.seq > :after "
    params: dict[str, Any] = {"n": -1 if limit is None else limit, "after": after_seq}
    if tables is not None:
        names = sorted(tables)
        where += "AND o.table_name IN (" + ", ".join(f":t{i}" for i in range(len(names))) + ") "
        params.update({f"t{i}": name for i, name in enumerate(names)})
    rows = session.execute(
        text(
            "SELECT o.seq, o.mutation_id, o.table_name, o.row_id, o.op, o.base_version, a.before, a.after, a.user_id, "
            "a.id "
            f"FROM sync_outbox AS o LEFT JOIN audit_entry AS a ON a.id = o.audit_id {where}ORDER BY o.seq LIMIT :n"
        ),
        params,
    ).all()
    aliases: dict[str, str] = state.get_json(session, USER_ALIASES) or {}
    # An insert's audit entry keeps no image: the row as inserted, rebuilt set-based.
    inserted = audit_trail.insert_images(
        session.connection(), [(r[9], r[2], r[3]) for r in rows if r[4] == "insert" and r[7] is None and r[9]]
    )
    mutations = []
    for seq, mutation_id, table, row_id, op, base_version, before, after, user_id, audit_id in rows:
        codec = codecs.get(table)
        values = _loads(after) if after else inserted.get(audit_id, {})
        base = _loads(before) if before else {}
        if op == "delete" and not after:  # a hard delete: only the fact of it travels
            values, base = {}, {}
        if codec is not None:
            values = codec.local_to_wire(values)
            base = codec.local_to_wire(base)
        values.pop("id", None)
        if aliases:
            values, base = _aliased(values, aliases), _aliased(base, aliases)
            user_id = aliases.get(user_id, user_id) if user_id else user_id
        mutations.append(Outgoing(seq, mutation_id, table, row_id, op, base_version or 0, values, base, user_id))
    return mutations


def _loads(text: str) -> Any:
    """An audit image (SQLite's JSON) as the json module reads it, by orjson (several times
    faster on thousands of them) when it reads the same: not with 20 digits in a row (orjson
    turns an integer past 64 bits into a float), nor with what orjson refuses (infinities)."""
    if _LONG_NUMBER.search(text) is None:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def _aliased(values: dict[str, Any], aliases: Mapping[str, str]) -> dict[str, Any]:
    """Ids of a placeholder user replaced by the server's user it became (kcdesk.sync.identity):
    changes made before enrolment name the person the server knows."""
    return {k: aliases.get(v, v) if isinstance(v, str) else v for k, v in values.items()}


def outbox_depth(session: Session) -> tuple[int, str | None]:
    row = session.execute(text("SELECT count(*), min(created_at) FROM sync_outbox")).one()
    return int(row[0]), row[1]


def record_outcomes(
    session: Session,
    make_applier: Callable[[], RowApplier],
    sent: Sequence[Outgoing],
    outcomes: Sequence[Outcome],
) -> dict[str, int]:
    """Apply the server's answers: one local transaction (the caller's session), a few
    set-based statements whatever the batch size. The row applier is made only when a row
    came back (making one costs milliseconds, and most answers carry no row)."""
    made: list[RowApplier] = []

    def row_applier() -> RowApplier:
        if not made:
            made.append(make_applier())
        return made[0]

    synced = _synced()
    by_seq = {m.seq: m for m in sent}
    counts = {"applied": 0, "merged": 0, "rejected": 0}
    answered = [o for o in outcomes if o.seq in by_seq]
    later_pending: set[tuple[str, str]] | None = None  # only needed when a row came back
    # The driver's executemany directly: SQLAlchemy's per-row parameter handling cost more
    # than SQLite's work here.
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    cursor.executemany("DELETE FROM sync_outbox WHERE seq = ?", [(o.seq,) for o in answered])
    versions: dict[str, list[tuple[int, str, int]]] = {}
    held: dict[str, list[tuple[int, str, str | None, str]]] = {}
    refused: list[tuple[Outgoing, Outcome]] = []
    for outcome in answered:
        m = by_seq[outcome.seq]
        counts[outcome.status] += 1
        if outcome.status == "rejected":
            refused.append((m, outcome))
            continue
        if outcome.row is not None:
            if later_pending is None:
                later_pending = _later_pending(session, max(o.seq for o in answered))
            if (m.table, m.row_id) not in later_pending:
                row_applier().upsert(m.table, [outcome.row], pending=set())
                continue
        if outcome.row_version is not None and m.table in synced:
            if outcome.at is not None:  # this copy is the stored row once it has the server's stamps
                created = outcome.at if m.op == "insert" else None
                held.setdefault(m.table, []).append((outcome.row_version, outcome.at, created, m.row_id))
            else:
                versions.setdefault(m.table, []).append((outcome.row_version, m.row_id, outcome.row_version))
    dead_letters(session, refused)
    for table, params in versions.items():  # the server's version, never backwards
        cursor.executemany(f'UPDATE "{table}" SET row_version = ? WHERE id = ? AND row_version < ?', params)
    for table, stamps in held.items():  # the server will not send these rows back (no echo)
        cursor.executemany(
            f'UPDATE "{table}" SET row_version = ?, updated_at = ?, created_at = coalesce(?, created_at) '
            "WHERE id = ? AND row_version <= ?",
            [(*p, p[0]) for p in stamps],
        )
    cursor.close()
    return counts


@cache
def _synced() -> frozenset[str]:
    """The synced tables' names (RowApplier.tables), made once."""
    return frozenset(synced_tables())


def _later_pending(session: Session, after_seq: int) -> set[tuple[str, str]]:
    rows = session.execute(text("SELECT DISTINCT table_name, row_id FROM sync_outbox WHERE seq > :s"), {"s": after_seq})
    return {(r[0], r[1]) for r in rows}


_DEAD_LETTER = (
    "INSERT OR IGNORE INTO sync_deadletter (seq, mutation_id, table_name, row_id, op, base_version, payload, "
    "base_payload, code, message, params, blocked_by, server_row, rejected_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def dead_letters(session: Session, refused: Sequence[tuple[Outgoing, Outcome]]) -> None:
    """The refused changes (in seq order) into the dead letters, in one statement: a batch the
    server refuses whole (a rule the laptop did not know yet) is thousands of them. A change
    that depends on an earlier refused one is marked as blocked by it, whether that one was
    refused before or earlier in this batch."""
    if not refused:
        return
    at = now_text()
    earlier: dict[tuple[str, str], int] = {}  # this batch's refusals so far: record -> lowest seq
    rows = []
    for m, outcome in refused:
        code = outcome.code or "rejected"
        message = outcome.message or ""
        blocked_by = None
        if code in BLOCKING_CODES:
            blocked_by = _blocking_seq(session, m, earlier)
            if blocked_by is not None:
                code, message = "blocked_by_parent", REASONS["blocked_by_parent"]
        key = (m.table, m.row_id)
        earlier[key] = min(earlier.get(key, m.seq), m.seq)
        rows.append(
            (
                m.seq,
                m.mutation_id,
                m.table,
                m.row_id,
                m.op,
                m.base_version,
                json.dumps(m.values, ensure_ascii=False),
                json.dumps(m.base, ensure_ascii=False),
                code,
                message,
                json.dumps(dict(outcome.params or {}), ensure_ascii=False),
                blocked_by,
                json.dumps(outcome.row, ensure_ascii=False) if outcome.row else None,
                at,
            )
        )
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(_DEAD_LETTER, rows)
    finally:
        cursor.close()


def _blocking_seq(session: Session, m: Outgoing, earlier: Mapping[tuple[str, str], int]) -> int | None:
    """The refused change this one depends on: an earlier change of the same record, or
    of its parent record (stored, or refused earlier in the same batch: `earlier`)."""
    candidates = [(m.table, m.row_id)]
    ref = parent_ref(m.table, m.values) or _parent_of_local(session, m.table, m.row_id)
    if ref:
        candidates.append(ref)
    for table, row_id in candidates:
        stored = session.execute(
            text("SELECT min(seq) FROM sync_deadletter WHERE table_name = :t AND row_id = :r AND seq < :s"),
            {"t": table, "r": row_id, "s": m.seq},
        ).scalar()
        found = [int(v) for v in (stored, earlier.get((table, row_id))) if v is not None and int(v) < m.seq]
        if found:
            return min(found)
    return None


def _parent_of_local(session: Session, table: str, row_id: str) -> tuple[str, str] | None:
    try:
        row = session.execute(text(f'SELECT * FROM "{table}" WHERE id = :id'), {"id": row_id}).mappings().first()
    except Exception:  # unknown table: nothing to link
        return None
    return parent_ref(table, dict(row)) if row else None
