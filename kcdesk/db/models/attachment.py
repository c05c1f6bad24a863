"""Attachments: scans and photos, content-addressed by sha256, linkable to any record."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced


class Attachment(Synced, Base):
    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    mime: Mapped[str] = mapped_column(String(80))
    filename: Mapped[str]
    owner_table: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[str] = mapped_column(String(36))
    doc_type: Mapped[str | None] = mapped_column(String(40))  # e.g. scan_bien_ban, photo
    caption: Mapped[str | None]
    taken_at: Mapped[datetime | None]
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]

    __table_args__ = (Index("ix_attachment_owner", "owner_table", "owner_id"),)
