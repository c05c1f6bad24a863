"""Field surveys (phiếu khảo sát): what a draft and a sent survey need, and saving one with
its needs and photos in the caller's one transaction.

A draft may be saved with almost nothing (the collaborator may lose signal or battery in
the village); sending asks for the facility (an existing one, or a new one's name and
type), the commune and at least one need. A sent survey is no longer editable here.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import Facility, Survey, SurveyNeed
from kcdesk.db.store import get_meta
from kcdesk.db.types import utcnow
from kcdesk.domain.notice import NOTICE_LABELS, notice_problems
from kcdesk.domain.validation import LAT_RANGE, LON_RANGE, phone_problem
from kcdesk.domain.vocab import FACILITY_TYPES
from kcdesk.errors import FieldMessage, LockedError, NotFoundError, ValidationError
from kcdesk.ids import new_id
from kcdesk.services import attachments
from kcdesk.text import clean

PRIORITIES = (1, 2, 3)  # high, normal, low
SURVEY_LABELS = {
    "survey_date": "Ngày khảo sát",
    "facility": "Cơ sở",
    "new_type": "Loại hình",
    "new_phone": "Điện thoại",
    "ward_code": "Xã/Phường/Đặc khu",
    "coordinates": "Tọa độ",
    "needs": "Nhu cầu hỗ trợ",
    **NOTICE_LABELS,
}


@dataclass(frozen=True)
class NeedInput:
    activity_code: str
    priority: int = 2
    description: str = ""


@dataclass(frozen=True)
class NewFacilityInput:
    """A facility met in the field that is not in the register yet (linked later)."""

    name: str
    facility_type: str = "hkd"
    representative: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class SurveyInput:
    survey_date: date
    facility_id: str | None = None  # an existing facility, or…
    new_facility: NewFacilityInput | None = None  # …a new one
    ward_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    note: str = ""
    needs: tuple[NeedInput, ...] = ()
    answers: Mapping[str, Any] = field(default_factory=dict)
    # Notice at collection: when and by whom the person was informed (kcdesk.domain.notice).
    informed_on: date | None = None
    informed_by: str | None = None


@dataclass(frozen=True)
class PhotoInput:
    path: Path
    caption: str | None = None


def survey_problems(data: SurveyInput, *, sending: bool, today: date | None = None) -> dict[str, FieldMessage]:
    """Every problem of a survey, by field; empty when it may be saved (or sent)."""
    out: dict[str, FieldMessage] = {}
    new = data.new_facility
    if new is not None and (new.phone or "").strip():
        problem = phone_problem(new.phone or "")
        if problem:
            out["new_phone"] = problem
    if data.survey_date > (today or date.today()):
        out["survey_date"] = FieldMessage("Ngày khảo sát không được sau hôm nay.")
    out |= notice_problems({"informed_on": data.informed_on, "informed_by": data.informed_by}, today or date.today())
    if (data.latitude is None) != (data.longitude is None):
        out["coordinates"] = FieldMessage("Hãy nhập cả vĩ độ và kinh độ.")
    elif (
        data.latitude is not None
        and data.longitude is not None
        and not (LAT_RANGE[0] <= data.latitude <= LAT_RANGE[1] and LON_RANGE[0] <= data.longitude <= LON_RANGE[1])
    ):
        out["coordinates"] = FieldMessage(
            "Tọa độ ({lat}, {lon}) nằm ngoài lãnh thổ Việt Nam; kiểm tra lại thứ tự vĩ độ, kinh độ.",
            lat=round(data.latitude, 6),
            lon=round(data.longitude, 6),
        )
    for i, need in enumerate(data.needs, start=1):
        if need.priority not in PRIORITIES:
            out[f"needs[{i}].priority"] = FieldMessage("Nhu cầu {n}: mức ưu tiên phải là 1, 2 hoặc 3.", n=i)
    if not sending:
        return out
    if data.facility_id is None:
        if new is None or not new.name.strip():
            out["facility"] = FieldMessage("Hãy chọn một cơ sở có sẵn, hoặc nhập tên cơ sở mới.")
        elif new.facility_type not in FACILITY_TYPES:
            out["new_type"] = FieldMessage("Hãy chọn loại hình cơ sở.")
    if not data.ward_code:
        out["ward_code"] = FieldMessage("Hãy chọn xã/phường/đặc khu.")
    if not data.needs:
        out["needs"] = FieldMessage("Hãy chọn ít nhất một nhu cầu hỗ trợ.")
    return out


def check_survey(data: SurveyInput, *, sending: bool) -> None:
    problems = survey_problems(data, sending=sending)
    if problems:
        raise ValidationError(problems, labels=SURVEY_LABELS)


def save_survey(
    session: Session,
    files_dir: Path,
    data: SurveyInput,
    *,
    survey_id: str | None,
    surveyor_id: str | None,
    send: bool,
    photos: Iterable[PhotoInput] = (),
) -> str:
    """Create or update a draft (and send it when `send`): the survey, its needs (replaced
    as a whole) and new photos, which carry the survey's position. Returns the survey id."""
    check_survey(data, sending=send)
    new = data.new_facility if data.facility_id is None else None
    values: dict[str, Any] = {
        "survey_date": data.survey_date,
        "facility_id": data.facility_id,
        "draft_facility": json.dumps(_draft_facility(new), ensure_ascii=False) if new is not None else None,
        "ward_code": data.ward_code,
        "latitude": data.latitude,
        "longitude": data.longitude,
        "answers": json.dumps(dict(data.answers), ensure_ascii=False) if data.answers else None,
        "note": clean(data.note) or None,
        "status": "submitted" if send else "draft",
        "informed_on": data.informed_on,
        "informed_by": clean(data.informed_by) or None,
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
            if getattr(survey, key) != value:
                setattr(survey, key, value)
        now = utcnow()
        for old in session.scalars(
            select(SurveyNeed).where(SurveyNeed.survey_id == survey.id, SurveyNeed.deleted_at.is_(None))
        ):
            old.deleted_at = now
    for need in data.needs:
        session.add(
            SurveyNeed(
                id=new_id(),
                survey_id=survey.id,
                activity_code=need.activity_code,
                description=clean(need.description) or None,
                priority=need.priority,
            )
        )
    for photo in photos:
        sha, size = attachments.store_file(files_dir, photo.path)
        attachments.link(
            session,
            sha256=sha,
            size=size,
            filename=photo.path.name,
            owner_table="survey",
            owner_id=survey.id,
            doc_type="photo",
            caption=photo.caption,
            latitude=data.latitude,
            longitude=data.longitude,
            while_saving_owner=True,
        )
    session.flush()
    return survey.id


def _draft_facility(new: NewFacilityInput) -> dict[str, Any]:
    return {
        "name": clean(new.name) or "",
        "facility_type": new.facility_type,
        "representative": clean(new.representative) or None,
        "phone": clean(new.phone) or None,
    }


def _load(session: Session, survey_id: str) -> Survey:
    survey = session.get(Survey, survey_id)
    if survey is None or survey.deleted_at is not None:
        raise NotFoundError("Không tìm thấy phiếu khảo sát {id}.", id=survey_id)
    return survey


def survey_input(session: Session, survey_id: str) -> SurveyInput:
    """A stored survey as the input save_survey takes, to change part of it and save."""
    s = _load(session, survey_id)
    draft = json.loads(s.draft_facility) if s.draft_facility else None
    needs = tuple(
        NeedInput(n.activity_code, n.priority, n.description or "")
        for n in session.scalars(
            select(SurveyNeed)
            .where(SurveyNeed.survey_id == s.id, SurveyNeed.deleted_at.is_(None))
            .order_by(SurveyNeed.priority, SurveyNeed.activity_code)
        )
    )
    return SurveyInput(
        survey_date=s.survey_date,
        facility_id=s.facility_id,
        new_facility=NewFacilityInput(
            draft.get("name") or "",
            draft.get("facility_type") or "hkd",
            draft.get("representative"),
            draft.get("phone"),
        )
        if draft
        else None,
        ward_code=s.ward_code,
        latitude=s.latitude,
        longitude=s.longitude,
        note=s.note or "",
        needs=needs,
        answers=json.loads(s.answers) if s.answers else {},
        informed_on=s.informed_on,
        informed_by=s.informed_by,
    )


def survey_dict(session: Session, survey_id: str) -> dict[str, Any]:
    s = _load(session, survey_id)
    data = survey_input(session, survey_id)
    return {
        "id": s.id,
        "status": s.status,
        "survey_date": s.survey_date,
        "facility_id": s.facility_id,
        "new_facility": json.loads(s.draft_facility) if s.draft_facility else None,
        "ward_code": s.ward_code,
        "latitude": s.latitude,
        "longitude": s.longitude,
        "note": s.note,
        "informed_on": s.informed_on,
        "informed_by": s.informed_by,
        "needs": [dataclasses.asdict(n) for n in data.needs],
    }


def list_surveys(session: Session, *, status: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    stmt = (
        select(Survey.id)
        .where(Survey.deleted_at.is_(None))
        .order_by(Survey.survey_date.desc(), Survey.id.desc())
        .limit(limit)
    )
    if status:
        stmt = stmt.where(Survey.status == status)
    return [survey_dict(session, sid) for sid in session.scalars(stmt)]


@dataclass(frozen=True)
class SurveyRow:
    id: str
    survey_date: date
    facility_name: str  # the register's name, or the name of a facility met in the field
    status: str
    ward_code: str | None


def surveys_of(session: Session, surveyor_id: str | None, limit: int = 500) -> list[SurveyRow]:
    """A surveyor's surveys (everyone's for None), newest first: drafts and sent ones."""
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


def survey_heading(session: Session, survey_id: str) -> tuple[str, str]:
    """(status, facility name) of a survey: the register's name, or the one met in the field."""
    s = _load(session, survey_id)
    if s.facility_id:
        name = session.execute(select(Facility.name).where(Facility.id == s.facility_id)).scalar_one_or_none()
    else:
        name = (json.loads(s.draft_facility) if s.draft_facility else {}).get("name")
    return s.status, name or ""
