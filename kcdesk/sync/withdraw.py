"""Changes a device takes back without sending, and the sequence numbers they leave.

The server wants every sequence number of a device, in order: a gap means a batch went
missing, and it waits for it. Some outbox entries must never be sent, though: the
placeholder user `kcdesk init` makes (the real user comes from the server at enrolment)
and any local change to a server-owned table. Their numbers are "withdrawn": kept here
(sync_kv) until a push has told the server about them (PushRequest.withdrawn), so the
sequence stays whole and nothing waits for a change that will never come.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.sync import state
from kcdesk.sync.outbox import dead_letters, read_pending
from kcdesk.sync.protocol import Outcome
from kcdesk.sync.reasons import REASONS
from kcdesk.sync.relations import SERVER_OWNED
from kcdesk.sync.wire import TableCodec

WITHDRAWN = "withdrawn_seqs"  # sync_kv: JSON list of seqs the server has not heard about yet


def pending(session: Session) -> list[int]:
    return sorted(int(s) for s in state.get_json(session, WITHDRAWN) or [])


def add(session: Session, seqs: Iterable[int]) -> None:
    _save(session, sorted(set(pending(session)) | {int(s) for s in seqs}))


def _save(session: Session, seqs: list[int]) -> None:
    if seqs:
        state.put_json(session, WITHDRAWN, seqs)
    else:
        state.put(session, WITHDRAWN, None)


def forget_through(session: Session, last_seq: int) -> None:
    """The server confirmed every seq up to last_seq: those need no more mention."""
    _save(session, [s for s in pending(session) if s > last_seq])


def keep_from(session: Session, first_seq: int) -> None:
    """At enrolment the server starts counting at first_seq; older numbers are moot."""
    _save(session, [s for s in pending(session) if s >= first_seq])


def drop_entries(session: Session, table: str, row_id: str) -> list[int]:
    """Remove a record's unsent outbox entries and withdraw their seqs (nobody needs to see
    them: used for the placeholder user, which the server's user replaces)."""
    params = {"t": table, "r": row_id}
    seqs = [
        int(r[0])
        for r in session.execute(text("SELECT seq FROM sync_outbox WHERE table_name = :t AND row_id = :r"), params)
    ]
    if seqs:
        session.execute(text("DELETE FROM sync_outbox WHERE table_name = :t AND row_id = :r"), params)
        add(session, seqs)
    return seqs


def has_server_owned(session: Session) -> bool:
    marks = ", ".join(f"'{t}'" for t in sorted(SERVER_OWNED))
    return session.execute(text(f"SELECT 1 FROM sync_outbox WHERE table_name IN ({marks}) LIMIT 1")).first() is not None


def withdraw_server_owned(session: Session, codecs: Mapping[str, TableCodec]) -> int:
    """Local changes to server-owned tables (someone edited a user on the laptop) are not
    sent: each goes to the dead letters with the reason, so what was typed stays visible,
    and its seq is withdrawn."""
    moved = read_pending(session, codecs, limit=None, tables=SERVER_OWNED)
    reason = REASONS["server_owned"]
    refused = [
        (m, Outcome(seq=m.seq, status="rejected", code="server_owned", message=reason, params={"table": m.table}))
        for m in moved
    ]
    dead_letters(session, refused)
    if moved:
        session.execute(text("DELETE FROM sync_outbox WHERE seq = :s"), [{"s": m.seq} for m in moved])
    add(session, [m.seq for m in moved])
    return len(moved)
