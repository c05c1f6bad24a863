"""Administrative units as the rest of the core needs them: current lists and lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AdminUnit, Sector
from kcdesk.domain.validation import UnitIndex
from kcdesk.text import vi_sort_key


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    full_name: str
    unit_type: str
    parent_code: str | None
    valid_from: date
    valid_to: date | None


def _unit(u: AdminUnit) -> Unit:
    return Unit(u.code, u.name, u.full_name, u.unit_type, u.parent_code, u.valid_from, u.valid_to)


def unit_index(session: Session) -> UnitIndex:
    """Current provinces and wards (and sectors) as plain dictionaries for validation."""
    current = select(AdminUnit.code, AdminUnit.full_name, AdminUnit.parent_code, AdminUnit.level).where(
        AdminUnit.valid_to.is_(None)
    )
    provinces: dict[str, str] = {}
    wards: dict[str, tuple[str, str]] = {}
    for code, full_name, parent, level in session.execute(current):
        if level == "province":
            provinces[code] = full_name
        elif level == "commune" and parent:
            wards[code] = (parent, full_name)
    sectors = dict(session.execute(select(Sector.code, Sector.name)).all())
    return UnitIndex(provinces=provinces, wards=wards, sectors=sectors)


def current_provinces(session: Session) -> list[Unit]:
    rows = session.scalars(
        select(AdminUnit).where(AdminUnit.level == "province", AdminUnit.valid_to.is_(None)).order_by(AdminUnit.code)
    )
    return [_unit(u) for u in rows]


def current_wards(session: Session, province_code: str) -> list[Unit]:
    rows = session.scalars(
        select(AdminUnit).where(
            AdminUnit.level == "commune", AdminUnit.valid_to.is_(None), AdminUnit.parent_code == province_code
        )
    )
    # Vietnamese dictionary order (SQLite's binary order puts "Điện Bàn" after "Xuân Phú").
    return sorted((_unit(u) for u in rows), key=lambda u: (vi_sort_key(u.name), u.name))


def unit_on(session: Session, code: str, level: str, on: date) -> Unit | None:
    """The unit that carried `code` at `level` on a given date (codes are reused)."""
    row = session.scalars(
        select(AdminUnit)
        .where(AdminUnit.code == code, AdminUnit.level == level, AdminUnit.valid_from <= on)
        .where((AdminUnit.valid_to.is_(None)) | (AdminUnit.valid_to >= on))
        .order_by(AdminUnit.valid_from.desc())
    ).first()
    return _unit(row) if row else None


def legacy_units_by_name(session: Session) -> dict[tuple[str, str], Unit]:
    """Pre-reform units keyed by (level, folded full name), for recognising old addresses."""
    from kcdesk.text import fold

    rows = session.scalars(select(AdminUnit).where(AdminUnit.valid_to.is_not(None)))
    return {(u.level, fold(u.full_name)): _unit(u) for u in rows}
