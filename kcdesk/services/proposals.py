"""Proposal use cases: create, budget, lifecycle transitions, money, cap checks, views."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    Acceptance,
    BudgetLine,
    Disbursement,
    Facility,
    PostSupportEvaluation,
    Proposal,
    ProposalActivity,
    ProposalBeneficiary,
    ProposalStatusEvent,
    SupportRule,
)
from kcdesk.db.store import get_meta
from kcdesk.domain import caps, lifecycle, record_rules
from kcdesk.domain.vocab import LEVELS, PROPOSAL_CLASSES
from kcdesk.errors import FieldMessage, NotFoundError, TransitionError, ValidationError
from kcdesk.ids import is_uuid, new_id
from kcdesk.services.sums import BudgetSums, budget_sums
from kcdesk.text import clean

PROPOSAL_LABELS = {
    "code": "Mã đề án",
    "title": "Tên đề án",
    "level": "Cấp",
    "proposal_class": "Loại đề án",
    "plan_year": "Năm kế hoạch",
    "implementing_unit": "Đơn vị thực hiện",
    "start_date": "Ngày bắt đầu",
    "end_date": "Ngày kết thúc",
    "planned_trainees": "Số học viên dự kiến",
    "planned_models": "Số mô hình trình diễn dự kiến",
    "planned_machines": "Số máy móc, thiết bị dự kiến",
    "planned_fairs": "Số hội chợ, triển lãm dự kiến",
    "planned_brands": "Số nhãn hiệu, thương hiệu dự kiến",
}
BUDGET_LABELS = {
    "item": "Nội dung chi",
    "kc_amount": "Kinh phí khuyến công",
    "counterpart_amount": "Vốn đối ứng",
    "other_amount": "Nguồn khác",
}
# Planned outputs, compared in the periodic report with what acceptances record.
PLANNED_OUTPUTS = ("planned_trainees", "planned_models", "planned_machines", "planned_fairs", "planned_brands")


@dataclass(frozen=True)
class BudgetInput:
    item: str
    kc_amount: int = 0
    counterpart_amount: int = 0
    other_amount: int = 0
    activity_code: str | None = None
    facility_id: str | None = None
    unit: str | None = None
    quantity: str | None = None
    unit_price: int | None = None
    basis: str | None = None


def next_code(session: Session, level: str, province_code: str, year: int, device_id: str | None) -> str:
    """A provisional code, unique without a server: level, province, year, device, number.
    The server replaces it with the official number on first sync."""
    prefix = f"{level}-{province_code}-{year}-{(device_id or 'LOCAL')[:4].upper()}-"
    count = session.execute(select(func.count()).where(Proposal.code.like(prefix + "%"))).scalar_one()
    return f"{prefix}{count + 1:03d}"


def check_proposal(data: Mapping[str, Any]) -> None:
    """Refuse a proposal's fields that break the rules (raises ValidationError, every field at once)."""
    problems: dict[str, FieldMessage] = {}
    if not data.get("title"):
        problems["title"] = FieldMessage("Hãy nhập tên đề án.")
    if data.get("level") not in LEVELS:
        problems["level"] = FieldMessage("Cấp đề án phải là KCQG hoặc KCDP.")
    if data.get("proposal_class", "single") not in PROPOSAL_CLASSES:
        problems["proposal_class"] = FieldMessage(
            "Loại đề án '{value}' không hợp lệ.", value=data.get("proposal_class")
        )
    if not data.get("implementing_unit"):
        problems["implementing_unit"] = FieldMessage("Hãy nhập đơn vị thực hiện.")
    year = data.get("plan_year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        problems["plan_year"] = FieldMessage("Năm kế hoạch '{value}' không hợp lệ.", value=year)
    start, end = data.get("start_date"), data.get("end_date")
    if start and end and end < start:
        problems["end_date"] = FieldMessage("Ngày kết thúc phải sau ngày bắt đầu.")
    for key in PLANNED_OUTPUTS:
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            problems[key] = FieldMessage("Giá trị phải là số nguyên, không âm.")
    if problems:
        raise ValidationError(problems, labels=PROPOSAL_LABELS)


def check_budget(lines: Iterable[BudgetInput]) -> None:
    """Refuse budget lines without content or with amounts that are not whole, non-negative đồng."""
    problems: dict[str, FieldMessage] = {}
    for i, line in enumerate(lines, start=1):
        if not clean(line.item):
            problems[f"budget[{i}].item"] = FieldMessage("Dòng {n}: hãy nhập nội dung chi.", n=i)
        for key in ("kc_amount", "counterpart_amount", "other_amount"):
            value = getattr(line, key)
            if not isinstance(value, int) or value < 0:
                problems[f"budget[{i}].{key}"] = FieldMessage(
                    "Dòng {n}: số tiền phải là số nguyên đồng, không âm.", n=i
                )
    if problems:
        labels = {key: BUDGET_LABELS[key.split(".", 1)[1]] for key in problems}
        raise ValidationError(problems, labels=labels)


def create_proposal(
    session: Session,
    values: Mapping[str, Any],
    *,
    activities: Iterable[str] = (),
    beneficiaries: Iterable[str] = (),
    budget: Iterable[BudgetInput] = (),
) -> str:
    data = {k: clean(v) if isinstance(v, str) else v for k, v in values.items()}
    data.setdefault("province_code", get_meta(session, "province_code"))
    data.setdefault("proposal_class", "single")
    check_proposal(data)
    budget = list(budget)
    check_budget(budget)
    if not data.get("code"):
        data["code"] = next_code(
            session,
            str(data["level"]),
            str(data["province_code"]),
            int(str(data["plan_year"])),
            get_meta(session, "device_id"),
        )
    proposal = Proposal(id=new_id(), status="draft", **data)
    session.add(proposal)
    session.flush()
    for code in dict.fromkeys(activities):
        session.add(ProposalActivity(id=new_id(), proposal_id=proposal.id, activity_code=code))
    for facility_id in dict.fromkeys(beneficiaries):
        session.add(ProposalBeneficiary(id=new_id(), proposal_id=proposal.id, facility_id=facility_id))
    for no, line in enumerate(budget, start=1):
        session.add(BudgetLine(id=new_id(), proposal_id=proposal.id, line_no=no, **line.__dict__))
    session.flush()
    return proposal.id


def find_proposal(session: Session, ref: str) -> Proposal:
    proposal = (
        session.get(Proposal, ref)
        if is_uuid(ref)
        else session.scalars(select(Proposal).where(Proposal.code == ref, Proposal.deleted_at.is_(None))).first()
    )
    if proposal is None or proposal.deleted_at is not None:
        raise NotFoundError("Không tìm thấy đề án '{ref}'.", ref=ref)
    return proposal


def _requirement_met(session: Session, proposal: Proposal, needs: str) -> bool:
    """The lifecycle's `needs` condition, judged by the rule the sync server applies too."""
    acceptances = session.execute(
        select(Acceptance.signed_at, Acceptance.conclusion, Acceptance.deleted_at).where(
            Acceptance.proposal_id == proposal.id
        )
    ).mappings()
    evaluations = session.execute(
        select(PostSupportEvaluation.id, PostSupportEvaluation.deleted_at).where(
            PostSupportEvaluation.proposal_id == proposal.id
        )
    ).mappings()
    return record_rules.requirement_met(needs, acceptances, evaluations)


def transition(
    session: Session,
    ref: str,
    action: str,
    *,
    role: str,
    user_id: str | None = None,
    on: date | None = None,
    note: str | None = None,
    document_number: str | None = None,
) -> str:
    """Fire a lifecycle action; record the dated step. Returns the new status."""
    proposal = find_proposal(session, ref)
    step = lifecycle.check_transition(proposal.status, proposal.level, action, role)
    if step.needs and not _requirement_met(session, proposal, step.needs):
        raise TransitionError(
            "Chưa thể '{action}': {requirement}.", action=step.label, requirement=lifecycle.REQUIREMENTS[step.needs]
        )
    on = on or date.today()
    last = session.execute(
        select(func.max(ProposalStatusEvent.event_date)).where(ProposalStatusEvent.proposal_id == proposal.id)
    ).scalar()
    if last and on < last:
        raise TransitionError(
            "Ngày {on} sớm hơn bước trước ({last}); các bước phải theo thứ tự thời gian.",
            on=on.strftime("%d/%m/%Y"),
            last=last.strftime("%d/%m/%Y"),
        )
    session.add(
        ProposalStatusEvent(
            id=new_id(),
            proposal_id=proposal.id,
            action=action,
            from_status=proposal.status,
            to_status=step.target,
            event_date=on,
            user_id=user_id,
            note=clean(note),
            document_number=clean(document_number),
        )
    )
    proposal.status = step.target
    proposal.status_date = on
    session.flush()
    return step.target


def add_disbursement(
    session: Session,
    ref: str,
    kind: str,
    amount: int,
    paid_on: date,
    *,
    fund_source: str = "kc",
    document_number: str | None = None,
    note: str | None = None,
) -> str:
    """Record money on a proposal, under every rule of kcdesk.services.money.record_money."""
    from kcdesk.services.money import record_money  # money builds on this module

    return record_money(
        session, ref, kind, amount, paid_on, fund_source=fund_source, document_number=document_number, note=note
    )


def add_progress_report(session: Session, ref: str, period: str, submitted_on: date, **fields: Any) -> str:
    """File a monthly progress report (kcdesk.services.progress_reports.file_progress_report)."""
    from kcdesk.services.progress_reports import file_progress_report

    return file_progress_report(session, ref, {"period": period, "submitted_on": submitted_on, **fields})


def budget_totals(session: Session, proposal_id: str) -> dict[str, int]:
    sums = budget_sums(session, [proposal_id]).get(proposal_id, BudgetSums())
    return {
        "kc_amount": sums.kc,
        "counterpart_amount": sums.counterpart,
        "other_amount": sums.other,
        "total": sums.total,
    }


def cap_rules(session: Session) -> list[caps.CapRule]:
    rows = session.scalars(select(SupportRule).where(SupportRule.deleted_at.is_(None)))
    return [
        caps.CapRule(
            r.id,
            r.activity_code,
            r.level,
            r.province_code,
            r.basis,
            r.valid_from,
            r.valid_to,
            r.max_pct,
            r.max_amount,
            r.unit,
            r.priority_multiplier,
            r.description,
        )
        for r in rows
    ]


def check_proposal_caps(session: Session, ref: str) -> list[caps.CapWarning]:
    """Cap warnings for a proposal's budget against the rules in force on its start date
    (or 1 January of its plan year when it has none yet)."""
    proposal = find_proposal(session, ref)
    lines = [
        caps.Line(b.item, b.activity_code, b.facility_id, b.kc_amount, b.counterpart_amount, b.other_amount)
        for b in session.scalars(
            select(BudgetLine).where(BudgetLine.proposal_id == proposal.id, BudgetLine.deleted_at.is_(None))
        )
    ]
    ids = {line.facility_id for line in lines if line.facility_id}
    names = dict(session.execute(select(Facility.id, Facility.name).where(Facility.id.in_(ids))).all())
    on = proposal.start_date or date(proposal.plan_year, 1, 1)
    return caps.check_caps(
        lines,
        cap_rules(session),
        level=proposal.level,
        province_code=proposal.province_code,
        on=on,
        priority_area=proposal.priority_area,
        facility_names=names,
    )


LIST_COLUMNS = ("id", "code", "title", "level", "plan_year", "status", "status_date", "implementing_unit", "ward_code")


def list_proposals(
    session: Session,
    *,
    status: str | None = None,
    year: int | None = None,
    level: str | None = None,
    limit: int | None = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    stmt = (
        select(*(getattr(Proposal, c) for c in LIST_COLUMNS))
        .where(Proposal.deleted_at.is_(None))
        .order_by(Proposal.plan_year.desc(), Proposal.code)
    )
    if status:
        stmt = stmt.where(Proposal.status == status)
    if year:
        stmt = stmt.where(Proposal.plan_year == year)
    if level:
        stmt = stmt.where(Proposal.level == level)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    rows = [dict(zip(LIST_COLUMNS, row, strict=True)) for row in session.execute(stmt)]
    sums = budget_sums(session, stmt.with_only_columns(Proposal.id))  # the same page, in SQL
    for item in rows:
        budget = sums.get(item["id"], BudgetSums())
        item.update(
            kc_amount=budget.kc,
            counterpart_amount=budget.counterpart,
            other_amount=budget.other,
            total=budget.total,
            status_label=lifecycle.status_label(item["status"]),
        )
    return rows


def proposal_dict(session: Session, proposal: Proposal) -> dict[str, Any]:
    data: dict[str, Any] = {c.key: getattr(proposal, c.key) for c in Proposal.__table__.columns}
    data["status_label"] = lifecycle.status_label(proposal.status)
    data["activities"] = list(
        session.scalars(
            select(ProposalActivity.activity_code).where(
                ProposalActivity.proposal_id == proposal.id, ProposalActivity.deleted_at.is_(None)
            )
        )
    )
    data["beneficiaries"] = [
        {"facility_id": fid, "name": name}
        for fid, name in session.execute(
            select(Facility.id, Facility.name)
            .join(ProposalBeneficiary, ProposalBeneficiary.facility_id == Facility.id)
            .where(ProposalBeneficiary.proposal_id == proposal.id, ProposalBeneficiary.deleted_at.is_(None))
            .order_by(Facility.name_sort, Facility.id)
        )
    ]
    data["budget"] = [
        {
            c.key: getattr(b, c.key)
            for c in BudgetLine.__table__.columns
            if c.key not in ("row_version", "created_at", "updated_at", "deleted_at")
        }
        for b in session.scalars(
            select(BudgetLine)
            .where(BudgetLine.proposal_id == proposal.id, BudgetLine.deleted_at.is_(None))
            .order_by(BudgetLine.line_no)
        )
    ]
    data["totals"] = budget_totals(session, proposal.id)
    data["history"] = [
        {
            "action": e.action,
            "from": e.from_status,
            "to": e.to_status,
            "date": e.event_date,
            "note": e.note,
            "document_number": e.document_number,
        }
        for e in session.scalars(
            select(ProposalStatusEvent)
            .where(ProposalStatusEvent.proposal_id == proposal.id)
            .order_by(ProposalStatusEvent.event_date, ProposalStatusEvent.created_at)
        )
    ]
    data["disbursements"] = [
        {
            "id": d.id,
            "kind": d.kind,
            "fund_source": d.fund_source,
            "amount": d.amount,
            "paid_on": d.paid_on,
            "document_number": d.document_number,
            "note": d.note,
            "reverses_id": d.reverses_id,
        }
        for d in session.scalars(
            select(Disbursement)
            .where(Disbursement.proposal_id == proposal.id, Disbursement.deleted_at.is_(None))
            .order_by(Disbursement.paid_on, Disbursement.created_at, Disbursement.id)
        )
    ]
    return data
