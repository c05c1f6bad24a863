"""Row count and a digest of every row of every table of a kcdesk database, plain or
encrypted (opened with the store's own opener and key), to show that a conversion, a restore
or a migration kept every row: run it before and after and compare the two lines.

    python bench/db_rows_digest.py path/to/kcdesk.db
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.db import sqlfile


def digest(path: Path) -> dict[str, tuple[int, str]]:
    conn = sqlfile.connect(path, sqlfile.key_for(path))
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '%_fts%' ORDER BY name"
    ).fetchall()
    out: dict[str, tuple[int, str]] = {}
    for (table,) in tables:
        h = hashlib.sha256()
        n = 0
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            h.update(repr(row).encode())
            n += 1
        out[table] = (n, h.hexdigest()[:12])
    conn.close()
    return out


def main() -> None:
    out = digest(Path(sys.argv[1]))
    whole = hashlib.sha256(repr(sorted(out.items())).encode()).hexdigest()[:16]
    print(sum(n for n, _ in out.values()), "rows in", len(out), "tables;", whole)
    print("facility", out.get("facility"), "audit_entry", out.get("audit_entry"))


if __name__ == "__main__":
    main()
