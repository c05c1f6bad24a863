"""Stored Vietnamese sort keys: names ordered as Vietnamese readers expect, by an index.

SQLite compares text byte by byte, which puts Đ, Ấ and Ô after Z. Each table listed in
SORT_KEYS keeps a column with `kcdesk.text.vi_sort_key` of each name it shows sorted (the
facility's name, indexed, and its representative), and the register, exports and printed
lists order by it.

Every writer must get the key, and a raw `sqlite3` connection has none of kcdesk's Python
functions, so the guarantee is made in SQL:
- triggers (pure SQL, part of the derived triggers re-created after every migration) fill the
  key when an insert leaves it empty and when an update changes the name but not the key;
- the SQL computes the very same key as Python (a recursive CTE over the name, one character
  a step; tests/test_sort_keys.py checks both agree), but at about 0.1 ms a name;
- so kcdesk's own writers pass the key themselves: the ORM and Core through the column's
  default (`python_default`), the bulk path (demo, import) as it builds its rows (kcdesk.db.bulk),
  and rows inserted in bulk without it (a snapshot) get it from one set-based statement after
  the inserts that calls the Python key registered on kcdesk's connections
  (`register_functions`), which raw connections never run.

The key is local: derived from the name on each device, never captured for sync and absent
from the server's tables (columns marked `LOCAL_ONLY` in their `info`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from kcdesk.text import SORT_LETTERS, SORT_SEPARATOR, vi_sort_key

# table -> its (name column, key column) pairs
SORT_KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "facility": (("name", "name_sort"), ("representative", "representative_sort")),
}
LOCAL_ONLY = "local_only"  # Column.info flag: derived on the device, never synced
SQL_FUNCTION = "kc_vi_sort_key"
_NOT_BULK = "coalesce((SELECT bulk FROM kc_context WHERE id = 1), 0) = 0"


def key_columns() -> frozenset[str]:
    return frozenset(key for pairs in SORT_KEYS.values() for _, key in pairs)


def python_default(source: str) -> Any:
    """A column default that computes the key from the row's `source` value on insert."""

    def default(context: Any) -> str | None:
        if context is None:  # asked without a row (kcdesk.db.bulk's fill): the triggers decide
            return None
        value = context.get_current_parameters().get(source)
        return None if value is None else vi_sort_key(value)

    return default


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _tables() -> tuple[str, str, str]:
    """The key's character table as three parallel strings for instr()/substr(): the
    characters, their letters (two places each, space-padded) and their tone digits."""
    chars = "".join(SORT_LETTERS)
    letters = "".join(letters.ljust(2) for letters, _ in SORT_LETTERS.values())
    tones = "".join(tone for _, tone in SORT_LETTERS.values())
    assert all(len(letters) <= 2 for letters, _ in SORT_LETTERS.values())
    return chars, letters, tones


def key_sql(expr: str) -> str:
    """A scalar SQL expression with vi_sort_key(`expr`), in SQLite's own functions only."""
    chars, letters, tones = (_literal(t) for t in _tables())
    ch = f"substr({expr}, k.i + 1, 1)"
    at = f"instr({chars}, {ch})"
    return (
        "(WITH RECURSIVE k(i, letters, tones) AS (SELECT 0, '', '' UNION ALL SELECT k.i + 1, "
        f"k.letters || iif({at} > 0, rtrim(substr({letters}, 2 * {at} - 1, 2)), {ch}), "
        f"k.tones || iif({at} > 0, substr({tones}, {at}, 1), '0') "
        f"FROM k WHERE k.i < length({expr})) "
        f"SELECT letters || {_literal(SORT_SEPARATOR)} || tones FROM k ORDER BY i DESC LIMIT 1)"
    )


def trigger_sql(table: str, source: str, key: str) -> list[str]:
    """The fallback triggers that give every writer the key (see the module's docstring)."""
    fill = f'UPDATE "{table}" SET "{key}" = {key_sql(f"NEW.{source}")} WHERE rowid = NEW.rowid;'
    return [
        f'CREATE TRIGGER kc_sortkey_{key}_insert AFTER INSERT ON "{table}" '
        f'WHEN NEW."{key}" IS NULL AND NEW."{source}" IS NOT NULL AND {_NOT_BULK} BEGIN {fill} END',
        f'CREATE TRIGGER kc_sortkey_{key}_update AFTER UPDATE OF "{source}", "{key}" ON "{table}" '
        f'WHEN (NEW."{source}" IS NOT OLD."{source}" AND NEW."{key}" IS OLD."{key}") '
        f'OR (NEW."{key}" IS NULL AND NEW."{source}" IS NOT NULL) BEGIN {fill} END',
    ]


def bulk_fill_sql(table: str, columns: Sequence[str]) -> list[str]:
    """After a bulk insert (rowid > :start): the keys its rows did not bring, one statement a
    key that calls the Python key (kcdesk's connections only)."""
    return [
        f'UPDATE "{table}" SET "{key}" = {SQL_FUNCTION}("{source}") '
        f'WHERE rowid > :start AND "{key}" IS NULL AND "{source}" IS NOT NULL'
        for source, key in SORT_KEYS.get(table, ())
        if key in columns
    ]


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function(SQL_FUNCTION, 1, _sql_key, deterministic=True)


def _sql_key(value: Any) -> str | None:
    return None if value is None else vi_sort_key(str(value))
