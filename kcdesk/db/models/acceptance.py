"""Acceptance records (biên bản nghiệm thu): locked once signed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced


class Acceptance(Synced, Base):
    __tablename__ = "acceptance"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    number: Mapped[str | None] = mapped_column(String(40))  # "12/BB-TTKC"
    accepted_on: Mapped[date]
    place: Mapped[str | None]
    contract_number: Mapped[str | None]
    basis: Mapped[str | None]  # căn cứ: one per line
    approved_amount: Mapped[int] = mapped_column(default=0, server_default=text("0"))  # total approved cost
    approved_kc_amount: Mapped[int] = mapped_column(default=0, server_default=text("0"))  # khuyến công support approved
    accepted_amount: Mapped[int] = mapped_column(default=0, server_default=text("0"))  # khuyến công support accepted
    counterpart_invested: Mapped[int] = mapped_column(
        default=0, server_default=text("0")
    )  # counterpart actually invested
    conclusion: Mapped[str | None] = mapped_column(String(14))  # dat | dat_mot_phan | khong_dat
    assessment: Mapped[str | None]
    requests: Mapped[str | None]
    # Outputs achieved, as the periodic report counts them.
    trainees: Mapped[int | None]
    trainees_employed: Mapped[int | None]
    models_built: Mapped[int | None]
    machines_supplied: Mapped[int | None]
    fairs: Mapped[int | None]
    brands: Mapped[int | None]
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))


class AcceptanceMember(Synced, Base):
    __tablename__ = "acceptance_member"

    acceptance_id: Mapped[str] = mapped_column(ForeignKey("acceptance.id"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    full_name: Mapped[str]
    position: Mapped[str | None]
    organisation: Mapped[str | None]
    role: Mapped[str] = mapped_column(String(20))  # chu_tri | thanh_vien | thu_ky | don_vi_thuc_hien | thu_huong


class AcceptanceItem(Synced, Base):
    """One checked item: content, volume or quality checked against the approved plan."""

    __tablename__ = "acceptance_item"

    acceptance_id: Mapped[str] = mapped_column(ForeignKey("acceptance.id"), index=True)
    sort_order: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    content: Mapped[str]
    planned: Mapped[str | None]
    actual: Mapped[str | None]
    passed: Mapped[bool | None]
    note: Mapped[str | None]
