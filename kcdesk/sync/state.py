"""Small local sync facts (sync_kv) and cursors, read and written inside the caller's
session so they commit together with the data they describe."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

SERVER_URL = "server_url"
DEVICE_ID = "device_id"
SERVER_EPOCH = "server_epoch"
GRANT = "grant"  # JSON: role, province_code, communes
CA_FILE = "ca_file"
LAST_SUCCESS = "last_success"
LAST_ATTEMPT = "last_attempt"
LAST_ERROR = "last_error"  # JSON: message, params, at
CLOCK_SKEW = "clock_skew_seconds"
REVOKED = "revoked"
USER_ALIASES = "user_aliases"  # JSON: placeholder user id -> the server's user it became


def now_text() -> str:
    at = datetime.now(UTC)
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def get(session: Session, key: str) -> str | None:
    row = session.execute(text("SELECT value FROM sync_kv WHERE key = :k"), {"k": key}).first()
    return None if row is None else row[0]


def get_json(session: Session, key: str) -> Any:
    value = get(session, key)
    return None if value is None else json.loads(value)


def put(session: Session, key: str, value: str | None) -> None:
    session.execute(
        text("INSERT INTO sync_kv (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {"k": key, "v": value},
    )


def put_json(session: Session, key: str, value: Any) -> None:
    put(session, key, json.dumps(value, ensure_ascii=False))


def cursor(session: Session, scope: str) -> tuple[int, str | None] | None:
    row = session.execute(text("SELECT cursor, view_key FROM sync_cursor WHERE scope = :s"), {"s": scope}).first()
    return None if row is None else (int(row[0]), row[1])


def set_cursor(session: Session, scope: str, value: int, view_key: str) -> None:
    session.execute(
        text(
            "INSERT INTO sync_cursor (scope, cursor, view_key, updated_at) VALUES (:s, :c, :v, :t) "
            "ON CONFLICT(scope) DO UPDATE SET cursor = excluded.cursor, view_key = excluded.view_key, "
            "updated_at = excluded.updated_at"
        ),
        {"s": scope, "c": value, "v": view_key, "t": now_text()},
    )


def reset_cursors(session: Session) -> None:
    session.execute(text("DELETE FROM sync_cursor"))


def pending_rows(session: Session) -> set[tuple[str, str]]:
    """Records with changes not yet acknowledged by the server (never overwritten by a pull)."""
    rows = session.execute(text("SELECT DISTINCT table_name, row_id FROM sync_outbox"))
    return {(r[0], r[1]) for r in rows}


def dead_letter_rows(session: Session) -> set[tuple[str, str]]:
    rows = session.execute(text("SELECT DISTINCT table_name, row_id FROM sync_deadletter"))
    return {(r[0], r[1]) for r in rows}


def view_key(scope: str, communes: list[str] | None) -> str:
    return scope if communes is None else f"{scope}:{','.join(sorted(communes))}"
