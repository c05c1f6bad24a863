"""Change capture in SQL: audit trail, sync outbox, search index and record locks.

Triggers are the single capture point, so every path that writes (the ORM, Core bulk
inserts, raw SQL, a script) is audited and queued for sync in the same transaction as
the write itself. A rolled-back write leaves neither an audit entry nor an outbox entry.

The triggers are derived state: they are generated from the table's actual columns and
re-created after every migration (see migrations/env.py), so a migration that adds a
column, or a batch-mode table copy that drops triggers, can never leave a column
uncaptured.

Rules for code that writes: never `INSERT OR REPLACE` into a captured table (SQLite's
REPLACE deletes without firing delete triggers); use an UPSERT instead. Never VACUUM
without rebuilding the search index afterwards (VACUUM may renumber implicit rowids).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text

from kcdesk.db import sort_keys
from kcdesk.db.account_columns import ACCOUNT_COLUMNS

# Not captured: server-managed version and bookkeeping timestamps. Changing only these
# (as the sync layer does after an acknowledgement) never produces an outbox entry. Nor are
# the local sort keys (kcdesk.db.sort_keys): each device derives them from the name; nor the
# sign-in columns (kcdesk.db.account_columns): a password hash is never audited nor sent.
UNCAPTURED_COLUMNS = frozenset({"row_version", "updated_at"}) | sort_keys.key_columns() | ACCOUNT_COLUMNS
LOCK_TOKEN = "kcdesk-locked:"  # prefix of RAISE() messages from the lock guards below
_CTX = "(SELECT 1) AS one LEFT JOIN kc_context AS ctx ON ctx.id = 1"
_NOT_BULK = "coalesce((SELECT bulk FROM kc_context WHERE id = 1), 0) = 0"
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

# Search documents: what is indexed for each searchable table. đ/Đ are folded here (the
# tokenizer folds case and tone marks but treats đ as its own letter).
SEARCH_TABLES: dict[str, dict[str, str]] = {
    "facility": {
        "name": "{r}.name",
        "tax_code": "{r}.tax_code",
        "representative": "{r}.representative",
        "address": (
            "coalesce({r}.village, '') || ' ' || coalesce({r}.street, '') || ' ' || "
            "coalesce((SELECT full_name FROM admin_unit WHERE code = {r}.ward_code AND level = 'commune'"
            " AND valid_to IS NULL), '') || ' ' || "
            "coalesce((SELECT full_name FROM admin_unit WHERE code = {r}.province_code AND level = 'province'"
            " AND valid_to IS NULL), '') || ' ' || coalesce({r}.legacy_address, '')"
        ),
    },
    "proposal": {"code": "{r}.code", "title": "{r}.title", "implementing_unit": "{r}.implementing_unit"},
}
SEARCH_SOURCE_COLUMNS = {
    "facility": (
        "name",
        "tax_code",
        "representative",
        "village",
        "street",
        "ward_code",
        "province_code",
        "legacy_address",
        "deleted_at",
    ),
    "proposal": ("code", "title", "implementing_unit", "deleted_at"),
}


def fold_sql(expr: str) -> str:
    return f"replace(replace({expr}, 'đ', 'd'), 'Đ', 'D')"


def table_columns(conn: Connection, table: str) -> list[str]:
    return [row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]


def existing_tables(conn: Connection) -> set[str]:
    rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    return {r[0] for r in rows}


def _json_object(ref: str, columns: Sequence[str]) -> str:
    # json_object takes at most 127 arguments (SQLITE_MAX_FUNCTION_ARG); merge chunks.
    chunks = [columns[i : i + 60] for i in range(0, len(columns), 60)]
    objects = ["json_object(" + ", ".join(f"'{c}', {ref}.\"{c}\"" for c in chunk) + ")" for chunk in chunks]
    result = "'{}'"
    for obj in objects:
        result = f"json_patch({result}, {obj})"  # json_patch also drops null members
    return result


def _changed_object(ref: str, columns: Sequence[str], old: str = "OLD", new: str = "NEW") -> str:
    parts = " UNION ALL ".join(
        f'SELECT \'{c}\' AS k, {ref}."{c}" AS v WHERE {old}."{c}" IS NOT {new}."{c}"' for c in columns
    )
    return f"(SELECT json_group_object(k, v) FROM ({parts}))"


def capture_trigger_sql(table: str, columns: Iterable[str], compact: bool = True) -> list[str]:
    """CREATE TRIGGER statements that audit and queue every change to `table`. An insert's
    entry holds no image when `compact` (kcdesk.db.audit_trail rebuilds it from the row)."""
    cols = [c for c in columns if c not in UNCAPTURED_COLUMNS and c != "id"]
    insert_audit = (
        "INSERT INTO audit_entry (at, user_id, device_id, origin, table_name, row_id, op, before, after) "
        f"SELECT {_NOW}, ctx.user_id, ctx.device_id, coalesce(ctx.origin, 'local'), '{table}', {{ref}}.id, "
        "{op}, {before}, {after} FROM " + _CTX + ";"
    )
    insert_outbox = (
        "INSERT INTO sync_outbox (mutation_id, audit_id, device_id, table_name, row_id, op, base_version) "
        f"SELECT lower(hex(randomblob(16))), last_insert_rowid(), ctx.device_id, '{table}', {{ref}}.id, "
        "{op}, {base} FROM " + _CTX + " WHERE coalesce(ctx.applying_remote, 0) = 0;"
    )
    update_op = (
        "CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'delete' "
        "WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END"
    )
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in cols)
    return [
        f'CREATE TRIGGER kc_capture_{table}_insert AFTER INSERT ON "{table}" WHEN {_NOT_BULK} BEGIN '
        + insert_audit.format(
            ref="NEW", op="'insert'", before="NULL", after="NULL" if compact else _json_object("NEW", cols)
        )
        + insert_outbox.format(ref="NEW", op="'insert'", base="NEW.row_version")
        + " END",
        # The bulk flag first: a set-based write (kcdesk.db.bulk) then skips the comparison of
        # every column, row by row (~8 us a row of a pulled page).
        f'CREATE TRIGGER kc_capture_{table}_update AFTER UPDATE ON "{table}" WHEN {_NOT_BULK} AND ({changed}) BEGIN '
        + insert_audit.format(
            ref="NEW", op=update_op, before=_changed_object("OLD", cols), after=_changed_object("NEW", cols)
        )
        + insert_outbox.format(ref="NEW", op=update_op, base="OLD.row_version")
        + " END",
        f'CREATE TRIGGER kc_capture_{table}_delete AFTER DELETE ON "{table}" BEGIN '
        + insert_audit.format(ref="OLD", op="'delete'", before=_json_object("OLD", cols), after="NULL")
        + insert_outbox.format(ref="OLD", op="'delete'", base="OLD.row_version")
        + " END",
    ]


def search_trigger_sql(table: str) -> list[str]:
    doc = SEARCH_TABLES[table]
    fts = f"{table}_fts"
    names = ", ".join(doc)

    def values(ref: str) -> str:
        return ", ".join(fold_sql(expr.format(r=ref)) for expr in doc.values())

    watched = ", ".join(SEARCH_SOURCE_COLUMNS[table])
    return [
        f"CREATE TRIGGER kc_search_{table}_insert AFTER INSERT ON {table} WHEN NEW.deleted_at IS NULL AND {_NOT_BULK} "
        "BEGIN "
        f"INSERT INTO {fts} (rowid, {names}) VALUES (NEW.rowid, {values('NEW')}); END",
        f"CREATE TRIGGER kc_search_{table}_update AFTER UPDATE OF {watched} ON {table} WHEN {_NOT_BULK} BEGIN "
        f"DELETE FROM {fts} WHERE rowid = OLD.rowid; "
        f"INSERT INTO {fts} (rowid, {names}) SELECT NEW.rowid, {values('NEW')} WHERE NEW.deleted_at IS NULL; END",
        f"CREATE TRIGGER kc_search_{table}_delete AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {fts} WHERE rowid = OLD.rowid; END",
    ]


def rebuild_search_index(conn: Connection, table: str) -> None:
    doc = SEARCH_TABLES[table]
    names = ", ".join(doc)
    vals = ", ".join(fold_sql(expr.format(r="t")) for expr in doc.values())
    conn.exec_driver_sql(f"DELETE FROM {table}_fts")
    conn.exec_driver_sql(
        f"INSERT INTO {table}_fts (rowid, {names}) SELECT t.rowid, {vals} FROM {table} AS t WHERE t.deleted_at IS NULL"
    )


# Locks: a signed acceptance, and a settled proposal, refuse changes unless the sync
# apply path (server-authoritative) writes them. The core checks first and explains;
# these guards make sure no other path gets round it.
_NOT_APPLYING = "coalesce((SELECT applying_remote FROM kc_context WHERE id = 1), 0) = 0"
LOCKED_PROPOSAL_STATUSES = ("settled", "evaluated")
_SETTLED = "(" + ", ".join(f"'{s}'" for s in LOCKED_PROPOSAL_STATUSES) + ")"
PROPOSAL_CHILDREN = ("budget_line", "disbursement", "proposal_beneficiary", "proposal_activity", "proposal_task")
ACCEPTANCE_CHILDREN = ("acceptance_member", "acceptance_item")


def lock_trigger_sql(proposal_columns: Sequence[str]) -> list[str]:
    sql = [
        f"CREATE TRIGGER kc_lock_acceptance_{op} BEFORE {op.upper()} ON acceptance "
        f"WHEN OLD.signed_at IS NOT NULL AND {_NOT_APPLYING} "
        f"BEGIN SELECT RAISE(ABORT, '{LOCK_TOKEN}acceptance'); END"
        for op in ("update", "delete")
    ]
    for child in ACCEPTANCE_CHILDREN:
        for op, ref in (("insert", "NEW"), ("update", "OLD"), ("delete", "OLD")):
            sql.append(
                f"CREATE TRIGGER kc_lock_{child}_{op} BEFORE {op.upper()} ON {child} "
                f"WHEN (SELECT signed_at FROM acceptance WHERE id = {ref}.acceptance_id) IS NOT NULL "
                f"AND {_NOT_APPLYING} BEGIN SELECT RAISE(ABORT, '{LOCK_TOKEN}acceptance'); END"
            )
    # A settled proposal may still move on (evaluation), but nothing else may change.
    frozen = [c for c in proposal_columns if c not in UNCAPTURED_COLUMNS | {"status", "status_date"}]
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in frozen)
    sql.append(
        f"CREATE TRIGGER kc_lock_proposal_update BEFORE UPDATE ON proposal "
        f"WHEN OLD.status IN {_SETTLED} AND {_NOT_APPLYING} AND ({changed}) "
        f"BEGIN SELECT RAISE(ABORT, '{LOCK_TOKEN}proposal'); END"
    )
    for child in PROPOSAL_CHILDREN:
        for op, ref in (("insert", "NEW"), ("update", "OLD"), ("delete", "OLD")):
            sql.append(
                f"CREATE TRIGGER kc_lock_{child}_{op} BEFORE {op.upper()} ON {child} "
                f"WHEN (SELECT status FROM proposal WHERE id = {ref}.proposal_id) IN {_SETTLED} "
                f"AND {_NOT_APPLYING} BEGIN SELECT RAISE(ABORT, '{LOCK_TOKEN}proposal'); END"
            )
    return sql


def drop_kcdesk_triggers(conn: Connection) -> None:
    rows = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kc\\_%' ESCAPE '\\'"
    )
    for (name,) in list(rows):
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')


def install_triggers(conn: Connection, synced_tables: Iterable[str], compact_audit: bool = True) -> None:
    """(Re)create every kcdesk trigger from the tables as they are in the database now
    (`compact_audit`: False only for a database migrated down below 0009_compact_audit)."""
    present = existing_tables(conn)
    drop_kcdesk_triggers(conn)
    for table in synced_tables:
        if table in present:
            for stmt in capture_trigger_sql(table, table_columns(conn, table), compact_audit):
                conn.exec_driver_sql(stmt)
    for table in SEARCH_TABLES:
        if table in present and f"{table}_fts" in present:
            for stmt in search_trigger_sql(table):
                conn.exec_driver_sql(stmt)
    for table, pairs in sort_keys.SORT_KEYS.items():
        columns = table_columns(conn, table) if table in present else []
        for source, key in pairs:
            if key in columns:
                for stmt in sort_keys.trigger_sql(table, source, key):
                    conn.exec_driver_sql(stmt)
    needed = {"acceptance", "proposal", *ACCEPTANCE_CHILDREN, *PROPOSAL_CHILDREN}
    if needed <= present:
        for stmt in lock_trigger_sql(table_columns(conn, "proposal")):
            conn.exec_driver_sql(stmt)


def set_context(
    conn: Connection,
    *,
    user_id: str | None,
    device_id: str | None,
    origin: str = "local",
    applying_remote: bool = False,
) -> None:
    conn.execute(
        text(
            "UPDATE kc_context SET user_id = :u, device_id = :d, origin = :o, applying_remote = :a, bulk = 0"
            " WHERE id = 1"
        ),
        {"u": user_id, "d": device_id, "o": origin, "a": int(applying_remote)},
    )


def bulk_capture_sql(table: str, columns: Sequence[str], outbox: bool = True) -> list[str]:
    """Set-based equivalents of the insert triggers, for rows with rowid > :start (see
    kcdesk.db.bulk). They write the same audit entries, outbox entries and index rows.
    `outbox` False leaves out the outbox statement: the caller knows the sync apply path
    is writing (kc_context.applying_remote), where that statement writes nothing."""
    sql = sort_keys.bulk_fill_sql(table, columns)
    sql.append(
        "INSERT INTO audit_entry (at, user_id, device_id, origin, table_name, row_id, op, before, after) "
        f"SELECT {_NOW}, ctx.user_id, ctx.device_id, coalesce(ctx.origin, 'local'), '{table}', t.id, 'insert', NULL, "
        f'NULL FROM "{table}" AS t LEFT JOIN kc_context AS ctx ON ctx.id = 1 '
        "WHERE t.rowid > :start ORDER BY t.rowid"
    )
    if outbox:
        sql.append(
            "INSERT INTO sync_outbox (mutation_id, audit_id, device_id, table_name, row_id, op, base_version) "
            f"SELECT lower(hex(randomblob(16))), a.id, a.device_id, '{table}', a.row_id, 'insert', t.row_version "
            f'FROM audit_entry AS a JOIN "{table}" AS t ON t.id = a.row_id LEFT JOIN kc_context AS ctx ON ctx.id = 1 '
            f"WHERE a.id > :audit_start AND a.table_name = '{table}' AND coalesce(ctx.applying_remote, 0) = 0 "
            "ORDER BY a.id"
        )
    if table in SEARCH_TABLES:
        doc = SEARCH_TABLES[table]
        values = ", ".join(fold_sql(expr.format(r="t")) for expr in doc.values())
        sql.append(
            f"INSERT INTO {table}_fts (rowid, {', '.join(doc)}) SELECT t.rowid, {values} FROM {table} AS t "
            "WHERE t.rowid > :start AND t.deleted_at IS NULL"
        )
    return sql


def bulk_update_ready(conn: Connection, table: str) -> bool:
    """Whether this database's update triggers stand aside for kc_context.bulk (they do
    once the triggers were installed by this version: after a migration, or a new file)."""
    names = [f"kc_capture_{table}_update"] + ([f"kc_search_{table}_update"] if table in SEARCH_TABLES else [])
    marks = ", ".join("?" for _ in names)
    found = conn.exec_driver_sql(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks}) AND sql LIKE '%bulk%'",
        tuple(names),
    ).scalar()
    return found == len(names)


def bulk_update_capture_sql(table: str, columns: Sequence[str], staged: Sequence[str], stage: str) -> list[str]:
    """Set-based equivalents of the update triggers for the rows of `stage` (a table with
    `staged` columns, `seq` in arrival order) that already exist in `table`, to run BEFORE
    they are written: the audit entries the update trigger would write (changed fields,
    before and after), and the search-index rows of those whose indexed text changes. The
    index rows of the new values go in afterwards (bulk_update_index_sql). Pulls only: no
    outbox entries (the sync layer writes with applying_remote)."""
    cols = [c for c in columns if c not in UNCAPTURED_COLUMNS and c != "id" and c in staged]
    if not cols:
        return []
    changed = " OR ".join(f't."{c}" IS NOT s."{c}"' for c in cols)
    op = (
        "CASE WHEN t.deleted_at IS NULL AND s.deleted_at IS NOT NULL THEN 'delete' "
        "WHEN t.deleted_at IS NOT NULL AND s.deleted_at IS NULL THEN 'restore' ELSE 'update' END"
        if "deleted_at" in cols
        else "'update'"
    )
    sql = [
        "INSERT INTO audit_entry (at, user_id, device_id, origin, table_name, row_id, op, before, after) "
        f"SELECT {_NOW}, ctx.user_id, ctx.device_id, coalesce(ctx.origin, 'local'), '{table}', t.id, {op}, "
        f"{_changed_object('t', cols, 't', 's')}, {_changed_object('s', cols, 't', 's')} "
        f'FROM "{stage}" AS s JOIN "{table}" AS t ON t.id = s.id LEFT JOIN kc_context AS ctx ON ctx.id = 1 '
        f"WHERE {changed} ORDER BY s.seq"
    ]
    watched = [c for c in SEARCH_SOURCE_COLUMNS.get(table, ()) if c in staged]
    if watched:  # only the rows whose indexed text changes: re-indexing the others gives the same index
        moved = " OR ".join(f't."{c}" IS NOT s."{c}"' for c in watched)
        sql += [
            # Made once per connection and emptied after use (kcdesk.db.staging says why).
            f'CREATE TEMP TABLE IF NOT EXISTS "{stage}_reindex" (rid INTEGER)',
            f'DELETE FROM temp."{stage}_reindex"',
            f'INSERT INTO temp."{stage}_reindex" (rid) SELECT t.rowid FROM "{stage}" AS s '
            f'JOIN "{table}" AS t ON t.id = s.id WHERE {moved}',
            f'DELETE FROM {table}_fts WHERE rowid IN (SELECT rid FROM "{stage}_reindex")',
        ]
    return sql


def bulk_update_index_sql(table: str, staged: Sequence[str], stage: str) -> list[str]:
    """After the rows of `stage` are written: the search-index rows of the stored ones whose
    indexed text changed (noted by bulk_update_capture_sql; new rows are indexed by
    bulk_capture_sql)."""
    if table not in SEARCH_TABLES or not set(SEARCH_SOURCE_COLUMNS[table]) & set(staged):
        return []
    doc = SEARCH_TABLES[table]
    values = ", ".join(fold_sql(expr.format(r="t")) for expr in doc.values())
    return [
        f"INSERT INTO {table}_fts (rowid, {', '.join(doc)}) SELECT t.rowid, {values} FROM {table} AS t "
        f'WHERE t.rowid IN (SELECT rid FROM "{stage}_reindex") AND t.deleted_at IS NULL',
        f'DELETE FROM temp."{stage}_reindex"',
    ]
