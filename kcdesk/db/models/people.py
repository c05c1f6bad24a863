"""Users, devices and collaborator assignments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced
from kcdesk.db.sort_keys import LOCAL_ONLY


class AppUser(Synced, Base):
    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str]
    role: Mapped[str] = mapped_column(String(20))  # see kcdesk.domain.roles
    position: Mapped[str | None]
    organisation: Mapped[str | None]
    province_code: Mapped[str | None] = mapped_column(String(2))
    phone: Mapped[str | None]
    active: Mapped[bool] = mapped_column(default=True, server_default=text("1"))
    # Sign-in on this laptop (kcdesk.db.account_columns): local only, never synced or audited.
    password_hash: Mapped[str | None] = mapped_column(info={LOCAL_ONLY: True})
    password_must_change: Mapped[bool] = mapped_column(default=False, server_default=text("0"), info={LOCAL_ONLY: True})
    password_failures: Mapped[int] = mapped_column(default=0, server_default=text("0"), info={LOCAL_ONLY: True})
    password_locked_until: Mapped[datetime | None] = mapped_column(info={LOCAL_ONLY: True})
    account_disabled_at: Mapped[datetime | None] = mapped_column(info={LOCAL_ONLY: True})


class CollaboratorCommune(Synced, Base):
    """A commune assigned to a collaborator (cộng tác viên khuyến công)."""

    __tablename__ = "collaborator_commune"

    user_id: Mapped[str] = mapped_column(ForeignKey("app_user.id"), index=True)
    ward_code: Mapped[str] = mapped_column(String(5))


class Device(Base):
    """This laptop and the devices whose changes reached it. Local only."""

    __tablename__ = "device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str]
    is_local: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    enrolled_at: Mapped[datetime | None]
    server_url: Mapped[str | None]
