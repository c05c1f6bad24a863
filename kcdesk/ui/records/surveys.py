"""Field surveys (phiếu khảo sát) as the window reads them: the collaborator's drafts and
sent surveys, one survey as a form draft, the activity codes a need can name. Saving is
the core's (kcdesk.services.surveys.save_survey)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import ActivityType, Facility, Survey, SurveyNeed
from kcdesk.errors import NotFoundError
from kcdesk.ui.logic.survey_draft import Need, SurveyDraft


@dataclass(frozen=True)
class SurveyRow:
    id: str
    survey_date: date
    facility_name: str
    status: str
    ward_code: str | None


def my_surveys(session: Session, surveyor_id: str | None, limit: int = 500) -> list[SurveyRow]:
    stmt = (
        select(Survey.id, Survey.survey_date, Survey.status, Survey.ward_code, Survey.draft_facility, Facility.name)
        .outerjoin(Facility, Facility.id == Survey.facility_id)
        .where(Survey.deleted_at.is_(None))
        .order_by(Survey.survey_date.desc(), Survey.id.desc())
        .limit(limit)
    )
    if surveyor_id is not None:
        stmt = stmt.where(Survey.surveyor_id == surveyor_id)
    out = []
    for sid, on, status, ward, draft, name in session.execute(stmt):
        if name is None and draft:
            name = json.loads(draft).get("name") or ""
        out.append(SurveyRow(sid, on, name or "", status, ward))
    return out


def load_survey(session: Session, survey_id: str) -> tuple[SurveyDraft, str, str]:
    """(draft, status, facility name) of a stored survey."""
    s = session.get(Survey, survey_id)
    if s is None:
        raise NotFoundError("Không tìm thấy phiếu khảo sát {id}.", id=survey_id)
    draft_facility = json.loads(s.draft_facility) if s.draft_facility else {}
    needs = [
        Need(n.activity_code, n.priority, n.description or "")
        for n in session.scalars(
            select(SurveyNeed).where(SurveyNeed.survey_id == s.id, SurveyNeed.deleted_at.is_(None))
        )
    ]
    name = session.get(Facility, s.facility_id).name if s.facility_id else draft_facility.get("name", "")  # type: ignore[union-attr]
    coords = f"{s.latitude:.6f}, {s.longitude:.6f}" if s.latitude is not None and s.longitude is not None else ""
    draft = SurveyDraft(
        survey_date=s.survey_date,
        facility_id=s.facility_id,
        new_name=draft_facility.get("name", ""),
        new_type=draft_facility.get("facility_type", "hkd"),
        new_representative=draft_facility.get("representative") or "",
        new_phone=draft_facility.get("phone") or "",
        ward_code=s.ward_code,
        coordinates=coords,
        note=s.note or "",
        needs=needs,
        answers=json.loads(s.answers) if s.answers else {},
    )
    return draft, s.status, name


def activity_choices(session: Session) -> list[tuple[str, str]]:
    """Activity codes a need can name (KC1..KC9 and their sub-items in force today)."""
    rows = session.execute(
        select(ActivityType.code, ActivityType.name)
        .where(ActivityType.valid_to.is_(None))
        .order_by(ActivityType.sort_key, ActivityType.code)
    )
    return [(c, n) for c, n in rows]
