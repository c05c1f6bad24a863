"""At enrolment the laptop becomes the server's user's laptop.

`kcdesk init` makes a local placeholder user so that a laptop can work before it ever
meets a server. Users belong to the server, though: the enrolment answer names the person
the administrator enrolled this laptop for, and the device adopts that user, in the same
local transaction that records the enrolment:

- the server's user is stored (as a pulled row: nothing queued for the server) and becomes
  app_meta current_user_id, so every later edit is made by that person;
- a placeholder that never reached a server is dropped: its unsent outbox entries are
  removed (their seqs withdrawn, see kcdesk.sync.withdraw), the rows that point to it are
  re-pointed to the server's user, and changes still in the outbox that name it are sent
  with the server's user instead (an alias), so other laptops never meet an unknown user.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.db.account_columns import ACCOUNT_COLUMNS
from kcdesk.db.base import Base
from kcdesk.db.store import get_meta, set_meta
from kcdesk.sync import state, withdraw
from kcdesk.sync.apply import RowApplier
from kcdesk.sync.errors import SyncError
from kcdesk.sync.wire import TableCodec

USER_TABLE = "app_user"


def user_references() -> list[tuple[str, str]]:
    """(table, column) of every foreign key to a user, from the models themselves."""
    refs = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == USER_TABLE and table.name != USER_TABLE:
                refs.append((table.name, fk.parent.name))
    return refs


def never_pushed(session: Session, user_id: str) -> bool:
    """A user made on this laptop whose creation is still waiting in the outbox."""
    return (
        session.execute(
            text("SELECT 1 FROM sync_outbox WHERE table_name = :t AND row_id = :r AND op = 'insert' LIMIT 1"),
            {"t": USER_TABLE, "r": user_id},
        ).first()
        is not None
    )


def adopt_user(session: Session, codecs: Mapping[str, TableCodec], user: dict[str, Any] | None, first_seq: int) -> None:
    """Run inside the enrolment's write (applying_remote: nothing here is queued)."""
    withdraw.keep_from(session, first_seq)
    if user is None:  # a server without user binding: keep working as the local user
        return
    new_id = str(user["id"])
    old_id = get_meta(session, "current_user_id")
    placeholder = old_id if old_id and old_id != new_id and never_pushed(session, old_id) else None
    account: dict[str, Any] | None = None
    if placeholder is not None:
        # The placeholder's sign-in (its password, kcdesk.db.account_columns) is the person's
        # on this laptop: the server's user takes it over, it never travels.
        cols = ", ".join(f'"{c}"' for c in sorted(ACCOUNT_COLUMNS))
        found = session.execute(text(f"SELECT {cols} FROM {USER_TABLE} WHERE id = :id"), {"id": placeholder})
        row = found.mappings().first()
        account = dict(row) if row is not None and row["password_hash"] is not None else None
        withdraw.drop_entries(session, USER_TABLE, placeholder)
        # The placeholder may hold the same username as the server's user: it goes first,
        # and the foreign keys are checked at commit, once its references are re-pointed.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        session.execute(text(f"DELETE FROM {USER_TABLE} WHERE id = :id"), {"id": placeholder})
    RowApplier(session, codecs).upsert(USER_TABLE, [user], pending=set())
    if session.execute(text(f"SELECT 1 FROM {USER_TABLE} WHERE id = :id"), {"id": new_id}).first() is None:
        raise SyncError(
            "Tên đăng nhập {username} đã có trên máy này cho một người khác; không nhận được người dùng từ máy chủ.",
            username=str(user.get("username", "")),
        )
    if account is not None:
        sets = ", ".join(f'"{c}" = :{c}' for c in account)
        session.execute(
            text(f"UPDATE {USER_TABLE} SET {sets} WHERE id = :id AND password_hash IS NULL"), {**account, "id": new_id}
        )
    if placeholder is not None:
        for table, column in user_references():
            session.execute(
                text(f'UPDATE "{table}" SET "{column}" = :new WHERE "{column}" = :old'),
                {"new": new_id, "old": placeholder},
            )
        aliases: dict[str, str] = state.get_json(session, state.USER_ALIASES) or {}
        aliases = {k: (new_id if v == placeholder else v) for k, v in aliases.items()}
        aliases[placeholder] = new_id
        state.put_json(session, state.USER_ALIASES, aliases)
    set_meta(session, "current_user_id", new_id)
