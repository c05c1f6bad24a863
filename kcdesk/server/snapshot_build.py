"""First-pull snapshots in the laptop's own layout: what a laptop takes in nearly whole.

A "rows" snapshot (kcdesk.server.pull.build_snapshot) holds the rows as the server stores
them; the laptop then computes every sort key, audit entry and search-index row itself,
which is most of a first pull's time. This one holds the laptop's tables as a laptop of the
same schema revision has them, sort keys and the search index (FTS5) included, so the
laptop copies them with a few INSERT ... SELECT (kcdesk.sync.snapshot_copy).

Per schema revision the server makes a template once: an empty laptop database, migrated
as a client makes it, with its triggers and indexes dropped (the laptop copies into its own
tables, which have them). Per view and cursor it copies the template, inserts exactly the
rows the view sees (the very selection a pull uses: kcdesk.server.pull.view_rows), fills the
search index, drops what the laptop does not take (the place names the index was built
with are named by `search_fingerprint` instead), VACUUMs and compresses with xz. Nothing
outside the view is ever written into the file.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from kcdesk import xz_streams
from kcdesk.atomic_write import atomic_path
from kcdesk.db.capture import SEARCH_TABLES, fold_sql
from kcdesk.db.files import sha256_of
from kcdesk.db.schema import HEAD_REVISION
from kcdesk.db.snapshot_layout import LAYOUT, META, fts_shadow_tables, search_fingerprint
from kcdesk.db.sort_keys import SORT_KEYS
from kcdesk.ids import new_id
from kcdesk.server import db
from kcdesk.server.counters import last_cursor
from kcdesk.server.pull import view_rows, view_tables, write_conflicts
from kcdesk.server.scopes import View
from kcdesk.server.stored import StoredReader
from kcdesk.sync.protocol import SnapshotInfo
from kcdesk.text import vi_sort_key

XZ_PRESET = 6  # 6 is xz's default: about 10% smaller than gzip -9 here, and the laptop unpacks it fast
_TEMPLATE_LOCK = threading.Lock()
KEPT_FOR_BUILD = frozenset({"admin_unit"})  # the search index's address folds in place names


def view_key(view: View) -> str:
    """The key the snapshot table files a client-layout snapshot under: view and revision."""
    return f"{view.key}@{LAYOUT}:{HEAD_REVISION}"


def template_path(folder: Path) -> Path:
    """The empty laptop database of this schema revision, made once per revision."""
    path = folder / f"template-{HEAD_REVISION}.sqlite"
    with _TEMPLATE_LOCK:  # one maker per process (workers each write their own temporary file)
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            with atomic_path(path) as tmp:
                _make_template(tmp)
    return path


def _make_template(target: Path) -> None:
    from kcdesk.db.store import Store  # the laptop's own creation path, and only here

    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        made = Path(tmp) / "laptop.db"
        Store.open(made, create=True, encrypt=False).close()  # the laptop encrypts its own copy
        lite = sqlite3.connect(made, isolation_level=None)
        try:
            lite.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            keep = set(db.REPLICATED) | KEPT_FOR_BUILD
            for table in SEARCH_TABLES:
                keep |= {f"{table}_fts", *fts_shadow_tables(table)}
            objects = lite.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall()
            for kind, name in objects:
                if kind in ("trigger", "index", "view"):
                    lite.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
            for kind, name in objects:
                if kind == "table" and name not in keep:
                    lite.execute(f'DROP TABLE IF EXISTS "{name}"')
            for name in db.REPLICATED:
                lite.execute(f'DELETE FROM "{name}"')  # seed rows come with the national scope's pull
            for table in SEARCH_TABLES:
                lite.execute(f"DELETE FROM {table}_fts")
            lite.execute("VACUUM")
        finally:
            lite.close()
        shutil.copyfile(made, target)


def fits(folder: Path, codecs: dict[str, Any]) -> bool:
    """Whether this revision's laptop has every column the server stores (a server ahead
    of its revision, with a column of its own, serves the rows instead: the laptop keeps
    such columns aside, which only the rows path does)."""
    lite = sqlite3.connect(template_path(folder))
    try:
        for name, codec in codecs.items():
            laptop = {r[1] for r in lite.execute(f'PRAGMA table_info("{name}")')}
            if not set(codec.columns) <= laptop:
                return False
    finally:
        lite.close()
    return True


def build_client_snapshot(conn: Connection, reader: StoredReader, view: View, folder: Path) -> SnapshotInfo:
    """The view's rows in the laptop's layout, xz-compressed, with the cursor they cover."""
    template = template_path(folder)
    cursor = last_cursor(conn, view.scope)
    snapshot_id = new_id()
    total = 0
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        plain = Path(tmp) / "snapshot.sqlite"
        shutil.copyfile(template, plain)
        # A temporary file nobody else reads: no journal and no syncing until it is packed.
        lite = sqlite3.connect(plain, isolation_level=None)
        try:
            lite.execute("PRAGMA journal_mode = OFF")
            lite.execute("PRAGMA synchronous = OFF")
            lite.execute("BEGIN")
            wanted = view_tables(view)
            for name in db.REPLICATED:
                if name not in wanted:
                    lite.execute(f'DROP TABLE "{name}"')
            for name in wanted:
                total += _fill_table(lite, conn, reader, view, name)
            for table in SEARCH_TABLES:
                _fill_search_index(lite, table, present=table in wanted)
            fingerprint = search_fingerprint(lite)
            for name in KEPT_FOR_BUILD:
                lite.execute(f'DROP TABLE "{name}"')
            write_conflicts(conn, view, lite)
            lite.execute(f"CREATE TABLE {META} (key, value)")
            meta = {"scope": view.scope, "cursor": cursor, "revision": HEAD_REVISION, "layout": LAYOUT}
            lite.executemany(f"INSERT INTO {META} VALUES (?, ?)", [*meta.items(), ("search_fingerprint", fingerprint)])
            lite.execute("COMMIT")
            lite.execute("VACUUM")
        finally:
            lite.close()
        final = folder / f"{snapshot_id}.sqlite.xz"
        with atomic_path(final) as packed, plain.open("rb") as src, packed.open("wb") as dst:
            xz_streams.pack(src, dst, XZ_PRESET)  # in parts, so that the laptop unpacks them side by side
    return SnapshotInfo(
        scope=view.scope,
        cursor=cursor,
        snapshot_id=snapshot_id,
        size=final.stat().st_size,
        sha256=sha256_of(final),
        rows=total,
        layout=LAYOUT,
        revision=HEAD_REVISION,
    )


def _fill_table(lite: sqlite3.Connection, conn: Connection, reader: StoredReader, view: View, name: str) -> int:
    """The view's rows of one table, with the sort keys the laptop computes from the names."""
    cols = reader.codecs[name].columns
    laptop = {r[1] for r in lite.execute(f'PRAGMA table_info("{name}")')}
    missing = [c for c in cols if c not in laptop]
    if missing:  # the template is this revision's laptop: it has every synced column
        raise RuntimeError(f"snapshot template of {HEAD_REVISION} lacks {name}.{missing}")
    keys = [(cols.index(source), key) for source, key in SORT_KEYS.get(name, ()) if key in laptop]
    names = [*cols, *(key for _, key in keys)]
    insert = f'INSERT INTO "{name}" ({", ".join(f"{c!r}" for c in names)}) VALUES ({", ".join("?" for _ in names)})'
    count = 0
    for part in view_rows(conn, reader, view, name):
        if keys:
            part = [(*row, *(_key(row[at]) for at, _ in keys)) for row in part]
        lite.executemany(insert, part)
        count += len(part)
    return count


def _key(value: Any) -> str | None:
    return None if value is None else vi_sort_key(str(value))


def _fill_search_index(lite: sqlite3.Connection, table: str, present: bool) -> None:
    """The search index as the laptop's insert triggers fill it (kcdesk.db.capture), merged
    into one segment ('optimize'): smaller, and what a laptop searches fastest."""
    if not present:
        for name in (f"{table}_fts", *fts_shadow_tables(table)):
            lite.execute(f'DROP TABLE IF EXISTS "{name}"')
        return
    doc = SEARCH_TABLES[table]
    values = ", ".join(fold_sql(expr.format(r="t")) for expr in doc.values())
    lite.execute(
        f"INSERT INTO {table}_fts (rowid, {', '.join(doc)}) SELECT t.rowid, {values} FROM {table} AS t "
        "WHERE t.deleted_at IS NULL"
    )
    lite.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('optimize')")
