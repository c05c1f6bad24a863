"""`kcdesk demo`: a realistic province, deterministic by seed, from 100 to 200,000 facilities.

Real wards of the chosen province, Vietnamese names, every facility type and sector,
proposals from 2021 to 2027 across activities and statuses with budgets, counterpart,
disbursements, progress reports, signed acceptances and evaluations, and field surveys.

Demo data is written as if it had come from the server: audited (origin 'demo') but never
queued for sync, and the database is flagged so that it can never be enrolled.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.bulk import bulk_insert
from kcdesk.db.models import AdminUnit, Facility, Proposal
from kcdesk.db.store import Store, set_meta
from kcdesk.db.units import current_wards
from kcdesk.demo import names
from kcdesk.demo.follow_up import TODAY
from kcdesk.demo.people import DemoRandom, Ward, facility_row
from kcdesk.demo.proposals import Context, Rows, every_step, proposal
from kcdesk.domain.lifecycle import IN_PLAN_STATUSES
from kcdesk.errors import KcError
from kcdesk.services.facilities import bulk_insert_facilities
from kcdesk.services.setup import initialize
from kcdesk.services.sums import budget_sums, kc_disbursed

Progress = Callable[[str, int, int], None]
DEMO_USERS = (
    ("lanhdao", "centre_leader", "Phó Giám đốc Trung tâm"),
    ("canbo1", "centre_staff", "Chuyên viên"),
    ("canbo2", "centre_staff", "Chuyên viên"),
    ("ketoan", "accountant", "Kế toán"),
    ("thamdinh", "so_reviewer", "Chuyên viên Phòng Quản lý Công nghiệp"),
    ("bocongthuong", "ministry", "Chuyên viên Cục"),
    ("ctv1", "collaborator", "Cộng tác viên khuyến công"),
    ("ctv2", "collaborator", "Cộng tác viên khuyến công"),
    ("ctv3", "collaborator", "Cộng tác viên khuyến công"),
)
YEARS = (2021, 2022, 2023, 2024, 2025, 2026, 2027)
YEAR_WEIGHTS = (13, 14, 14, 15, 16, 18, 10)


@dataclass(frozen=True)
class DemoSummary:
    province_code: str
    province_name: str
    facilities: int
    proposals: int
    acceptances: int
    surveys: int
    plan_total: int
    disbursed: int
    seed: int
    progress_reports: int = 0
    late_reports: int = 0
    evaluations: int = 0


def _insert(session: Session, table: str, rows: list[dict[str, Any]]) -> None:
    bulk_insert(session, table, rows)


def _legacy_addresses(session: Session, province: str) -> list[tuple[str, str, str, str]]:
    old = names.LEGACY_PROVINCES.get(province, (province,))
    units = session.execute(
        select(AdminUnit.code, AdminUnit.full_name, AdminUnit.parent_code, AdminUnit.level).where(
            AdminUnit.valid_to.is_not(None)
        )
    ).all()
    parent = {code: (full, par) for code, full, par, level in units if level in ("district", "province")}
    out = []
    for code, full, district, level in units:
        if level != "commune" or district not in parent:
            continue
        district_name, prov = parent[district]
        if prov in old:
            out.append((code, f"{full}, {district_name}, {parent[prov][0]}", district, prov))
    return out


def _users(session: Session, rng: DemoRandom, province: str, centre: str, wards: list[Ward]) -> dict[str, str]:
    ids: dict[str, str] = {}
    rows, communes = [], []
    for username, role, position in DEMO_USERS:
        uid = rng.uuid7()
        ids.setdefault(role, uid)
        org = "Sở Công Thương" if role == "so_reviewer" else "Bộ Công Thương" if role == "ministry" else centre
        rows.append(
            {
                "id": uid,
                "username": username,
                "full_name": rng.person(),
                "role": role,
                "position": position,
                "organisation": org,
                "province_code": None if role == "ministry" else province,
                "phone": rng.phone(),
                "active": True,
            }
        )
        if role == "collaborator":
            for ward in rng.sample(wards, k=min(4, len(wards))):
                communes.append({"id": rng.uuid7(), "user_id": uid, "ward_code": ward.code})
    _insert(session, "app_user", rows)
    _insert(session, "collaborator_commune", communes)
    return ids


def _surveys(
    session: Session,
    rng: DemoRandom,
    province: str,
    facilities: list[dict[str, Any]],
    collaborators: list[str],
    count: int,
) -> int:
    surveys, needs = [], []
    for _ in range(count):
        sid = rng.uuid7()
        existing = rng.random() < 0.8
        f = rng.choice(facilities)
        draft = (
            None
            if existing
            else json.dumps(
                {
                    "name": f"Cơ sở {rng.choice(names.PRODUCTS['E'])[0]} {rng.person()}",
                    "facility_type": "hkd",
                    "phone": rng.phone(),
                },
                ensure_ascii=False,
            )
        )
        surveys.append(
            {
                "id": sid,
                "surveyor_id": rng.choice(collaborators),
                "survey_date": rng.day_between(date(2025, 3, 1), TODAY),
                "facility_id": f["id"] if existing else None,
                "draft_facility": draft,
                "province_code": province,
                "ward_code": f["ward_code"],
                "latitude": f["latitude"],
                "longitude": f["longitude"],
                "answers": json.dumps(
                    {
                        "so_lao_dong": f["labour_total"],
                        "kho_khan": rng.choice(
                            ("Thiếu vốn đổi mới máy móc", "Thiếu thị trường tiêu thụ", "Lao động thiếu tay nghề")
                        ),
                    },
                    ensure_ascii=False,
                ),
                "form_version": 1,
                "status": rng.choice(("draft", "submitted", "submitted", "reviewed", "linked")),
            }
        )
        for code in rng.sample(("KC1.1", "KC3.3", "KC4.3", "KC4.4", "KC2.1", "KC5"), k=rng.randint(1, 3)):
            needs.append({"id": rng.uuid7(), "survey_id": sid, "activity_code": code, "priority": rng.randint(1, 3)})
    _insert(session, "survey", surveys)
    _insert(session, "survey_need", needs)
    return len(surveys)


def _populate(
    session: Session, province: str | None, n_facilities: int, seed: int, progress: Progress | None
) -> DemoSummary:
    if session.execute(select(func.count()).select_from(Facility)).scalar_one():
        raise KcError(
            "Cơ sở dữ liệu này đã có dữ liệu; dữ liệu mẫu chỉ tạo trong tệp mới. "
            "Hãy chọn tệp khác: kcdesk --db demo.db demo"
        )
    rng = DemoRandom(seed)
    province = province or "48"
    wards = [Ward(u.code, u.name, u.full_name) for u in current_wards(session, province)]
    if not wards:
        raise KcError("Không có xã/phường nào của tỉnh '{code}' trong danh mục.", code=province)
    users_stub = initialize(session, province_code=province)  # validates the province; sets device and meta
    set_meta(session, "demo", "1")
    set_meta(session, "demo_seed", str(seed))
    users = _users(session, rng, province, users_stub.centre_name, wards)
    set_meta(session, "current_user_id", users["centre_leader"])

    legacy = _legacy_addresses(session, province)
    facilities: list[dict[str, Any]] = []
    chunk = 20_000
    for start in range(0, n_facilities, chunk):
        batch = [
            facility_row(rng, n, province, wards, legacy, 1_000_000 + n)
            for n in range(start, min(n_facilities, start + chunk))
        ]
        bulk_insert_facilities(session, batch)
        facilities.extend(batch)
        if progress:
            progress("facilities", len(facilities), n_facilities)

    ctx = Context(rng, province, users_stub.province_name, users_stub.centre_name, wards, facilities, users)
    rows = Rows()
    steps = every_step()
    n_proposals = max(len(steps), min(n_facilities // 40, 3000))
    for status, year in steps:
        proposal(ctx, rows, year, status)
    for _ in range(n_proposals - len(steps)):
        proposal(ctx, rows, rng.choices(YEARS, weights=YEAR_WEIGHTS)[0])
    for table in (
        "proposal",
        "proposal_activity",
        "proposal_beneficiary",
        "budget_line",
        "proposal_status_event",
        "disbursement",
        "progress_report",
        "acceptance",
        "acceptance_member",
        "acceptance_item",
        "post_support_evaluation",
    ):
        _insert(session, table, rows.tables.get(table, []))
    if progress:
        progress("proposals", n_proposals, n_proposals)
    stats = [
        {
            "id": rng.uuid7(),
            "facility_id": f["id"],
            "year": year,
            "revenue": f["revenue_prev_year"],
            "labour": f["labour_total"],
        }
        for f in facilities[: max(10, n_facilities // 10)]
        for year in (2023, 2024, 2025)
    ]
    _insert(session, "facility_year_stat", stats)
    collaborators = [r["id"] for r in [{"id": users["collaborator"]}]]
    n_surveys = _surveys(session, rng, province, facilities, collaborators, max(10, min(n_facilities // 20, 5000)))
    # The same figures as the periodic report: khuyến công funds of proposals in a plan, and
    # khuyến công money disbursed (a settlement replacing what was paid out).
    in_plan = select(Proposal.id).where(Proposal.status.in_(IN_PLAN_STATUSES))
    plan = sum(b.kc for b in budget_sums(session, in_plan).values())
    paid = sum(kc_disbursed(session, in_plan).values())
    reports = rows.tables.get("progress_report", [])
    set_meta(session, "demo_created_at", datetime.now(UTC).isoformat())
    return DemoSummary(
        province,
        users_stub.province_name,
        len(facilities),
        n_proposals,
        len(rows.tables.get("acceptance", [])),
        n_surveys,
        plan,
        paid,
        seed,
        len(reports),
        sum(1 for r in reports if r["days_late"]),
        len(rows.tables.get("post_support_evaluation", [])),
    )


def build_demo(
    store: Store,
    *,
    province: str | None = None,
    facilities: int = 2000,
    seed: int = 1,
    progress: Progress | None = None,
) -> DemoSummary:
    summary = store.write(
        lambda s: _populate(s, province, facilities, seed, progress), origin="demo", applying_remote=True
    )
    store.reload_identity()
    return summary
