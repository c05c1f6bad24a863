"""People belong to the server.

An administrator names the person when making an enrolment code (`kcdesk-server enroll
--username ... --full-name ... --role ...`); the server creates that app_user once and
binds every laptop enrolled with such a code to it. app_user rows then flow from the
server to devices only: a device adopts its user at enrolment and never pushes users
(the push path refuses them), so two laptops can no longer each invent a "canbo" user
that collides with the other's.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from kcdesk.ids import new_id
from kcdesk.server import db
from kcdesk.server.counters import append_changes
from kcdesk.server.scopes import own_placement
from kcdesk.sync.wire import TableCodec
from kcdesk.text import nfc

USER_TABLE = "app_user"
MAX_USERNAME = 64


class UserRefused(Exception):
    """The administrator's request does not fit the user already on the server."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def ensure_user(
    conn: Connection,
    codec: TableCodec,
    *,
    username: str,
    full_name: str | None,
    role: str,
    province_code: str | None,
    now: str,
) -> str:
    """The id of the user with this username, created (and logged for its scope) when new."""
    username = nfc(username.strip())
    if not username or len(username) > MAX_USERNAME:
        raise UserRefused("Tên đăng nhập phải có từ 1 đến {limit} ký tự.", limit=MAX_USERNAME)
    t = db.REPLICATED[USER_TABLE]
    found = conn.execute(select(t).where(t.c.username == username)).mappings().first()
    if found is not None:
        if found["role"] != role or (found["province_code"] or None) != province_code:
            # One person, one role and province: a second laptop for the same person must
            # not quietly change what their first laptop may do.
            raise UserRefused(
                "Người dùng {username} đã có trên máy chủ với vai trò {role}, tỉnh {province}; "
                "hãy dùng đúng vai trò và tỉnh đó, hoặc một tên đăng nhập khác.",
                username=username,
                role=found["role"],
                province=found["province_code"] or "-",
            )
        return str(found["id"])
    name = nfc((full_name or "").strip())
    if not name:
        raise UserRefused("Cần họ tên (--full-name) để tạo người dùng mới {username}.", username=username)
    user_id = new_id()
    wire: dict[str, Any] = dict.fromkeys(codec.columns)
    wire.update(codec.defaults)
    wire.update(
        id=user_id,
        username=username,
        full_name=name,
        role=role,
        province_code=province_code,
        active=True,
        row_version=1,
        created_at=now,
        updated_at=now,
    )
    record = codec.row_to_python(wire)
    placement = own_placement(USER_TABLE, wire)
    record.update({db.SCOPE_COL: placement.scope, db.WARD_COL: None, db.DEVICE_COL: None})
    conn.execute(t.insert().values(record))
    append_changes(conn, [(placement.scope, None, USER_TABLE, user_id)], now)
    return user_id


def user_row(conn: Connection, codec: TableCodec, user_id: str | None) -> dict[str, Any] | None:
    """The user in wire form (what a device stores), or None."""
    if not user_id:
        return None
    t = db.REPLICATED[USER_TABLE]
    found = conn.execute(select(t).where(t.c.id == user_id)).mappings().first()
    return codec.row_to_wire(found) if found is not None else None
