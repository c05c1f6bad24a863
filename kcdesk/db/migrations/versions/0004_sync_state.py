"""Local sync state: cursors, dead letters, conflicts, record flags, file queue, facts.

Revision ID: 0004_sync_state
Revises: 0003_cities_2026
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_sync_state"
down_revision = "0003_cities_2026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_cursor",
        sa.Column("scope", sa.String(length=8), nullable=False),
        sa.Column("cursor", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("view_key", sa.String(length=200), nullable=True),
        sa.Column("updated_at", sa.String(length=30), nullable=True),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_sync_cursor")),
    )
    op.create_table(
        "sync_deadletter",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("mutation_id", sa.String(length=64), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("base_payload", sa.Text(), nullable=True),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("params", sa.Text(), nullable=True),
        sa.Column("blocked_by", sa.Integer(), nullable=True),
        sa.Column("server_row", sa.Text(), nullable=True),
        sa.Column("rejected_at", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_deadletter")),
    )
    with op.batch_alter_table("sync_deadletter", schema=None) as batch_op:
        batch_op.create_index("ix_sync_deadletter_row", ["table_name", "row_id"], unique=False)
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("winner_device", sa.String(length=36), nullable=True),
        sa.Column("loser_device", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=30), nullable=False),
        sa.Column("resolved_at", sa.String(length=30), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=True),
        sa.Column("resolution_pending", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflict_row", ["table_name", "row_id"], unique=False)
    op.create_table(
        "sync_record_state",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_record_state")),
    )
    op.create_table(
        "sync_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=4), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("upload_id", sa.String(length=36), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.String(length=30), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_sync_blob")),
    )
    op.create_table(
        "sync_kv",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_kv")),
    )


def downgrade() -> None:
    for table in ("sync_kv", "sync_blob", "sync_record_state", "sync_conflict", "sync_deadletter", "sync_cursor"):
        op.drop_table(table)
