"""Writing many rows at once (demo data, imports, snapshots, pulls) at close to raw SQLite speed.

The per-row path (ORM or Core executemany) spends most of its time in Python: parameter
processing per value and one trigger program per row. Here values are converted once,
rows go to the driver's executemany into a temp staging table and from there into the table
by one INSERT ... SELECT, the per-row insert triggers stand aside (kc_context.bulk)
and the very same audit entries, outbox entries and search-index rows are written by
set-based statements (kcdesk.db.capture.bulk_capture_sql), all in the caller's transaction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Date, Table, text
from sqlalchemy.orm import Session

from kcdesk.db.base import Base, is_synced
from kcdesk.db.capture import (
    bulk_capture_sql,
    bulk_update_capture_sql,
    bulk_update_index_sql,
    bulk_update_ready,
    table_columns,
)
from kcdesk.db.sort_keys import SORT_KEYS
from kcdesk.db.staging import emptied, staging_table
from kcdesk.db.types import ExactDecimal, UTCDateTime, VNText
from kcdesk.gc_pause import collector_paused
from kcdesk.text import vi_sort_key

Converter = Callable[[Any], Any]


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    return value


def _nfc_column(values: Sequence[Any]) -> Sequence[Any]:
    """`_nfc` of each value, checked for the whole column at once: text typed or imported is
    nearly always NFC already, and then the column is kept as it is. NUL is a starter that
    composes with nothing, so the joined text is NFC exactly when every value is."""
    texts = [v for v in values if v.__class__ is str]
    if unicodedata.is_normalized("NFC", "\0".join(texts)):
        return values
    return list(map(_nfc, values))


def _converter(column_type: Any) -> Converter | None:
    # Only what sqlite3 cannot take as it is: str needs NFC, dates and instants need our
    # text form, decimals need text. bool is an int to sqlite3 already.
    if isinstance(column_type, VNText):
        return _nfc
    if isinstance(column_type, UTCDateTime):
        processor = UTCDateTime().process_bind_param
        return lambda v: processor(v, None) if isinstance(v, datetime) else v  # type: ignore[arg-type]
    if isinstance(column_type, ExactDecimal):
        return lambda v: str(Decimal(v)) if v is not None else None
    if isinstance(column_type, Date):
        return lambda v: v.isoformat() if isinstance(v, date) else v
    return None


def _plan(table: Table, keys: Sequence[str]) -> list[Converter | None]:
    return [_converter(table.columns[k].type) for k in keys]


def _fill(table: Table, key: str) -> Any:
    """The value for a column some rows leave out: its Python-side default, else NULL."""
    default = table.columns[key].default
    if default is None:
        return None
    if getattr(default, "is_scalar", False):
        return default.arg  # type: ignore[attr-defined]
    if getattr(default, "is_callable", False):
        return default.arg(None)  # type: ignore[attr-defined]
    return None


def _column(rows: Sequence[Mapping[str, Any]], key: str, fill: Any, derive: tuple[str, str] | None) -> list[Any]:
    """One column's values, row by row: the row's value, else `fill`; a sort key column
    (`derive` = its name column, itself) computed from the name where the row lacks it
    (as a single insert's column default would). Column by column: one tight loop each."""
    if derive is None:
        return [r.get(key, fill) for r in rows]
    source = derive[0]
    made = _SortKeys()
    return [made[r[source]] if key not in r and isinstance(r.get(source), str) else r.get(key, fill) for r in rows]


def _records(
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    named: list[str],
    keys: list[str],
    defaults: Mapping[str, Any],
    derived: Mapping[str, tuple[str, str]],
    uniform: bool,
) -> list[tuple[Any, ...]]:
    """The rows as tuples in `keys` order, values converted for sqlite3. Built column by
    column; when every row names the same fields (`uniform`: rows made by one import or
    generator) the columns are taken from all rows at once by itemgetter, in C."""
    first = rows[0].keys()
    taken: dict[str, Sequence[Any]] = {}
    if uniform:
        present = [k for k in named if k in first]
        if len(present) == 1:
            taken[present[0]] = [r[present[0]] for r in rows]
        elif present:
            taken = dict(zip(present, zip(*map(itemgetter(*present), rows), strict=True), strict=True))
    columns_data: list[Sequence[Any]] = []
    for key, convert in zip(keys, _plan(table, keys), strict=True):
        fill = defaults[key] if key in defaults else _fill(table, key)
        if key in taken:
            values: Sequence[Any] = taken[key]
        elif uniform and key not in derived:  # a default no row names: the same value for all
            values = [fill] * len(rows)
        else:
            values = _column(rows, key, fill, derived.get(key))
        if convert is _nfc:
            values = _nfc_column(values)
        elif convert is not None:
            values = list(map(convert, values))
        columns_data.append(values)
    return list(zip(*columns_data, strict=True))


class _SortKeys(dict[str, str]):
    """vi_sort_key of each distinct name, made once: names repeat in a province (a third to
    a half of the representatives' in the demo), and the key is the bulk path's largest
    Python cost (about 4 us a name)."""

    def __missing__(self, name: str) -> str:
        made = self[name] = vi_sort_key(name)
        return made


def _applying_remote(conn: Any) -> bool:
    """Whether the sync apply path is writing (kc_context): then no outbox entry is made,
    and the set-based outbox statement, which would find none, is not run at all."""
    return bool(conn.exec_driver_sql("SELECT coalesce(applying_remote, 0) FROM kc_context WHERE id = 1").scalar())


@collector_paused()  # a tuple per row, and more: see kcdesk.gc_pause
def bulk_insert(
    session: Session, table_name: str, rows: Sequence[Mapping[str, Any]], defaults: Mapping[str, Any] | None = None
) -> int:
    """Insert `rows` into a table, captured exactly as single inserts would be. A column no
    row names gets `defaults[column]`, else its SQL default; one that only some rows name
    gets `defaults[column]` or its Python default."""
    if not rows:
        return 0
    table = Base.metadata.tables[table_name]
    defaults = dict(defaults or {})
    # Every row's keys, in order: the first row's when all rows name the same fields (rows
    # made by one import or generator; looking at every key of 50,000 rows cost 0.1 s).
    first = rows[0].keys()
    uniform = all(r.keys() == first for r in rows)
    named = list(dict.fromkeys([*(first if uniform else chain.from_iterable(rows)), *defaults]))
    derived = {key: (source, key) for source, key in SORT_KEYS.get(table_name, ()) if source in named}
    keys = list(dict.fromkeys([*named, *derived]))
    data = _records(table, rows, named, keys, defaults, derived, uniform)
    conn = session.connection()
    synced = is_synced(table_name)
    start = conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table_name}"').scalar() if synced else 0
    audit_start = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM audit_entry").scalar() if synced else 0
    placeholders = ", ".join("?" for _ in keys)
    columns = ", ".join(f'"{k}"' for k in keys)
    # A captured table has insert triggers; even standing aside (kc_context.bulk) each one
    # costs a trigger sub-program set up per executed statement, about 30 us a row when the
    # rows come one statement each (executemany). Staged in a temp table and moved by one
    # INSERT ... SELECT, the trigger programs are set up once: 3x faster, the same rows in
    # the same order (ORDER BY the staging rowid), the same defaults and type affinities.
    stage = f"kc_bulk_{table_name}"
    target = staging_table(conn, stage, keys) if synced else f'"{table_name}"'
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f"INSERT INTO {target} ({columns}) VALUES ({placeholders})", data)
    finally:
        cursor.close()
    if synced:
        conn.exec_driver_sql("UPDATE kc_context SET bulk = 1 WHERE id = 1")
        conn.exec_driver_sql(
            f'INSERT INTO "{table_name}" ({columns}) SELECT {columns} FROM {target} WHERE true ORDER BY rowid'
        )
        conn.exec_driver_sql("UPDATE kc_context SET bulk = 0 WHERE id = 1")
        conn.exec_driver_sql(emptied(stage))
        for stmt in bulk_capture_sql(table_name, table_columns(conn, table_name), outbox=not _applying_remote(conn)):
            params = {"start": start, "audit_start": audit_start}
            conn.execute(text(stmt), {k: v for k, v in params.items() if f":{k}" in stmt})
    return len(data)


def bulk_upsert(session: Session, table_name: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
    """Insert or update `rows` (tuples in `columns` order, storage form, "id" among them) in
    a few statements, captured as the per-row triggers would: the rows go through a staging
    table and one INSERT ... ON CONFLICT with the update and insert triggers standing aside
    (kc_context.bulk); the audit entries (with the fields each update changed, before and
    after), the sort keys and the search index are written set-based around it
    (kcdesk.db.capture). For pulls (applying_remote): no outbox entries.

    False, with nothing written, when this database's triggers predate the bulk guard of
    the update triggers or an id comes twice: the caller writes row by row then."""
    conn = session.connection()
    at = columns.index("id")
    if not rows or len({r[at] for r in rows}) != len(rows) or not bulk_update_ready(conn, table_name):
        return False
    stage = f"kc_stage_{table_name}"
    quoted = ", ".join(f'"{c}"' for c in columns)
    staging_table(conn, stage, columns, key="seq")
    # A column NULL in every row is left to the staging table's NULL: sqlite3 binds None
    # through its adaptation lookup, several times the cost of a text or a number, and a
    # page of pulled facilities has half its columns empty (16 -> 3 us a row here).
    by_column = list(zip(*rows, strict=True))
    filled = [i for i, values in enumerate(by_column) if values.count(None) != len(values)]
    named, data = columns, rows
    if len(filled) < len(columns):
        named = [columns[i] for i in filled]
        take = itemgetter(*filled) if len(filled) > 1 else lambda r: (r[filled[0]],)
        data = list(map(take, rows))
    names = ", ".join(f'"{c}"' for c in named)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f'INSERT INTO "{stage}" ({names}) VALUES ({", ".join("?" for _ in named)})', data)
    finally:
        cursor.close()
    all_columns = table_columns(conn, table_name)
    start = conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{table_name}"').scalar()
    changed = _changed_columns(conn, table_name, columns, stage)
    for stmt in bulk_update_capture_sql(table_name, all_columns, changed, stage):  # before the rows change
        conn.exec_driver_sql(stmt)
    audit_start = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM audit_entry").scalar()
    # A stored row is written only in the columns that differ in some row of the page, and
    # only when it differs in one of them: a pull of edits usually changes a field or two
    # (and the version), and setting every column rewrote every index entry of every row
    # and set up the update triggers' programs for all of them (~14 us a row of 5,000 at
    # 100,000 facilities; ~5 us this way). A column equal in every row keeps its value
    # either way; new rows go in whole.
    if changed:
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in changed)
        differs = " OR ".join(f'"{table_name}"."{c}" IS NOT excluded."{c}" COLLATE BINARY' for c in changed)
        on_conflict = f"DO UPDATE SET {sets} WHERE {differs}"
    else:
        on_conflict = "DO NOTHING"
    conn.exec_driver_sql("UPDATE kc_context SET bulk = 1 WHERE id = 1")
    conn.exec_driver_sql(
        f'INSERT INTO "{table_name}" ({quoted}) SELECT {quoted} FROM "{stage}" WHERE true ORDER BY seq '
        f"ON CONFLICT(id) {on_conflict}"
    )
    conn.exec_driver_sql("UPDATE kc_context SET bulk = 0 WHERE id = 1")
    params = {"start": start, "audit_start": audit_start}
    capture = bulk_capture_sql(table_name, all_columns, outbox=not _applying_remote(conn))
    for stmt in [*capture, *bulk_update_index_sql(table_name, changed, stage)]:
        conn.execute(text(stmt), {k: v for k, v in params.items() if f":{k}" in stmt})
    conn.exec_driver_sql(emptied(stage))
    return True


def _changed_columns(conn: Any, table_name: str, columns: Sequence[str], stage: str) -> list[str]:
    """The staged columns (not id) whose value differs from the stored row's in at least one
    row of `stage`, in `columns` order. Compared as the capture triggers compare (IS NOT,
    the column's affinity applied to the staged value, as a write would apply it), by bytes
    (BINARY): a value equal here is stored the same if written again."""
    others = [c for c in columns if c != "id"]
    if not others:
        return []
    flags = ", ".join(f'max(t."{c}" IS NOT s."{c}" COLLATE BINARY)' for c in others)
    found = conn.exec_driver_sql(f'SELECT {flags} FROM "{stage}" AS s JOIN "{table_name}" AS t ON t.id = s.id').first()
    return [c for c, flag in zip(others, found, strict=True) if flag]
