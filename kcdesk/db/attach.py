"""Another SQLite file attached to one of the store's connections for the length of a
transaction (a first-pull snapshot copied in by INSERT ... SELECT): the one place kcdesk
runs ATTACH.

SQLite lets a file be attached inside a transaction but not detached from the transaction
that read it, so the file is detached when the connection goes back to the pool (after
the commit or rollback): the caller may delete it as soon as its write returns.
"""

from __future__ import annotations

import contextlib
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

from kcdesk.db.sqlfile import error_classes

PREFIX = "kc_attached_"
_attached: dict[int, list[str]] = {}  # id(DB-API connection) -> names attached on it
_listening: weakref.WeakSet[Engine] = weakref.WeakSet()


def attach(conn: Connection, path: Path, name: str) -> str:
    """Attach `path` (only read from here) on `conn`'s connection as `kc_attached_<name>`; return the
    schema name to qualify tables with."""
    engine = conn.engine
    if engine not in _listening:
        event.listen(engine, "checkin", _detach_on_checkin)
        _listening.add(engine)
    schema = PREFIX + name
    dbapi = conn.connection.driver_connection  # sqlite3 or, for an encrypted store, sqlcipher3
    assert dbapi is not None
    # `KEY ''`: the attached file is plain. An encrypted store (SQLCipher) would otherwise try
    # the store's own key on it and fail ("file is not a database"); plain SQLite parses the
    # clause and ignores it.
    dbapi.execute(f"ATTACH DATABASE ? AS \"{schema}\" KEY ''", (str(path),))
    _attached.setdefault(id(dbapi), []).append(schema)
    return schema


def _detach_on_checkin(dbapi: Any, _record: Any) -> None:
    names = _attached.pop(id(dbapi), None) if dbapi is not None else None
    for schema in names or ():
        with contextlib.suppress(*error_classes()):  # closed: nothing stays attached to a closed connection
            dbapi.execute(f'DETACH DATABASE "{schema}"')
