"""Post-support evaluations (đánh giá sau hỗ trợ): create or correct one, list them for a
proposal or a facility, and when one falls due.

An evaluation is made once the proposal is settled; the 'evaluate' step (settled ->
evaluated) needs at least one. Photos are attachments of the evaluation row
(kcdesk.services.attachments, owner_table 'post_support_evaluation'). Rules:
kcdesk.domain.evaluation; the interval after settlement is the deadline rule
`danh_gia_sau_ho_tro` (data).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    DeadlineRule,
    Facility,
    PostSupportEvaluation,
    Proposal,
    ProposalBeneficiary,
)
from kcdesk.domain import evaluation as rules
from kcdesk.domain.evaluation import EVALUABLE_STATUSES, EVALUATION_LABELS, FIELDS
from kcdesk.errors import NotFoundError, ValidationError
from kcdesk.ids import new_id
from kcdesk.services.proposals import find_proposal
from kcdesk.services.sums import settlement_dates
from kcdesk.text import clean


def settled_on(session: Session, proposal_id: str) -> date | None:
    """When the proposal was settled (kcdesk.services.money.settlement_dates)."""
    return settlement_dates(session, [proposal_id]).get(proposal_id)


def interval_days(session: Session) -> int:
    rule = session.get(DeadlineRule, rules.RULE_CODE)
    return rule.days if rule is not None and rule.days is not None else rules.DEFAULT_DAYS


def evaluation_due_on(session: Session, ref: str) -> date | None:
    """When the proposal's evaluation falls due (None: not settled yet)."""
    proposal = find_proposal(session, ref)
    on = settled_on(session, proposal.id)
    return rules.due_on(on, interval_days(session)) if on else None


def _beneficiaries(session: Session, proposal_id: str) -> frozenset[str]:
    return frozenset(
        session.scalars(
            select(ProposalBeneficiary.facility_id).where(
                ProposalBeneficiary.proposal_id == proposal_id, ProposalBeneficiary.deleted_at.is_(None)
            )
        )
    )


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    data = {k: clean(v) if isinstance(v, str) else v for k, v in values.items() if k in FIELDS}
    for key in rules.DECIMALS:
        if key in data:
            data[key] = None if data[key] in ("", None) else str(data[key]).replace(",", ".")
    return data


def _store_value(key: str, value: Any) -> Any:
    return Decimal(value) if key in rules.DECIMALS and value is not None else value


def save_evaluation(
    session: Session,
    evaluation_id: str | None,
    proposal_ref: str,
    values: Mapping[str, Any],
    *,
    today: date | None = None,
) -> str:
    """Create (evaluation_id None) or correct an evaluation of a settled proposal. `values`
    keys: kcdesk.domain.evaluation.FIELDS. Returns the evaluation's id."""
    proposal = find_proposal(session, proposal_ref)
    data = _clean(values)
    row: PostSupportEvaluation | None = None
    if evaluation_id is not None:
        row = session.get(PostSupportEvaluation, evaluation_id)
        if row is None or row.deleted_at is not None or row.proposal_id != proposal.id:
            raise NotFoundError("Không tìm thấy phiếu đánh giá sau hỗ trợ {id}.", id=evaluation_id)
        data = {k: getattr(row, k) for k in FIELDS} | data
    problems = rules.evaluation_problems(
        data,
        status=proposal.status,
        settled_on=settled_on(session, proposal.id),
        today=today or date.today(),
        beneficiaries=_beneficiaries(session, proposal.id),
    )
    if problems:
        raise ValidationError(problems, labels=EVALUATION_LABELS)
    if row is None:
        row = PostSupportEvaluation(
            id=new_id(), proposal_id=proposal.id, **{k: _store_value(k, v) for k, v in data.items()}
        )
        session.add(row)
    else:
        for key, value in data.items():
            value = _store_value(key, value)
            if getattr(row, key) != value:
                setattr(row, key, value)
    session.flush()
    return row.id


def evaluation_dict(session: Session, row: PostSupportEvaluation) -> dict[str, Any]:
    facility = session.get(Facility, row.facility_id) if row.facility_id else None
    proposal = session.get(Proposal, row.proposal_id)
    data: dict[str, Any] = {"id": row.id, "proposal_id": row.proposal_id, **{k: getattr(row, k) for k in FIELDS}}
    data["facility_name"] = facility.name if facility else None
    data["proposal_code"] = proposal.code if proposal else None
    data["revenue_change"] = (
        row.revenue_after - row.revenue_before
        if row.revenue_after is not None and row.revenue_before is not None
        else None
    )
    data["jobs_change"] = (
        row.jobs_after - row.jobs_before if row.jobs_after is not None and row.jobs_before is not None else None
    )
    return data


def evaluations_of(session: Session, ref: str) -> list[dict[str, Any]]:
    """A proposal's evaluations, oldest first."""
    proposal = find_proposal(session, ref)
    rows = session.scalars(
        select(PostSupportEvaluation)
        .where(PostSupportEvaluation.proposal_id == proposal.id, PostSupportEvaluation.deleted_at.is_(None))
        .order_by(PostSupportEvaluation.evaluated_on, PostSupportEvaluation.created_at)
    )
    return [evaluation_dict(session, r) for r in rows]


def evaluations_of_facility(session: Session, facility_id: str) -> list[dict[str, Any]]:
    """Every evaluation of one facility (the facility profile's before/after), oldest first."""
    rows = session.scalars(
        select(PostSupportEvaluation)
        .where(PostSupportEvaluation.facility_id == facility_id, PostSupportEvaluation.deleted_at.is_(None))
        .order_by(PostSupportEvaluation.evaluated_on, PostSupportEvaluation.created_at)
    )
    return [evaluation_dict(session, r) for r in rows]


def facility_evaluations(session: Session, facility_id: str) -> dict[str, Any]:
    """What the facility profile shows: {'evaluations': evaluations_of_facility, oldest first;
    'proposals': (id, 'code · title') of settled proposals this facility benefited from, which
    a new evaluation can belong to; 'name': the facility's name}."""
    proposals = session.execute(
        select(Proposal.id, Proposal.code, Proposal.title)
        .join(ProposalBeneficiary, ProposalBeneficiary.proposal_id == Proposal.id)
        .where(
            ProposalBeneficiary.facility_id == facility_id,
            ProposalBeneficiary.deleted_at.is_(None),
            Proposal.deleted_at.is_(None),
            Proposal.status.in_(EVALUABLE_STATUSES),
        )
        .order_by(Proposal.plan_year.desc(), Proposal.code)
    ).all()
    return {
        "evaluations": evaluations_of_facility(session, facility_id),
        "proposals": [(pid, f"{code} · {title}") for pid, code, title in proposals],
        "name": session.execute(select(Facility.name).where(Facility.id == facility_id)).scalar_one_or_none() or "",
    }
