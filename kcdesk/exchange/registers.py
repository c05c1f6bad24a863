"""Exporting the facility register and the proposal list to .xlsx (the import's own columns)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    AdminUnit,
    BudgetLine,
    Disbursement,
    Facility,
    Proposal,
    ProposalActivity,
    ProposalBeneficiary,
)
from kcdesk.db.store import Store
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES
from kcdesk.exchange.columns import FACILITY_COLUMNS, PLANNED_FIELDS
from kcdesk.exchange.proposal_vocab import LEVEL_LABELS, STATUS_LABELS
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
    stmt = select(Facility).where(Facility.deleted_at.is_(None)).order_by(Facility.name, Facility.id)
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


def proposal_rows(session: Session, province_code: str | None = None) -> Iterator[dict[str, Any]]:
    names = _unit_names(session)
    live = Proposal.deleted_at.is_(None)
    scope = select(Proposal.id).where(live, *((Proposal.province_code == province_code,) if province_code else ()))
    sub = scope.scalar_subquery()
    money = defaultdict(lambda: (0, 0, 0))
    for pid, kc, cp, ot in session.execute(
        select(
            BudgetLine.proposal_id,
            func.sum(BudgetLine.kc_amount),
            func.sum(BudgetLine.counterpart_amount),
            func.sum(BudgetLine.other_amount),
        )
        .where(BudgetLine.deleted_at.is_(None), BudgetLine.proposal_id.in_(sub))
        .group_by(BudgetLine.proposal_id)
    ):
        money[pid] = (kc, cp, ot)
    paid: dict[tuple[str, str], tuple[int, Any]] = {}
    for pid, kind, amount, last in session.execute(
        select(
            Disbursement.proposal_id, Disbursement.kind, func.sum(Disbursement.amount), func.max(Disbursement.paid_on)
        )
        .where(Disbursement.deleted_at.is_(None), Disbursement.proposal_id.in_(sub))
        .group_by(Disbursement.proposal_id, Disbursement.kind)
    ):
        paid[(pid, kind)] = (amount, last)
    activity = {
        pid: code
        for pid, code in session.execute(
            select(ProposalActivity.proposal_id, func.min(ProposalActivity.activity_code))
            .where(ProposalActivity.deleted_at.is_(None), ProposalActivity.proposal_id.in_(sub))
            .group_by(ProposalActivity.proposal_id)
        )
    }
    beneficiaries: dict[str, list[str]] = defaultdict(list)
    for pid, tax in session.execute(
        select(ProposalBeneficiary.proposal_id, Facility.tax_code)
        .join(Facility, Facility.id == ProposalBeneficiary.facility_id)
        .where(ProposalBeneficiary.deleted_at.is_(None), ProposalBeneficiary.proposal_id.in_(sub))
    ):
        if tax:
            beneficiaries[pid].append(tax)
    stmt = select(Proposal).where(Proposal.id.in_(sub)).order_by(Proposal.plan_year, Proposal.code)
    for p in session.scalars(stmt.execution_options(yield_per=BATCH)):
        kc, cp, ot = money[p.id]
        row: dict[str, Any] = {
            "code": p.code,
            "title": p.title,
            "level": LEVEL_LABELS.get(p.level, p.level),
            "plan_year": p.plan_year,
            "activity_code": activity.get(p.id),
            "implementing_unit": p.implementing_unit,
            "province": names.get(p.province_code, p.province_code),
            "ward": names.get(p.ward_code or "", p.ward_code),
            "location": p.location,
            "start_date": p.start_date,
            "end_date": p.end_date,
            "status": STATUS_LABELS.get(p.status, p.status),
            "beneficiaries": "; ".join(sorted(beneficiaries[p.id])),
            "kc_amount": kc,
            "counterpart_amount": cp,
            "other_amount": ot,
            "sector_code": p.sector_code,
            **{k: getattr(p, k) for k in PLANNED_FIELDS},
        }
        for kind, prefix in (("tam_ung", "advance"), ("thanh_toan", "payment"), ("quyet_toan", "settlement")):
            amount, last = paid.get((p.id, kind), (None, None))
            row[f"{prefix}_amount"], row[f"{prefix}_date"] = amount, last
        yield row


def export_proposals(
    store: Store, path: Path | str, *, province_code: str | None = None, progress: Progress | None = None
) -> int:
    progress = ensure(progress)
    with store.read() as session:
        total = session.scalar(select(func.count()).select_from(Proposal).where(Proposal.deleted_at.is_(None))) or 0
        return write_sheet(path, "proposals", proposal_rows(session, province_code), total=total, progress=progress)
