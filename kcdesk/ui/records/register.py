"""The facility register as the table needs it: ordered ids, then plain rows by id.

The table holds ids only and asks for rows a page at a time (Anki's browser model), so a
200,000-facility register costs one id list and the rows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Facility
from kcdesk.services.facilities import FacilityFilter
from kcdesk.services.search import matching_facility_ids

# Columns of the register, in display order (also the SQL of a row).
ROW_FIELDS: tuple[str, ...] = ("name", "facility_type", "tax_code", "representative", "phone", "ward_code",
                               "sector_code", "labour_total", "revenue_prev_year", "status")  # fmt: skip
SORTABLE = frozenset(ROW_FIELDS)


def ordered_ids(session: Session, flt: FacilityFilter, order_by: str = "name", descending: bool = False) -> list[str]:
    if order_by not in SORTABLE:
        raise ValueError(order_by)
    column = getattr(Facility, order_by)
    stmt = select(Facility.id).where(Facility.deleted_at.is_(None))
    for key in ("ward_code", "facility_type", "sector_code", "status", "province_code"):
        value = getattr(flt, key)
        if value:
            stmt = stmt.where(getattr(Facility, key) == value)
    # NULLs last either way; the id breaks ties so the order is stable between pages.
    stmt = stmt.order_by(column.is_(None), column.desc() if descending else column, Facility.id)
    return list(session.execute(stmt).scalars())


def search_within(session: Session, ordered: Sequence[str], query: str) -> list[str] | None:
    """The ids of `ordered` that match `query`, keeping its order; None for an empty query."""
    matches = matching_facility_ids(session, query)
    if matches is None:
        return None
    if not matches:
        return []
    wanted = set(matches)
    return [i for i in ordered if i in wanted]


def rows_by_ids(session: Session, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    out: dict[str, tuple[Any, ...]] = {}
    columns = [Facility.id, *(getattr(Facility, f) for f in ROW_FIELDS)]
    for start in range(0, len(ids), 500):  # SQLite's variable limit is generous, but stay modest
        chunk = list(ids[start : start + 500])
        for row in session.execute(select(*columns).where(Facility.id.in_(chunk))):
            out[row[0]] = tuple(row[1:])
    return out
