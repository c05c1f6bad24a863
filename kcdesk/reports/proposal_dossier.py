"""The proposal dossier (thuyết minh đề án): its content sections (TT 36/2013 Art. 5) and
the detailed budget in the spirit of Mẫu 01 (quantity, unit price, total, of which
khuyến công / counterpart / other)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import BudgetLine, Facility, Proposal, ProposalActivity, ProposalBeneficiary, ProposalTask
from kcdesk.domain.vnformat import day, money
from kcdesk.domain.vocab import LEVELS
from kcdesk.progress import Progress
from kcdesk.reports.document import Agency, OfficialDocument, Signature
from kcdesk.reports.styles import markup
from kcdesk.reports.tabular import Column, TableData

BUDGET_COLUMNS = [
    Column("STT", "int", 0.5),
    Column("Nội dung chi", width=3.2),
    Column("Đơn vị tính", width=0.9),
    Column("Số lượng", "text", 0.8),
    Column("Đơn giá (đồng)", "money", 1.4),
    Column("Thành tiền (đồng)", "money", 1.5),
    Column("Kinh phí khuyến công (đồng)", "money", 1.5),
    Column("Vốn đối ứng (đồng)", "money", 1.5),
    Column("Nguồn khác (đồng)", "money", 1.3),
]


def budget_table(session: Session, proposal: Proposal) -> TableData:
    lines = session.scalars(
        select(BudgetLine)
        .where(BudgetLine.proposal_id == proposal.id, BudgetLine.deleted_at.is_(None))
        .order_by(BudgetLine.line_no)
    ).all()
    rows = []
    totals = [0, 0, 0, 0]
    for i, line in enumerate(lines, 1):
        total = line.kc_amount + line.counterpart_amount + line.other_amount
        qty = f"{line.quantity.normalize():f}".replace(".", ",") if line.quantity is not None else ""
        rows.append(
            [
                i,
                line.item,
                line.unit,
                qty,
                line.unit_price,
                total,
                line.kc_amount,
                line.counterpart_amount,
                line.other_amount,
            ]
        )
        for k, v in enumerate((total, line.kc_amount, line.counterpart_amount, line.other_amount)):
            totals[k] += v
    return TableData("Dự toán kinh phí", BUDGET_COLUMNS, rows, [None, "Tổng cộng", None, None, None, *totals])


def proposal_document(
    session: Session, proposal: Proposal, agency: Agency, *, on: date | None = None, progress: Progress | None = None
) -> OfficialDocument:
    live = ProposalBeneficiary.deleted_at.is_(None)
    beneficiaries = session.scalars(
        select(Facility.name)
        .join(ProposalBeneficiary, ProposalBeneficiary.facility_id == Facility.id)
        .where(ProposalBeneficiary.proposal_id == proposal.id, live)
        .order_by(Facility.name_sort, Facility.id)
    ).all()
    activities = session.scalars(
        select(ProposalActivity.activity_code).where(
            ProposalActivity.proposal_id == proposal.id, ProposalActivity.deleted_at.is_(None)
        )
    ).all()
    tasks = session.scalars(
        select(ProposalTask)
        .where(ProposalTask.proposal_id == proposal.id, ProposalTask.deleted_at.is_(None))
        .order_by(ProposalTask.start_date)
    ).all()
    doc = OfficialDocument(title=f"Đề án khuyến công {proposal.code}")
    doc.header(agency, None, on or date.today())
    doc.doc_title("Đề án khuyến công", proposal.title)
    doc.heading("1. ĐƠN VỊ THỰC HIỆN, ĐƠN VỊ THỤ HƯỞNG VÀ ĐỊA ĐIỂM")
    period = f"từ {day(proposal.start_date)} đến {day(proposal.end_date)}" if proposal.start_date else "...."
    for label, value in (
        ("Mã đề án", proposal.code),
        ("Cấp đề án", LEVELS.get(proposal.level, proposal.level)),
        ("Năm kế hoạch", str(proposal.plan_year)),
        ("Nội dung hoạt động", ", ".join(sorted(activities)) or "...."),
        ("Đơn vị thực hiện", proposal.implementing_unit),
        ("Đơn vị phối hợp", proposal.coordinating_units or "...."),
        ("Đơn vị thụ hưởng", "; ".join(beneficiaries) or "...."),
        ("Địa điểm thực hiện", proposal.location or "...."),
        ("Thời gian thực hiện", period),
    ):
        doc.paragraph(f"- {markup(label)}: {markup(value)}.", rich=True)
    sections = (
        ("2. SỰ CẦN THIẾT VÀ CĂN CỨ XÂY DỰNG ĐỀ ÁN", proposal.need_and_basis),
        ("3. MỤC TIÊU", proposal.objectives),
        ("4. QUY MÔ VÀ ĐIỂM MỚI CỦA ĐỀ ÁN", proposal.scale),
    )
    for heading, text in sections:
        doc.heading(heading)
        doc.paragraph(text or "(chưa có nội dung)")
    doc.heading("5. NỘI DUNG VÀ TIẾN ĐỘ THỰC HIỆN")
    if tasks:
        doc.table(
            TableData(
                "Nội dung và tiến độ",
                [
                    Column("STT", "int", 0.5),
                    Column("Nội dung công việc", width=4),
                    Column("Đơn vị, người thực hiện", width=2),
                    Column("Từ ngày", "date", 1.1),
                    Column("Đến ngày", "date", 1.1),
                ],
                [[i, t.task, t.owner, t.start_date, t.end_date] for i, t in enumerate(tasks, 1)],
            ),
            caption=False,
            progress=progress,
        )
    else:
        doc.paragraph("(chưa lập tiến độ)")
    doc.heading("6. DỰ TOÁN KINH PHÍ")
    budget = budget_table(session, proposal)
    doc.table(budget, size=9.5, caption=False, progress=progress)
    if budget.total is not None:
        total, kc, cp, ot = budget.total[5:]
        doc.paragraph(
            f"Tổng kinh phí thực hiện đề án: {money(total)}, trong đó kinh phí khuyến công {money(kc)}, "
            f"vốn đối ứng {money(cp)}, nguồn khác {money(ot)}."
        )
    doc.heading("7. TỔ CHỨC THỰC HIỆN")
    doc.paragraph(proposal.implementation or "(chưa có nội dung)")
    doc.heading("8. HIỆU QUẢ DỰ KIẾN")
    doc.paragraph(proposal.effectiveness or "(chưa có nội dung)")
    doc.signatures([Signature(title="Thủ trưởng đơn vị thực hiện", hint="(Ký, ghi rõ họ tên, đóng dấu)")], per_row=1)
    return doc


def write_proposal_pdf(
    session: Session, proposal: Proposal, agency: Agency, out: Path, progress: Progress | None = None
) -> Path:
    return proposal_document(session, proposal, agency, progress=progress).build(out, progress)
