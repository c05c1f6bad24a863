"""Reference rows every device is born with, held by the server too.

Migration 0002 seeds the legal documents and support caps into every laptop's file, with
fixed ids and row_version 0. The server starts with the same rows (same ids, version 0),
so an edit a device makes to one of them (the ministry amends a cap) meets the row it was
made against instead of "not found", and is merged like any other change. They are not
logged for pull: every device already has them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, select

from kcdesk.db import refdata
from kcdesk.domain.validation import UnitIndex
from kcdesk.server import db
from kcdesk.server.scopes import own_placement
from kcdesk.sync.wire import TableCodec

STAMP = "2026-07-25T00:00:00.000Z"  # what migration 0002 stamps on the seeded rows
UNITS_FILE = "units-2026-07-25.json"  # the current units every laptop's migration 0002 loads


@cache
def unit_index() -> UnitIndex:
    """Current provinces, communes and sectors, as the laptops validate against them
    (codes only matter here: later migrations rename units, never recode them)."""
    provinces: dict[str, str] = {}
    wards: dict[str, tuple[str, str]] = {}
    for unit in refdata.current_units(UNITS_FILE, ""):
        if unit["level"] == "province":
            provinces[unit["code"]] = unit["full_name"]
        elif unit["level"] == "commune" and unit["parent_code"]:
            wards[unit["code"]] = (unit["parent_code"], unit["full_name"])
    sectors = {row["code"]: row["name"] for row in refdata.sectors("sectors.json")}
    return UnitIndex(provinces=provinces, wards=wards, sectors=sectors)


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    stamp = {"row_version": 0, "created_at": STAMP, "updated_at": STAMP}
    return {
        "legal_document": [row | stamp for row in refdata.legal_documents("legal_documents.json")],
        "support_rule": [row | stamp for row in refdata.support_rules("support_rules.json")],
    }


def seed_reference_rows(conn: Connection, codecs: dict[str, TableCodec]) -> int:
    """Insert the reference rows the server lacks (by id); returns how many."""
    added = 0
    for table, rows in reference_rows().items():
        t = db.REPLICATED[table]
        have = set(conn.execute(select(t.c.id)).scalars())
        records = []
        for row in rows:
            if row["id"] in have:
                continue
            record = codecs[table].row_to_python({c: row.get(c) for c in codecs[table].columns})
            placement = own_placement(table, row)
            record.update({db.SCOPE_COL: placement.scope, db.WARD_COL: placement.ward, db.DEVICE_COL: None})
            records.append(record)
        if records:
            conn.execute(t.insert(), records)
            added += len(records)
    return added
