"""Field surveys as the window lists and opens them (kcdesk.services.surveys): a surveyor's
surveys with the facility's name, a survey's status and name, and the activity codes a need
can name (kcdesk.services.activities)."""

from __future__ import annotations

from datetime import date

import pytest

from kcdesk.db.store import Store
from kcdesk.errors import NotFoundError
from kcdesk.services import facilities
from kcdesk.services.activities import activity_choices
from kcdesk.services.surveys import (
    NeedInput,
    NewFacilityInput,
    SurveyInput,
    save_survey,
    survey_heading,
    survey_input,
    surveys_of,
)

FACILITY = {"name": "Cơ sở gốm Thanh Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


def _save(store: Store, data: SurveyInput, surveyor: str | None, *, send: bool = False) -> str:
    return store.write(lambda s: save_survey(s, store.files_dir, data, survey_id=None, surveyor_id=surveyor, send=send))


def test_a_surveyors_list_names_register_and_field_facilities(store: Store) -> None:
    fid = store.write(lambda s: facilities.create_facility(s, FACILITY))
    me = store.user_id
    known = _save(
        store,
        SurveyInput(date(2026, 5, 2), facility_id=fid, ward_code="20194", needs=(NeedInput("KC3.3", 1, "Máy"),)),
        me,
    )
    met = _save(
        store,
        SurveyInput(
            date(2026, 5, 3),
            new_facility=NewFacilityInput("Tổ mây tre Cẩm Nê", "hkd", "Lê Thị Hạnh"),
            ward_code="20194",
            latitude=16.0123456,
            longitude=108.1,
        ),
        me,
    )
    other = _save(store, SurveyInput(date(2026, 5, 4), facility_id=fid, ward_code="20194"), None)
    with store.read() as s:
        mine = surveys_of(s, me)
        everyone = surveys_of(s, None)
        assert survey_heading(s, known) == ("draft", "Cơ sở gốm Thanh Hà")
        assert survey_heading(s, met) == ("draft", "Tổ mây tre Cẩm Nê")
        stored = survey_input(s, met)
    assert [(r.id, r.facility_name, r.survey_date) for r in mine] == [
        (met, "Tổ mây tre Cẩm Nê", date(2026, 5, 3)),
        (known, "Cơ sở gốm Thanh Hà", date(2026, 5, 2)),
    ]
    assert [r.id for r in everyone] == [other, met, known]
    assert stored.new_facility is not None and stored.new_facility.representative == "Lê Thị Hạnh"


def test_a_missing_survey_says_which(store: Store) -> None:
    with store.read() as s, pytest.raises(NotFoundError, match="khảo sát no-such"):
        survey_heading(s, "no-such")


def test_activity_codes_in_force_in_the_catalogue_order(store: Store) -> None:
    with store.read() as s:
        codes = [c for c, _ in activity_choices(s)]
    assert "KC3.3" in codes and len(codes) == len(set(codes))
    assert codes.index("KC1") < codes.index("KC3") < codes.index("KC3.3") < codes.index("KC9")
