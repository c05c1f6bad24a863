"""Biên bản nghiệm thu (acceptance record) of one Acceptance, in the spirit of Mẫu 5b.

Parts (domain.md §9.3): header, bases, time and place, members, the proposal checked,
the items checked against the approved content, outputs, money, assessment, conclusion,
requests, and a signature block per party.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, AcceptanceItem, AcceptanceMember, Facility, Proposal, ProposalBeneficiary
from kcdesk.domain.vnformat import day, group, long_date
from kcdesk.domain.vocab import CONCLUSIONS, LEVELS, MEMBER_ROLES
from kcdesk.progress import Progress
from kcdesk.reports.document import Agency, OfficialDocument, Signature
from kcdesk.reports.styles import Styles, markup
from kcdesk.reports.tabular import Column, TableData
from kcdesk.text import vi_sort_key

# Which member signs for which party, in the order the blocks are printed.
SIGNING_ROLES = (
    ("don_vi_thuc_hien", "ĐẠI DIỆN ĐƠN VỊ THỰC HIỆN"),
    ("thu_huong", "ĐẠI DIỆN ĐƠN VỊ THỤ HƯỞNG"),
    ("dia_phuong", "ĐẠI DIỆN ĐỊA PHƯƠNG"),
    ("thu_ky", "THƯ KÝ"),
    ("chu_tri", "CHỦ TRÌ NGHIỆM THU"),
)
OUTPUTS = (
    ("trainees", "Số học viên được đào tạo", "người"),
    ("trainees_employed", "Số học viên có việc làm sau đào tạo", "người"),
    ("models_built", "Số mô hình trình diễn được xây dựng", "mô hình"),
    ("machines_supplied", "Số máy móc, thiết bị được hỗ trợ", "máy, thiết bị"),
    ("fairs", "Số hội chợ, triển lãm được tổ chức hoặc tham gia", "hội chợ"),
    ("brands", "Số nhãn hiệu, thương hiệu được hỗ trợ", "nhãn hiệu"),
)


def acceptance_document(
    session: Session, acceptance: Acceptance, agency: Agency, progress: Progress | None = None
) -> OfficialDocument:
    proposal = session.get(Proposal, acceptance.proposal_id)
    assert proposal is not None  # a foreign key guarantees it
    members = sorted(  # in the order set on the record; same places by name, in Vietnamese order
        session.scalars(
            select(AcceptanceMember).where(
                AcceptanceMember.acceptance_id == acceptance.id, AcceptanceMember.deleted_at.is_(None)
            )
        ),
        key=lambda m: (m.sort_order, vi_sort_key(m.full_name)),
    )
    items = session.scalars(
        select(AcceptanceItem)
        .where(AcceptanceItem.acceptance_id == acceptance.id, AcceptanceItem.deleted_at.is_(None))
        .order_by(AcceptanceItem.sort_order)
    ).all()
    beneficiaries = session.scalars(
        select(Facility.name)
        .join(ProposalBeneficiary, ProposalBeneficiary.facility_id == Facility.id)
        .where(ProposalBeneficiary.proposal_id == proposal.id, ProposalBeneficiary.deleted_at.is_(None))
        .order_by(Facility.name_sort, Facility.id)
    ).all()

    doc = OfficialDocument(title=f"Biên bản nghiệm thu {proposal.code}")
    doc.header(agency, acceptance.number, acceptance.accepted_on)
    if acceptance.signed_at is None:
        doc.paragraph("DỰ THẢO - biên bản chưa ký", style=Styles.note)
    doc.doc_title("Biên bản", f"Nghiệm thu cơ sở đề án khuyến công “{proposal.title}”")
    bases = [b for b in (acceptance.basis or "").splitlines() if b.strip()]
    if acceptance.contract_number:
        bases.append(f"Căn cứ Hợp đồng thực hiện đề án khuyến công số {acceptance.contract_number}")
    doc.legal_bases(bases)
    when = long_date(acceptance.accepted_on)
    doc.paragraph(f"Hôm nay, {when}, tại {acceptance.place or '..........'}, chúng tôi gồm:")

    doc.heading("I. THÀNH PHẦN THAM DỰ NGHIỆM THU")
    for i, m in enumerate(members, 1):
        who = ", ".join(p for p in (m.full_name, m.position, m.organisation) if p)
        doc.paragraph(f"{i}. {who}: {MEMBER_ROLES.get(m.role, m.role)}.")

    doc.heading("II. THÔNG TIN ĐỀ ÁN")
    period = f"từ {day(proposal.start_date)} đến {day(proposal.end_date)}" if proposal.start_date else "........"
    facts = [
        ("Tên đề án", proposal.title),
        ("Mã đề án", proposal.code),
        ("Cấp đề án", LEVELS.get(proposal.level, proposal.level)),
        ("Đơn vị thực hiện", proposal.implementing_unit),
        ("Đơn vị thụ hưởng", "; ".join(beneficiaries) or "........"),
        ("Địa điểm thực hiện", proposal.location or "........"),
        ("Thời gian thực hiện", period),
    ]
    for label, value in facts:
        doc.paragraph(f"- {markup(label)}: {markup(value)}.", rich=True)

    doc.heading("III. NỘI DUNG VÀ KẾT QUẢ KIỂM TRA")
    if items:
        doc.table(_items_table(items), caption=False, progress=progress)
    else:
        doc.paragraph("Không có hạng mục kiểm tra chi tiết.")
    produced = [
        (label, getattr(acceptance, key), unit) for key, label, unit in OUTPUTS if getattr(acceptance, key) is not None
    ]
    if produced:
        doc.paragraph("Kết quả đầu ra của đề án:")
        for label, value, unit in produced:
            doc.paragraph(f"- {label}: {group(value)} {unit}.")

    doc.heading("IV. KINH PHÍ")
    doc.table(_money_table(acceptance), caption=False)

    doc.heading("V. ĐÁNH GIÁ VÀ KẾT LUẬN")
    if acceptance.assessment:
        doc.paragraph(acceptance.assessment)
    conclusion = CONCLUSIONS.get(acceptance.conclusion or "", "chưa kết luận")
    doc.paragraph(
        f"Kết luận: <b>{markup(conclusion)}</b>. Hội đồng nghiệm thu thống nhất "
        f"{markup(_conclusion_sentence(acceptance.conclusion))}",
        rich=True,
    )
    if acceptance.requests:
        doc.heading("VI. KIẾN NGHỊ")
        doc.paragraph(acceptance.requests)
    doc.paragraph(
        "Biên bản đã được đọc lại cho các thành viên tham dự cùng nghe, nhất trí thông qua và được lập "
        "thành 06 bản có giá trị như nhau, mỗi bên giữ 02 bản."
    )
    doc.signatures(_signatures(members))
    return doc


def _conclusion_sentence(conclusion: str | None) -> str:
    return {
        "dat": "nghiệm thu đề án; đề nghị thanh toán, quyết toán kinh phí theo quy định.",
        "dat_mot_phan": "nghiệm thu phần khối lượng đã thực hiện; đề nghị quyết toán theo khối lượng thực tế.",
        "khong_dat": "chưa nghiệm thu; đơn vị thực hiện hoàn thiện các nội dung theo kiến nghị.",
    }.get(conclusion or "", "xem xét các nội dung trên.")


def _items_table(items: Sequence[AcceptanceItem]) -> TableData:
    cols = [
        Column("STT", "int", 0.7),
        Column("Nội dung kiểm tra", width=3.0),
        Column("Theo đề án được duyệt", width=2.2),
        Column("Thực hiện", width=2.2),
        Column("Đánh giá", width=1.1),
        Column("Ghi chú", width=1.5),
    ]
    verdict = {True: "Đạt", False: "Không đạt", None: ""}
    rows = [[i, it.content, it.planned, it.actual, verdict[it.passed], it.note] for i, it in enumerate(items, 1)]
    return TableData("Kết quả kiểm tra", cols, rows)


def _money_table(a: Acceptance) -> TableData:
    cols = [Column("STT", "int", 0.7), Column("Nội dung", width=5), Column("Số tiền (đồng)", "money", 2)]
    rows: list[list[object]] = [
        [1, "Tổng kinh phí đề án được phê duyệt", a.approved_amount],
        [2, "Kinh phí khuyến công được phê duyệt", a.approved_kc_amount],
        [3, "Kinh phí khuyến công được nghiệm thu", a.accepted_amount],
        [4, "Vốn đối ứng đơn vị thụ hưởng đã đầu tư thực tế", a.counterpart_invested],
    ]
    return TableData("Kinh phí", cols, rows)


def _signatures(members: Sequence[AcceptanceMember]) -> list[Signature]:
    signatures = []
    for role, title in SIGNING_ROLES:
        signer = next((m for m in members if m.role == role), None)
        if signer is not None:
            signatures.append(Signature(title=title, name=signer.full_name, hint="(Ký, ghi rõ họ tên)"))
    return signatures


def acceptance_tables(session: Session, acceptance: Acceptance) -> list[TableData]:
    """The record's tables, for the workbook export."""
    items = session.scalars(
        select(AcceptanceItem)
        .where(AcceptanceItem.acceptance_id == acceptance.id, AcceptanceItem.deleted_at.is_(None))
        .order_by(AcceptanceItem.sort_order)
    ).all()
    return [_items_table(list(items)), _money_table(acceptance)]


def write_acceptance_pdf(
    session: Session, acceptance: Acceptance, agency: Agency, out: Path, progress: Progress | None = None
) -> Path:
    return acceptance_document(session, acceptance, agency, progress).build(out, progress)
