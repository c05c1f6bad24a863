"""Small writers used by the sync tests: what a person does in the app, as plain SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from kcdesk.ids import new_id

WARD_A, WARD_B = "20194", "20197"  # two communes of Đà Nẵng (48)


def add_facility(
    device: Any, name: str = "Cơ sở mây tre đan Hòa Vang", province: str = "48", ward: str = WARD_A, **extra: Any
) -> str:
    row_id = new_id()
    fields = {
        "id": row_id,
        "name": name,
        "facility_type": "hkd",
        "province_code": province,
        "ward_code": ward,
        "status": "active",
        **extra,
    }
    cols = ", ".join(fields)
    marks = ", ".join(f":{k}" for k in fields)
    device.store.write(lambda s: s.execute(text(f"INSERT INTO facility ({cols}) VALUES ({marks})"), fields))
    return row_id


def edit(device: Any, table: str, row_id: str, **fields: Any) -> None:
    sets = ", ".join(f"{k} = :{k}" for k in fields)
    device.store.write(lambda s: s.execute(text(f"UPDATE {table} SET {sets} WHERE id = :id"), {**fields, "id": row_id}))


def soft_delete(device: Any, table: str, row_id: str) -> None:
    edit(device, table, row_id, deleted_at="2026-11-27T10:00:00.000Z")


def add_year_stat(device: Any, facility_id: str, year: int = 2025, revenue: int = 100) -> str:
    row_id = new_id()
    device.store.write(
        lambda s: s.execute(
            text("INSERT INTO facility_year_stat (id, facility_id, year, revenue) VALUES (:id, :f, :y, :r)"),
            {"id": row_id, "f": facility_id, "y": year, "r": revenue},
        )
    )
    return row_id


def facility(device: Any, row_id: str) -> dict[str, Any] | None:
    with device.store.read() as s:
        row = s.execute(text("SELECT * FROM facility WHERE id = :id"), {"id": row_id}).mappings().first()
    return dict(row) if row else None


def server_facility(server: Any, row_id: str) -> dict[str, Any] | None:
    from kcdesk.server import db

    t = db.REPLICATED["facility"]
    with server.admin().engine.connect() as conn:
        row = conn.execute(t.select().where(t.c.id == row_id)).mappings().first()
    return dict(row) if row else None


def server_count(server: Any, table: str, where: str = "1 = 1") -> int:
    with server.admin().engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table} WHERE {where}")).scalar_one())
