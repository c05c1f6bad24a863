"""A driver connection to a test's database without the ORM, as the tests that poke at the
file directly need: keyed when the database is encrypted (KCDESK_TEST_ENCRYPT=1, or the
store tests' encrypted run), Python's sqlite3 otherwise (kcdesk.db.sqlfile)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kcdesk.db import sqlfile


def raw_connect(path: Path | str, **options: Any) -> Any:
    return sqlfile.connect(Path(path), sqlfile.key_for(Path(path)), **options)


def copy_database(source: Path, target: Path) -> None:
    """A closed database copied as a file, with its key file when it is encrypted."""
    import shutil

    shutil.copy(source, target)
    if sqlfile.key_file(source).exists():
        shutil.copy(sqlfile.key_file(source), sqlfile.key_file(target))
