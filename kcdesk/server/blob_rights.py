"""Files by right, not by hash.

Knowing a file's sha256 is not a right to it: an attachment row that merely names the
hash of another province's scan must not fetch that scan. So the server keeps two facts:

- holders (server_blob_holder): devices that proved they have a file by uploading all of
  its bytes, whose sha256 the server checked (or that could already download it);
- claims (server_blob_claim): which device, in a change the server accepted, made an
  attachment row point at a file.

An attachment row vouches for its file only when one of its claimants holds that file.
A device may fetch a file (and learn that it exists, or its size) when it holds it, or
when it can read a live attachment row that vouches for it. Everyone else is told "not
found", exactly as for a file the server does not have; an upload of a file the server
already has, by a device with no right to it, goes the whole way like a new one, which is
what proves the right.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, exists, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kcdesk.server import db
from kcdesk.server.counters import known_scopes
from kcdesk.server.scopes import DeviceGrant, Placement
from kcdesk.sync.protocol import Mutation, Outcome

LEGACY = ""  # claimant and holder of files and rows that predate these facts


def _insert(conn: Connection) -> object:
    return pg_insert if conn.dialect.name == "postgresql" else sqlite_insert


def holds(conn: Connection, device_id: str, sha256: str) -> bool:
    t = db.blob_holder
    return conn.execute(select(t.c.sha256).where(t.c.sha256 == sha256, t.c.device_id == device_id)).first() is not None


def may_read(conn: Connection, grant: DeviceGrant, sha256: str, scopes: Sequence[str] | None = None) -> bool:
    """Whether this device may fetch, or hear of, the file."""
    if holds(conn, grant.device_id, sha256):
        return True
    a, claim, holder = db.REPLICATED["attachment"], db.blob_claim, db.blob_holder
    vouched = exists().where(
        claim.c.attachment_id == a.c.id,
        claim.c.sha256 == sha256,
        exists().where(holder.c.sha256 == sha256, holder.c.device_id == claim.c.device_id),
    )
    rows = conn.execute(
        select(a.c[db.SCOPE_COL], a.c[db.WARD_COL]).where(a.c.sha256 == sha256, a.c.deleted_at.is_(None), vouched)
    ).all()
    if not rows:
        return False
    scopes = known_scopes(conn) if scopes is None else scopes
    return any(grant.can_read("attachment", Placement(s, w), scopes) for s, w in rows)


def add_holder(conn: Connection, sha256: str, device_id: str, now: str) -> None:
    insert = _insert(conn)
    conn.execute(
        insert(db.blob_holder)  # type: ignore[operator]
        .values(sha256=sha256, device_id=device_id, at=now)
        .on_conflict_do_nothing(index_elements=["sha256", "device_id"])
    )


def record_claims(
    conn: Connection,
    grant: DeviceGrant,
    mutations: Sequence[Mutation],
    outcomes: Sequence[Outcome],
    final_rows: dict[tuple[str, str], dict[str, object] | None],
    now: str,
) -> None:
    """After a push: every accepted change that set an attachment's sha256 is this device's
    claim on the row. A device that could already fetch the file holds it (it has it)."""
    accepted = {o.seq for o in outcomes if o.status in ("applied", "merged")}
    claims: set[tuple[str, str]] = set()
    for m in mutations:
        if m.table != "attachment" or m.seq not in accepted or not m.values or "sha256" not in m.values:
            continue
        row = final_rows.get(("attachment", m.row_id))
        sha = row.get("sha256") if row else None
        if isinstance(sha, str) and sha == m.values["sha256"]:
            claims.add((m.row_id, sha))
    if not claims:
        return
    insert = _insert(conn)
    conn.execute(
        insert(db.blob_claim)  # type: ignore[operator]
        .values([{"attachment_id": r, "sha256": s, "device_id": grant.device_id, "at": now} for r, s in sorted(claims)])
        .on_conflict_do_nothing(index_elements=["attachment_id", "sha256", "device_id"])
    )
    scopes = known_scopes(conn)
    for sha in sorted({s for _, s in claims}):
        if not holds(conn, grant.device_id, sha) and may_read(conn, grant, sha, scopes):
            add_holder(conn, sha, grant.device_id, now)


def grandfather(conn: Connection, now: str) -> None:
    """A server upgraded from before these facts: its attachment rows (and the files they
    name, uploaded already or still to come) were accepted under the old rule and stay
    readable as they were. Rows accepted from now on need a claimant that holds the file."""
    a = db.REPLICATED["attachment"]
    rows = conn.execute(select(a.c.id, a.c.sha256).where(a.c.sha256.is_not(None))).all()
    shas = sorted({s for _, s in rows} | {r[0] for r in conn.execute(select(db.blob.c.sha256))})
    _insert_many(
        conn, db.blob_claim, [{"attachment_id": i, "sha256": s, "device_id": LEGACY, "at": now} for i, s in rows]
    )
    _insert_many(conn, db.blob_holder, [{"sha256": s, "device_id": LEGACY, "at": now} for s in shas])


def _insert_many(conn: Connection, table: object, records: Iterable[dict[str, object]]) -> None:
    batch = list(records)
    for i in range(0, len(batch), 1000):
        conn.execute(table.insert(), batch[i : i + 1000])  # type: ignore[attr-defined]
