"""Conflicts on this device: kept from pulls, shown side by side, resolved by people.

The server keeps the later arrival's value and records the value it replaced. Here each
field is shown from this device's side: "mine" is what this device sent (or holds),
"theirs" is the other device's value. Resolving writes an ordinary local change (it
goes through the outbox like any edit) and tells the server the conflict is settled.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import RowMapping, text
from sqlalchemy.orm import Session

from kcdesk.sync.protocol import ConflictRecord
from kcdesk.sync.state import now_text

Choice = Literal["mine", "theirs", "edited"]


@dataclass(frozen=True)
class FieldConflict:
    name: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Conflict:
    id: str
    table: str
    row_id: str
    kind: str  # field | update_deleted
    fields: list[FieldConflict]
    current: dict[str, Any]  # the value each field has now on the server (and, after a pull, here)
    created_at: str
    resolved_at: str | None
    resolution: dict[str, Any] | None


def store_conflicts(session: Session, records: Iterable[ConflictRecord]) -> None:
    for c in records:
        if c.kind == "soft":
            continue
        local = session.execute(
            text("SELECT resolution_pending FROM sync_conflict WHERE id = :id"), {"id": c.id}
        ).first()
        if local is not None and local[0]:
            continue  # resolved here and not yet sent: the local answer stands
        session.execute(
            text(
                "INSERT INTO sync_conflict (id, table_name, row_id, kind, fields, winner_device, loser_device, "
                "created_at, resolved_at, resolution) VALUES (:id, :t, :r, :k, :f, :w, :l, :c, :ra, :res) "
                "ON CONFLICT(id) DO UPDATE SET resolved_at = excluded.resolved_at, resolution = excluded.resolution"
            ),
            {
                "id": c.id,
                "t": c.table,
                "r": c.row_id,
                "k": c.kind,
                "f": json.dumps(c.fields, ensure_ascii=False),
                "w": c.winner_device,
                "l": c.loser_device,
                "c": c.created_at,
                "ra": c.resolved_at,
                "res": json.dumps(c.resolution, ensure_ascii=False) if c.resolution else None,
            },
        )


def _view(row: Mapping[str, Any] | RowMapping, device_id: str | None) -> Conflict:
    raw = json.loads(row["fields"])
    fields = []
    current = {}
    for name, v in raw.items():
        if row["kind"] == "update_deleted":
            mine, theirs = v.get("mine"), v.get("theirs")
            current[name] = v.get("theirs")
        elif row["winner_device"] == device_id:  # this device's value won on the server
            mine, theirs = v.get("mine"), v.get("theirs")
            current[name] = v.get("mine")
        else:
            mine, theirs = v.get("theirs"), v.get("mine")
            current[name] = v.get("mine")
        fields.append(FieldConflict(name, v.get("base"), mine, theirs))
    return Conflict(
        row["id"],
        row["table_name"],
        row["row_id"],
        row["kind"],
        fields,
        current,
        row["created_at"],
        row["resolved_at"],
        json.loads(row["resolution"]) if row["resolution"] else None,
    )


def list_conflicts(session: Session, device_id: str | None, include_resolved: bool = False) -> list[Conflict]:
    where = "" if include_resolved else " WHERE resolved_at IS NULL"
    rows = session.execute(text(f"SELECT * FROM sync_conflict{where} ORDER BY created_at, id")).mappings()
    return [_view(r, device_id) for r in rows]


def get_conflict(session: Session, conflict_id: str, device_id: str | None) -> Conflict | None:
    row = session.execute(text("SELECT * FROM sync_conflict WHERE id = :id"), {"id": conflict_id}).mappings().first()
    return _view(row, device_id) if row else None


def resolution_values(conflict: Conflict, choice: Choice, edited: Mapping[str, Any] | None) -> dict[str, Any]:
    """The field values the record must end with."""
    if choice == "edited":
        if not edited:
            raise ValueError("edited resolution needs values")
        return dict(edited)
    return {f.name: (f.mine if choice == "mine" else f.theirs) for f in conflict.fields}


def write_resolution(session: Session, conflict: Conflict, choice: Choice, values: Mapping[str, Any]) -> None:
    """Inside a normal local write (captured, so it syncs): set the chosen values, restore
    a deleted record when its edit is kept, and mark the conflict for the server."""
    changes = {k: v for k, v in values.items() if conflict.current.get(k) != v or conflict.kind == "update_deleted"}
    restore = conflict.kind == "update_deleted" and choice != "theirs"
    sets = [f'"{k}" = :v_{i}' for i, k in enumerate(changes)]
    params: dict[str, Any] = {f"v_{i}": _local(v) for i, v in enumerate(changes.values())}
    if restore:
        sets.append("deleted_at = NULL")
    if sets:
        params["id"] = conflict.row_id
        session.execute(text(f'UPDATE "{conflict.table}" SET {", ".join(sets)} WHERE id = :id'), params)
    session.execute(
        text("UPDATE sync_conflict SET resolved_at = :at, resolution = :r, resolution_pending = 1 WHERE id = :id"),
        {
            "at": now_text(),
            "id": conflict.id,
            "r": json.dumps({"choice": choice, "values": dict(values)}, ensure_ascii=False),
        },
    )


def _local(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def pending_resolutions(session: Session) -> list[tuple[str, dict[str, Any]]]:
    rows = session.execute(text("SELECT id, resolution FROM sync_conflict WHERE resolution_pending = 1")).all()
    return [(r[0], json.loads(r[1]) if r[1] else {}) for r in rows]


def mark_sent(session: Session, conflict_id: str) -> None:
    session.execute(text("UPDATE sync_conflict SET resolution_pending = 0 WHERE id = :id"), {"id": conflict_id})
