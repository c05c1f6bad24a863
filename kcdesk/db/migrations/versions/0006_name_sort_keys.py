"""Facility names in Vietnamese dictionary order: the stored sort key `facility.name_sort`
(kcdesk.db.sort_keys), filled for every existing facility, and the index the register reads
its order from. The key's triggers are derived state, installed after every migration.

Revision ID: 0006_name_sort_keys
Revises: 0005_proposal_follow_up
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kcdesk.text import vi_sort_key

revision = "0006_name_sort_keys"
down_revision = "0005_proposal_follow_up"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    # A plain ALTER TABLE (no batch copy): the table keeps its rowids, which the search index uses.
    op.add_column("facility", sa.Column("name_sort", sa.String(), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT rowid, name FROM facility WHERE name IS NOT NULL").fetchall()
    for start in range(0, len(rows), BATCH):
        chunk = [(vi_sort_key(name), rowid) for rowid, name in rows[start : start + BATCH]]
        conn.exec_driver_sql("UPDATE facility SET name_sort = ? WHERE rowid = ?", chunk)
    op.create_index(
        "ix_facility_name_sort",
        "facility",
        ["name_sort", "id"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    for name in ("kc_sortkey_facility_insert", "kc_sortkey_facility_update"):
        op.execute(f'DROP TRIGGER IF EXISTS "{name}"')  # they name the column, which SQLite then refuses to drop
    op.drop_index("ix_facility_name_sort", table_name="facility")
    op.drop_column("facility", "name_sort")
