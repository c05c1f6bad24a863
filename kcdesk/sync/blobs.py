"""Attachment files: sent and fetched separately from records, which never wait for them.

Uploads go in chunks, each with its sha256, resuming at the offset the server reports;
downloads go by HTTP Range into a partial file, checked by sha256 before they join the
local store. A missing or oversized file is marked on its own and never blocks the rest.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.atomic_write import replace_synced, write_bytes
from kcdesk.db import sealed
from kcdesk.db.files import file_path, readable_path, sha256_of
from kcdesk.db.store import Store
from kcdesk.progress import Progress
from kcdesk.sync.download import fetch_range, work_dir
from kcdesk.sync.errors import Offline
from kcdesk.sync.protocol import API_PREFIX, Limits, UploadState
from kcdesk.sync.state import now_text
from kcdesk.sync.transport import Transport, detail, detail_code

CHUNK_RETRIES = 8


def _mark(
    store: Store,
    sha: str,
    direction: str,
    status: str,
    size: int | None,
    error: str | None = None,
    upload_id: str | None = None,
) -> None:
    def write(s: Session) -> None:
        s.execute(
            text(
                "INSERT INTO sync_blob (sha256, direction, state, size, upload_id, error, updated_at) VALUES "
                "(:s, :d, :st, :size, :u, :e, :at) ON CONFLICT(sha256) DO UPDATE SET direction = excluded.direction, "
                "state = excluded.state, size = excluded.size, upload_id = excluded.upload_id, error = excluded.error, "
                "updated_at = excluded.updated_at"
            ),
            {"s": sha, "d": direction, "st": status, "size": size, "u": upload_id, "e": error, "at": now_text()},
        )

    store.write(write, applying_remote=True)


def candidates(store: Store) -> list[tuple[str, int]]:
    """Attachment files not yet settled (sent, fetched, or marked with a problem)."""
    with store.read() as s:
        rows = s.execute(
            text(
                "SELECT DISTINCT a.sha256, a.size FROM attachment AS a LEFT JOIN sync_blob AS b ON b.sha256 = a.sha256 "
                "WHERE a.deleted_at IS NULL AND (b.state IS NULL OR b.state IN ('pending', 'failed', 'missing'))"
            )
        ).all()
    return [(r[0], int(r[1] or 0)) for r in rows]


def sync_files(
    store: Store,
    transport: Transport,
    limits: Limits,
    progress: Progress,
) -> tuple[int, int]:
    up = down = 0
    for sha, size in candidates(store):
        if progress.cancelled:  # the push that follows says Cancelled
            break
        local = file_path(store.files_dir, sha)
        if size > limits.max_file_bytes:
            _mark(
                store,
                sha,
                "up" if local.exists() else "down",
                "too_large",
                size,
                f"Tệp lớn hơn giới hạn {limits.max_file_bytes} byte của máy chủ",
            )
            continue
        info = transport.call("GET", f"{API_PREFIX}/blobs/{sha}/info")
        on_server = info.status_code == 200
        try:
            if local.exists() and not on_server:
                upload(store, transport, sha, local, progress)
                up += 1
                _mark(store, sha, "up", "done", size)
            elif local.exists():
                _mark(store, sha, "up", "done", size)
            elif on_server:
                download(store, transport, sha, size, progress)
                down += 1
                _mark(store, sha, "down", "done", size)
            else:
                _mark(store, sha, "up", "missing", size, "Không tìm thấy tệp đính kèm trên máy này")
        except Offline:
            raise
        except FileRefused as exc:
            _mark(store, sha, "up", exc.state, size, exc.reason)
    return up, down


class FileRefused(Exception):
    def __init__(self, state: str, reason: str) -> None:
        super().__init__(reason)
        self.state = state
        self.reason = reason


def upload(store: Store, transport: Transport, sha: str, path: Path, progress: Progress) -> None:
    path = readable_path(path)  # a sealed file goes up as its plain content (its sha256)
    size = path.stat().st_size
    response = transport.call("POST", f"{API_PREFIX}/uploads", json_body={"sha256": sha, "size": size})
    if response.status_code == 413:
        raise FileRefused("too_large", str(detail(response).get("message", "")))
    if response.status_code != 200:
        raise FileRefused("failed", str(detail(response).get("message", "")))
    st = UploadState.model_validate(response.json())
    if st.complete:
        return
    failures = 0
    with path.open("rb") as fh:
        while st.received < size:
            fh.seek(st.received)
            chunk = fh.read(st.chunk_bytes)
            response = transport.call(
                "PUT",
                f"{API_PREFIX}/uploads/{st.upload_id}",
                content=chunk,
                params={"offset": st.received},
                headers={
                    "X-Chunk-Sha256": hashlib.sha256(chunk).hexdigest(),
                    "Content-Type": "application/octet-stream",
                },
            )
            if response.status_code == 200:
                st = UploadState.model_validate(response.json())
                progress.step(st.received, size, f"file:{sha[:8]}")  # the server keeps what arrived
                failures = 0
                continue
            failures += 1
            if failures > CHUNK_RETRIES:
                raise Offline("Gửi tệp đính kèm không thành công; sẽ thử lại ở lần sau.")
            code = detail_code(response)
            if code == "offset":  # the server has a different amount: continue from there
                st = st.model_copy(update={"received": int(detail(response).get("params", {}).get("expected", 0))})
            elif code == "no_upload":
                raise Offline("Phiên gửi tệp đã hết hạn; sẽ bắt đầu lại ở lần sau.")
            # chunk_hash: the chunk was damaged on the way; the loop sends it again
    response = transport.call("POST", f"{API_PREFIX}/uploads/{st.upload_id}/finish")
    if response.status_code != 200:
        raise Offline("Tệp đến máy chủ bị sai mã băm; sẽ gửi lại.")


def download(
    store: Store,
    transport: Transport,
    sha: str,
    size: int,
    progress: Progress,
) -> None:
    part = work_dir(store) / f"{sha}.part"
    have = part.stat().st_size if part.exists() else 0
    if have > size:
        part.unlink()
        have = 0
    fetch_range(transport, f"{API_PREFIX}/blobs/{sha}", part, have, size, progress, f"file:{sha[:8]}")
    if sha256_of(part) != sha:
        part.unlink()
        raise Offline("Tệp tải về bị hỏng (sai mã băm); sẽ tải lại.")
    target = file_path(store.files_dir, sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    key = sealed.key_for_files(store.files_dir)
    if key is not None:  # beside an encrypted database the file is kept sealed
        write_bytes(target, sealed.seal(key, sha, part.read_bytes()))
        part.unlink()
        return
    replace_synced(part, target)
