"""A field survey as the collaborator fills it in: what a draft needs, what sending needs.

A draft can be saved with almost nothing (the collaborator may lose signal, or the
battery); sending asks for the facility (an existing one, or a new one's name and type),
the commune, and at least one need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kcdesk.domain.validation import phone_problem
from kcdesk.domain.vocab import FACILITY_TYPES
from kcdesk.errors import FieldMessage
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

    @property
    def is_new_facility(self) -> bool:
        return self.facility_id is None

    def problems(self, *, sending: bool) -> dict[str, FieldMessage]:
        out: dict[str, FieldMessage] = {}
        coords = parse_coordinates(self.coordinates)
        if isinstance(coords, FieldMessage):
            out["coordinates"] = coords
        if self.new_phone.strip():
            problem = phone_problem(self.new_phone)
            if problem:
                out["new_phone"] = problem
        if self.survey_date > date.today():
            out["survey_date"] = FieldMessage("Ngày khảo sát không được sau hôm nay.")
        if not sending:
            return out
        if self.is_new_facility:
            if not self.new_name.strip():
                out["facility"] = FieldMessage("Hãy chọn một cơ sở có sẵn, hoặc nhập tên cơ sở mới.")
            if self.new_type not in FACILITY_TYPES:
                out["new_type"] = FieldMessage("Hãy chọn loại hình cơ sở.")
        if not self.ward_code:
            out["ward_code"] = FieldMessage("Hãy chọn xã/phường/đặc khu.")
        if not self.needs:
            out["needs"] = FieldMessage("Hãy chọn ít nhất một nhu cầu hỗ trợ.")
        return out

    def coordinates_pair(self) -> tuple[float | None, float | None]:
        coords = parse_coordinates(self.coordinates)
        return coords if isinstance(coords, tuple) else (None, None)

    def draft_facility(self) -> dict[str, Any] | None:
        if not self.is_new_facility:
            return None
        return {
            "name": self.new_name.strip(),
            "facility_type": self.new_type,
            "representative": self.new_representative.strip() or None,
            "phone": self.new_phone.strip() or None,
        }
