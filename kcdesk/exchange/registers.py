"""Exporting the facility register and the proposal list to .xlsx (the import's own columns;
proposals: kcdesk.exchange.proposal_export)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import AdminUnit, Facility
from kcdesk.db.store import Store
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.exchange.columns import FACILITY_COLUMNS
from kcdesk.exchange.proposal_export import export_proposals
from kcdesk.exchange.sheets_out import write_sheet
from kcdesk.progress import Progress, ensure

BATCH = 2000
_PLAIN = {c.field for c in FACILITY_COLUMNS} - {"ward", "province", "facility_type", "status", "legacy_district"}


def _unit_names(session: Session) -> dict[str, str]:
    rows = session.execute(select(AdminUnit.code, AdminUnit.full_name).where(AdminUnit.valid_to.is_(None)))
    return {code: name for code, name in rows}


def _legacy_district_names(session: Session) -> dict[str, str]:
    rows = session.execute(
        select(AdminUnit.code, AdminUnit.full_name).where(
            AdminUnit.level == "district", AdminUnit.valid_to.is_not(None)
        )
    )
    return {code: name for code, name in rows}


def facility_rows(session: Session, province_code: str | None = None) -> Iterator[dict[str, Any]]:
    names = _unit_names(session)
    districts = _legacy_district_names(session)
    stmt = select(Facility).where(Facility.deleted_at.is_(None)).order_by(Facility.name_sort, Facility.id)
    if province_code:
        stmt = stmt.where(Facility.province_code == province_code)
    for f in session.scalars(stmt.execution_options(yield_per=BATCH)):
        row = {k: getattr(f, k) for k in _PLAIN}
        row["ward"] = names.get(f.ward_code or "", f.ward_code)
        row["province"] = names.get(f.province_code, f.province_code)
        row["legacy_district"] = districts.get(f.legacy_district_code or "")
        row["facility_type"] = FACILITY_TYPES.get(f.facility_type, f.facility_type)
        row["status"] = FACILITY_STATUSES.get(f.status, f.status)
        for key in ("has_export_contract", "in_supporting_industry_list", "cleaner_production", "typical_product"):
            row[key] = "Có" if row[key] else "Không"
        for key in ("local_raw_material_pct",):
            row[key] = float(row[key]) if row[key] is not None else None
        yield row


def export_facilities(
    store: Store, path: Path | str, *, province_code: str | None = None, progress: Progress | None = None
) -> int:
    progress = ensure(progress)
    with store.read() as session:
        total = session.scalar(select(func.count()).select_from(Facility).where(Facility.deleted_at.is_(None))) or 0
        return write_sheet(path, "facilities", facility_rows(session, province_code), total=total, progress=progress)


__all__ = ["export_facilities", "export_proposals", "facility_rows"]
