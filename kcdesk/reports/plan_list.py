"""Plan registration list (Mẫu 02, biểu tổng hợp chi tiết các đề án), printed landscape.

Columns as domain.md §9.2 proposes them: STT | Tên đề án | Nội dung | Đơn vị thực hiện |
Đơn vị thụ hưởng | Địa điểm | Thời gian thực hiện | Tổng kinh phí | Kinh phí khuyến công
đề nghị | Vốn đối ứng, nguồn khác | Ưu tiên | Ghi chú.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Facility, Proposal, ProposalActivity, ProposalBeneficiary
from kcdesk.domain.vocab import LEVELS
from kcdesk.progress import Progress, ensure
from kcdesk.reports.document import Agency, OfficialDocument, Signature
from kcdesk.reports.tabular import Column, TableData
from kcdesk.services.sums import BudgetSums, budget_sums

EXCLUDED = ("rejected",)
COLUMNS = [
    Column("STT", "int", 0.5),
    Column("Tên đề án", width=3.2),
    Column("Nội dung", width=0.9),
    Column("Đơn vị thực hiện", width=2.0),
    Column("Đơn vị thụ hưởng", width=2.0),
    Column("Địa điểm", width=1.8),
    Column("Thời gian thực hiện", width=1.3),
    Column("Tổng kinh phí (đồng)", "money", 1.5),
    Column("Kinh phí khuyến công đề nghị (đồng)", "money", 1.5),
    Column("Vốn đối ứng, nguồn khác (đồng)", "money", 1.5),
    Column("Ưu tiên", width=0.8),
    Column("Ghi chú", width=1.0),
]


@dataclass(frozen=True)
class PlanQuery:
    year: int
    level: str | None = None  # KCQG | KCDP | None for both
    province_code: str | None = None


def plan_table(session: Session, query: PlanQuery, progress: Progress | None = None) -> TableData:
    progress = ensure(progress)
    stmt = (
        select(Proposal)
        .where(Proposal.deleted_at.is_(None), Proposal.plan_year == query.year, Proposal.status.not_in(EXCLUDED))
        .order_by(Proposal.level, Proposal.code)
    )
    if query.level:
        stmt = stmt.where(Proposal.level == query.level)
    if query.province_code:
        stmt = stmt.where(Proposal.province_code == query.province_code)
    proposals = session.scalars(stmt).all()
    ids = [p.id for p in proposals]
    money: dict[str, BudgetSums] = {}
    beneficiaries: dict[str, list[str]] = defaultdict(list)
    activities: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit on IN lists
        chunk = ids[start : start + 900]
        progress.step(start, len(ids), "dự toán")
        money.update(budget_sums(session, chunk))
        for pid, name in session.execute(
            select(ProposalBeneficiary.proposal_id, Facility.name)
            .join(Facility, Facility.id == ProposalBeneficiary.facility_id)
            .where(ProposalBeneficiary.proposal_id.in_(chunk), ProposalBeneficiary.deleted_at.is_(None))
            .order_by(Facility.name_sort, Facility.id)
        ):
            beneficiaries[pid].append(name)
        for pid, code in session.execute(
            select(ProposalActivity.proposal_id, ProposalActivity.activity_code).where(
                ProposalActivity.proposal_id.in_(chunk), ProposalActivity.deleted_at.is_(None)
            )
        ):
            activities[pid].append(code)
    rows = []
    totals = [0, 0, 0]
    for i, p in enumerate(proposals, 1):
        budget = money.get(p.id, BudgetSums())
        kc, cp, ot = budget.kc, budget.counterpart, budget.other
        when = f"{p.start_date:%m/%Y} - {p.end_date:%m/%Y}" if p.start_date and p.end_date else ""
        rows.append(
            [
                i,
                p.title,
                ", ".join(sorted(activities[p.id])),
                p.implementing_unit,
                "; ".join(beneficiaries[p.id]),  # in Vietnamese order, by the query
                p.location,
                when,
                kc + cp + ot,
                kc,
                cp + ot,
                "Có" if p.priority_area else "",
                "",
            ]
        )
        totals = [totals[0] + kc + cp + ot, totals[1] + kc, totals[2] + cp + ot]
    level = LEVELS.get(query.level or "", "khuyến công").lower()
    name = f"Danh mục đề án {level} năm {query.year}"
    return TableData(name, COLUMNS, rows, [None, "Tổng cộng", None, None, None, None, None, *totals, None, None])


def plan_document(
    table: TableData, agency: Agency, query: PlanQuery, *, on: date | None = None, progress: Progress | None = None
) -> OfficialDocument:
    level = LEVELS.get(query.level or "", "khuyến công").upper()
    doc = OfficialDocument(title=table.name, landscape_pages=True)
    doc.header(agency, None, on or date.today())
    doc.doc_title("Biểu tổng hợp chi tiết", f"Các đề án {level.lower()} đăng ký thực hiện năm {query.year}")
    doc.table(table, size=9, caption=False, progress=progress)
    doc.signatures(
        [Signature(title="Người lập biểu"), Signature(title="Thủ trưởng đơn vị", hint="(Ký, ghi rõ họ tên, đóng dấu)")]
    )
    return doc


def write_plan_pdf(
    session: Session, query: PlanQuery, agency: Agency, out: Path, progress: Progress | None = None
) -> Path:
    table = plan_table(session, query, progress)
    return plan_document(table, agency, query, progress=progress).build(out, progress)
