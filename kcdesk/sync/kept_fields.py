"""Columns a newer server sends that this laptop's schema does not have yet: kept, not
dropped (the mirror of the server's server_field_aside, which keeps a newer laptop's
fields). Nothing a person typed on another laptop is lost because this one is older:

- while this kcdesk lacks the column, the values wait in sync_kv under
  `kept:<table>:<row id>` (a JSON object), replaced whenever the server sends the row again;
  this laptop's own edits of the row never touch them on the server either (a change
  carries only the fields it changed);
- once an update's migration adds the column (the tables' columns are not what they were
  when the kept values were last looked at), the next sync cycle puts each kept value into
  its row (as data from the server: audited, nothing queued to send back) and forgets it.

sync_kv rather than a table of their own: no migration for a laptop that is behind
already, and the keys are looked up by primary key.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.sync import state

PREFIX = "kept:"
CHECKED = "kept_fields_checked"  # the columns (a digest) the kept values were last restored under


def key(table: str, row_id: str) -> str:
    return f"{PREFIX}{table}:{row_id}"


def keep(session: Session, table: str, rows: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
    """Remember the unknown columns of server rows (row id, {column: value}); a row whose
    unknown columns are all empty now forgets what was kept for it."""
    keeping, forgetting = [], []
    for row_id, extra in rows:
        values = {c: v for c, v in extra.items() if v is not None}
        if values:
            keeping.append({"k": key(table, row_id), "v": json.dumps(values, ensure_ascii=False)})
        else:
            forgetting.append({"k": key(table, row_id)})
    if keeping:
        session.execute(
            text(
                "INSERT INTO sync_kv (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            keeping,
        )
    if forgetting:
        session.execute(text("DELETE FROM sync_kv WHERE key = :k"), forgetting)


def kept(session: Session, table: str, row_id: str) -> dict[str, Any]:
    value = state.get(session, key(table, row_id))
    return json.loads(value) if value else {}


_ANY_KEPT = "SELECT key, value FROM sync_kv WHERE key >= 'kept:' AND key < 'kept;'"  # the prefix, by index


def _columns_digest(session: Session) -> str:
    rows = session.execute(
        text(
            "SELECT m.name, group_concat(p.name, ',') FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
            "WHERE m.type = 'table' GROUP BY m.name ORDER BY m.name"
        )
    ).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def restore_due(session: Session) -> bool:
    """Whether values are kept and the local columns changed since they were last looked at."""
    if session.execute(text(_ANY_KEPT + " LIMIT 1")).first() is None:
        return False
    return state.get(session, CHECKED) != _columns_digest(session)


def restore(session: Session) -> int:
    """Inside a write opened with applying_remote=True: kept values whose column this
    laptop now has go into their rows (where the row has no value of its own yet);
    return how many values went in."""
    columns: dict[str, set[str]] = {}
    restored = 0
    entries = session.execute(text(_ANY_KEPT)).all()
    for entry_key, value in entries:
        _, table, row_id = entry_key.split(":", 2)
        if table not in columns:
            columns[table] = {r[1] for r in session.execute(text(f'PRAGMA table_info("{table}")'))}
        values: dict[str, Any] = json.loads(value or "{}")
        now_known = {c: v for c, v in values.items() if c in columns[table]}
        for column, v in now_known.items():
            done = session.execute(
                text(f'UPDATE "{table}" SET "{column}" = :v WHERE id = :id AND "{column}" IS NULL'),
                {"v": v, "id": row_id},
            )
            restored += done.rowcount or 0  # type: ignore[attr-defined]
        left = {c: v for c, v in values.items() if c not in now_known}
        if left:
            state.put(session, entry_key, json.dumps(left, ensure_ascii=False))
        else:
            session.execute(text("DELETE FROM sync_kv WHERE key = :k"), {"k": entry_key})
    state.put(session, CHECKED, _columns_digest(session))
    return restored
