"""Quảng Ninh and Bắc Ninh become centrally-run cities (2026).

NQ 36/2026/QH16 (Quảng Ninh, in force 1 Sept 2026) and NQ 39/2026/QH16 with
NQ 388/NQ-UBTVQH16 (Bắc Ninh, in force 20 Sept 2026). Codes stay (22, 24); the name and
unit type change, so the old row is closed the day before and a new row opens.

Revision ID: 0003_cities_2026
Revises: 0002_reference_data
"""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0003_cities_2026"
down_revision = "0002_reference_data"
branch_labels = None
depends_on = None

CHANGES = (
    ("22", "Quảng Ninh", "Quang Ninh", date(2026, 9, 1), "36/2026/QH16"),
    ("24", "Bắc Ninh", "Bac Ninh", date(2026, 9, 20), "39/2026/QH16; 388/NQ-UBTVQH16"),
)


def upgrade() -> None:
    conn = op.get_bind()
    for code, name, name_en, effective, source in CHANGES:
        conn.execute(
            sa.text(
                "UPDATE admin_unit SET valid_to = :end WHERE code = :code AND level = 'province' AND valid_to IS NULL"
            ),
            {"end": (effective - timedelta(days=1)).isoformat(), "code": code},
        )
        conn.execute(
            sa.text(
                "INSERT INTO admin_unit (code, valid_from, valid_to, level, unit_type, name, full_name, name_en,"
                " parent_code, source_decision) VALUES (:code, :start, NULL, 'province', 'thanh_pho', :name,"
                " :full_name, :name_en, NULL, :source)"
            ),
            {
                "code": code,
                "start": effective.isoformat(),
                "name": name,
                "full_name": f"Thành phố {name}",
                "name_en": f"{name_en} City",
                "source": source,
            },
        )
    # Facility addresses in the search index name the province: re-index those provinces.
    if conn.execute(sa.text("SELECT count(*) FROM sqlite_master WHERE name = 'facility_fts'")).scalar():
        from kcdesk.db.capture import rebuild_search_index

        rebuild_search_index(conn, "facility")


def downgrade() -> None:
    conn = op.get_bind()
    for code, _name, _en, effective, _source in CHANGES:
        conn.execute(
            sa.text("DELETE FROM admin_unit WHERE code = :c AND valid_from = :s"),
            {"c": code, "s": effective.isoformat()},
        )
        conn.execute(
            sa.text("UPDATE admin_unit SET valid_to = NULL WHERE code = :c AND level = 'province' AND valid_to = :e"),
            {"c": code, "e": (effective - timedelta(days=1)).isoformat()},
        )
