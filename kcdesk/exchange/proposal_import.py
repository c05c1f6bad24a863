"""Importing proposals with their budget and disbursement amounts from an .xlsx sheet.

One row per proposal: its identity, level, plan year, activity, units, dates, status, the
beneficiaries' tax codes (facilities already in the register), the budget split into
khuyến công / counterpart / other, and the amounts advanced, paid and settled with their
dates. Each row becomes a Proposal, one BudgetLine with the three amounts, its activity,
beneficiaries and one Disbursement per amount. As with facilities, everything is checked
first and committed in one transaction (or not at all).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    ActivityType,
    BudgetLine,
    Disbursement,
    Facility,
    Proposal,
    ProposalActivity,
    ProposalBeneficiary,
    Sector,
)
from kcdesk.db.store import Store
from kcdesk.domain.validation import normalize_tax_code
from kcdesk.errors import FieldMessage
from kcdesk.exchange.choices import choose
from kcdesk.exchange.columns import PLANNED_FIELDS, PROPOSAL_COLUMNS
from kcdesk.exchange.import_run import run_import
from kcdesk.exchange.outcome import Finding, ImportOutcome
from kcdesk.exchange.proposal_vocab import DEFAULT_STATUS, LEVEL_ALIASES, LEVEL_LABELS, STATUS_LABELS
from kcdesk.exchange.sheet_reader import SheetRow
from kcdesk.exchange.unit_names import Ambiguous, UnitNames
from kcdesk.ids import new_id
from kcdesk.progress import Progress

PAYMENTS = (("advance", "tam_ung"), ("payment", "thanh_toan"), ("settlement", "quyet_toan"))


class ProposalRows:
    def __init__(self, session: Session, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.units = UnitNames(session)
        self.activities = {code: name for code, name in session.execute(select(ActivityType.code, ActivityType.name))}
        self.sectors = {code: name for code, name in session.execute(select(Sector.code, Sector.name))}
        self.codes = set(session.scalars(select(Proposal.code).where(Proposal.deleted_at.is_(None))))
        self.facilities = {
            normalize_tax_code(tax): fid
            for tax, fid in session.execute(
                select(Facility.tax_code, Facility.id).where(
                    Facility.deleted_at.is_(None), Facility.tax_code.is_not(None)
                )
            )
        }
        self.seen: dict[str, int] = {}
        self.spec = {c.field: c for c in PROPOSAL_COLUMNS}

    def problem(self, row: SheetRow, fld: str, message: str, **params: Any) -> None:
        column = self.outcome.headers.get(fld) or self.spec[fld].title
        self.outcome.problems.append(Finding(row.number, column, FieldMessage(message, **params)))
        row.bad.add(fld)

    def values(self, row: SheetRow) -> dict[str, Any] | None:
        v = row.values
        for fld in ("code", "title", "implementing_unit", "plan_year", "level", "province"):
            if v.get(fld) in (None, "") and fld not in row.bad:
                self.problem(row, fld, "Ô này không được để trống.")
        level = choose(v.get("level"), LEVEL_LABELS, LEVEL_ALIASES) if v.get("level") else None
        if v.get("level") and level is None:
            self.problem(row, "level", "Cấp '{value}' không đúng; hãy ghi KCQG hoặc KCĐP.", value=v["level"])
        status = choose(v.get("status"), STATUS_LABELS) if v.get("status") else DEFAULT_STATUS
        if status is None:
            self.problem(row, "status", "Trạng thái '{value}' không có trong danh mục.", value=v["status"])
        activity = None
        if v.get("activity_code"):
            typed = str(v["activity_code"]).upper().replace(" ", "")
            activity = typed if typed in self.activities else choose(v["activity_code"], self.activities)
            if activity is None:
                self.problem(
                    row,
                    "activity_code",
                    "Nội dung hoạt động '{value}' không có trong danh mục (KC1..KC9).",
                    value=v["activity_code"],
                )
        sector = choose(v.get("sector_code"), self.sectors) if v.get("sector_code") else None
        if v.get("sector_code") and sector is None:
            self.problem(row, "sector_code", "Ngành nghề '{value}' không có trong danh mục.", value=v["sector_code"])
        year = v.get("plan_year")
        if year is not None and not 2000 <= year <= 2100:
            self.problem(row, "plan_year", "Năm kế hoạch {value} không hợp lý.", value=year)
        province_code, ward_code = self._units(row)
        if v.get("start_date") and v.get("end_date") and v["end_date"] < v["start_date"]:
            self.problem(row, "end_date", "Ngày kết thúc trước ngày bắt đầu.")
        beneficiaries = self._beneficiaries(row)
        for prefix, _ in PAYMENTS:
            if v.get(f"{prefix}_amount") and not v.get(f"{prefix}_date") and f"{prefix}_date" not in row.bad:
                self.problem(row, f"{prefix}_date", "Có số tiền nhưng chưa ghi ngày chi.")
        code = v.get("code")
        if code:
            if code in self.seen:
                self.problem(
                    row, "code", "Mã đề án {code} trùng với dòng {first} trong tệp.", code=code, first=self.seen[code]
                )
            else:
                self.seen[code] = row.number
            if code in self.codes:
                self.problem(row, "code", "Mã đề án {code} đã có trong dữ liệu.", code=code)
        if row.bad:
            return None
        return {
            "proposal": {
                "id": new_id(),
                "code": code,
                "title": v["title"],
                "level": level,
                "plan_year": year,
                "sector_code": sector,
                "implementing_unit": v["implementing_unit"],
                "province_code": province_code,
                "ward_code": ward_code,
                "location": v.get("location"),
                "start_date": v.get("start_date"),
                "end_date": v.get("end_date"),
                "status": "draft",
                "status_date": None,
                **{k: v.get(k) for k in PLANNED_FIELDS},
            },
            "status": status,
            "activity": activity,
            "beneficiaries": beneficiaries,
            "amounts": (v.get("kc_amount") or 0, v.get("counterpart_amount") or 0, v.get("other_amount") or 0),
            "payments": [
                (kind, v[f"{prefix}_amount"], v[f"{prefix}_date"])
                for prefix, kind in PAYMENTS
                if v.get(f"{prefix}_amount")
            ],
        }

    def _units(self, row: SheetRow) -> tuple[str | None, str | None]:
        province_text, ward_text = row.values.get("province"), row.values.get("ward")
        if not province_text:
            return None, None
        try:
            province = self.units.province(province_text)
        except Ambiguous as many:
            self.problem(
                row,
                "province",
                "Tên '{value}' chưa rõ, có thể là: {names}.",
                value=province_text,
                names="; ".join(many.names),
            )
            return None, None
        if province is None or province.legacy:
            self.problem(
                row, "province", "'{value}' không phải tỉnh/thành phố hiện hành (từ 01/7/2025).", value=province_text
            )
            return None, None
        if not ward_text:
            return province.code, None
        try:
            ward = self.units.ward(ward_text, province.code)
        except Ambiguous as many:
            self.problem(
                row, "ward", "Tên '{value}' chưa rõ, có thể là: {names}.", value=ward_text, names="; ".join(many.names)
            )
            return province.code, None
        if ward is None or ward.legacy or ward.province_code != province.code:
            self.problem(
                row,
                "ward",
                "'{value}' không phải xã/phường/đặc khu hiện hành của {province}.",
                value=ward_text,
                province=province.full_name,
            )
            return province.code, None
        return province.code, ward.code

    def _beneficiaries(self, row: SheetRow) -> list[str]:
        typed = row.values.get("beneficiaries")
        if not typed:
            return []
        ids = []
        for part in str(typed).replace(",", ";").split(";"):
            tax = normalize_tax_code(part.strip())
            if not tax:
                continue
            if tax not in self.facilities:
                self.problem(
                    row,
                    "beneficiaries",
                    "Không có cơ sở mang mã số thuế {tax} trong sổ cơ sở; hãy nhập cơ sở trước.",
                    tax=tax,
                )
            else:
                ids.append(self.facilities[tax])
        return ids


def import_proposals(
    store: Store,
    path: Path | str,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportOutcome:
    return run_import(
        store,
        path,
        kind="proposals",
        columns=PROPOSAL_COLUMNS,
        checker=ProposalRows,
        insert=_insert,
        dry_run=dry_run,
        skip_invalid=skip_invalid,
        progress=progress,
    )


def _insert(session: Session, rows: list[dict[str, Any]], progress: Progress) -> int:
    """Proposals go in as drafts with their children, then take their status: a settled
    proposal refuses new children (the record lock), so the status comes last."""
    for start in range(0, len(rows), 1000):
        progress.step(start, len(rows), "ghi dữ liệu")
        chunk = rows[start : start + 1000]
        session.execute(insert(Proposal), [r["proposal"] for r in chunk])
        lines, activities, links, payments = [], [], [], []
        for r in chunk:
            pid = r["proposal"]["id"]
            kc, cp, ot = r["amounts"]
            lines.append(
                {
                    "proposal_id": pid,
                    "line_no": 1,
                    "item": "Kinh phí thực hiện đề án",
                    "kc_amount": kc,
                    "counterpart_amount": cp,
                    "other_amount": ot,
                    "activity_code": r["activity"],
                }
            )
            if r["activity"]:
                activities.append({"proposal_id": pid, "activity_code": r["activity"]})
            links += [{"proposal_id": pid, "facility_id": fid} for fid in r["beneficiaries"]]
            payments += [
                {"proposal_id": pid, "kind": kind, "amount": amount, "paid_on": on}
                for kind, amount, on in r["payments"]
            ]
        for model, batch in (
            (BudgetLine, lines),
            (ProposalActivity, activities),
            (ProposalBeneficiary, links),
            (Disbursement, payments),
        ):
            if batch:
                session.execute(insert(model), batch)
        for r in chunk:
            if r["status"] != "draft":
                session.execute(update(Proposal).where(Proposal.id == r["proposal"]["id"]).values(status=r["status"]))
    return len(rows)
