"""What a device can do outside the app: raw protocol requests with its own token."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import text

from kcdesk.db.files import add_bytes
from kcdesk.ids import new_id
from kcdesk.sync.client import SyncClient

HANOI_WARD = "00004"  # Phường Ba Đình, Hà Nội (01)


def raw(device: Any) -> Any:
    """The device's own Transport (its token), for requests the app would never make."""
    return SyncClient(device.store).transport()


def attach(device: Any, owner_id: str, data: bytes | None = None, sha: str | None = None, size: int = 0) -> str:
    """An attachment row on `owner_id` naming a file: bytes this laptop has, or just a hash."""
    if data is not None:
        sha, size = add_bytes(device.store.files_dir, data)
    row_id = new_id()
    device.store.write(
        lambda s: s.execute(
            text(
                "INSERT INTO attachment (id, sha256, size, mime, filename, owner_table, owner_id) "
                "VALUES (:id, :sha, :size, 'application/pdf', 'bien-ban.pdf', 'facility', :o)"
            ),
            {"id": row_id, "sha": sha, "size": size, "o": owner_id},
        )
    )
    return row_id


def enrolled_tokens(server: Any, **grant: Any) -> dict[str, str]:
    """A device enrolled by hand: its id, refresh token and a first access token."""
    enrolled = httpx.post(f"{server.url}/sync/v1/enrol", json={"code": server.code(**grant)}).json()
    answer = httpx.post(
        f"{server.url}/sync/v1/token",
        json={"device_id": enrolled["device_id"], "refresh_token": enrolled["refresh_token"]},
    ).json()
    return {
        "device_id": enrolled["device_id"],
        "refresh_token": answer["refresh_token"],
        "access_token": answer["access_token"],
    }
