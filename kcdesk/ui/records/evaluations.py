"""Post-support evaluations as the facility profile needs them: its evaluations (the core's
own list) and the settled proposals that supported it, which a new evaluation can belong to."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Facility, Proposal, ProposalBeneficiary
from kcdesk.domain.evaluation import EVALUABLE_STATUSES
from kcdesk.services.evaluations import evaluations_of_facility


def facility_evaluations(session: Session, facility_id: str) -> dict[str, Any]:
    """{'evaluations': the core's rows, oldest first; 'proposals': (id, 'code · title') of
    settled proposals this facility benefited from; 'name': the facility's name}."""
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
