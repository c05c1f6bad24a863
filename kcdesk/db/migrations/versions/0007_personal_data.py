"""Personal data protection: the notice given at collection on facilities and surveys
(when and by whom the person was informed), the access trail and the erasure log.

Existing rows get no notice date: nobody recorded one, and the register lists them so
someone can inform the people and write it down.

Revision ID: 0007_personal_data
Revises: 0005_proposal_follow_up
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_personal_data"
down_revision = "0006_name_sort_keys"
branch_labels = None
depends_on = None

UUID4 = sa.text(
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)"
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||"
    " lower(hex(randomblob(6))))"
)
NOW = sa.text("(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(length=36), server_default=UUID4, nullable=False),
        sa.Column("row_version", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", sa.String(length=30), server_default=NOW, nullable=False),
        sa.Column("updated_at", sa.String(length=30), server_default=NOW, nullable=False),
        sa.Column("deleted_at", sa.String(length=30), nullable=True),
    ]


def upgrade() -> None:
    for table in ("facility", "survey"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("informed_on", sa.Date(), nullable=True))
            batch_op.add_column(sa.Column("informed_by", sa.Text(), nullable=True))
    op.create_table(
        "personal_data_access",
        *_synced_columns(),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("ward_code", sa.String(length=5), nullable=True),
        sa.Column("at", sa.String(length=30), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=True),
        sa.Column("user_name", sa.Text(), nullable=True),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_data_access")),
    )
    with op.batch_alter_table("personal_data_access", schema=None) as batch_op:
        batch_op.create_index("ix_personal_data_access_at", ["at"], unique=False)
    op.create_table(
        "personal_data_erasure",
        *_synced_columns(),
        sa.Column("province_code", sa.String(length=2), nullable=False),
        sa.Column("ward_code", sa.String(length=5), nullable=True),
        sa.Column("erased_at", sa.String(length=30), nullable=False),
        sa.Column("erased_by", sa.String(length=36), nullable=True),
        sa.Column("erased_by_name", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("targets", sa.Text(), nullable=False),
        sa.Column("kept", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_data_erasure")),
    )


def downgrade() -> None:
    op.drop_table("personal_data_erasure")
    with op.batch_alter_table("personal_data_access", schema=None) as batch_op:
        batch_op.drop_index("ix_personal_data_access_at")
    op.drop_table("personal_data_access")
    for table in ("survey", "facility"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("informed_by")
            batch_op.drop_column("informed_on")
