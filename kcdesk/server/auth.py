"""Enrolment codes, device refresh tokens and short-lived access tokens.

An administrator makes a one-time code for a role and scope; a device trades it for its
id and a refresh token (only hashes are stored here). The refresh token buys access
tokens that expire after minutes; every request also checks that the device is not
revoked, so a revocation takes effect at the device's next request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select, update

from kcdesk.ids import new_id
from kcdesk.server import db
from kcdesk.server.assignments import assign_communes, device_communes
from kcdesk.server.scopes import DeviceGrant
from kcdesk.sync.wire import TableCodec

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read over the phone


class AuthFailure(Exception):
    """401 (unknown or expired credentials) or 403 (revoked device)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message


def now_text(at: datetime | None = None) -> str:
    at = at or datetime.now(UTC)
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(db.server_meta.c.value).where(db.server_meta.c.key == key)).scalar_one_or_none()


def ensure_identity(conn: Connection) -> None:
    """The server's epoch (a new one after a restore from backup). The token secret lives
    outside the database (kcdesk.server.token_secret)."""
    if meta(conn, "server_epoch") is None:
        conn.execute(db.server_meta.insert().values(key="server_epoch", value=new_id()))


def make_enrol_code(
    conn: Connection,
    role: str,
    province_code: str | None,
    communes: list[str],
    user_id: str | None = None,
    valid_days: int = 7,
) -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))
    code = f"{raw[:5]}-{raw[5:]}"
    now = datetime.now(UTC)
    conn.execute(
        db.enrol_code.insert().values(
            code_hash=_hash(normalise_code(code)),
            role=role,
            province_code=province_code,
            communes=json.dumps(sorted(communes)),
            created_at=now_text(now),
            expires_at=now_text(now + timedelta(days=valid_days)),
            user_id=user_id,
        )
    )
    return code


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def enrol(
    conn: Connection, code: str, device_name: str, first_seq: int, app_version: str, refresh_ttl: int
) -> tuple[str, str, dict[str, Any]]:
    t = db.enrol_code
    row = conn.execute(select(t).where(t.c.code_hash == _hash(normalise_code(code)))).mappings().first()
    at = datetime.now(UTC)
    now = now_text(at)
    if row is None or row["used_at"] is not None or row["expires_at"] < now:
        raise AuthFailure(401, "bad_code", "Mã đăng ký không đúng, đã dùng hoặc đã hết hạn.")
    device_id = new_id()
    token = secrets.token_urlsafe(32)
    conn.execute(update(t).where(t.c.code_hash == row["code_hash"]).values(used_at=now, device_id=device_id))
    conn.execute(
        db.device.insert().values(
            id=device_id,
            name=device_name or device_id[:8],
            role=row["role"],
            province_code=row["province_code"],
            communes=row["communes"],
            token_hash=_hash(token),
            token_expires_at=now_text(at + timedelta(seconds=refresh_ttl)),
            token_rotated_at=now,
            last_seq=first_seq - 1,
            created_at=now,
            app_version=app_version,
            user_id=row["user_id"],
        )
    )
    return device_id, token, dict(row)


@dataclass(frozen=True)
class Tokens:
    access: str
    refresh: str  # the device's next refresh token (the one it sent is now spent)
    refresh_expires_in: int


BAD_REFRESH = "Thiết bị chưa đăng ký hoặc khóa thiết bị không đúng (hoặc đã được thay bằng khóa mới)."


def issue_tokens(
    conn: Connection, secret: str, device_id: str, refresh_token: str, access_ttl: int, refresh_ttl: int
) -> Tokens:
    """Trade a refresh token for an access token and the next refresh token (rotation).

    The next token is derived from the spent one (HMAC with the server's secret), so an
    answer lost on the way is simply asked for again: the spent token still buys the same
    successor as long as that successor has never been used. Once it has been, the spent
    token is refused for good (a copied token is worth one rotation at most). Runs in a
    write transaction: the device's row is locked, so two workers rotate it one at a time.
    """
    t = db.device
    stmt = select(t).where(t.c.id == device_id)
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = conn.execute(stmt).mappings().first()
    presented = _hash(refresh_token)
    if row is None:
        raise AuthFailure(401, "bad_token", BAD_REFRESH)
    current, previous = row["token_hash"], row["prev_token_hash"]
    at = datetime.now(UTC)
    if hmac.compare_digest(current, presented):
        spent = current
    elif (
        previous
        and hmac.compare_digest(previous, presented)
        and _hash(_successor(secret, device_id, previous)) == current
    ):
        spent = previous  # its successor was never used: the answer carrying it was lost
    else:
        raise AuthFailure(401, "bad_token", BAD_REFRESH)
    if row["revoked_at"]:
        raise AuthFailure(403, "revoked", "Thiết bị đã bị thu hồi quyền đồng bộ. Dữ liệu trên máy được giữ nguyên.")
    expires_at = row["token_expires_at"]
    if expires_at and expires_at < now_text(at):
        raise AuthFailure(
            401,
            "refresh_expired",
            "Khóa thiết bị đã hết hạn vì lâu không đồng bộ; hãy xin mã đăng ký mới và đăng ký lại "
            "(dữ liệu và thay đổi chưa gửi vẫn giữ trên máy).",
        )
    successor = _successor(secret, device_id, spent)
    if spent == current:
        expires_at = now_text(at + timedelta(seconds=refresh_ttl))
        conn.execute(
            update(t)
            .where(t.c.id == device_id)
            .values(
                token_hash=_hash(successor),
                prev_token_hash=current,
                token_expires_at=expires_at,
                token_rotated_at=now_text(at),
            )
        )
    left = int((datetime.fromisoformat(expires_at.replace("Z", "+00:00")) - at).total_seconds())
    expires = int(time.time()) + access_ttl
    access = f"{device_id}.{expires}.{_sign(secret, device_id, expires)}"
    return Tokens(access, successor, max(0, left))


def _successor(secret: str, device_id: str, spent_hash: str) -> str:
    digest = hmac.new(secret.encode(), f"refresh|{device_id}|{spent_hash}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _sign(secret: str, device_id: str, expires: int) -> str:
    return hmac.new(secret.encode(), f"{device_id}.{expires}".encode(), hashlib.sha256).hexdigest()[:40]


# device id, expiry (seconds since 1970, at most 12 digits: year 33658), signature
_ACCESS_TOKEN = re.compile(r"([0-9a-f-]{1,64})\.([0-9]{1,12})\.([0-9a-f]{40})")


def check_access_token(conn: Connection, token: str, secret: str) -> DeviceGrant:
    found = _ACCESS_TOKEN.fullmatch(token)
    if found is None:
        raise AuthFailure(401, "bad_token", "Thiếu hoặc sai mã truy cập.")
    device_id, expires_text, signature = found.groups()
    expires = int(expires_text)
    if not hmac.compare_digest(signature, _sign(secret, device_id, expires)):
        raise AuthFailure(401, "bad_token", "Thiếu hoặc sai mã truy cập.")
    if expires < time.time():
        raise AuthFailure(401, "token_expired", "Mã truy cập đã hết hạn; cần lấy mã mới.")
    return load_grant(conn, device_id)


def load_grant(conn: Connection, device_id: str, lock: bool = False) -> DeviceGrant:
    stmt = select(db.device).where(db.device.c.id == device_id)
    if lock and conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    row = conn.execute(stmt).mappings().first()
    if row is None:
        raise AuthFailure(401, "bad_token", "Thiết bị chưa đăng ký.")
    if row["revoked_at"]:
        raise AuthFailure(403, "revoked", "Thiết bị đã bị thu hồi quyền đồng bộ. Dữ liệu trên máy được giữ nguyên.")
    return DeviceGrant(row["id"], row["role"], row["province_code"], device_communes(conn, row))


@dataclass
class DeviceRow:
    id: str
    name: str
    role: str
    province_code: str | None
    communes: list[str]
    last_seq: int
    created_at: str
    revoked_at: str | None
    last_seen_at: str | None
    last_push_at: str | None
    outbox_depth: int | None


def list_devices(conn: Connection) -> list[DeviceRow]:
    t = db.device
    return [
        DeviceRow(
            r["id"],
            r["name"],
            r["role"],
            r["province_code"],
            list(device_communes(conn, r)),  # as the device's grant has them now
            r["last_seq"],
            r["created_at"],
            r["revoked_at"],
            r["last_seen_at"],
            r["last_push_at"],
            r["outbox_depth"],
        )
        for r in conn.execute(select(t).order_by(t.c.created_at)).mappings()
    ]


def revoke(conn: Connection, device_id: str) -> bool:
    t = db.device
    result = conn.execute(
        update(t).where(t.c.id.startswith(device_id), t.c.revoked_at.is_(None)).values(revoked_at=now_text())
    )
    return bool(result.rowcount)


def assign(conn: Connection, device_id: str, communes: list[str], codec: TableCodec | None = None) -> bool:
    """Change a collaborator's communes: the collaborator_commune rows of the device's user
    (every laptop of that person), or the device's own list for a device without a user.
    Each device re-pulls its new view at its next sync; rows of communes it lost are
    evicted from it."""
    t = db.device
    row = conn.execute(select(t).where(t.c.id == device_id)).mappings().first()
    if row is None:
        return False
    if row["user_id"]:
        if codec is None:
            from kcdesk.db.base import Base

            codec = TableCodec(Base.metadata.tables["collaborator_commune"])
        assign_communes(conn, codec, row["user_id"], communes, now_text())
    else:
        conn.execute(update(t).where(t.c.id == device_id).values(communes=json.dumps(sorted(communes))))
    return True
