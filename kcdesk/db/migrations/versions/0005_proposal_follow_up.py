"""Following a proposal to its end: money by fund source with reversing entries, the
monthly progress report's fields, the post-support evaluation's fields, two more planned
outputs and the evaluation deadline rule.

Existing money rows were all counted as khuyến công funds (the figures had no other
source), so they become fund source 'kc'; nothing else changes value.

Revision ID: 0005_proposal_follow_up
Revises: 0004_sync_state
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kcdesk.db import refdata

revision = "0005_proposal_follow_up"
down_revision = "0004_sync_state"
branch_labels = None
depends_on = None

NEW_RULES = ("danh_gia_sau_ho_tro",)
RULE_COLUMNS = ("code", "name", "level", "statuses", "anchor", "month", "day", "days", "legal_basis")


def upgrade() -> None:
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("fund_source", sa.String(length=12), server_default=sa.text("'kc'"), nullable=False)
        )
        batch_op.add_column(sa.Column("reverses_id", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_disbursement_reverses_id"), ["reverses_id"], unique=False)
    with op.batch_alter_table("progress_report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outputs", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("recommendations", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("days_late", sa.Integer(), nullable=True))
    with op.batch_alter_table("post_support_evaluation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("output_before", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("output_after", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("output_unit", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("product_before", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("product_after", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("evaluator", sa.Text(), nullable=True))
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("planned_fairs", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("planned_brands", sa.Integer(), nullable=True))
    # The rule file is the one source of deadline rules; databases made before a rule was
    # added to it get that rule here (a new database already has it from 0002).
    conn = op.get_bind()
    present = {r[0] for r in conn.execute(sa.text("SELECT code FROM deadline_rule"))}
    missing = [r for r in refdata.deadline_rules("deadline_rules.json") if r["code"] in NEW_RULES]
    missing = [r for r in missing if r["code"] not in present]
    if missing:
        op.bulk_insert(sa.table("deadline_rule", *(sa.column(c) for c in RULE_COLUMNS)), missing)


def downgrade() -> None:
    conn = op.get_bind()
    for code in NEW_RULES:
        conn.execute(sa.text("DELETE FROM deadline_rule WHERE code = :c"), {"c": code})
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.drop_column("planned_brands")
        batch_op.drop_column("planned_fairs")
    with op.batch_alter_table("post_support_evaluation", schema=None) as batch_op:
        for column in ("evaluator", "product_after", "product_before", "output_unit", "output_after", "output_before"):
            batch_op.drop_column(column)
    with op.batch_alter_table("progress_report", schema=None) as batch_op:
        for column in ("days_late", "due_on", "recommendations", "outputs"):
            batch_op.drop_column(column)
    with op.batch_alter_table("disbursement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disbursement_reverses_id"))
        batch_op.drop_column("reverses_id")
        batch_op.drop_column("fund_source")
