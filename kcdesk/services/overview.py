"""A one-screen overview of a database: what it holds and what needs attention."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcdesk.db.models import Acceptance, Facility, OutboxEntry, Proposal, Survey
from kcdesk.db.store import get_meta
from kcdesk.domain.overview import Overview
from kcdesk.services.due import due_list, follow_up_counts
from kcdesk.services.setup import identity


def _count(session: Session, model: type[Facility] | type[Proposal] | type[Acceptance] | type[Survey]) -> int:
    return int(session.execute(select(func.count()).select_from(model).where(model.deleted_at.is_(None))).scalar_one())


def overview(session: Session, today: date | None = None) -> Overview:
    ident = identity(session)
    due = due_list(session, today)
    follow_up = follow_up_counts(session, today)
    return Overview(
        province=ident.province_name if ident else "",
        centre=ident.centre_name if ident else "",
        facilities=_count(session, Facility),
        proposals=_count(session, Proposal),
        acceptances=_count(session, Acceptance),
        surveys=_count(session, Survey),
        pending_changes=int(session.execute(select(func.count()).select_from(OutboxEntry)).scalar_one()),
        due_soon=sum(1 for d in due if not d.overdue),
        overdue=sum(1 for d in due if d.overdue),
        demo=get_meta(session, "demo") == "1",
        progress_missing=follow_up.progress_missing,
        progress_overdue=follow_up.progress_overdue,
        evaluations_due=follow_up.evaluations_due,
        evaluations_overdue=follow_up.evaluations_overdue,
    )
