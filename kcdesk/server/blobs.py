"""Attachment files on the server: resumable chunked uploads checked by sha256.

A device starts (or resumes) an upload for a sha256 and size, sends chunks at the offset
the server says it has, each with its own sha256, and finishes: the server hashes the
whole file before it becomes a blob, and the device becomes one of its holders (see
kcdesk.server.blob_rights: only a device with a right to a file hears that the server
already has it). A chunk that arrives damaged is refused alone; the device resends just
that chunk. Blobs live on the filesystem under their hash.

Several workers may serve one device's upload: the upload's row is locked while a chunk
is written or the upload finishes, so its chunks land one at a time, in order.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kcdesk.atomic_write import replace_synced
from kcdesk.ids import new_id
from kcdesk.server import db
from kcdesk.server.auth import now_text
from kcdesk.server.blob_rights import add_holder
from kcdesk.sync.protocol import UploadState


class BlobRefusal(Exception):
    def __init__(self, status: int, code: str, message: str, **params: object) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.params = params


class BlobStore:
    def __init__(self, root: Path, chunk_bytes: int, max_file_bytes: int) -> None:
        self.root = root
        self.chunk_bytes = chunk_bytes
        self.max_file_bytes = max_file_bytes
        for folder in (root, root / "blobs", root / "uploads", root / "snapshots"):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    def path(self, sha256: str) -> Path:
        return self.root / "blobs" / sha256[:2] / sha256

    def _part(self, upload_id: str) -> Path:
        return self.root / "uploads" / f"{upload_id}.part"

    def exists(self, conn: Connection, sha256: str) -> int | None:
        """The size of a stored file (for callers that checked the right to know)."""
        size = conn.execute(select(db.blob.c.size).where(db.blob.c.sha256 == sha256)).scalar_one_or_none()
        return None if size is None or not self.path(sha256).exists() else int(size)

    def start(self, conn: Connection, device_id: str, sha256: str, size: int, may_know: bool) -> UploadState:
        """Start or resume this device's upload; "complete" at once only for a file the
        server has and the device may know of (otherwise the bytes prove the right)."""
        if size > self.max_file_bytes:
            raise BlobRefusal(
                413, "too_large", "Tệp {size} byte vượt giới hạn {limit} byte.", size=size, limit=self.max_file_bytes
            )
        if may_know and self.exists(conn, sha256) is not None:
            return UploadState(upload_id="", received=size, size=size, chunk_bytes=self.chunk_bytes, complete=True)
        t = db.upload
        stmt = select(t).where(t.c.device_id == device_id, t.c.sha256 == sha256)
        if conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = conn.execute(stmt).mappings().first()
        if row is not None and row["size"] == size:
            received = self._part(row["id"]).stat().st_size if self._part(row["id"]).exists() else 0
            received = min(received, int(row["received"]))
            return UploadState(upload_id=row["id"], received=received, size=size, chunk_bytes=self.chunk_bytes)
        if row is not None:
            conn.execute(delete(t).where(t.c.id == row["id"]))
            self._part(row["id"]).unlink(missing_ok=True)
        upload_id = new_id()
        self._part(upload_id).write_bytes(b"")
        insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        made = conn.execute(
            insert(t)
            .values(id=upload_id, device_id=device_id, sha256=sha256, size=size, received=0, created_at=now_text())
            .on_conflict_do_nothing(index_elements=["device_id", "sha256"])
        )
        if not made.rowcount:  # the same device started it on another worker a moment ago
            self._part(upload_id).unlink(missing_ok=True)
            return self.start(conn, device_id, sha256, size, may_know)
        return UploadState(upload_id=upload_id, received=0, size=size, chunk_bytes=self.chunk_bytes)

    def _upload(self, conn: Connection, device_id: str, upload_id: str) -> dict[str, object]:
        t = db.upload
        stmt = select(t).where(t.c.id == upload_id, t.c.device_id == device_id)
        if conn.dialect.name == "postgresql":
            stmt = stmt.with_for_update()
        row = conn.execute(stmt).mappings().first()
        if row is None:
            raise BlobRefusal(404, "no_upload", "Không có phiên tải lên này; hãy bắt đầu lại.")
        return dict(row)

    def put_chunk(
        self, conn: Connection, device_id: str, upload_id: str, offset: int, data: bytes, chunk_sha256: str
    ) -> UploadState:
        row = self._upload(conn, device_id, upload_id)
        size, received = int(row["size"]), int(row["received"])  # type: ignore[call-overload]
        if hashlib.sha256(data).hexdigest() != chunk_sha256:
            raise BlobRefusal(422, "chunk_hash", "Đoạn tệp bị hỏng trên đường truyền (sai mã băm); hãy gửi lại.")
        if offset != received:
            raise BlobRefusal(409, "offset", "Máy chủ đang chờ đoạn tại vị trí {expected}.", expected=received)
        if offset + len(data) > size or len(data) > self.chunk_bytes:
            raise BlobRefusal(413, "chunk_size", "Đoạn tệp vượt kích thước đã khai báo.")
        part = self._part(upload_id)
        with part.open("r+b") as fh:
            fh.seek(offset)
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
        received = offset + len(data)
        conn.execute(update(db.upload).where(db.upload.c.id == upload_id).values(received=received))
        return UploadState(upload_id=upload_id, received=received, size=size, chunk_bytes=self.chunk_bytes)

    def finish(self, conn: Connection, device_id: str, upload_id: str) -> UploadState:
        row = self._upload(conn, device_id, upload_id)
        size, sha256 = int(row["size"]), str(row["sha256"])  # type: ignore[call-overload]
        part = self._part(upload_id)
        digest = hashlib.sha256()
        with part.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        if part.stat().st_size != size or digest.hexdigest() != sha256:
            conn.execute(update(db.upload).where(db.upload.c.id == upload_id).values(received=0))
            part.write_bytes(b"")
            raise BlobRefusal(422, "file_hash", "Tệp nhận được không khớp mã băm; cần gửi lại từ đầu.")
        target = self.path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if target.exists():  # the same bytes, sent by someone before: this upload proved the right
            part.unlink(missing_ok=True)
        else:
            replace_synced(part, target)
        conn.execute(delete(db.upload).where(db.upload.c.id == upload_id))
        insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        conn.execute(
            insert(db.blob)
            .values(sha256=sha256, size=size, created_at=now_text())
            .on_conflict_do_nothing(index_elements=["sha256"])
        )
        add_holder(conn, sha256, device_id, now_text())
        return UploadState(upload_id=upload_id, received=size, size=size, chunk_bytes=self.chunk_bytes, complete=True)
