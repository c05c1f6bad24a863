"""Outcomes of pushed changes as the server keeps them, and as it answers a resent batch.

A refused change is answered with its code, the Vietnamese text and the row as the device
may see it; fields a newer laptop sent that this server does not know are kept aside and
named in the answer. A resent batch gets the same answers (the stored outcomes). A merged or refused outcome
comes back with the row as it is now, because the device needs it (while its change
waited, its pulls skipped that record) - but only a row the device may read now: a refusal
never hands over a row of another province, however the row got there.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence, Set
from typing import Any

from sqlalchemy import Connection, select

from kcdesk.server import db
from kcdesk.server.merge import Refusal
from kcdesk.server.scopes import DeviceGrant, Placement
from kcdesk.server.stored import StoredReader, read_rows
from kcdesk.sync.protocol import Mutation, Outcome
from kcdesk.sync.reasons import LOCKED_WHAT, REASONS
from kcdesk.sync.wire import TableCodec

Key = tuple[str, str]


def refused_outcome(
    grant: DeviceGrant,
    m: Mutation,
    refusal: Refusal,
    current: dict[str, Any] | None,
    placement: Placement | None,
) -> Outcome:
    """The answer to a refused change: its code, the Vietnamese text and parameters, and
    the row as it is now when the device may read it (so it can show what stands)."""
    params = {k: _safe(v) for k, v in refusal.params.items()}
    params.setdefault("table", _safe(m.table))
    if "what_key" in params:
        params["what"] = LOCKED_WHAT[params.pop("what_key")]
    visible = current is not None and placement is not None and grant.can_see(m.table, placement)
    return Outcome(
        seq=m.seq,
        status="rejected",
        code=refusal.code,
        message=refusal.message or REASONS[refusal.code],
        params=params,
        row=current if visible else None,
    )


def _safe(value: Any) -> Any:
    """A refusal parameter as it can be stored and sent: text that encodes, not too long."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode()[:200]
    return value


def aside_record(grant: DeviceGrant, m: Mutation, kept: Mapping[str, Any], now: str) -> dict[str, Any]:
    """The field_aside row keeping the fields of `m` this server does not know."""
    return {
        "device_id": grant.device_id,
        "seq": m.seq,
        "table_name": m.table,
        "row_id": m.row_id,
        "fields": json.dumps(kept, ensure_ascii=True),
        "at": now,
    }


def with_kept_aside(outcome: Outcome, kept: Mapping[str, Any]) -> Outcome:
    """The outcome, telling the device which of its fields were kept aside."""
    params = {**(outcome.params or {}), "kept_aside": sorted(kept)}
    return outcome.model_copy(update={"params": params})


def stored_outcomes(
    conn: Connection,
    grant: DeviceGrant,
    mutations: Sequence[Mutation],
    codecs: Mapping[str, TableCodec],
    reader: StoredReader,
) -> list[Outcome]:
    """Outcomes of mutations this device sent before (a resent batch gets the same answers)."""
    if not mutations:
        return []
    t = db.applied_mutation
    seqs = [m.seq for m in mutations]
    found = {
        r.seq: (r.mutation_id, r.outcome)
        for r in conn.execute(
            select(t.c.seq, t.c.mutation_id, t.c.outcome).where(t.c.device_id == grant.device_id, t.c.seq.in_(seqs))
        )
    }
    outcomes = []
    for m in mutations:
        stored = found.get(m.seq)
        if stored is None:  # pruned after the retention period: it was handled, say so
            outcomes.append(Outcome(seq=m.seq, status="applied"))
        elif stored[0] != m.mutation_id:
            outcomes.append(
                Outcome(
                    seq=m.seq,
                    status="rejected",
                    code="mutation_mismatch",
                    message=REASONS["mutation_mismatch"],
                    params={"seq": m.seq},
                )
            )
        else:
            outcomes.append(Outcome.model_validate_json(stored[1]))
    _attach_current_rows(conn, grant, mutations, outcomes, codecs, reader)
    return outcomes


def _attach_current_rows(
    conn: Connection,
    grant: DeviceGrant,
    mutations: Sequence[Mutation],
    outcomes: list[Outcome],
    codecs: Mapping[str, TableCodec],
    reader: StoredReader,
) -> None:
    wanted: dict[str, set[str]] = {}
    for m, o in zip(mutations, outcomes, strict=True):
        if _carries_row(o) and m.table in db.REPLICATED and m.table in codecs:
            wanted.setdefault(m.table, set()).add(m.row_id)
    current: dict[Key, dict[str, Any]] = {}
    for table, ids in wanted.items():
        for row, rec in read_rows(conn, reader, table, ids):
            if row is not None and grant.can_see(table, Placement(rec[db.SCOPE_COL], rec[db.WARD_COL])):
                current[(table, row["id"])] = row
    for index, (m, o) in enumerate(zip(mutations, outcomes, strict=True)):
        row = current.get((m.table, m.row_id))
        if _carries_row(o):  # stored without rows; never the row of a stored refusal's time
            outcomes[index] = o.model_copy(update={"row": row})


def _carries_row(o: Outcome) -> bool:
    return o.status in ("merged", "rejected") and o.code not in ("mutation_mismatch", "withdrawn")


def reused_mutation_ids(conn: Connection, device_id: str, mutations: Sequence[Mutation]) -> set[str]:
    """Mutation ids this device already used for other sequence numbers (a laptop restored
    from an old backup, or a client bug): refused, never applied a second time."""
    t = db.applied_mutation
    ids = [m.mutation_id for m in mutations]
    found: set[str] = set()
    for i in range(0, len(ids), 1000):
        found |= set(
            conn.execute(
                select(t.c.mutation_id).where(t.c.device_id == device_id, t.c.mutation_id.in_(ids[i : i + 1000]))
            ).scalars()
        )
    return found


OUTCOME_COLUMNS = ("device_id", "seq", "mutation_id", "outcome", "at")
OutcomeRecord = tuple[str, int, str, str, str]


def outcome_records(
    device_id: str, mutations: Sequence[Mutation], outcomes: Sequence[Outcome], now: str, reused: Set[str] = frozenset()
) -> list[OutcomeRecord]:
    return [
        (device_id, m.seq, f"reused:{m.seq}" if m.mutation_id in reused else m.mutation_id, _stored(o), now)
        for m, o in zip(mutations, outcomes, strict=True)
    ]


def _stored(o: Outcome) -> str:
    """The outcome as kept for replays (the row is re-read then, see stored_outcomes)."""
    if o.status == "applied" and o.conflict_id is None and o.code is None and o.params is None and o.row_version:
        at = f',"at":"{o.at}"' if o.at else ""  # our own instant text: nothing to escape
        return f'{{"seq":{o.seq},"status":"applied","row_version":{o.row_version}{at}}}'  # most of them, quickly
    return o.model_dump_json(exclude_none=True, exclude={"row"})


def withdrawn_records(device_id: str, seqs: Sequence[int], now: str) -> list[OutcomeRecord]:
    """Seqs the device took back unsent: recorded so that the number can never carry a
    change later (a mutation sent with it is refused as a mismatch)."""
    return [
        (
            device_id,
            seq,
            f"withdrawn:{seq}",
            Outcome(seq=seq, status="rejected", code="withdrawn").model_dump_json(exclude_none=True),
            now,
        )
        for seq in seqs
    ]
