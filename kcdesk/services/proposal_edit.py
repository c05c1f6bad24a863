"""Editing an existing proposal: its fields, activities, beneficiaries and budget lines
together, in the caller's one transaction. New proposals go through create_proposal; an
edit runs the same checks (check_proposal, check_budget) on the merged record and touches
only the rows that really changed, so the audit trail and sync carry just the edit."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import BudgetLine, Proposal, ProposalActivity, ProposalBeneficiary
from kcdesk.db.types import utcnow
from kcdesk.domain import record_rules
from kcdesk.errors import LockedError, ValidationError
from kcdesk.ids import new_id
from kcdesk.services.proposals import (
    PROPOSAL_LABELS,
    BudgetInput,
    check_budget,
    check_proposal,
    create_proposal,
    find_proposal,
)
from kcdesk.text import clean

# Fields a person edits; code, status and province are set by the core, never by a form.
EDITABLE_FIELDS: tuple[str, ...] = (
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
    "planned_fairs",
    "planned_brands",
    "sector_code",
    "ward_code",
)
# Settled proposals are locked (only the evaluation step remains); final ones are history.
LOCKED_STATUSES = frozenset({"settled", "evaluated", "rejected"})
_BUDGET_FIELDS = tuple(f for f in BudgetInput.__dataclass_fields__)


def is_locked(status: str) -> bool:
    return status in LOCKED_STATUSES


def save_proposal(
    session: Session,
    proposal_id: str | None,
    values: Mapping[str, Any],
    *,
    activities: Sequence[str] = (),
    beneficiaries: Sequence[str] = (),
    budget: Sequence[BudgetInput] = (),
) -> str:
    """Create (proposal_id None) or update a proposal with everything that hangs off it.
    Keys of `values` outside EDITABLE_FIELDS are ignored. Returns the proposal's id."""
    data = {k: clean(v) if isinstance(v, str) else v for k, v in values.items() if k in EDITABLE_FIELDS}
    if proposal_id is None:
        return create_proposal(session, data, activities=activities, beneficiaries=beneficiaries, budget=budget)
    return update_proposal(
        session, proposal_id, data, activities=activities, beneficiaries=beneficiaries, budget=budget
    )


def update_proposal(
    session: Session,
    proposal_id: str,
    values: Mapping[str, Any],
    *,
    activities: Sequence[str],
    beneficiaries: Sequence[str],
    budget: Sequence[BudgetInput],
) -> str:
    """Replace an existing proposal's fields, activity codes, beneficiaries and budget lines."""
    proposal = find_proposal(session, proposal_id)
    if is_locked(proposal.status):
        raise LockedError("Đề án ở trạng thái cuối hoặc đã quyết toán, không sửa được nữa.")
    data = {k: clean(v) if isinstance(v, str) else v for k, v in values.items() if k in EDITABLE_FIELDS}
    if "level" in data and data["level"] != proposal.level:
        problem = record_rules.level_change_problem(proposal.status)  # the sync server refuses it too
        if problem is not None:
            raise ValidationError({"level": problem}, labels=PROPOSAL_LABELS)
    merged = {c.key: getattr(proposal, c.key) for c in Proposal.__table__.columns} | data
    check_proposal(merged)
    check_budget(budget)
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
    """Soft-delete links no longer wanted, add new ones, leave the rest untouched."""
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
    """Line n of the form updates line n of the record (changed fields only); extra lines
    are added, missing ones soft-deleted."""
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
            if row.line_no != no:
                row.line_no = no
        else:
            session.add(BudgetLine(id=new_id(), proposal_id=proposal_id, line_no=no, **line.__dict__))
    for row in existing[len(budget) :]:
        row.deleted_at = now
