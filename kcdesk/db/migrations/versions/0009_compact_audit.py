"""The audit trail in its compact form: an insert's entry keeps no image of the row (the
row as inserted is rebuilt from the current row by undoing the later entries, see
kcdesk.db.audit_trail), a third of the bytes per record. Only entries whose image the
rebuild gives back exactly lose it, so no field of history is lost; the downgrade writes
every image back.

Revision ID: 0009_compact_audit
Revises: 0008_sign_in
"""

from __future__ import annotations

from alembic import op

from kcdesk.db import audit_trail

revision = "0009_compact_audit"
down_revision = "0008_sign_in"
branch_labels = None
depends_on = None


def upgrade() -> None:
    audit_trail.compact(op.get_bind())


def downgrade() -> None:
    audit_trail.materialize(op.get_bind())
