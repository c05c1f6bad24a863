"""Attachments: scans and photos kept content-addressed in the app-data folder, linked to
any record. The file is stored before its record, so a record never points at nothing;
a file whose record was rolled back is only an unreferenced copy (same hash, reused)."""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.base import Base
from kcdesk.db.files import add_file, file_path
from kcdesk.db.models import Acceptance, Attachment, Survey
from kcdesk.db.types import utcnow
from kcdesk.errors import FieldMessage, LockedError, NotFoundError, ValidationError
from kcdesk.ids import new_id
from kcdesk.text import clean

MAX_FILE_BYTES = 2 * 1024**3  # the server announces its own limit; this guards the laptop's disk


def store_file(files_dir: Path, source: Path) -> tuple[str, int]:
    """Copy a file into the content-addressed store (outside any transaction)."""
    if not source.is_file():
        raise ValidationError({"file": FieldMessage("Không tìm thấy tệp {path}.", path=str(source))})
    if source.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError(
            {"file": FieldMessage("Tệp {path} lớn hơn 2 GB; hãy chia nhỏ hoặc nén lại.", path=str(source))}
        )
    return add_file(files_dir, source)


def link(
    session: Session,
    *,
    sha256: str,
    size: int,
    filename: str,
    owner_table: str,
    owner_id: str,
    doc_type: str | None = None,
    caption: str | None = None,
    taken_at: datetime | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    while_saving_owner: bool = False,
) -> str:
    """Record an already stored file as an attachment of (owner_table, owner_id).
    `while_saving_owner`: the owner's own save links its new files in the same transaction
    (a survey sent with its photos), after checking that the owner could still be changed."""
    table = Base.metadata.tables.get(owner_table)
    if table is None or "id" not in table.columns:
        raise ValidationError({"owner_table": FieldMessage("Không gắn tệp vào '{t}' được.", t=owner_table)})
    if session.execute(select(table.c.id).where(table.c.id == owner_id)).first() is None:
        raise NotFoundError("Không tìm thấy bản ghi {id} để gắn tệp.", id=owner_id)
    if not while_saving_owner:
        refuse_if_closed(session, owner_table, owner_id)
    mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    item = Attachment(
        id=new_id(),
        sha256=sha256,
        size=size,
        mime=mime,
        filename=clean(filename) or sha256,
        owner_table=owner_table,
        owner_id=owner_id,
        doc_type=doc_type,
        caption=clean(caption),
        taken_at=taken_at,
        latitude=latitude,
        longitude=longitude,
    )
    session.add(item)
    session.flush()
    return item.id


def _live(owner_table: str, owner_id: str) -> Any:
    return (
        select(Attachment)
        .where(
            Attachment.owner_table == owner_table,
            Attachment.owner_id == owner_id,
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at)
    )


def attachments_of(session: Session, owner_table: str, owner_id: str) -> list[dict[str, Any]]:
    return [
        {
            "id": a.id,
            "sha256": a.sha256,
            "size": a.size,
            "mime": a.mime,
            "filename": a.filename,
            "doc_type": a.doc_type,
            "caption": a.caption,
            "taken_at": a.taken_at,
        }
        for a in session.scalars(_live(owner_table, owner_id))
    ]


@dataclass(frozen=True)
class NewFile:
    """A file chosen to attach, before it is stored."""

    path: Path
    doc_type: str | None = None  # scan_bien_ban, photo, …
    caption: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    filename: str
    mime: str
    size: int
    sha256: str
    doc_type: str | None
    caption: str | None
    path: Path  # where the file is on this machine (it may not have arrived yet by sync)

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


def add_attachments(
    session: Session, files_dir: Path, owner_table: str, owner_id: str, files: Iterable[NewFile]
) -> list[str]:
    """store_file then link for each file, in the caller's write (the file before its row:
    a rollback leaves only an unused copy)."""
    ids = []
    for f in files:
        sha, size = store_file(files_dir, f.path)
        ids.append(
            link(
                session,
                sha256=sha,
                size=size,
                filename=f.path.name,
                owner_table=owner_table,
                owner_id=owner_id,
                doc_type=f.doc_type,
                caption=f.caption,
                latitude=f.latitude,
                longitude=f.longitude,
            )
        )
    return ids


def attachment_rows(session: Session, files_dir: Path, owner_table: str, owner_id: str) -> list[AttachmentRow]:
    """The attachments of a record with where each file is (or will be) on this machine."""
    return [
        AttachmentRow(a.id, a.filename, a.mime, a.size, a.sha256, a.doc_type, a.caption, file_path(files_dir, a.sha256))
        for a in session.scalars(_live(owner_table, owner_id))
    ]


def local_path(files_dir: Path, sha256: str) -> Path | None:
    """Where the file is on this laptop, or None when it has not been downloaded yet."""
    path = file_path(files_dir, sha256)
    return path if path.exists() else None


def refuse_if_closed(session: Session, owner_table: str, owner_id: str) -> None:
    """A signed acceptance record and a survey that has been sent keep the files they had:
    the window shows their files read-only, and every other path is refused the same way
    (attach the scan of the paper record before signing it)."""
    if owner_table == "acceptance":
        acceptance = session.get(Acceptance, owner_id)
        if acceptance is not None and acceptance.signed_at is not None:
            raise LockedError(
                "Biên bản nghiệm thu đã ký và khóa: không thêm hay bỏ tệp được nữa. "
                "Hãy gắn bản quét biên bản trước khi ký."
            )
    elif owner_table == "survey":
        survey = session.get(Survey, owner_id)
        if survey is not None and survey.status != "draft":
            raise LockedError("Phiếu khảo sát đã gửi: không thêm hay bỏ ảnh được nữa.")


def remove(session: Session, attachment_id: str) -> None:
    """Soft-delete the link; the file stays (other records, or the audit trail, may refer to it)."""
    item = session.get(Attachment, attachment_id)
    if item is None or item.deleted_at is not None:
        raise NotFoundError("Không tìm thấy tệp đính kèm {id}.", id=attachment_id)
    refuse_if_closed(session, item.owner_table, item.owner_id)
    item.deleted_at = utcnow()
    session.flush()
