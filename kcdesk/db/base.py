"""Declarative base, naming convention and the columns every synced record carries."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import MetaData, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kcdesk.db.types import UTCDateTime, VNText, utcnow
from kcdesk.ids import new_id

# Named constraints: Alembic's batch mode on SQLite can only alter what it can name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The SQL fallback for ids written by raw SQL that forgot one: a random (v4-shaped) UUID.
# The core always supplies UUIDv7 itself.
SQL_UUID4 = text(
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||"
    " substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||"
    " substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"
)
SQL_NOW = text("(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {str: VNText(), datetime: UTCDateTime()}


class Synced:
    """Columns of a record that syncs: device-made id, server version, soft delete.

    `row_version` is the version the server last confirmed (0: never synced); local edits
    leave it alone and the outbox keeps it as the base of each change.
    """

    __synced__ = True

    id: Mapped[str] = mapped_column(
        String(36), primary_key=True, default=new_id, server_default=SQL_UUID4, sort_order=-10
    )
    row_version: Mapped[int] = mapped_column(default=0, server_default=text("0"), sort_order=10)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, server_default=SQL_NOW, sort_order=10)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, server_default=SQL_NOW, sort_order=10)
    deleted_at: Mapped[datetime | None] = mapped_column(sort_order=10)


def synced_tables() -> list[str]:
    """Names of the tables whose changes are captured for sync, in dependency order."""
    return [t.name for t in Base.metadata.sorted_tables if is_synced(t.name)]


def mapped_class(table_name: str) -> type | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table_name:
            return mapper.class_
    return None


def is_synced(table_name: str) -> bool:
    return bool(getattr(mapped_class(table_name), "__synced__", False))
