"""Answers for the command line's read-only commands (`kcdesk status`, `kcdesk due`) over a
plain sqlite3 connection, so they start in a fraction of the time the ORM takes to import.

Only a database already at the schema head takes this path (`open_read_only`); a missing,
older, newer or damaged file returns None and the caller opens it through Store.open, which
creates, migrates, moves aside and explains exactly as before. The queries are the ORM's
ones (kcdesk.services.overview, kcdesk.services.due, kcdesk.services.sums.settlement_dates)
written as SQL; tests/test_quick_read.py checks that both paths give the same answers.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import cast

from kcdesk.db.schema import HEAD_REVISION
from kcdesk.domain.deadlines import (
    PROGRESS_RULE,
    DueItem,
    ProposalFacts,
    due_items,
    follow_up_from,
    periods_looked_at,
    rule_from_row,
)
from kcdesk.domain.overview import Overview
from kcdesk.errors import StoreError

BUSY_TIMEOUT_MS = 5000  # as kcdesk.db.engine: wait for a writer in another window


def open_read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to `path` if it is a kcdesk database at the schema head, else
    None (the caller then takes Store.open's full path).

    This is the one place the command line opens the file without SQLAlchemy: whatever
    kcdesk.db.engine does on connect to read the file (encryption keys included) must be
    done here too.
    """
    from kcdesk.db import sqlfile  # light: the SQLCipher binding loads only for a keyed file

    try:
        with path.open("rb") as fh:
            if fh.read(16) != sqlfile.PLAIN_HEADER and not sqlfile.key_file(path).exists():
                return None
        conn = sqlfile.connect(path, sqlfile.key_for(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlfile.error_classes(OSError, StoreError):
        return None
    try:
        conn.isolation_level = None
        conn.execute("PRAGMA query_only = ON")  # a read path: nothing here may write by mistake
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is not None and row[0] == HEAD_REVISION:
            # One read transaction to the end, as a Store.read() session: every count of
            # the answer comes from the same state of the file, whatever another window writes.
            conn.execute("BEGIN")
            return cast(sqlite3.Connection, conn)  # either binding: the same DB-API
    except sqlfile.error_classes():
        pass
    conn.close()
    return None


def _in(values: list[str]) -> str:
    return ", ".join("?" * len(values))


def sign_in_required(conn: sqlite3.Connection) -> bool:
    """As Store.sign_in_required: some live account on this laptop has a password, so a
    command must sign its person in first (kcdesk.cli.acting), which only the store does."""
    found = conn.execute(
        "SELECT 1 FROM app_user WHERE password_hash IS NOT NULL AND deleted_at IS NULL LIMIT 1"
    ).fetchone()
    return found is not None


def due_list(conn: sqlite3.Connection, today: date | None = None, horizon_days: int = 30) -> list[DueItem]:
    """kcdesk.services.due.due_list over plain sqlite3. The small tables are read whole and
    matched to the proposals here: on a large province that is several times quicker than
    SQLite's `proposal_id IN (subquery)` probes, and gives the same facts."""
    today = today or date.today()
    rule_list = [
        rule_from_row(*r)
        for r in conn.execute(
            "SELECT code, name, level, statuses, anchor, month, day, days, legal_basis FROM deadline_rule"
        )
    ]
    watched = sorted({s for r in rule_list for s in r.statuses})
    proposals = conn.execute(
        "SELECT id, code, title, level, status, plan_year FROM proposal "
        f"WHERE deleted_at IS NULL AND status IN ({_in(watched)})",
        watched,
    ).fetchall()
    if not proposals:
        return []
    accepted: dict[str, str] = {}
    for pid, on in conn.execute(
        "SELECT proposal_id, accepted_on FROM acceptance WHERE deleted_at IS NULL AND signed_at IS NOT NULL"
    ):
        if on > accepted.get(pid, ""):  # ISO dates: the latest is the greatest string
            accepted[pid] = on
    last_acceptance = {pid: date.fromisoformat(on) for pid, on in accepted.items()}
    # Only the months the monthly rule looks at (kcdesk.domain.deadlines.periods_looked_at).
    periods: dict[str, set[str]] = defaultdict(set)
    for pid, period in conn.execute(
        "SELECT proposal_id, period FROM progress_report WHERE deleted_at IS NULL AND period IN (?, ?)",
        periods_looked_at(today),
    ):
        periods[pid].add(period)
    settled = _settlement_dates(conn, {p[0] for p in proposals if p[4] == "settled"})
    facts = [
        ProposalFacts(
            pid,
            code,
            title,
            level,
            status,
            year,
            last_acceptance.get(pid),
            frozenset(periods.get(pid, ())),
            settled.get(pid),
        )
        for pid, code, title, level, status, year in proposals
    ]
    return due_items(rule_list, facts, today, horizon_days)


def _settlement_dates(conn: sqlite3.Connection, wanted: set[str]) -> dict[str, date]:
    """kcdesk.services.sums.settlement_dates for the proposals `wanted`: the date of the
    'settle' step, else that of the live, unreversed settlement entry."""
    if not wanted:
        return {}
    reversed_ids = {
        r[0]
        for r in conn.execute(
            "SELECT reverses_id FROM disbursement WHERE reverses_id IS NOT NULL AND deleted_at IS NULL"
        )
    }
    by_entry: dict[str, str] = {}
    for entry, pid, on in conn.execute(
        "SELECT id, proposal_id, paid_on FROM disbursement "
        "WHERE deleted_at IS NULL AND kind = 'quyet_toan' AND reverses_id IS NULL"
    ):
        if pid in wanted and entry not in reversed_ids and on > by_entry.get(pid, ""):
            by_entry[pid] = on
    by_step: dict[str, str] = {}
    for pid, on in conn.execute(
        "SELECT proposal_id, event_date FROM proposal_status_event WHERE deleted_at IS NULL AND to_status = 'settled'"
    ):
        if pid in wanted and (pid not in by_step or on < by_step[pid]):
            by_step[pid] = on
    return {pid: date.fromisoformat(on) for pid, on in (by_entry | by_step).items()}


def overview(conn: sqlite3.Connection, today: date | None = None) -> Overview:
    """kcdesk.services.overview.overview over plain sqlite3."""
    today = today or date.today()
    meta: dict[str, str | None] = dict(conn.execute("SELECT key, value FROM app_meta").fetchall())
    province = meta.get("province_code")
    province_name = centre = ""
    if province is not None:
        names = conn.execute(
            "SELECT full_name FROM admin_unit WHERE code = ? AND level = 'province' AND valid_to IS NULL", (province,)
        ).fetchall()
        province_name = names[-1][0] if names else province
        centre = meta.get("centre_name") or ""
    due = due_list(conn, today)
    progress = sorted(
        {
            s
            for r in conn.execute("SELECT statuses FROM deadline_rule WHERE code = ?", (PROGRESS_RULE,))
            for s in (p.strip() for p in r[0].split(","))
        }
    )
    missing = conn.execute(
        f"SELECT count(*) FROM proposal WHERE deleted_at IS NULL AND status IN ({_in(progress)}) AND id NOT IN "
        "(SELECT proposal_id FROM progress_report WHERE deleted_at IS NULL AND period = ?)",
        [*progress, today.strftime("%Y-%m")],
    ).fetchone()[0]
    follow_up = follow_up_from(due, int(missing))

    def count(table: str) -> int:
        return int(conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0])

    return Overview(
        province=province_name,
        centre=centre,
        facilities=count("facility"),
        proposals=count("proposal"),
        acceptances=count("acceptance"),
        surveys=count("survey"),
        pending_changes=int(conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]),
        due_soon=sum(1 for d in due if not d.overdue),
        overdue=sum(1 for d in due if d.overdue),
        demo=meta.get("demo") == "1",
        progress_missing=follow_up.progress_missing,
        progress_overdue=follow_up.progress_overdue,
        evaluations_due=follow_up.evaluations_due,
        evaluations_overdue=follow_up.evaluations_overdue,
    )
