"""What a first-pull snapshot in the laptop's own layout is, known to both sides.

The server writes the laptop's tables as a laptop of the same schema revision has them
(sort keys and search index included: kcdesk.server.snapshot_build); the laptop copies them
in nearly whole (kcdesk.sync.snapshot_copy). The search index is copied only when it was
built exactly as this laptop would build it: the same FTS5 definition (tokenizer, prefixes)
and the same place names the address column folds in. `search_fingerprint` names both.
"""

from __future__ import annotations

import hashlib
import sqlite3

from kcdesk.db.capture import SEARCH_TABLES

LAYOUT = "client"
META = "_meta"  # key/value: scope, cursor, revision, search_fingerprint
CONFLICTS = "_conflict"  # id, JSON body of each open conflict of the view
FTS_SHADOWS = ("data", "idx", "content", "docsize", "config")


def search_fingerprint(conn: sqlite3.Connection, schema: str = "main") -> str:
    digest = hashlib.sha256()
    master = f'"{schema}".sqlite_master'
    for table in sorted(SEARCH_TABLES):
        row = conn.execute(f"SELECT sql FROM {master} WHERE name = ?", (f"{table}_fts",)).fetchone()
        digest.update(repr(row).encode())
    units = conn.execute(
        f'SELECT code, level, full_name FROM "{schema}".admin_unit WHERE valid_to IS NULL ORDER BY code, level'
    )
    for unit in units:
        digest.update(repr(unit).encode())
    return digest.hexdigest()


def fts_shadow_tables(table: str) -> list[str]:
    return [f"{table}_fts_{part}" for part in FTS_SHADOWS]
