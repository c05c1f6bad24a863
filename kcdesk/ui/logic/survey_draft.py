"""A field survey as the collaborator fills it in (text as typed), checked by the core's
rules (kcdesk.services.surveys.survey_problems) as it changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kcdesk.errors import FieldMessage
from kcdesk.services.surveys import NeedInput, NewFacilityInput, SurveyInput, survey_problems
from kcdesk.ui.logic.gps import parse_coordinates


@dataclass
class Need:
    activity_code: str
    priority: int = 2  # 1 high, 2 normal, 3 low
    description: str = ""


@dataclass
class SurveyDraft:
    survey_date: date = field(default_factory=date.today)
    facility_id: str | None = None  # an existing facility, or…
    new_name: str = ""  # …a new one, not yet in the register
    new_type: str = "hkd"
    new_representative: str = ""
    new_phone: str = ""
    ward_code: str | None = None
    coordinates: str = ""
    note: str = ""
    needs: list[Need] = field(default_factory=list)
    answers: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_input(cls, data: SurveyInput) -> SurveyDraft:
        """A stored survey (kcdesk.services.surveys.survey_input) as the form shows it."""
        new = data.new_facility
        has_position = data.latitude is not None and data.longitude is not None
        return cls(
            survey_date=data.survey_date,
            facility_id=data.facility_id,
            new_name=new.name if new else "",
            new_type=new.facility_type if new else "hkd",
            new_representative=(new.representative or "") if new else "",
            new_phone=(new.phone or "") if new else "",
            ward_code=data.ward_code,
            coordinates=f"{data.latitude:.6f}, {data.longitude:.6f}" if has_position else "",
            note=data.note,
            needs=[Need(n.activity_code, n.priority, n.description) for n in data.needs],
            answers=dict(data.answers),
        )

    @property
    def is_new_facility(self) -> bool:
        return self.facility_id is None

    def problems(self, *, sending: bool) -> dict[str, FieldMessage]:
        """The core's rules (kcdesk.services.surveys), plus what only the form can say: a
        position typed so that it cannot be read."""
        out = survey_problems(self.to_input(), sending=sending)
        coords = parse_coordinates(self.coordinates)
        if isinstance(coords, FieldMessage):
            out["coordinates"] = coords
        return out

    def to_input(self) -> SurveyInput:
        """The plain values the core saves."""
        lat, lon = self.coordinates_pair()
        return SurveyInput(
            survey_date=self.survey_date,
            facility_id=self.facility_id,
            new_facility=(
                NewFacilityInput(self.new_name, self.new_type, self.new_representative, self.new_phone)
                if self.is_new_facility
                else None
            ),
            ward_code=self.ward_code,
            latitude=lat,
            longitude=lon,
            note=self.note,
            needs=tuple(NeedInput(n.activity_code, n.priority, n.description) for n in self.needs),
            answers=dict(self.answers),
        )

    def coordinates_pair(self) -> tuple[float | None, float | None]:
        coords = parse_coordinates(self.coordinates)
        return coords if isinstance(coords, tuple) else (None, None)
