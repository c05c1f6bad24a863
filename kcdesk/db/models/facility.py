"""Rural industrial facilities (cơ sở công nghiệp nông thôn) and their yearly figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced
from kcdesk.db.sort_keys import LOCAL_ONLY, python_default
from kcdesk.db.types import ExactDecimal


class Facility(Synced, Base):
    __tablename__ = "facility"

    name: Mapped[str]
    facility_type: Mapped[str] = mapped_column(String(12))  # kcdesk.domain.vocab.FACILITY_TYPES
    tax_code: Mapped[str | None] = mapped_column(String(16))
    business_reg_no: Mapped[str | None]
    reg_date: Mapped[date | None]
    representative: Mapped[str | None]
    representative_title: Mapped[str | None]
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None]
    # Current address (two-level government since 1 July 2025).
    province_code: Mapped[str] = mapped_column(String(2))
    ward_code: Mapped[str | None] = mapped_column(String(5))
    village: Mapped[str | None]  # thôn, ấp, bản, tổ dân phố
    street: Mapped[str | None]
    # Address as recorded before the reform, kept on old records, never rewritten.
    legacy_address: Mapped[str | None]
    legacy_province_code: Mapped[str | None] = mapped_column(String(2))
    legacy_district_code: Mapped[str | None] = mapped_column(String(3))
    legacy_ward_code: Mapped[str | None] = mapped_column(String(5))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    sector_code: Mapped[str | None] = mapped_column(String(4))
    main_products: Mapped[str | None]
    labour_total: Mapped[int | None]
    labour_insured: Mapped[int | None]  # workers with social insurance: the NĐ 80/2021 size test
    total_capital: Mapped[int | None]  # đồng
    revenue_prev_year: Mapped[int | None]  # đồng
    local_raw_material_pct: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    has_export_contract: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    in_supporting_industry_list: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    cleaner_production: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    typical_product: Mapped[bool] = mapped_column(
        default=False, server_default=text("0")
    )  # holds an SP CNNT tiêu biểu award
    status: Mapped[str] = mapped_column(String(10), default="active", server_default=text("'active'"))
    note: Mapped[str | None]
    # Notice at collection (Luật BVDLCN 91/2025): when and by whom the person was told how
    # their data is processed. NULL: not recorded (the register lists these).
    informed_on: Mapped[date | None]
    informed_by: Mapped[str | None]
    # Vietnamese dictionary-order keys of `name` and `representative` (kcdesk.db.sort_keys):
    # local, never synced.
    name_sort: Mapped[str | None] = mapped_column(String, default=python_default("name"), info={LOCAL_ONLY: True})
    representative_sort: Mapped[str | None] = mapped_column(
        String, default=python_default("representative"), info={LOCAL_ONLY: True}
    )

    __table_args__ = (
        Index("ix_facility_ward", "ward_code"),
        Index("ix_facility_province", "province_code"),
        Index("ix_facility_tax_code", "tax_code"),
        # The register's order: covers `SELECT rowid, id ... WHERE deleted_at IS NULL ORDER BY name_sort, id`.
        Index("ix_facility_name_sort", "name_sort", "id", sqlite_where=text("deleted_at IS NULL")),
        # Live facilities only, each key the one byte of `deleted_at IS NULL`: `kcdesk status`
        # and the dashboard count them by reading a few pages instead of the whole table
        # (migration 0010). An expression, not the column: an index on `deleted_at` would
        # answer `deleted_at IS NULL` as an equality and the planner would take it over
        # ix_facility_name_sort for the register's order, sorting 200,000 rows in a temp tree.
        Index("ix_facility_live", text("(deleted_at IS NULL)"), sqlite_where=text("deleted_at IS NULL")),
    )


class FacilityYearStat(Synced, Base):
    __tablename__ = "facility_year_stat"

    facility_id: Mapped[str] = mapped_column(ForeignKey("facility.id"), index=True)
    year: Mapped[int]
    revenue: Mapped[int | None]
    labour: Mapped[int | None]
    output_value: Mapped[int | None]
    average_wage: Mapped[int | None]
    export_value: Mapped[int | None]
