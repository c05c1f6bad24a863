"""Local sync bookkeeping (never synced): cursors, dead letters, conflicts, record flags,
parked rows, the attachment-file queue and a few facts about the server."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base


class SyncCursor(Base):
    """How far this device has pulled each scope (server cursor, in commit order)."""

    __tablename__ = "sync_cursor"

    scope: Mapped[str] = mapped_column(String(8), primary_key=True)
    cursor: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    view_key: Mapped[str | None] = mapped_column(String(200))  # which communes the cursor is for
    updated_at: Mapped[str | None] = mapped_column(String(30))


class SyncDeadLetter(Base):
    """A change the server refused, kept with its reason; it never blocks the others."""

    __tablename__ = "sync_deadletter"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    mutation_id: Mapped[str] = mapped_column(String(64))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(8))
    base_version: Mapped[int]
    payload: Mapped[str | None]  # JSON: the changed fields' new values
    base_payload: Mapped[str | None]  # JSON: their values before the change
    code: Mapped[str] = mapped_column(String(40))
    message: Mapped[str]  # Vietnamese source text; shown through tr()
    params: Mapped[str | None]  # JSON
    blocked_by: Mapped[int | None]  # seq of the refused change this one depends on
    server_row: Mapped[str | None]  # JSON: the server's row when it was refused
    rejected_at: Mapped[str] = mapped_column(String(30))

    __table_args__ = (Index("ix_sync_deadletter_row", "table_name", "row_id"),)


class SyncConflict(Base):
    """A field two devices changed differently (or an edit of a deleted record)."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    fields: Mapped[str]  # JSON: field -> {"base", "mine", "theirs"}
    winner_device: Mapped[str | None] = mapped_column(String(36))
    loser_device: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[str] = mapped_column(String(30))
    resolved_at: Mapped[str | None] = mapped_column(String(30))
    resolution: Mapped[str | None]  # JSON
    resolution_pending: Mapped[int] = mapped_column(default=0, server_default=text("0"))  # resolved here, not yet sent

    __table_args__ = (Index("ix_sync_conflict_row", "table_name", "row_id"),)


class SyncRecordState(Base):
    """A flag on one record: left this device's scope but kept (pending edits or still
    referenced), or waiting for its parent to arrive."""

    __tablename__ = "sync_record_state"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # out_of_scope | parked
    note: Mapped[str | None]
    payload: Mapped[str | None]  # JSON row for parked rows
    updated_at: Mapped[str] = mapped_column(String(30))


class SyncBlob(Base):
    """An attachment file to send or fetch, and how far that got."""

    __tablename__ = "sync_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    direction: Mapped[str] = mapped_column(String(4))  # up | down
    state: Mapped[str] = mapped_column(String(12))  # pending | done | missing | too_large | failed
    size: Mapped[int | None]
    upload_id: Mapped[str | None] = mapped_column(String(36))
    error: Mapped[str | None]
    updated_at: Mapped[str] = mapped_column(String(30))


class SyncKV(Base):
    """Small facts: the server URL and epoch, this device's grant, last success and error."""

    __tablename__ = "sync_kv"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str | None]
