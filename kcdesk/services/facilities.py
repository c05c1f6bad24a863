"""Facility register use cases: create, edit, soft-delete, read, list, history, bulk load."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db import audit_trail
from kcdesk.db.bulk import bulk_insert
from kcdesk.db.models import (
    AdminUnit,
    AppUser,
    AuditEntry,
    Facility,
    PostSupportEvaluation,
    Proposal,
    ProposalBeneficiary,
)
from kcdesk.db.sort_keys import LOCAL_ONLY
from kcdesk.db.types import utcnow
from kcdesk.db.units import unit_index
from kcdesk.domain.notice import NOTICE_LABELS, as_date, notice_problems
from kcdesk.domain.validation import (
    FACILITY_LABELS,
    UnitIndex,
    facility_problems,
    normalize_phone,
    normalize_tax_code,
)
from kcdesk.errors import FieldMessage, NotFoundError, ValidationError
from kcdesk.i18n import Lazy, tr
from kcdesk.ids import is_uuid, new_id
from kcdesk.text import clean

# Fields a person edits (everything but ids, versions, timestamps and derived local keys).
RECORD_COLUMNS = tuple(c for c in Facility.__table__.columns if not c.info.get(LOCAL_ONLY))
EDITABLE_FIELDS: tuple[str, ...] = tuple(
    c.key for c in RECORD_COLUMNS if c.key not in {"id", "row_version", "created_at", "updated_at", "deleted_at"}
)
_INT_FIELDS = ("labour_total", "labour_insured", "total_capital", "revenue_prev_year")
_FLOAT_FIELDS = ("latitude", "longitude")
_BOOL_FIELDS = ("has_export_contract", "in_supporting_industry_list", "cleaner_production", "typical_product")


def normalize(values: Mapping[str, Any]) -> dict[str, Any]:
    """Clean what a person typed without changing its meaning: NFC, trimmed spaces,
    tax code and phone in their canonical spelling, numbers as numbers."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in EDITABLE_FIELDS:
            continue
        if isinstance(value, str):
            value = clean(value)
        if value is None:
            out[key] = None
            continue
        if key == "tax_code":
            value = normalize_tax_code(value)
        elif key == "phone":
            value = normalize_phone(value)
        elif key in _INT_FIELDS and isinstance(value, str) and value.replace(".", "").isdigit():
            value = int(value.replace(".", ""))
        elif key in _FLOAT_FIELDS and isinstance(value, str):
            with contextlib.suppress(ValueError):  # left as typed: validation names the field
                value = float(value.replace(",", "."))
        elif key == "local_raw_material_pct" and isinstance(value, str):
            value = value.replace(",", ".")
        elif key in _BOOL_FIELDS:
            value = bool(value)
        elif key == "informed_on":
            value = as_date(value)
        out[key] = value
    return out


def _check(values: Mapping[str, Any], units: UnitIndex) -> None:
    problems = facility_problems(values, units) | notice_problems(values, date.today())
    if problems:
        raise ValidationError(problems, labels=FACILITY_LABELS | NOTICE_LABELS)


def create_facility(session: Session, values: Mapping[str, Any], *, units: UnitIndex | None = None) -> str:
    data = normalize(values)
    data.setdefault("status", "active")
    _check(data, units or unit_index(session))
    facility = Facility(id=new_id(), **data)
    session.add(facility)
    session.flush()
    return facility.id


def _load(session: Session, facility_id: str) -> Facility:
    facility = session.get(Facility, facility_id)
    if facility is None or facility.deleted_at is not None:
        raise NotFoundError("Không tìm thấy cơ sở có mã {id}.", id=facility_id)
    return facility


def update_facility(
    session: Session, facility_id: str, changes: Mapping[str, Any], *, units: UnitIndex | None = None
) -> dict[str, tuple[Any, Any]]:
    """Apply the changed fields; return {field: (before, after)} of what really changed."""
    facility = _load(session, facility_id)
    data = normalize(changes)
    merged = {k: getattr(facility, k) for k in EDITABLE_FIELDS} | data
    _check(merged, units or unit_index(session))
    changed: dict[str, tuple[Any, Any]] = {}
    for key, value in data.items():
        before = getattr(facility, key)
        if before != value:
            setattr(facility, key, value)
            changed[key] = (before, value)
    session.flush()
    return changed


def delete_facility(session: Session, facility_id: str) -> None:
    """Soft delete: the row stays (as a tombstone for sync and for the audit trail). A
    facility that a live proposal supports, or an evaluation names, is refused: deleting it
    would leave those records pointing at a facility no one can see."""
    facility = _load(session, facility_id)
    codes = session.scalars(
        select(Proposal.code)
        .join(ProposalBeneficiary, ProposalBeneficiary.proposal_id == Proposal.id)
        .where(
            ProposalBeneficiary.facility_id == facility.id,
            ProposalBeneficiary.deleted_at.is_(None),
            Proposal.deleted_at.is_(None),
        )
        .order_by(Proposal.code)
    ).all()
    evaluated = session.execute(
        select(func.count()).where(
            PostSupportEvaluation.facility_id == facility.id, PostSupportEvaluation.deleted_at.is_(None)
        )
    ).scalar_one()
    if codes or evaluated:
        raise ValidationError(
            {
                "facility": FieldMessage(
                    "Không xóa được cơ sở {name}: cơ sở là đơn vị thụ hưởng của đề án {codes}{evaluations}. "
                    "Hãy bỏ cơ sở khỏi các đề án đó trước, hoặc ghi tình trạng 'Đã chấm dứt hoạt động'.",
                    name=facility.name,
                    codes=", ".join(codes) or "-",
                    evaluations=Lazy(
                        lambda lang: tr(" và có {n} phiếu đánh giá sau hỗ trợ", lang, n=evaluated) if evaluated else ""
                    ),
                )
            },
            labels={"facility": "Cơ sở"},
        )
    facility.deleted_at = utcnow()
    session.flush()


def find_facility(session: Session, ref: str) -> Facility:
    """A facility by id, or by tax code when exactly one active facility has it."""
    if is_uuid(ref):
        return _load(session, ref)
    tax = normalize_tax_code(ref)
    found = session.scalars(select(Facility).where(Facility.tax_code == tax, Facility.deleted_at.is_(None))).all()
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise NotFoundError("Có {n} cơ sở cùng mã số thuế {tax}; hãy dùng mã cơ sở (id).", n=len(found), tax=tax)
    raise NotFoundError("Không tìm thấy cơ sở có mã hoặc mã số thuế '{ref}'.", ref=ref)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def facility_dict(session: Session, facility: Facility) -> dict[str, Any]:
    data = {c.key: _plain(getattr(facility, c.key)) for c in RECORD_COLUMNS}
    names = _unit_names(session, [facility.ward_code, facility.province_code])
    data["ward_name"] = names.get(facility.ward_code or "")
    data["province_name"] = names.get(facility.province_code)
    return data


def _unit_names(session: Session, codes: Iterable[str | None]) -> dict[str, str]:
    wanted = [c for c in codes if c]
    rows = session.execute(
        select(AdminUnit.code, AdminUnit.full_name).where(AdminUnit.code.in_(wanted), AdminUnit.valid_to.is_(None))
    )
    return dict(rows.all())


@dataclass(frozen=True)
class FacilityFilter:
    ward_code: str | None = None
    facility_type: str | None = None
    sector_code: str | None = None
    status: str | None = None
    province_code: str | None = None
    uninformed: bool = False  # only facilities whose notice at collection is not recorded


NOT_EQUALITIES = frozenset({"uninformed"})  # filters that are conditions of their own


def filter_values(flt: FacilityFilter) -> dict[str, str]:
    """The filter's set fields (column -> value): every list of facilities narrows by these
    equalities, besides leaving out deleted ones (the register's raw SQL too)."""
    return {
        f.name: value
        for f in dataclasses.fields(flt)
        if f.name not in NOT_EQUALITIES and (value := getattr(flt, f.name))
    }


def _filtered(stmt: Any, flt: FacilityFilter) -> Any:
    stmt = stmt.where(Facility.deleted_at.is_(None))
    if flt.uninformed:
        stmt = stmt.where(Facility.informed_on.is_(None))
    for key, value in filter_values(flt).items():
        stmt = stmt.where(getattr(Facility, key) == value)
    return stmt


# Columns ordered by their stored Vietnamese sort key rather than by their bytes
# (kcdesk.db.sort_keys): Đ after D, Ô after O, tones after the letters.
SORTED_BY_KEY: dict[str, str] = {"name": "name_sort", "representative": "representative_sort"}

LIST_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "facility_type",
    "tax_code",
    "representative",
    "phone",
    "ward_code",
    "sector_code",
    "labour_total",
    "revenue_prev_year",
    "status",
)


def list_facilities(
    session: Session,
    flt: FacilityFilter | None = None,
    *,
    limit: int | None = 100,
    offset: int = 0,
    order_by: str = "name",
    descending: bool = False,
) -> list[dict[str, Any]]:
    flt = flt or FacilityFilter()
    columns = [getattr(Facility, c) for c in LIST_COLUMNS]
    order_col = getattr(Facility, SORTED_BY_KEY.get(order_by, order_by))
    stmt = _filtered(select(*columns), flt).order_by(order_col.desc() if descending else order_col, Facility.id)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return [dict(zip(LIST_COLUMNS, row, strict=True)) for row in session.execute(stmt)]


def count_facilities(session: Session, flt: FacilityFilter | None = None) -> int:
    return int(
        session.execute(_filtered(select(func.count()).select_from(Facility), flt or FacilityFilter())).scalar_one()
    )


def history(session: Session, table: str, row_id: str) -> list[dict[str, Any]]:
    """The audit trail of one record, oldest first: who, when, device, fields before/after."""
    rows = list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.table_name == table, AuditEntry.row_id == row_id)
            .order_by(AuditEntry.id)
        )
    )
    # An insert's entry keeps no image of the row: kcdesk.db.audit_trail rebuilds it.
    inserted = audit_trail.insert_images(
        session.connection(), [(e.id, table, row_id) for e in rows if e.op == "insert" and e.after is None]
    )
    return [
        {
            "at": e.at.isoformat(),
            "user_id": e.user_id,
            "device_id": e.device_id,
            "origin": e.origin,
            "op": e.op,
            "before": json.loads(e.before) if e.before else {},
            "after": inserted[e.id] if e.id in inserted else json.loads(e.after) if e.after else {},
        }
        for e in rows
    ]


def named_history(session: Session, table: str, row_id: str) -> list[dict[str, Any]]:
    """history() with who made each change by name ('user_name': the user's full name, or
    the entry's origin when no user is known), as the window's history tab shows it."""
    entries = history(session, table, row_id)
    names: dict[str, str] = {uid: name for uid, name in session.execute(select(AppUser.id, AppUser.full_name))}
    for e in entries:
        e["user_name"] = names.get(e["user_id"] or "", "") or e["origin"]
    return entries


def bulk_insert_facilities(session: Session, rows: Sequence[Mapping[str, Any]]) -> int:
    """Insert many already-validated facilities (see kcdesk.db.bulk). Rows without an id get
    a new one; missing fields get the same defaults a single insert would."""
    now = utcnow()
    defaults: dict[str, Any] = {"status": "active", "created_at": now, "updated_at": now, "row_version": 0}
    defaults |= {flag: False for flag in _BOOL_FIELDS}
    if any("id" not in row or row["id"] is None for row in rows):
        rows = [row if row.get("id") else {**row, "id": new_id()} for row in rows]
    return bulk_insert(session, "facility", rows, defaults)
