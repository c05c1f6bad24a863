"""`kcdesk-server` as a newer version would be: facility has a column this kcdesk lacks.

    python tests/sync/newer_server.py serve --db URL --data DIR ...

The column is added to the shared table definitions before the server builds its own
(kcdesk.server.db reads them at import), so the server stores, logs, pulls and snapshots
it like any other column.
"""

from __future__ import annotations

import sys

from sqlalchemy import Column, String

import kcdesk.db.models  # noqa: F401  (registers every table)
from kcdesk.db.base import Base

NEW_COLUMN = "zalo_phone"

Base.metadata.tables["facility"].append_column(Column(NEW_COLUMN, String(20)))

from kcdesk.server.cli import main  # noqa: E402  (after the table gained its column)

if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
