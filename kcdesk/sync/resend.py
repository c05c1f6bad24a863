"""Correct a refused new record and send it again.

When the server refuses a new record (a field it will not take, a parent it lacks), the
record stays on this laptop and its change waits in the dead letters. Editing the record
afterwards makes an ordinary change, which the server cannot apply to a record it never
took. Resending instead:

1. applies the corrections (if any) as an ordinary local edit: checked like any edit,
   audited, so the record's history says who changed what;
2. queues the whole record again as a new record (a new sequence number and mutation id;
   the audit trail gets an entry of origin "resend" holding what is sent), replacing any
   of its changes still waiting to be sent (the whole record carries them; their numbers
   are withdrawn, kcdesk.sync.withdraw, so the server hears of every number);
3. does the same, in their order, for the refused changes that were blocked by this one
   (children of the record), and clears those dead letters.

Everything happens in one local transaction: a correction that fails validation changes
nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.db.capture import UNCAPTURED_COLUMNS
from kcdesk.db.units import unit_index
from kcdesk.domain.validation import FACILITY_LABELS, facility_problems
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.sync import withdraw
from kcdesk.sync.errors import SyncError
from kcdesk.sync.wire import BadValue, TableCodec

NOT_CORRECTABLE = frozenset({"id", "row_version", "created_at", "updated_at", "deleted_at"})
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def resend(session: Session, seq: int, corrections: Mapping[str, Any], codecs: Mapping[str, TableCodec]) -> list[int]:
    """Inside a normal local write (origin "local"): correct and requeue the refused new
    record of dead letter `seq`, and what it blocked; return the new outbox seqs."""
    letter = _letter(session, seq)
    if letter is None:
        raise SyncError("Không có thay đổi bị từ chối số {seq}. Xem danh sách: kcdesk sync deadletters", seq=seq)
    if letter["op"] != "insert":
        raise SyncError(
            "Thay đổi số {seq} không phải bản ghi mới; hãy mở bản ghi để sửa, thay đổi mới sẽ được gửi "
            "ở lần đồng bộ tới.",
            seq=seq,
        )
    if letter["blocked_by"] is not None and _letter(session, letter["blocked_by"]) is not None:
        raise SyncError(
            "Thay đổi số {seq} chờ thay đổi số {parent} (bản ghi cha); hãy sửa và gửi lại thay đổi số {parent} "
            "trước, thay đổi này sẽ đi theo.",
            seq=seq,
            parent=letter["blocked_by"],
        )
    table, row_id = letter["table_name"], letter["row_id"]
    codec = codecs.get(table)
    if codec is None:
        raise SyncError("Bảng '{table}' không đồng bộ được.", table=table)
    row = _row(session, table, row_id)
    if row is None:
        raise SyncError(
            "Bản ghi của thay đổi số {seq} không còn trên máy này; hãy bỏ thay đổi này (kcdesk sync deadletters).",
            seq=seq,
        )
    if corrections:
        _correct(session, table, row_id, row, dict(corrections), codec)
    sent = [_requeue_insert(session, table, row_id)]
    _forget(session, seq)
    for blocked in session.execute(
        text("SELECT * FROM sync_deadletter WHERE blocked_by = :s ORDER BY seq"), {"s": seq}
    ).mappings():
        child = dict(blocked)
        if child["op"] == "insert" and _row(session, child["table_name"], child["row_id"]) is not None:
            sent.append(_requeue_insert(session, child["table_name"], child["row_id"]))
        elif child["op"] != "insert":
            sent.append(_requeue_change(session, child))
        _forget(session, child["seq"])
    return sent


def _letter(session: Session, seq: int) -> dict[str, Any] | None:
    found = session.execute(text("SELECT * FROM sync_deadletter WHERE seq = :s"), {"s": seq}).mappings().first()
    return dict(found) if found else None


def _row(session: Session, table: str, row_id: str) -> dict[str, Any] | None:
    found = session.execute(text(f'SELECT * FROM "{table}" WHERE id = :id'), {"id": row_id}).mappings().first()
    return dict(found) if found else None


def _correct(
    session: Session, table: str, row_id: str, row: dict[str, Any], values: dict[str, Any], codec: TableCodec
) -> None:
    problems: dict[str, FieldMessage] = {}
    local: dict[str, Any] = {}
    for field, value in values.items():
        if field not in codec.kinds or field in NOT_CORRECTABLE:
            problems[field] = FieldMessage("Trường '{field}' không sửa được ở đây.", field=field)
            continue
        try:
            wire = codec.normalise(field, value)
        except BadValue as exc:
            problems[field] = FieldMessage("Giá trị '{value}' không hợp lệ: {problem}.", value=value, problem=str(exc))
            continue
        local[field] = int(wire) if isinstance(wire, bool) else wire
    labels: dict[str, str] = {}
    if not problems and table == "facility":
        problems.update(facility_problems({**row, **local}, unit_index(session)))
        labels = FACILITY_LABELS
    if problems:
        raise ValidationError(problems, labels=labels)
    sets = ", ".join(f'"{c}" = :v{i}' for i, c in enumerate(local))
    params = {f"v{i}": v for i, v in enumerate(local.values())}
    session.execute(text(f'UPDATE "{table}" SET {sets} WHERE id = :id'), {**params, "id": row_id})


def _requeue_insert(session: Session, table: str, row_id: str) -> int:
    """The record as it is now, queued as a new record; its waiting changes fold into it."""
    row = _row(session, table, row_id) or {}
    after = {c: v for c, v in row.items() if c != "id" and c not in UNCAPTURED_COLUMNS and v is not None}
    withdraw.drop_entries(session, table, row_id)  # their numbers are announced, so none goes missing
    return _queue(session, table, row_id, "insert", 0, None, after)


def _requeue_change(session: Session, letter: Mapping[str, Any]) -> int:
    values = json.loads(letter["payload"] or "{}")
    base = json.loads(letter["base_payload"] or "{}")
    return _queue(session, letter["table_name"], letter["row_id"], letter["op"], letter["base_version"], base, values)


def _queue(
    session: Session,
    table: str,
    row_id: str,
    op: str,
    base_version: int,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> int:
    ctx = "(SELECT 1) AS one LEFT JOIN kc_context AS ctx ON ctx.id = 1"
    params = {
        "t": table,
        "r": row_id,
        "op": op,
        "b": json.dumps(before, ensure_ascii=False) if before is not None else None,
        "a": json.dumps(after, ensure_ascii=False),
    }
    session.execute(
        text(
            "INSERT INTO audit_entry (at, user_id, device_id, origin, table_name, row_id, op, before, after) "
            f"SELECT {_NOW}, ctx.user_id, ctx.device_id, 'resend', :t, :r, :op, :b, :a FROM {ctx}"
        ),
        params,
    )
    session.execute(
        text(
            "INSERT INTO sync_outbox (mutation_id, audit_id, device_id, table_name, row_id, op, base_version) "
            f"SELECT :m, last_insert_rowid(), ctx.device_id, :t, :r, :op, :bv FROM {ctx}"
        ),
        {"m": uuid.uuid4().hex, "t": table, "r": row_id, "op": op, "bv": base_version or 0},
    )
    return int(session.execute(text("SELECT max(seq) FROM sync_outbox")).scalar_one())


def _forget(session: Session, seq: int) -> None:
    session.execute(text("DELETE FROM sync_deadletter WHERE seq = :s"), {"s": seq})
