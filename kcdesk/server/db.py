"""The server's database: the replicated tables plus its own bookkeeping.

Replicated tables are built from the desktop's own table definitions (kcdesk.db.models),
so both sides agree on every column and type. On the server they carry no SQLite
defaults and no foreign keys (the push path checks parents itself, with a reason people
can read), plus two placement columns: the scope (province code, "00" for national rows)
and the commune, kept up to date so pulls and snapshots select by index.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Engine,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)

import kcdesk.db.models  # noqa: F401  (registers every table)
from kcdesk.db.base import Base, synced_tables
from kcdesk.db.sort_keys import LOCAL_ONLY

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)
SCOPE_COL = "kc_scope"
WARD_COL = "kc_ward"
DEVICE_COL = "kc_device"
WIRE_COL = "kc_wire"
SERVER_COLUMNS = (SCOPE_COL, WARD_COL, DEVICE_COL, WIRE_COL)
SCHEMA_LOCK_KEY = 0x6B6364_0001  # pg_advisory_lock keys of this server ("kcd" + a number)
SNAPSHOT_LOCK_KEY = 0x6B6364_0002


def _server_type(column: Column[Any]) -> Any:
    # Integers are 64-bit here: sums in đồng pass 2^31 all the time (a 1.5 billion đồng cap)
    # and PostgreSQL's INTEGER is 32-bit. SQLite's are 64-bit anyway.
    if isinstance(column.type, Integer) and not isinstance(column.type, BigInteger):
        return BigInteger()
    return column.type


def _replicated_table(source: Table) -> Table:
    # Local-only columns (the desktop's derived sort keys, kcdesk.db.sort_keys) never travel.
    columns = [
        Column(c.name, _server_type(c), primary_key=c.primary_key, nullable=c.nullable or not c.primary_key)
        for c in source.columns
        if not c.info.get(LOCAL_ONLY)
    ]
    table = Table(
        source.name,
        metadata,
        *columns,
        Column(SCOPE_COL, String(2), nullable=False),
        Column(WARD_COL, String(5)),
        # The device that holds exactly the current version (it wrote it, and nothing it
        # sent was changed on the way: kcdesk.server.push); NULL when no device is known to.
        Column(DEVICE_COL, String(36)),
        # The row in wire form, as JSON text, written by the push that stored this version
        # (kcdesk.server.wire_cache): a pull sends it as it is instead of reading and
        # encoding every column again. NULL when unknown; any other write makes it NULL.
        Column(WIRE_COL, Text),
    )
    Index(f"ix_{source.name}_placement", table.c[SCOPE_COL], table.c[WARD_COL])
    for fk in source.foreign_keys:  # children are found by their parent's id
        Index(f"ix_{source.name}_{fk.parent.name}_ref", table.c[fk.parent.name])
    return table


REPLICATED: dict[str, Table] = {name: _replicated_table(Base.metadata.tables[name]) for name in synced_tables()}
Index("ix_attachment_owner_ref", REPLICATED["attachment"].c.owner_id)
# Files are asked for by hash (kcdesk.server.blob_rights): the rows naming one, found by index.
ATTACHMENT_SHA_INDEX = Index("ix_attachment_sha_ref", REPLICATED["attachment"].c.sha256)

server_meta = Table("server_meta", metadata, Column("key", String(40), primary_key=True), Column("value", Text))
device = Table(
    "server_device",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", String(20), nullable=False),
    Column("province_code", String(2)),
    Column("communes", Text, nullable=False),  # JSON list of ward codes
    Column("token_hash", String(64), nullable=False),  # the refresh token the device holds now
    Column("prev_token_hash", String(64)),  # the one it spent last (see auth.issue_tokens)
    Column("token_expires_at", String(30)),
    Column("token_rotated_at", String(30)),
    Column("last_seq", BigInteger, nullable=False),
    Column("created_at", String(30), nullable=False),
    Column("revoked_at", String(30)),
    Column("last_seen_at", String(30)),
    Column("last_push_at", String(30)),
    Column("app_version", String(40)),
    Column("outbox_depth", Integer),
    Column("user_id", String(36)),  # the person this laptop works for (a server-owned app_user)
    Column("aside_bytes", BigInteger),  # what server_field_aside holds for it (bounded, see push)
)
enrol_code = Table(
    "server_enrol_code",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("province_code", String(2)),
    Column("communes", Text, nullable=False),
    Column("created_at", String(30), nullable=False),
    Column("expires_at", String(30), nullable=False),
    Column("used_at", String(30)),
    Column("device_id", String(36)),
    Column("user_id", String(36)),
)
applied_mutation = Table(
    "server_applied_mutation",
    metadata,
    Column("device_id", String(36), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("mutation_id", String(64), nullable=False),
    Column("outcome", Text, nullable=False),
    Column("at", String(30), nullable=False),
    PrimaryKeyConstraint("device_id", "seq"),
    UniqueConstraint("device_id", "mutation_id"),
)
change_log = Table(
    "server_change_log",
    metadata,
    Column("scope", String(2), nullable=False),
    Column("cursor", BigInteger, nullable=False),
    Column("ward", String(5)),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("op", String(6), nullable=False),  # upsert | evict | conflict
    Column("at", String(30), nullable=False),
    # The device whose push wrote this version, and the seq of its last change to the row,
    # when that device already holds exactly this version (kcdesk.server.push, "echo-free"):
    # its pulls skip the entry once it has acknowledged that seq. NULL when the server
    # changed anything itself (a merge, a stamp, a move), so every device hears of it.
    Column("device", String(36)),
    Column("seq", BigInteger),
    PrimaryKeyConstraint("scope", "cursor"),
)
# One row per scope: the last cursor handed out, and the compaction horizon. Writers
# lock their scopes' rows (UPDATE ... RETURNING) until they commit, so cursors of a scope
# become visible in order: a reader never sees cursor 11 committed while 10 is not.
scope_counter = Table(
    "server_scope_counter",
    metadata,
    Column("scope", String(2), primary_key=True),
    Column("last_cursor", BigInteger, nullable=False),
    Column("horizon", BigInteger, nullable=False),
)
conflict = Table(
    "server_conflict",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("scope", String(2), nullable=False),
    Column("ward", String(5)),
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("fields", Text, nullable=False),
    Column("winner_device", String(36)),
    Column("loser_device", String(36)),
    Column("created_at", String(30), nullable=False),
    Column("resolved_at", String(30)),
    Column("resolution", Text),
)
# Fields a device sent that this server's schema does not have (a newer kcdesk): kept here
# instead of refusing the change, for a later server version to apply.
field_aside = Table(
    "server_field_aside",
    metadata,
    Column("device_id", String(36), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("table_name", String(60), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("fields", Text, nullable=False),  # JSON object, as the device sent it
    Column("at", String(30), nullable=False),
    PrimaryKeyConstraint("device_id", "seq"),
)
# Stored rows that do not read back (written before the wire checks, or by hand): left out
# of pulls and snapshots and listed for the administrator (`kcdesk-server quarantine`).
quarantine = Table(
    "server_quarantine",
    metadata,
    Column("table_name", String(40), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("column_name", String(60), nullable=False),
    Column("problem", Text, nullable=False),
    Column("scope", String(2)),
    Column("found_at", String(30), nullable=False),
    PrimaryKeyConstraint("table_name", "row_id"),
)
blob = Table(
    "server_blob",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("created_at", String(30), nullable=False),
)
# Who proved they have a file (uploaded it whole, hash checked), and who made an
# attachment row point at one: see kcdesk.server.blob_rights.
blob_holder = Table(
    "server_blob_holder",
    metadata,
    Column("sha256", String(64), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("at", String(30), nullable=False),
    PrimaryKeyConstraint("sha256", "device_id"),
)
blob_claim = Table(
    "server_blob_claim",
    metadata,
    Column("attachment_id", String(36), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("at", String(30), nullable=False),
    PrimaryKeyConstraint("attachment_id", "sha256", "device_id"),
)
Index("ix_server_blob_claim_sha", blob_claim.c.sha256)
upload = Table(
    "server_upload",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("received", BigInteger, nullable=False),
    Column("created_at", String(30), nullable=False),
    UniqueConstraint("device_id", "sha256"),
)
snapshot = Table(
    "server_snapshot",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("view_key", String(200), nullable=False),
    Column("scope", String(2), nullable=False),
    Column("cursor", BigInteger, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("rows", BigInteger, nullable=False),
    Column("created_at", String(30), nullable=False),
)

# Fixed-window request counters shared by every worker (kcdesk.server.rate_limits).
rate_window = Table(
    "server_rate_window",
    metadata,
    Column("key", String(120), nullable=False),
    Column("window", BigInteger, nullable=False),  # start of the window, seconds since 1970
    Column("count", BigInteger, nullable=False),
    PrimaryKeyConstraint("key", "window"),
)
# Failed enrolments and token requests: who (client address, device id asked for), when,
# why. Codes and tokens themselves are never written down.
auth_failure = Table(
    "server_auth_failure",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(30), nullable=False),
    Column("action", String(10), nullable=False),  # enrol | token
    Column("client", String(64), nullable=False),
    Column("device_id", String(64)),
    Column("code", String(40), nullable=False),
)


def default_data_dir() -> Path:
    override = os.environ.get("KCDESK_SERVER_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("kcdesk-server", appauthor=False))


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'kcdesk-server.db'}"


def prepare_sqlite_file(url: str) -> None:
    """The database file and its folder, owner-only from the start: the file holds device
    token hashes and people's data. SQLite creates its -wal and -shm files with the
    database file's permissions. An existing file others could read is tightened."""
    from sqlalchemy.engine import make_url

    from kcdesk.server.token_secret import owner_only

    name = make_url(url).database
    if not name or name == ":memory:" or os.name == "nt":
        return
    path = Path(name)
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    if not path.exists():
        with contextlib.suppress(FileExistsError):  # another process made it just now
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    for each in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        owner_only(each)


def make_server_engine(url: str, pool_size: int = 8, max_overflow: int = 16, pool_timeout: int = 30) -> Engine:
    if url.startswith("sqlite"):
        prepare_sqlite_file(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # One writer at a time, taken up front: SQLite's equivalent of the row locks
            # the PostgreSQL path takes.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(
        url, pool_size=pool_size, max_overflow=max_overflow, pool_timeout=pool_timeout, pool_pre_ping=True
    )


@contextmanager
def advisory_lock(engine: Engine, key: int) -> Iterator[None]:
    """One process at a time past this point (PostgreSQL: an advisory lock held by a
    connection of its own; a SQLite server runs one worker, so nothing to do)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as conn:
        conn.exec_driver_sql(f"SELECT pg_advisory_lock({int(key)})")
        conn.commit()
        try:
            yield
        finally:
            conn.exec_driver_sql(f"SELECT pg_advisory_unlock({int(key)})")
            conn.commit()


def schema_lock(engine: Engine) -> Any:
    """Several workers may start at once: one creates or upgrades the schema."""
    return advisory_lock(engine, SCHEMA_LOCK_KEY)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def create_schema(engine: Engine) -> set[str]:
    """Create what is missing; return the names of the tables made now. Tables only ever
    gain nullable columns (replicated tables' columns are all nullable on the server);
    those are added to an existing database here (create_all leaves existing tables be)."""
    from sqlalchemy import inspect

    before = set(inspect(engine).get_table_names())
    metadata.create_all(engine)
    created = set(metadata.tables) - before
    ATTACHMENT_SHA_INDEX.create(engine, checkfirst=True)  # servers made before it

    with engine.begin() as conn:
        inspector = inspect(conn)
        if conn.dialect.name == "postgresql":  # databases made before integers were widened
            for table in REPLICATED.values():
                narrow = {c["name"] for c in inspector.get_columns(table.name) if str(c["type"]) == "INTEGER"}
                for column in table.columns:
                    if column.name in narrow and isinstance(column.type, BigInteger):
                        conn.exec_driver_sql(f'ALTER TABLE "{table.name}" ALTER COLUMN "{column.name}" TYPE BIGINT')
        # Replicated tables gain the columns a newer desktop schema adds (all nullable here).
        for table in (device, enrol_code, change_log, *REPLICATED.values()):
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present and column.nullable:
                    kind = column.type.compile(dialect=conn.dialect)
                    conn.exec_driver_sql(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}')
                    _backfill(conn, table.name, column.name)
    from kcdesk.server.wire_cache import install_wire_cache

    install_wire_cache(engine)
    return created


def _backfill(conn: Any, table: str, column: str) -> None:
    """Rows already on the server get the value the desktop's migration gave its own rows
    (its column default), so a device that pulls them never receives NULL for a column its
    schema requires (a money entry's fund source, say)."""
    source = Base.metadata.tables.get(table)
    if source is None or column not in source.c or source.c[column].nullable:
        return
    default = source.c[column].server_default
    value = getattr(default, "arg", None)
    if value is None:
        return
    literal = value.text if hasattr(value, "text") else f"'{value}'"
    conn.exec_driver_sql(f'UPDATE "{table}" SET "{column}" = {literal} WHERE "{column}" IS NULL')


# Planner settings that make PostgreSQL look rows up by key (see by_key).
_KEY_LOOKUPS = ("enable_seqscan",)
_KEY_JOINS = ("enable_hashjoin", "enable_mergejoin")


@contextmanager
def by_key(conn: Any, join: bool = False) -> Iterator[None]:
    """On PostgreSQL, plan the statements inside as lookups by primary key (SET LOCAL, put
    back after them). A batch names a few thousand ids of a table that may hold hundreds of
    thousands, and the planner, without fresh statistics (a province just imported; a
    temporary staging table is never analysed), read the whole table for them on every batch
    (a sequential scan, or a hash of the table): 2.5-4x the time at 100,000 rows, growing with
    the table. `join`: a join with a staging table, done as a loop over the staged rows.
    Only the plan changes, never what is read or written. On an error the transaction ends
    and takes the settings with it, so nothing is put back then."""
    if conn.dialect.name != "postgresql":
        yield
        return
    names = _KEY_JOINS if join else _KEY_LOOKUPS
    for name in names:
        conn.exec_driver_sql(f"SET LOCAL {name} = off")
    yield
    for name in names:
        conn.exec_driver_sql(f"SET LOCAL {name} TO DEFAULT")
