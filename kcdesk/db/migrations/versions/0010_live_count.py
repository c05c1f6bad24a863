"""An index of the live facilities (not deleted), keyed by the one byte of `deleted_at IS NULL`: counting
them (`kcdesk status`, the dashboard) reads a few pages of it instead of every row of the
table, 200,000 rows of several hundred bytes each in a large province.

Revision ID: 0010_live_count
Revises: 0009_compact_audit
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_live_count"
down_revision = "0009_compact_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Keyed by the expression, not the column: see kcdesk/db/models/facility.py (the
    # register's order must keep ix_facility_name_sort).
    op.create_index(
        "ix_facility_live",
        "facility",
        [sa.text("(deleted_at IS NULL)")],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_facility_live", table_name="facility")
