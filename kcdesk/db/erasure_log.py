"""The erasure log kept beside the database file, outside it: restoring a backup made
before an erasure must not bring the erased data back silently.

One JSON line per erasure (its id, when, the reason and its targets: fields and their
values after, never the values erased). After a restore, every logged erasure the
restored file does not know is applied again (kcdesk.db.scrub) and the restore says so.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.db import sqlfile
from kcdesk.db.scrub import apply_erasure


def log_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-xoa-du-lieu-ca-nhan.jsonl")


def entry_of(erasure_id: str, at: str, reason: str, targets: list[dict[str, Any]]) -> dict[str, Any]:
    public = [{"table": t["table"], "row_id": t["row_id"], "fields": t["fields"]} for t in targets]
    return {"id": erasure_id, "at": at, "reason": reason, "targets": public}


def append(db_path: Path, entry: dict[str, Any]) -> None:
    path = log_path(db_path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def entries(db_path: Path) -> list[dict[str, Any]]:
    path = log_path(db_path)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError:  # a line cut by a crash: the ones before it still count
                continue
    return out


def missing_from(db_file: Path, log_of: Path) -> list[dict[str, Any]]:
    """Logged erasures (of the database at `log_of`) that the file `db_file` does not hold."""
    logged = entries(log_of)
    if not logged or not db_file.exists():
        return []
    # Read with the store's opener: a backup of an encrypted database is keyed like it.
    conn = sqlfile.connect(db_file, sqlfile.key_for_copy(db_file, log_of), read_only=True)
    try:
        has_table = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'personal_data_erasure'").fetchone()[
            0
        ]
        known = {r[0] for r in conn.execute("SELECT id FROM personal_data_erasure")} if has_table else set()
    finally:
        conn.close()
    return [e for e in logged if e.get("id") not in known]


def reapply(session: Session, db_path: Path) -> list[dict[str, Any]]:
    """Apply again, in this write transaction, the logged erasures this database does not
    hold; returns them. The erasure records themselves come back from the server (or are
    already there): this only makes sure the data does not."""
    known = {r[0] for r in session.execute(text("SELECT id FROM personal_data_erasure"))}
    missing = [e for e in entries(db_path) if e.get("id") not in known]
    for entry in missing:
        apply_erasure(session, entry.get("targets") or [])
    return missing
