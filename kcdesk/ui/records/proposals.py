"""Saving a proposal from its editor: the fields, activities, beneficiaries and budget
lines together, in one transaction. New proposals go through the core's create_proposal;
edits reuse the core's field checks and touch only rows that really changed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import BudgetLine, Facility, Proposal, ProposalActivity, ProposalBeneficiary
from kcdesk.db.types import utcnow
from kcdesk.errors import LockedError
from kcdesk.ids import new_id
from kcdesk.services.proposals import BudgetInput, _check_budget, _check_proposal, create_proposal, find_proposal
from kcdesk.text import clean
from kcdesk.ui.logic.proposal_view import is_locked

EDITABLE = (
    "title",
    "level",
    "proposal_class",
    "plan_year",
    "implementing_unit",
    "coordinating_units",
    "location",
    "start_date",
    "end_date",
    "priority_area",
    "need_and_basis",
    "objectives",
    "scale",
    "implementation",
    "effectiveness",
    "planned_trainees",
    "planned_models",
    "planned_machines",
    "sector_code",
    "ward_code",
)
_BUDGET_FIELDS = (
    "item",
    "activity_code",
    "facility_id",
    "unit",
    "quantity",
    "unit_price",
    "kc_amount",
    "counterpart_amount",
    "other_amount",
    "basis",
)


def save_proposal(
    session: Session,
    proposal_id: str | None,
    values: Mapping[str, Any],
    *,
    activities: Sequence[str],
    beneficiaries: Sequence[str],
    budget: Sequence[BudgetInput],
) -> str:
    data = {k: clean(v) if isinstance(v, str) else v for k, v in values.items() if k in EDITABLE}
    if proposal_id is None:
        return create_proposal(session, data, activities=activities, beneficiaries=beneficiaries, budget=budget)
    proposal = find_proposal(session, proposal_id)
    if is_locked(proposal.status):
        raise LockedError("Đề án ở trạng thái cuối hoặc đã quyết toán, không sửa được nữa.")
    merged = {c.key: getattr(proposal, c.key) for c in Proposal.__table__.columns} | data
    _check_proposal(merged)
    _check_budget(budget)
    for key, value in data.items():
        if getattr(proposal, key) != value:
            setattr(proposal, key, value)
    now = utcnow()
    _replace_links(session, ProposalActivity, "activity_code", proposal.id, activities, now)
    _replace_links(session, ProposalBeneficiary, "facility_id", proposal.id, beneficiaries, now)
    _replace_budget(session, proposal.id, budget, now)
    session.flush()
    return proposal.id


def _replace_links(session: Session, model: Any, key: str, proposal_id: str, wanted: Iterable[str], now: Any) -> None:
    wanted_set = dict.fromkeys(wanted)
    existing = {
        getattr(r, key): r
        for r in session.scalars(select(model).where(model.proposal_id == proposal_id, model.deleted_at.is_(None)))
    }
    for value, row in existing.items():
        if value not in wanted_set:
            row.deleted_at = now
    for value in wanted_set:
        if value not in existing:
            session.add(model(id=new_id(), proposal_id=proposal_id, **{key: value}))


def _replace_budget(session: Session, proposal_id: str, budget: Sequence[BudgetInput], now: Any) -> None:
    existing = list(
        session.scalars(
            select(BudgetLine)
            .where(BudgetLine.proposal_id == proposal_id, BudgetLine.deleted_at.is_(None))
            .order_by(BudgetLine.line_no)
        )
    )
    for no, line in enumerate(budget, start=1):
        if no <= len(existing):
            row = existing[no - 1]
            for f in _BUDGET_FIELDS:
                if getattr(row, f) != getattr(line, f):
                    setattr(row, f, getattr(line, f))
            row.line_no = no
        else:
            session.add(BudgetLine(id=new_id(), proposal_id=proposal_id, line_no=no, **line.__dict__))
    for row in existing[len(budget) :]:
        row.deleted_at = now


def facility_names(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = list(ids)
    return dict(session.execute(select(Facility.id, Facility.name).where(Facility.id.in_(wanted))).all())
