"""Field surveys (phiếu khảo sát) filed by commune collaborators."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column

from kcdesk.db.base import Base, Synced


class Survey(Synced, Base):
    __tablename__ = "survey"

    surveyor_id: Mapped[str | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    survey_date: Mapped[date]
    facility_id: Mapped[str | None] = mapped_column(ForeignKey("facility.id"), index=True)
    # A facility not yet in the register: its draft fields as JSON until someone links it.
    draft_facility: Mapped[str | None]
    province_code: Mapped[str] = mapped_column(String(2))
    ward_code: Mapped[str | None] = mapped_column(String(5))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    answers: Mapped[str | None]  # JSON, checked against the survey form version
    form_version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    status: Mapped[str] = mapped_column(
        String(10), default="draft", server_default=text("'draft'")
    )  # draft|submitted|reviewed|linked
    note: Mapped[str | None]
    # Notice at collection: when and by whom the person surveyed was told how their data
    # is processed (see kcdesk.domain.notice).
    informed_on: Mapped[date | None]
    informed_by: Mapped[str | None]


class SurveyNeed(Synced, Base):
    """A support need the surveyed facility expressed, by activity code."""

    __tablename__ = "survey_need"

    survey_id: Mapped[str] = mapped_column(ForeignKey("survey.id"), index=True)
    activity_code: Mapped[str] = mapped_column(String(10))
    description: Mapped[str | None]
    priority: Mapped[int] = mapped_column(default=2, server_default=text("2"))  # 1 high, 2 normal, 3 low
