"""Facility names in Vietnamese dictionary order: the stored sort keys `facility.name_sort`
and `facility.representative_sort` (kcdesk.db.sort_keys), filled for every existing facility,
and the index the register reads its order by name from. The keys' triggers are derived
state, installed after every migration.

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
KEYS = (("name", "name_sort"), ("representative", "representative_sort"))


def upgrade() -> None:
    # A plain ALTER TABLE (no batch copy): the table keeps its rowids, which the search index uses.
    for _, key in KEYS:
        op.add_column("facility", sa.Column(key, sa.String(), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT rowid, name, representative FROM facility").fetchall()
    for start in range(0, len(rows), BATCH):
        chunk = [
            (vi_sort_key(name) if name is not None else None, vi_sort_key(rep) if rep is not None else None, rowid)
            for rowid, name, rep in rows[start : start + BATCH]
        ]
        conn.exec_driver_sql("UPDATE facility SET name_sort = ?, representative_sort = ? WHERE rowid = ?", chunk)
    op.create_index(
        "ix_facility_name_sort",
        "facility",
        ["name_sort", "id"],
        unique=False,
        sqlite_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    for _, key in KEYS:  # the triggers name the columns, which SQLite then refuses to drop
        for op_name in ("insert", "update"):
            op.execute(f'DROP TRIGGER IF EXISTS "kc_sortkey_{key}_{op_name}"')
    op.drop_index("ix_facility_name_sort", table_name="facility")
    for _, key in reversed(KEYS):
        op.drop_column("facility", key)
