"""Set-based writes for a push batch: a few statements per table, whatever the batch size.

Rows arrive in wire form (text dates and instants, decimals as text, real booleans), which
both databases take as they are: SQLite stores exactly that text, and PostgreSQL's COPY
parses it into DATE and BOOLEAN columns. So nothing is converted again on the way out,
and the work per row is one tuple.

- PostgreSQL: COPY new rows straight into the table; COPY changed rows into a per-session
  staging table and update from it in one statement. (Row-by-row INSERT or UPDATE, even
  pipelined, cost about ten times more here.)
- SQLite: the driver's executemany, which loops in C.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table

from kcdesk.server.db import _KEY_JOINS as KEY_JOINS  # by_key(join=True)'s settings


class DuplicateKey(Exception):
    """A bulk write met an existing key (another batch got there first, or a reused
    mutation id): the caller retries the batch the careful way."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT many rows, given as tuples in `columns` order."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy(conn, table.name, columns, rows)
        return
    cols = ", ".join(_quote(c) for c in columns)
    marks = ", ".join("?" for _ in columns)
    _sqlite_many(conn, f"INSERT INTO {_quote(table.name)} ({cols}) VALUES ({marks})", rows)


def update_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE many rows by id; `columns` starts with "id", each row is a tuple in that order."""
    if not rows:
        return
    assert columns[0] == "id"
    rest = columns[1:]
    if conn.dialect.name == "postgresql":
        # A staging table per set of columns (an edit of one field stages a few of them),
        # made from the table's own types without its NOT NULL constraints.
        tag = zlib.crc32("\x1f".join(columns).encode())
        stage = f"kc_stage_{table.name}_{tag:08x}"
        cols = ", ".join(_quote(c) for c in columns)
        # Several statements a round trip (no parameters: PostgreSQL's simple protocol): a
        # batch's update was eight round trips, each with its own work on both sides.
        _statements(
            conn,
            f"CREATE TEMP TABLE IF NOT EXISTS {_quote(stage)} ON COMMIT DELETE ROWS "
            f"AS SELECT {cols} FROM {_quote(table.name)} WITH NO DATA",
            f"DELETE FROM {_quote(stage)}",
        )
        _copy(conn, stage, columns, rows)
        sets = ", ".join(f"{_quote(c)} = s.{_quote(c)}" for c in rest)
        # A loop over the staged rows, not a hash of the whole table: kcdesk.server.db.by_key's
        # settings, in the same round trip as the update.
        _statements(
            conn,
            *(f"SET LOCAL {name} = off" for name in KEY_JOINS),
            f"UPDATE {_quote(table.name)} AS t SET {sets} FROM {_quote(stage)} AS s WHERE t.id = s.id",
            *(f"SET LOCAL {name} TO DEFAULT" for name in KEY_JOINS),
        )
        return
    sets = ", ".join(f"{_quote(c)} = ?" for c in rest)
    _sqlite_many(conn, f"UPDATE {_quote(table.name)} SET {sets} WHERE id = ?", [(*r[1:], r[0]) for r in rows])


def _statements(conn: Connection, *sql: str) -> None:
    """Statements without parameters, in one round trip (PostgreSQL)."""
    conn.exec_driver_sql("; ".join(sql), execution_options={"no_parameters": True})


def _sqlite_many(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    import sqlite3

    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    except sqlite3.IntegrityError as exc:
        raise DuplicateKey(str(exc)) from exc
    finally:
        cursor.close()


def _copy(conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    import psycopg

    raw = conn.connection.driver_connection
    cols = ", ".join(_quote(c) for c in columns)
    try:
        with raw.cursor() as cursor, cursor.copy(f"COPY {_quote(table)} ({cols}) FROM STDIN") as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row)
    except psycopg.errors.UniqueViolation as exc:
        raise DuplicateKey(str(exc)) from exc
