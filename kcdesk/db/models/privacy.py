"""Personal data protection (Luật BVDLCN 91/2025): who accessed a person's data, and the
erasures made at a data subject's request. Both sync, so the centre leader sees every
laptop's accesses and every device applies every erasure."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced


class PersonalDataAccess(Synced, Base):
    """One access to one record holding personal data: who, when, what they did with it.

    Holds no personal data itself: the record is named by table and id only."""

    __tablename__ = "personal_data_access"

    province_code: Mapped[str] = mapped_column(String(2))
    ward_code: Mapped[str | None] = mapped_column(String(5))  # the record's commune, when it has one
    at: Mapped[datetime]
    user_id: Mapped[str | None] = mapped_column(String(36))
    user_name: Mapped[str | None]
    device_id: Mapped[str | None] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(10))  # open | print | export | report | erase
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = (Index("ix_personal_data_access_at", "at"),)


class PersonalDataErasure(Synced, Base):
    """An erasure done at a data subject's request, without the erased values: who, when,
    why and which fields of which records (`targets`, JSON). A device or server that
    receives it scrubs those fields from its own audit and history copies."""

    __tablename__ = "personal_data_erasure"

    province_code: Mapped[str] = mapped_column(String(2))
    ward_code: Mapped[str | None] = mapped_column(String(5))  # set when every record lies in one commune
    erased_at: Mapped[datetime]
    erased_by: Mapped[str | None] = mapped_column(String(36))
    erased_by_name: Mapped[str | None]
    reason: Mapped[str]
    # [{"table", "row_id", "fields": [...]}] erased, and [{"table", "row_id", "why"}] kept.
    targets: Mapped[str]
    kept: Mapped[str | None]
