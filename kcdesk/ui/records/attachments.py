"""Attachments (scans, photos) of any record as the window handles them: files chosen in a
panel are stored and linked by the core (kcdesk.services.attachments) in the caller's
write; the list and the soft removal are read and written here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.files import file_path
from kcdesk.db.models import Attachment
from kcdesk.db.types import utcnow
from kcdesk.services import attachments


@dataclass(frozen=True)
class NewFile:
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
    """The core's store_file then link for each file (the file before its row: a rollback
    leaves only an unused copy)."""
    ids = []
    for f in files:
        sha, size = attachments.store_file(files_dir, f.path)
        ids.append(
            attachments.link(
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


def list_attachments(session: Session, files_dir: Path, owner_table: str, owner_id: str) -> list[AttachmentRow]:
    rows = session.scalars(
        select(Attachment)
        .where(
            Attachment.owner_table == owner_table,
            Attachment.owner_id == owner_id,
            Attachment.deleted_at.is_(None),
        )
        .order_by(Attachment.created_at)
    )
    return [
        AttachmentRow(a.id, a.filename, a.mime, a.size, a.sha256, a.doc_type, a.caption, file_path(files_dir, a.sha256))
        for a in rows
    ]


def remove_attachment(session: Session, attachment_id: str) -> None:
    """Soft delete (the file stays: another record may share it, and sync needs the tombstone)."""
    row = session.get(Attachment, attachment_id)
    if row is not None and row.deleted_at is None:
        row.deleted_at = utcnow()
        session.flush()


def count_by_owner(session: Session, owner_table: str, owner_ids: Iterable[str]) -> dict[str, int]:
    from sqlalchemy import func

    ids = list(owner_ids)
    rows = session.execute(
        select(Attachment.owner_id, func.count())
        .where(
            Attachment.owner_table == owner_table,
            Attachment.owner_id.in_(ids),
            Attachment.deleted_at.is_(None),
        )
        .group_by(Attachment.owner_id)
    )
    return {k: int(v) for k, v in rows}
