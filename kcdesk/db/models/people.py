"""Users, devices and collaborator assignments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced


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
