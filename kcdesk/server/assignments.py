"""Which communes a collaborator works in: the collaborator_commune rows of their user.

Those rows are the one source of truth. The administrator's `kcdesk-server enroll
--communes` and `kcdesk-server assign` write them (logged, so laptops receive them like
any row), and a province administrator who assigns communes in the app pushes them like
any other change; either way the collaborator's devices see and write the facilities and
surveys of exactly those communes from their next request. Only communes of the
collaborator's own province count. A device enrolled before its user had any such row
keeps the communes its enrolment code named.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, select, update

from kcdesk.ids import new_id
from kcdesk.server import db
from kcdesk.server.counters import append_changes
from kcdesk.server.reference import unit_index
from kcdesk.server.scopes import ALL_ROLES, COLLABORATOR_ROLES, MINISTRY_ROLES, own_placement
from kcdesk.sync.wire import TableCodec

TABLE = "collaborator_commune"


class GrantRefused(Exception):
    """What an administrator asked for does not fit the reference data or the role."""

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params


def check_grant(role: str, province: str | None, communes: Iterable[str]) -> None:
    """Role, province and communes of an enrolment code, against the current list of
    administrative units (34 provinces and their communes since 1 July 2025)."""
    if role not in ALL_ROLES:
        raise GrantRefused(
            "Vai trò không hợp lệ: {role}. Chọn một trong: {roles}", role=role, roles=", ".join(sorted(ALL_ROLES))
        )
    units = unit_index()
    if province is None:
        if role not in MINISTRY_ROLES:
            raise GrantRefused("Cần --province cho vai trò {role}.", role=role)
    elif province not in units.provinces:
        raise GrantRefused(
            "Mã tỉnh/thành phố '{value}' không có trong danh mục hiện hành. Ví dụ: 01 Hà Nội, 48 Đà Nẵng, "
            "79 TP. Hồ Chí Minh.",
            value=province,
        )
    communes = list(communes)
    if communes and role not in COLLABORATOR_ROLES:
        raise GrantRefused("Chỉ cộng tác viên (vai trò collaborator) mới được giao xã/phường (--communes).")
    if role in COLLABORATOR_ROLES and not communes:
        raise GrantRefused("Cộng tác viên cần ít nhất một xã/phường: --communes MÃ_XÃ ...")
    for ward in communes:
        if ward not in units.wards:
            raise GrantRefused("Mã xã/phường '{value}' không có trong danh mục hiện hành.", value=ward)
        if units.wards[ward][0] != province:
            raise GrantRefused(
                "{ward} ({value}) không thuộc {province}.",
                ward=units.wards[ward][1],
                value=ward,
                province=units.provinces.get(province or "", province or "-"),
            )


def device_communes(conn: Connection, device: Mapping[str, Any] | RowMapping) -> tuple[str, ...]:
    """The communes a device's grant covers now."""
    stored = tuple(json.loads(device["communes"]))
    if device["role"] not in COLLABORATOR_ROLES or not device["user_id"]:
        return stored
    t = db.REPLICATED[TABLE]
    rows = conn.execute(select(t.c.ward_code, t.c.deleted_at).where(t.c.user_id == device["user_id"])).all()
    if not rows:
        return stored
    wards = unit_index().wards
    province = device["province_code"]
    return tuple(sorted({w for w, deleted in rows if deleted is None and wards.get(w, ("",))[0] == province}))


def assign_communes(conn: Connection, codec: TableCodec, user_id: str, communes: Iterable[str], now: str) -> None:
    """Make the user's live collaborator_commune rows exactly `communes`: new ones are
    inserted, dropped ones soft-deleted (a new version), each logged for its scope; the
    user's devices record the list too (shown by `kcdesk-server devices`)."""
    wanted = sorted(set(communes))
    users = db.REPLICATED["app_user"]
    user = conn.execute(select(users).where(users.c.id == user_id)).mappings().first()
    if user is None:
        return
    placement = own_placement("app_user", user)
    t = db.REPLICATED[TABLE]
    live = {
        r["ward_code"]: r
        for r in conn.execute(select(t).where(t.c.user_id == user_id, t.c.deleted_at.is_(None))).mappings()
    }
    logged: list[tuple[str, str | None, str, str]] = []
    for ward, row in live.items():
        if ward not in wanted:
            conn.execute(
                update(t)
                .where(t.c.id == row["id"])
                .values(deleted_at=now, updated_at=now, row_version=row["row_version"] + 1)
            )
            logged.append((placement.scope, placement.ward, TABLE, row["id"]))
    for ward in wanted:
        if ward in live:
            continue
        wire: dict[str, Any] = dict.fromkeys(codec.columns)
        wire.update(codec.defaults)
        wire.update(id=new_id(), user_id=user_id, ward_code=ward, row_version=1, created_at=now, updated_at=now)
        record = codec.row_to_python(wire)
        record.update({db.SCOPE_COL: placement.scope, db.WARD_COL: placement.ward, db.DEVICE_COL: None})
        conn.execute(t.insert().values(record))
        logged.append((placement.scope, placement.ward, TABLE, wire["id"]))
    if logged:
        append_changes(conn, logged, now)
    conn.execute(update(db.device).where(db.device.c.user_id == user_id).values(communes=json.dumps(wanted)))
