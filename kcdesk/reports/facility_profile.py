"""A facility's profile: its register entry and the khuyến công support it received."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AdminUnit, Facility, Proposal, ProposalBeneficiary
from kcdesk.domain.validation import FACILITY_LABELS
from kcdesk.domain.vnformat import day, decimal, group
from kcdesk.domain.vocab import FACILITY_STATUSES, FACILITY_TYPES, LEVELS
from kcdesk.progress import Progress
from kcdesk.reports.document import Agency, OfficialDocument
from kcdesk.reports.tabular import Column, TableData
from kcdesk.services.evaluations import evaluations_of_facility
from kcdesk.services.sums import budget_sums

SHOWN = (
    "name",
    "facility_type",
    "tax_code",
    "business_reg_no",
    "reg_date",
    "representative",
    "representative_title",
    "phone",
    "email",
    "street",
    "village",
    "ward_code",
    "province_code",
    "legacy_address",
    "sector_code",
    "main_products",
    "labour_total",
    "labour_insured",
    "total_capital",
    "revenue_prev_year",
    "status",
    "note",
)


def _unit(session: Session, code: str | None) -> str:
    if not code:
        return ""
    name = session.scalar(select(AdminUnit.full_name).where(AdminUnit.code == code, AdminUnit.valid_to.is_(None)))
    return name or code


def facility_tables(session: Session, facility: Facility) -> list[TableData]:
    rows = []
    for key in SHOWN:
        value = getattr(facility, key)
        if key == "facility_type":
            value = FACILITY_TYPES.get(value, value)
        elif key == "status":
            value = FACILITY_STATUSES.get(value, value)
        elif key in ("ward_code", "province_code"):
            value = _unit(session, value)
        elif key in ("total_capital", "revenue_prev_year") and value is not None:
            value = f"{group(value)} đồng"
        elif key in ("labour_total", "labour_insured") and value is not None:
            value = f"{group(value)} người"
        elif key == "reg_date":
            value = day(value)
        if value not in (None, ""):
            rows.append([FACILITY_LABELS.get(key, key), str(value)])
    info = TableData("Thông tin cơ sở", [Column("Thông tin", width=1.3), Column("Nội dung", width=3)], rows)
    supported = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title, Proposal.plan_year, Proposal.level)
        .join(ProposalBeneficiary, ProposalBeneficiary.proposal_id == Proposal.id)
        .where(
            ProposalBeneficiary.facility_id == facility.id,
            ProposalBeneficiary.deleted_at.is_(None),
            Proposal.deleted_at.is_(None),
        )
        .order_by(Proposal.plan_year, Proposal.code)
    ).all()
    sums = budget_sums(session, [row.id for row in supported])  # no budget lines: the cell stays empty
    support = TableData(
        "Các đề án khuyến công đã hỗ trợ cơ sở",
        [
            Column("Mã đề án", width=1.3),
            Column("Tên đề án", width=4),
            Column("Năm", width=0.6),
            Column("Cấp", width=1.6),
            Column("Kinh phí khuyến công (đồng)", "money", 1.6),
        ],
        [[c, t, str(y), LEVELS.get(lv, lv), sums[pid].kc if pid in sums else None] for pid, c, t, y, lv in supported],
    )
    return [info, support, post_support_table(session, facility)]


def post_support_table(session: Session, facility: Facility) -> TableData:
    """Before and after support, one row per post-support evaluation of the facility."""

    def output(e: dict[str, object]) -> str:
        before, after = e["output_before"], e["output_after"]
        if before is None and after is None:
            return ""
        shown = " → ".join(decimal(v, 1) if isinstance(v, Decimal) else "-" for v in (before, after))
        return f"{shown} {e['output_unit'] or ''}".strip()

    rows = [
        [
            e["proposal_code"],
            e["evaluated_on"],
            e["revenue_before"],
            e["revenue_after"],
            e["jobs_before"],
            e["jobs_after"],
            output(e),
            {True: "Có", False: "Không"}.get(e["machinery_in_use"], ""),
        ]
        for e in evaluations_of_facility(session, facility.id)
    ]
    return TableData(
        "Hiệu quả sau hỗ trợ (trước và sau hỗ trợ)",
        [
            Column("Mã đề án", width=1.2),
            Column("Ngày đánh giá", "date", 0.9),
            Column("Doanh thu trước (đồng)", "money", 1.3),
            Column("Doanh thu sau (đồng)", "money", 1.3),
            Column("Lao động trước", "int", 0.7),
            Column("Lao động sau", "int", 0.7),
            Column("Sản lượng trước → sau", width=1.4),
            Column("Còn sử dụng", width=0.7),
        ],
        rows,
    )


def facility_document(
    session: Session, facility: Facility, agency: Agency, *, on: date | None = None, progress: Progress | None = None
) -> OfficialDocument:
    info, support, post = facility_tables(session, facility)
    doc = OfficialDocument(title=f"Thông tin cơ sở {facility.name}")
    doc.header(agency, None, on or date.today())
    doc.doc_title("Phiếu thông tin", f"Cơ sở công nghiệp nông thôn: {facility.name}")
    doc.table(info, size=11, caption=False, progress=progress)
    if support.rows:
        doc.table(support, size=10, progress=progress)
    else:
        doc.paragraph("Cơ sở chưa được hỗ trợ từ đề án khuyến công nào.")
    if post.rows:
        doc.table(post, size=10, progress=progress)
    return doc


def write_facility_pdf(
    session: Session, facility: Facility, agency: Agency, out: Path, progress: Progress | None = None
) -> Path:
    return facility_document(session, facility, agency, progress=progress).build(out, progress)
