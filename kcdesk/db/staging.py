"""Temp tables that stage rows for the set-based writes, kept for the connection's life.

Creating or dropping a table, even a temp one, changes the connection's schema, and SQLite
then prepares every cached statement again on its next run, with the triggers it fires
(the capture triggers of a synced table are large): in py-spy, about a fifth of applying
a pulled page of edits went to that. So a staging table is made once per connection and
set of columns, and emptied, not dropped, when its rows are moved (nothing stays staged:
the rows may be personal data, and a rolled-back write takes its staged rows with it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def staging_table(conn: Any, name: str, columns: Sequence[str], key: str | None = None) -> str:
    """`temp.name`, empty, with exactly `columns` (declared without a type, so a value keeps
    its own, as the target table's affinity will then decide) after `key`, an INTEGER
    PRIMARY KEY that numbers the rows in arrival order when given. Returns the quoted name."""
    quoted = f'temp."{name}"'
    wanted = [key, *columns] if key else list(columns)
    have = [row[1] for row in conn.exec_driver_sql(f'PRAGMA temp.table_info("{name}")')]
    if have == wanted:
        conn.exec_driver_sql(f"DELETE FROM {quoted}")
        return quoted
    declared = [f'"{key}" INTEGER PRIMARY KEY'] if key else []
    declared += [f'"{c}"' for c in columns]
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {quoted}")
    conn.exec_driver_sql(f'CREATE TEMP TABLE "{name}" ({", ".join(declared)})')
    return quoted


def emptied(name: str) -> str:
    """The statement that empties a staging table once its rows are moved."""
    return f'DELETE FROM temp."{name}"'
