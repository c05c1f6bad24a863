"""Khuyến công proposals (đề án) with their budget, beneficiaries, history and money."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced
from kcdesk.db.types import ExactDecimal


class Proposal(Synced, Base):
    __tablename__ = "proposal"

    # Human code: from the server on first sync; until then a device/province prefix.
    code: Mapped[str] = mapped_column(String(40), index=True)
    title: Mapped[str]
    level: Mapped[str] = mapped_column(String(4))  # KCQG | KCDP
    proposal_class: Mapped[str] = mapped_column(
        String(10), default="single", server_default=text("'single'")
    )  # single|flagship|group|task
    plan_year: Mapped[int]
    sector_code: Mapped[str | None] = mapped_column(String(4))
    implementing_unit: Mapped[str]
    coordinating_units: Mapped[str | None]
    province_code: Mapped[str] = mapped_column(String(2))
    ward_code: Mapped[str | None] = mapped_column(String(5))
    location: Mapped[str | None]
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    multi_year: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    procurement_mode: Mapped[str] = mapped_column(String(12), default="xet_chon", server_default=text("'xet_chon'"))
    priority_area: Mapped[bool] = mapped_column(
        default=False, server_default=text("0")
    )  # may raise caps by the rule's multiplier
    status: Mapped[str] = mapped_column(String(24), default="draft", server_default=text("'draft'"))
    status_date: Mapped[date | None]
    # Content sections, TT 36/2013 Art. 5.
    need_and_basis: Mapped[str | None]
    objectives: Mapped[str | None]
    scale: Mapped[str | None]
    implementation: Mapped[str | None]
    effectiveness: Mapped[str | None]
    counterpart_committed: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    no_double_funding: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    # Planned outputs, compared with the accepted ones in reports.
    planned_trainees: Mapped[int | None]
    planned_models: Mapped[int | None]
    planned_machines: Mapped[int | None]
    planned_fairs: Mapped[int | None]
    planned_brands: Mapped[int | None]

    __table_args__ = (Index("ix_proposal_status", "status", "plan_year"),)


class ProposalActivity(Synced, Base):
    __tablename__ = "proposal_activity"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    activity_code: Mapped[str] = mapped_column(String(10))


class ProposalBeneficiary(Synced, Base):
    __tablename__ = "proposal_beneficiary"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    facility_id: Mapped[str] = mapped_column(ForeignKey("facility.id"), index=True)
    note: Mapped[str | None]


class BudgetLine(Synced, Base):
    """One line of the detailed budget (Mẫu 01), split by source of funds."""

    __tablename__ = "budget_line"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    line_no: Mapped[int]
    item: Mapped[str]
    activity_code: Mapped[str | None] = mapped_column(String(10))
    facility_id: Mapped[str | None] = mapped_column(ForeignKey("facility.id"))
    unit: Mapped[str | None]
    quantity: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    unit_price: Mapped[int | None]
    kc_amount: Mapped[int] = mapped_column(default=0, server_default=text("0"))  # khuyến công support
    counterpart_amount: Mapped[int] = mapped_column(default=0, server_default=text("0"))  # vốn đối ứng
    other_amount: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    basis: Mapped[str | None]


class ProposalTask(Synced, Base):
    """Content and schedule (section 5): a task, its owner and its dates."""

    __tablename__ = "proposal_task"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    task: Mapped[str]
    owner: Mapped[str | None]
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]


class ProposalStatusEvent(Synced, Base):
    """One dated step of a proposal's lifecycle."""

    __tablename__ = "proposal_status_event"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    action: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    event_date: Mapped[date]
    user_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"))
    document_number: Mapped[str | None]
    note: Mapped[str | None]


class Disbursement(Synced, Base):
    """Money for a proposal: tạm ứng (an advance) and thanh toán (a payment) are money paid
    out; quyết toán (settlement) records the final approved total, which replaces, never
    adds to, what was paid out (see kcdesk.domain.money).

    The rows are a ledger: a mistaken entry is never edited, it is cancelled by a reversing
    entry (same kind and fund source, the amount negated, `reverses_id` naming it), so the
    trail shows both. `reverses_id` has no foreign key on purpose: sync may bring a reversal
    before the entry it reverses, and the money service checks the link itself."""

    __tablename__ = "disbursement"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # tam_ung | thanh_toan | quyet_toan
    fund_source: Mapped[str] = mapped_column(
        String(12), default="kc", server_default=text("'kc'")
    )  # kc | doi_ung | khac (kcdesk.domain.vocab.FUND_SOURCES)
    amount: Mapped[int]  # whole đồng; negative only on a reversing entry
    reverses_id: Mapped[str | None] = mapped_column(String(36), index=True)
    paid_on: Mapped[date]
    tranche_no: Mapped[int | None]
    pct: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    document_number: Mapped[str | None]
    note: Mapped[str | None]


class ProgressReport(Synced, Base):
    """Monthly progress (Mẫu 3a), due by the 25th for proposals in progress."""

    __tablename__ = "progress_report"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    submitted_on: Mapped[date]
    completed_pct: Mapped[Decimal | None] = mapped_column(ExactDecimal())  # physical progress, 0-100
    spent: Mapped[int | None]  # money used so far, đồng
    outputs: Mapped[str | None]  # outputs so far (khối lượng thực hiện)
    issues: Mapped[str | None]  # problems (khó khăn, vướng mắc)
    recommendations: Mapped[str | None]  # proposals (kiến nghị, đề xuất)
    # Set when filed, from the deadline rule then in force: when it was due and how late.
    due_on: Mapped[date | None]
    days_late: Mapped[int | None]  # 0: on time


class PostSupportEvaluation(Synced, Base):
    """A supported facility before and after support: revenue, jobs, output and products,
    and whether what was supplied is still in use. Photos are attachments of the row."""

    __tablename__ = "post_support_evaluation"

    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposal.id"), index=True)
    facility_id: Mapped[str | None] = mapped_column(ForeignKey("facility.id"))
    evaluated_on: Mapped[date]
    revenue_before: Mapped[int | None]
    revenue_after: Mapped[int | None]
    jobs_before: Mapped[int | None]
    jobs_after: Mapped[int | None]
    output_before: Mapped[Decimal | None] = mapped_column(ExactDecimal())  # sản lượng, in output_unit
    output_after: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    output_unit: Mapped[str | None]
    product_before: Mapped[str | None]  # products made before support
    product_after: Mapped[str | None]
    machinery_in_use: Mapped[bool | None]  # the equipment or model is still in use
    replicated_count: Mapped[int | None]  # facilities that copied the model
    evaluator: Mapped[str | None]  # who evaluated (name, position)
    note: Mapped[str | None]
