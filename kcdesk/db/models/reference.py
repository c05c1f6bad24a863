"""Reference data: administrative units, activity types, sectors, legal documents, rules.

Units and activity types come with the app (migrations load them) and from the server;
legal documents and support rules are records people edit when the law changes, so they
sync like any other record.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced
from kcdesk.db.types import ExactDecimal


class AdminUnit(Base):
    """A province, (legacy) district or commune-level unit, valid over a date range.

    Codes are reused with new names across reforms, so (code, valid_from) is the key.
    Current units have valid_to NULL; pre-1-July-2025 units end on 2025-06-30.
    """

    __tablename__ = "admin_unit"

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    valid_from: Mapped[date] = mapped_column(primary_key=True)
    valid_to: Mapped[date | None]
    level: Mapped[str] = mapped_column(String(10))  # province | district | commune
    unit_type: Mapped[str] = mapped_column(String(20))  # tinh, thanh_pho, xa, phuong, dac_khu, quan, huyen...
    name: Mapped[str]
    full_name: Mapped[str]
    name_en: Mapped[str | None]
    parent_code: Mapped[str | None] = mapped_column(String(5))
    source_decision: Mapped[str | None]
    kc_eligible: Mapped[bool | None]  # khuyến công geography test; NULL until set with its basis
    eligibility_basis: Mapped[str | None]

    # No index on (level, valid_to): SQLite would pick it over the primary key for the
    # capture triggers' "this code, current" lookups and scan every current commune.
    __table_args__ = (Index("ix_admin_unit_parent", "parent_code", "level"),)


class ActivityType(Base):
    """Khuyến công activity contents (NĐ 45/2012 Art. 4): KC1..KC9 and their sub-items."""

    __tablename__ = "activity_type"

    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    parent_code: Mapped[str | None] = mapped_column(String(10))
    name: Mapped[str]
    procurement_mode: Mapped[str] = mapped_column(String(12))  # dau_thau | xet_chon
    advance_pct: Mapped[int]  # first advance profile: 30, 70 or 100
    legal_basis: Mapped[str | None]
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    sort_key: Mapped[int] = mapped_column(default=0, server_default=text("0"))


class Sector(Base):
    """Eligible sectors (ngành nghề), NĐ 45/2012 Art. 5 (a)-(g)."""

    __tablename__ = "sector"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str]


class LegalDocument(Synced, Base):
    __tablename__ = "legal_document"

    number: Mapped[str] = mapped_column(index=True)  # số ký hiệu, e.g. "28/2018/TT-BTC"
    doc_type: Mapped[str]  # Nghị định, Thông tư, Quyết định, Nghị quyết...
    issuer: Mapped[str | None]
    sign_date: Mapped[date | None]
    effective_date: Mapped[date | None]
    expiry_date: Mapped[date | None]
    title: Mapped[str]
    amends_number: Mapped[str | None]


class SupportRule(Synced, Base):
    """A dated cap on khuyến công support for one activity and funding level.

    `max_pct` limits support as a share of the item's total cost; `max_amount` limits it
    per `unit` (facility, model, brand, proposal). Priority areas may get
    `priority_multiplier` times the amount. KCĐP rates are set per province.
    """

    __tablename__ = "support_rule"

    activity_code: Mapped[str] = mapped_column(String(10), index=True)
    level: Mapped[str] = mapped_column(String(4))  # KCQG | KCDP
    province_code: Mapped[str | None] = mapped_column(String(2))
    legal_document_id: Mapped[str | None] = mapped_column(ForeignKey("legal_document.id"))
    basis: Mapped[str]  # article and document, as printed in warnings
    valid_from: Mapped[date]
    valid_to: Mapped[date | None]
    max_pct: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    max_amount: Mapped[int | None]
    unit: Mapped[str] = mapped_column(String(12))  # facility | model | brand | proposal
    priority_multiplier: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    description: Mapped[str]


class DeadlineRule(Base):
    """A dated deadline that the due list evaluates (see kcdesk.domain.deadlines)."""

    __tablename__ = "deadline_rule"

    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str]
    level: Mapped[str | None] = mapped_column(String(4))  # NULL: both levels
    statuses: Mapped[str]  # comma-separated proposal statuses the rule watches
    # before_plan_year | monthly | after_acceptance | after_plan_year | after_settlement
    anchor: Mapped[str] = mapped_column(String(20))
    month: Mapped[int | None]
    day: Mapped[int | None]
    days: Mapped[int | None]
    legal_basis: Mapped[str]
