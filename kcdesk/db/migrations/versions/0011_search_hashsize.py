"""A larger in-memory buffer for the search index's pending terms (FTS5 'hashsize', kept in
the index's own config table).

FTS5 gathers the terms of a transaction in memory and writes them out as a new index
segment each time the buffer passes 'hashsize' (1 MiB by default); every few segments are
then merged again. A bulk write of 50,000 facilities fills that buffer about thirty times
(each facility's name, representative and address, in the main index and both prefix
indexes), so most of the index was written and re-merged several times. At 16 MiB the same
write makes two segments and spends about a fifth less CPU in the index
(bench/results/bulk-2026-12-06c.txt); the index answers the same queries with the same rows.
The buffer is only that large inside a big write transaction: small writes flush at commit,
as before.

Revision ID: 0011_search_hashsize
Revises: 0010_live_count
"""

from __future__ import annotations

from alembic import op

revision = "0011_search_hashsize"
down_revision = "0010_live_count"
branch_labels = None
depends_on = None

SEARCH_INDEXES = ("facility_fts", "proposal_fts")
HASHSIZE = 16 * 1024 * 1024
DEFAULT_HASHSIZE = 1024 * 1024


def upgrade() -> None:
    for index in SEARCH_INDEXES:
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('hashsize', {HASHSIZE})")


def downgrade() -> None:
    for index in SEARCH_INDEXES:
        op.execute(f"INSERT INTO {index}({index}, rank) VALUES ('hashsize', {DEFAULT_HASHSIZE})")
