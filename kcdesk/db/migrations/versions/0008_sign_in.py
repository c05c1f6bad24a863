"""Sign-in per person: the password hash, failed attempts, temporary lock, "must change"
flag and local disabling of each account on this laptop (kcdesk.services.sign_in). The
columns are local only (kcdesk.db.account_columns): never synced, never audited. Existing
users get no password, so a database keeps opening as before until someone sets one.

Revision ID: 0008_sign_in
Revises: 0007_personal_data
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_sign_in"
down_revision = "0007_personal_data"
branch_labels = None
depends_on = None

COLUMNS = (
    ("password_hash", sa.Text(), None),
    ("password_must_change", sa.Boolean(), sa.text("0")),
    ("password_failures", sa.Integer(), sa.text("0")),
    ("password_locked_until", sa.String(length=30), None),
    ("account_disabled_at", sa.String(length=30), None),
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: no table copy, the capture triggers are derived state
    # re-created after every migration (and leave these columns out).
    for name, type_, default in COLUMNS:
        op.add_column("app_user", sa.Column(name, type_, nullable=default is None, server_default=default))


def downgrade() -> None:
    for name, _, _ in reversed(COLUMNS):
        op.drop_column("app_user", name)
