"""Reference data: administrative units (current and pre-reform), activity types, sectors,
legal documents, support caps and deadline rules.

Revision ID: 0002_reference_data
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kcdesk.db import refdata

revision = "0002_reference_data"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

NOW = "2026-07-25T00:00:00.000Z"


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns))


def upgrade() -> None:
    unit_cols = (
        "code",
        "valid_from",
        "valid_to",
        "level",
        "unit_type",
        "name",
        "full_name",
        "name_en",
        "parent_code",
        "source_decision",
        "kc_eligible",
        "eligibility_basis",
    )
    units = _table("admin_unit", *unit_cols)
    op.bulk_insert(units, refdata.legacy_units("units-2025-06-30-legacy.json", "Danh mục ĐVHC đến 30/6/2025"))
    op.bulk_insert(units, refdata.current_units("units-2026-07-25.json", "19/2025/QĐ-TTg (danh mục ngày 25/7/2026)"))

    op.bulk_insert(
        _table(
            "activity_type",
            "code",
            "parent_code",
            "name",
            "procurement_mode",
            "advance_pct",
            "legal_basis",
            "valid_from",
            "valid_to",
            "sort_key",
        ),
        refdata.activity_types("activity_types.json"),
    )
    op.bulk_insert(_table("sector", "code", "name"), refdata.sectors("sectors.json"))
    stamp = {"row_version": 0, "created_at": NOW, "updated_at": NOW}
    op.bulk_insert(
        _table(
            "legal_document",
            "id",
            "number",
            "doc_type",
            "issuer",
            "sign_date",
            "effective_date",
            "expiry_date",
            "title",
            "amends_number",
            *stamp,
        ),
        [row | stamp for row in refdata.legal_documents("legal_documents.json")],
    )
    op.bulk_insert(
        _table(
            "support_rule",
            "id",
            "activity_code",
            "level",
            "province_code",
            "legal_document_id",
            "basis",
            "valid_from",
            "valid_to",
            "max_pct",
            "max_amount",
            "unit",
            "priority_multiplier",
            "description",
            *stamp,
        ),
        [row | stamp for row in refdata.support_rules("support_rules.json")],
    )
    op.bulk_insert(
        _table("deadline_rule", "code", "name", "level", "statuses", "anchor", "month", "day", "days", "legal_basis"),
        refdata.deadline_rules("deadline_rules.json"),
    )


def downgrade() -> None:
    for table in ("deadline_rule", "support_rule", "legal_document", "sector", "activity_type", "admin_unit"):
        op.execute(f"DELETE FROM {table}")
