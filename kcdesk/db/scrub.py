"""Applying an erasure to every copy this database keeps: the records themselves, the audit
trail, stored sync conflicts, refused changes and parked rows, and the search index.

An erasure names its targets as {"table", "row_id", "fields": {field: value after}}: the
values the fields hold once the person's data is gone ("(đã xóa)", empty, a draft without
its personal keys). It never carries the erased values, so it may travel and be kept. The
same function runs on the device that erased (after its own updates), on every device that
pulls the erasure record, and after a backup older than the erasure is restored: each
copy of an erased field is replaced by the value after, wherever this database keeps one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from kcdesk.db.capture import SEARCH_TABLES, existing_tables

Target = Mapping[str, Any]
# The only fields an erasure may set, by table: an erasure record received from elsewhere
# can never rewrite anything else (a money amount, a status), whatever it names.
ERASABLE: dict[str, frozenset[str]] = {
    "facility": frozenset(
        {"name", "representative", "representative_title", "phone", "email", "street", "village", "tax_code", "note"}
    ),
    "survey": frozenset({"draft_facility", "note"}),
    "acceptance_member": frozenset({"full_name", "position", "organisation"}),
    "attachment": frozenset({"deleted_at", "caption", "filename"}),
}


def erasable(target: Target) -> dict[str, Any] | None:
    """The target's fields when every one of them may be erased; None otherwise."""
    fields = target.get("fields")
    allowed = ERASABLE.get(str(target.get("table")))
    if not isinstance(fields, Mapping) or not fields or allowed is None or not isinstance(target.get("row_id"), str):
        return None
    return dict(fields) if set(fields) <= allowed else None


def apply_erasure(session: Session, targets: Iterable[Target]) -> int:
    """Set each target's fields to their values after, then scrub every copy of the values
    before; returns how many stored JSON documents were rewritten."""
    targets = [t for t in targets if erasable(t) is not None]
    if not targets:
        return 0
    # Pages this transaction frees or rewrites are zeroed, so the values erased do not
    # linger in free space of the file (the caller checkpoints the WAL afterwards).
    session.execute(text("PRAGMA secure_delete = ON"))
    tables = existing_tables(session.connection())
    for t in targets:
        fields = dict(t["fields"])
        if t["table"] not in tables:
            continue
        sets = ", ".join(f'"{name}" = :v{i}' for i, name in enumerate(fields))
        params = {f"v{i}": value for i, value in enumerate(fields.values())} | {"id": t["row_id"]}
        session.execute(text(f'UPDATE "{t["table"]}" SET {sets} WHERE id = :id'), params)
    rewritten = 0
    for t in targets:
        rewritten += _scrub_rows(session, t, tables)
    if any(t["table"] in SEARCH_TABLES for t in targets):
        # FTS5 keeps a deleted row's tokens in its segments until they are merged.
        for table in {t["table"] for t in targets if t["table"] in SEARCH_TABLES}:
            session.execute(text(f"INSERT INTO {table}_fts({table}_fts) VALUES ('optimize')"))
    return rewritten


def _scrub_rows(session: Session, target: Target, tables: set[str]) -> int:
    table, row_id, fields = target["table"], target["row_id"], dict(target["fields"])
    count = 0
    where = {"t": table, "r": row_id}
    for sql_table, columns in (
        ("audit_entry", ("before", "after")),
        ("sync_conflict", ("fields", "resolution")),
        ("sync_deadletter", ("payload", "base_payload", "server_row")),
        ("sync_record_state", ("payload",)),
    ):
        if sql_table not in tables:
            continue
        key = {"sync_deadletter": "seq", "sync_record_state": "row_id"}.get(sql_table, "id")
        rows = session.execute(
            text(f"SELECT {key}, {', '.join(columns)} FROM {sql_table} WHERE table_name = :t AND row_id = :r"),
            where,
        ).all()
        for row in rows:
            changes = {}
            for column, value in zip(columns, row[1:], strict=True):
                scrubbed = scrub_json_text(value, fields)
                if scrubbed != value:
                    changes[column] = scrubbed
            if changes:
                sets = ", ".join(f"{c} = :{c}" for c in changes)
                session.execute(
                    text(
                        f"UPDATE {sql_table} SET {sets} WHERE {key} = :k"
                        + (" AND table_name = :t" if key == "row_id" else "")
                    ),
                    {**changes, "k": row[0], "t": table},
                )
                count += 1
    return count


def scrub_json_text(value: str | None, fields: Mapping[str, Any]) -> str | None:
    """A stored JSON document with every erased field's value replaced by its value after:
    a row or a change ({"phone": ...}) and a conflict ({"phone": {"base", "mine", "theirs"}})."""
    if not value:
        return value
    try:
        data = json.loads(value)
    except ValueError:
        return value
    scrubbed = scrub_value(data, fields)
    return value if scrubbed == data else json.dumps(scrubbed, ensure_ascii=False)


def scrub_value(data: Any, fields: Mapping[str, Any]) -> Any:
    if isinstance(data, list):
        return [scrub_value(x, fields) for x in data]
    if not isinstance(data, dict):
        return data
    out = {}
    for key, value in data.items():
        if key in fields:
            after = fields[key]
            if isinstance(value, dict) and set(value) & {"base", "mine", "theirs"}:
                out[key] = {k: (after if k in ("base", "mine", "theirs") else v) for k, v in value.items()}
            else:
                out[key] = after
        else:
            out[key] = scrub_value(value, fields)
    return out


def checkpoint(engine: Engine) -> None:
    """Copy the WAL into the database and empty it, so the old pages it held are gone too."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
