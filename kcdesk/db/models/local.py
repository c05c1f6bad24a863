"""Tables that never sync: settings, the capture context, the audit trail and the outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import SQL_NOW, Base


class AppMeta(Base):
    """Small typed facts about this database: province, centre, device, demo flag."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str | None]


class CaptureContext(Base):
    """One row read by the capture triggers: who writes, from which device, and whether
    the sync apply path is writing (then nothing goes to the outbox, so pulled changes
    never echo back). Set inside the writing transaction, so other connections never
    see a half-set context."""

    __tablename__ = "kc_context"

    id: Mapped[int] = mapped_column(primary_key=True)
    applying_remote: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    origin: Mapped[str] = mapped_column(String(10), default="local", server_default=text("'local'"))
    # Set by kcdesk.db.bulk while it inserts many rows at once: the per-row insert triggers
    # stand aside and the same audit, outbox and index rows are then written set-based.
    bulk: Mapped[int] = mapped_column(default=0, server_default=text("0"))

    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class AuditEntry(Base):
    """Every change to a synced table: who, when, which device, fields before and after.

    Written by the capture triggers (raw SQL included), so the trail cannot be bypassed.
    `before`/`after` hold JSON objects of the changed fields only (all non-null fields on
    insert and delete).
    """

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(server_default=SQL_NOW)
    user_id: Mapped[str | None] = mapped_column(String(36))
    device_id: Mapped[str | None] = mapped_column(String(36))
    origin: Mapped[str] = mapped_column(String(10))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete | restore
    before: Mapped[str | None]
    after: Mapped[str | None]

    __table_args__ = (Index("ix_audit_entry_row", "table_name", "row_id"),)


class OutboxEntry(Base):
    """A local change waiting for the server, in the order it was made.

    `seq` is the device's sequence number (AUTOINCREMENT: never reused after entries are
    acknowledged and removed). The changed fields and their base values are in the audit
    entry; `base_version` is the row's server version when the change was made.
    """

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_row", "table_name", "row_id"), {"sqlite_autoincrement": True})

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    # 128 random bits made by the trigger; the server's unique key on (device, mutation_id)
    # catches the impossible collision. No local unique index: inserting random keys into a
    # b-tree is what made large writes slow.
    mutation_id: Mapped[str] = mapped_column(String(32))
    audit_id: Mapped[int]
    device_id: Mapped[str | None] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(8))
    base_version: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(server_default=SQL_NOW)
