"""At most one automatic backup a day, beside the database, rotated.

Backups before a migration (kcdesk.db.store) protect an upgrade; this one protects the
day's work against everything else (a bad import, a mistaken delete, a disk that starts to
fail). The window calls `daily_backup(store.path)` once the store is open, on a worker
thread (a large file takes a second or two to copy); the command line does it when it
opens the store (kcdesk.cli.common.open_store). Whichever runs first on a given day makes
the copy; the others find it and do nothing.
"""

from __future__ import annotations

import glob
from datetime import datetime
from pathlib import Path

# logging, kcdesk.db.backup and storage_errors are imported when a copy is really made: every
# command that opens the database checks for today's copy, and `kcdesk status` should not pay
# for them (issue 14).

REASON = "hang-ngay"
# A week of daily copies (pre-migration and manual backups are kept separately).
KEEP = 7


def backups_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-backups")


def todays_backup(db_path: Path, now: datetime | None = None) -> Path | None:
    day = (now or datetime.now()).strftime("%Y%m%d")
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return None
    found = sorted(folder.glob(f"{glob.escape(db_path.stem)}-{day}-*-{REASON}.db"))
    return found[-1] if found else None


def daily_backup(db_path: Path, *, now: datetime | None = None, keep: int = KEEP) -> Path | None:
    """Copy the database into `<stem>-backups/` unless today's copy exists; keep the newest
    `keep` daily copies. Returns the new copy, or None when there was nothing to do.

    Raises StoreError (disk full, folder not writable, a damaged file) with a message for the
    person; a caller at start-up shows it and carries on, since the database itself is fine.
    """
    path = Path(db_path)
    if not path.is_file() or todays_backup(path, now) is not None:
        return None
    import logging

    from kcdesk.db import backup
    from kcdesk.db.sqlfile import error_classes
    from kcdesk.db.storage_errors import storage_error

    target = backups_dir(path) / backup.backup_name(path, REASON, now)
    try:
        made = backup.snapshot(path, target)  # keyed like the database when it is encrypted
    except error_classes(OSError) as exc:  # the folder cannot be made or written
        translated = storage_error(exc, target)
        if translated is None:
            raise
        raise translated from exc
    removed = backup.rotate(backups_dir(path), path.stem, REASON, keep)
    logging.getLogger(__name__).info("daily backup %s (rotated out: %s)", made, [p.name for p in removed])
    return made
