"""Erasures at a data subject's request, on the server: the rule an erasure record must
pass, and scrubbing the server's own copies of the erased values.

The server keeps current rows only; old values survive in its conflict records (base,
mine, theirs) and in fields kept aside for a newer version. When an erasure record is
stored, those copies of its targets' fields are replaced by the values after, in the same
transaction. The anonymising updates themselves arrive as ordinary changes before it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, select, update

from kcdesk.db.scrub import erasable, scrub_json_text
from kcdesk.server import db
from kcdesk.server.rulebook import RULES, Broken, Change
from kcdesk.server.scopes import COLLABORATOR_ROLES


def _targets(value: Any) -> list[dict[str, Any]] | None:
    try:
        data = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if not isinstance(data, list) or not all(isinstance(t, dict) for t in data):
        return None
    return data


def _holds(stored: Mapping[str, Any], name: str, after: Any) -> bool:
    value = stored.get(name)
    if name == "deleted_at":
        return value is not None
    if name == "draft_facility" and isinstance(value, str) and isinstance(after, str):
        try:
            return bool(json.loads(value) == json.loads(after))
        except ValueError:
            return False
    return bool(value == after)


def erasure_record(c: Change) -> Broken | None:
    """An erasure is recorded by province staff, once, after its updates: each target is
    an erasable field of a stored record that already holds the value after. So a record
    naming other fields, or values nobody wrote, can never make devices rewrite data."""
    if c.role in COLLABORATOR_ROLES:
        return Broken("rule_broken", "Cộng tác viên không được xóa dữ liệu cá nhân.", {"table": c.table})
    if c.old is not None and c.changed - {"deleted_at"}:
        return Broken("rule_broken", "Bản ghi xóa dữ liệu cá nhân không sửa được.", {"table": c.table})
    targets = _targets(c.new.get("targets"))
    if targets is None:
        return Broken("rule_broken", "Danh sách bản ghi bị xóa dữ liệu không đúng dạng.", {"field": "targets"})
    for t in targets:
        fields = erasable(t)
        stored = c.records.row(str(t.get("table")), str(t.get("row_id"))) if fields is not None else None
        if fields is None or stored is None or not all(_holds(stored, k, v) for k, v in fields.items()):
            return Broken(
                "rule_broken",
                "Bản ghi xóa dữ liệu nêu {table} {row_id} nhưng máy chủ không thấy dữ liệu đã được xóa ở đó.",
                {"field": "targets", "table": str(t.get("table")), "row_id": str(t.get("row_id"))},
            )
    return None


def scrub_server_copies(conn: Connection, erasures: Iterable[Mapping[str, Any]]) -> int:
    """Replace the erased values in the server's conflict records and fields kept aside."""
    count = 0
    for erasure in erasures:
        for t in _targets(erasure.get("targets")) or []:
            fields = erasable(t)
            if fields is None:
                continue
            for table, columns, key in (
                (db.conflict, ("fields", "resolution"), ("id",)),
                (db.field_aside, ("fields",), ("device_id", "seq")),
            ):
                rows = conn.execute(
                    select(*(table.c[k] for k in key), *(table.c[c] for c in columns)).where(
                        table.c.table_name == t["table"], table.c.row_id == t["row_id"]
                    )
                ).all()
                for row in rows:
                    ids, values = row[: len(key)], row[len(key) :]
                    changes = {}
                    for column, value in zip(columns, values, strict=True):
                        scrubbed = scrub_json_text(value, fields)
                        if scrubbed != value:
                            changes[column] = scrubbed
                    if changes:
                        where = [table.c[k] == v for k, v in zip(key, ids, strict=True)]
                        conn.execute(update(table).where(*where).values(**changes))
                        count += 1
    return count


def erased_files(conn: Connection, erasures: Iterable[Mapping[str, Any]]) -> set[str]:
    """Hashes of erased attachments' files that no live attachment row names any more."""
    attachment = db.REPLICATED["attachment"]
    ids = [
        str(t["row_id"])
        for erasure in erasures
        for t in _targets(erasure.get("targets")) or []
        if t.get("table") == "attachment" and erasable(t) is not None
    ]
    if not ids:
        return set()
    shas = {r[0] for r in conn.execute(select(attachment.c.sha256).where(attachment.c.id.in_(ids)))}
    live = {
        r[0]
        for r in conn.execute(
            select(attachment.c.sha256).where(attachment.c.sha256.in_(shas), attachment.c.deleted_at.is_(None))
        )
    }
    return shas - live


def forget_files(conn: Connection, shas: Iterable[str]) -> list[str]:
    """Drop the server's record of files nobody may fetch any more (a photo of an erased
    person's home); returns the hashes whose file the caller removes after commit."""
    shas = sorted(set(shas))
    if shas:
        for table in (db.blob_claim, db.blob_holder, db.blob):
            conn.execute(table.delete().where(table.c.sha256.in_(shas)))
    return shas


def stale_snapshots(conn: Connection, scopes: Iterable[str]) -> list[str]:
    """Cached snapshots of the scopes an erasure touched hold the erased values: dropped,
    so the next device that needs one gets a fresh build. Returns their ids."""
    scopes = sorted(set(scopes))
    if not scopes:
        return []
    ids = [r[0] for r in conn.execute(select(db.snapshot.c.id).where(db.snapshot.c.scope.in_(scopes)))]
    conn.execute(db.snapshot.delete().where(db.snapshot.c.scope.in_(scopes)))
    return ids


ACCESS_ACTIONS = frozenset({"open", "print", "export", "report", "erase"})  # kcdesk.services.access_trail


def access_record(c: Change) -> Broken | None:
    """The access trail is written once and never edited: a trail someone can rewrite
    proves nothing."""
    if c.old is not None:
        return Broken("rule_broken", "Nhật ký truy cập dữ liệu cá nhân không sửa được.", {"table": c.table})
    if c.new.get("action") not in ACCESS_ACTIONS:
        return Broken(
            "rule_broken",
            "Thao tác '{action}' không có trong nhật ký truy cập.",
            {"field": "action", "action": str(c.new.get("action")), "table": c.table},
        )
    return None


RULES.add("personal_data_erasure", erasure_record)
RULES.add("personal_data_access", access_record)
