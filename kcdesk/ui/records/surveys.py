"""Field surveys (phiếu khảo sát): the collaborator's drafts and sent surveys, with needs
and photos. Written in one transaction: the survey, its needs and its photos together."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import ActivityType, Facility, Survey, SurveyNeed
from kcdesk.db.store import get_meta
from kcdesk.db.types import utcnow
from kcdesk.errors import LockedError, NotFoundError, ValidationError
from kcdesk.ids import new_id
from kcdesk.ui.logic.survey_draft import Need, SurveyDraft
from kcdesk.ui.records.attachments import NewFile, add_attachments


@dataclass(frozen=True)
class SurveyRow:
    id: str
    survey_date: date
    facility_name: str
    status: str
    ward_code: str | None


def save_survey(
    session: Session,
    files_dir: Path,
    draft: SurveyDraft,
    *,
    survey_id: str | None,
    surveyor_id: str | None,
    send: bool,
    photos: Iterable[NewFile] = (),
) -> str:
    problems = draft.problems(sending=send)
    if problems:
        raise ValidationError(problems)
    lat, lon = draft.coordinates_pair()
    values: dict[str, Any] = {
        "survey_date": draft.survey_date,
        "facility_id": draft.facility_id,
        "draft_facility": json.dumps(draft.draft_facility(), ensure_ascii=False) if draft.is_new_facility else None,
        "ward_code": draft.ward_code,
        "latitude": lat,
        "longitude": lon,
        "answers": json.dumps(draft.answers, ensure_ascii=False) if draft.answers else None,
        "note": draft.note.strip() or None,
        "status": "submitted" if send else "draft",
    }
    if survey_id is None:
        survey = Survey(
            id=new_id(),
            surveyor_id=surveyor_id,
            province_code=get_meta(session, "province_code") or "",
            form_version=1,
            **values,
        )
        session.add(survey)
        session.flush()
    else:
        found = session.get(Survey, survey_id)
        if found is None or found.deleted_at is not None:
            raise NotFoundError("Không tìm thấy phiếu khảo sát {id}.", id=survey_id)
        if found.status != "draft":
            raise LockedError("Phiếu khảo sát đã gửi, không sửa được nữa.")
        survey = found
        for key, value in values.items():
            setattr(survey, key, value)
        now = utcnow()
        for old in session.scalars(
            select(SurveyNeed).where(SurveyNeed.survey_id == survey.id, SurveyNeed.deleted_at.is_(None))
        ):
            old.deleted_at = now
    for need in draft.needs:
        session.add(
            SurveyNeed(
                id=new_id(),
                survey_id=survey.id,
                activity_code=need.activity_code,
                description=need.description.strip() or None,
                priority=need.priority,
            )
        )
    add_attachments(
        session, files_dir, "survey", survey.id, [NewFile(p.path, "photo", p.caption, lat, lon) for p in photos]
    )
    session.flush()
    return survey.id


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
