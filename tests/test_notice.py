"""Notice at collection (issue 13, part 4): when and by whom the person was informed is
recorded on facilities and surveys, checked, and the register lists who was not."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from kcdesk.db.store import Store
from kcdesk.domain.notice import notice_problems
from kcdesk.errors import ValidationError
from kcdesk.services import facilities, surveys
from kcdesk.services.setup import initialize
from tests.conftest import run_cli

TODAY = date(2026, 12, 5)


def test_the_notice_is_checked_by_the_one_rule() -> None:
    assert notice_problems({}, TODAY) == {}
    assert notice_problems({"informed_on": TODAY, "informed_by": "Lê Văn Cán"}, TODAY) == {}
    future = notice_problems({"informed_on": TODAY + timedelta(days=1), "informed_by": "Lê Văn Cán"}, TODAY)
    assert future["informed_on"].text("vi") == "Ngày thông báo xử lý dữ liệu cá nhân không được sau hôm nay."
    who = notice_problems({"informed_on": "2026-12-01"}, TODAY)
    assert list(who) == ["informed_by"]
    assert "người đã thông báo" in who["informed_by"].text("vi")
    assert list(notice_problems({"informed_by": "Lê Văn Cán"}, TODAY)) == ["informed_on"]
    assert "không đúng dạng" in notice_problems({"informed_on": "31/02/2026", "informed_by": "A"}, TODAY)[
        "informed_on"
    ].text("vi")


def test_services_refuse_a_future_notice_and_a_missing_informer(tmp_path: Path) -> None:
    with Store.open(tmp_path / "x.db", create=True) as store:
        store.write(lambda s: initialize(s, province_code="48"))
        base = {"name": "Cơ sở mộc Ba", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
        with pytest.raises(ValidationError) as refused:
            store.write(lambda s: facilities.create_facility(s, base | {"informed_on": date.today()}))
        assert set(refused.value.fields) == {"informed_by"}
        fid = store.write(
            lambda s: facilities.create_facility(s, base | {"informed_on": date.today(), "informed_by": "Lê Cán"})
        )
        with pytest.raises(ValidationError) as future:
            store.write(lambda s: facilities.update_facility(s, fid, {"informed_on": date.today() + timedelta(days=2)}))
        assert set(future.value.fields) == {"informed_on"}
        draft = surveys.SurveyInput(survey_date=date.today(), informed_by="Lê Cán")
        with pytest.raises(ValidationError) as survey:
            store.write(
                lambda s: surveys.save_survey(s, store.files_dir, draft, survey_id=None, surveyor_id=None, send=False)
            )
        assert set(survey.value.fields) == {"informed_on"}


def test_cli_records_the_notice_and_lists_the_uninformed(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    assert run_cli("init", "--province", "48", db=db).code == 0
    told = run_cli(
        "facility", "add", "--name", "Cơ sở mộc Hai", "--type", "hkd", "--ward", "20194",
        "--informed-on", "01/12/2026", "--informed-by", "Lê Văn Cán", "--json", db=db,
    )  # fmt: skip
    assert told.code == 0, told.err
    assert told.json()["informed_on"] == "2026-12-01" and told.json()["informed_by"] == "Lê Văn Cán"
    untold = run_cli("facility", "add", "--name", "Cơ sở gốm Ba", "--type", "hkd", "--ward", "20194", "--json", db=db)
    assert untold.code == 0, untold.err
    listed = run_cli("facility", "list", "--uninformed", "--json", db=db).json()
    assert [r["name"] for r in listed["items"]] == ["Cơ sở gốm Ba"] and listed["total"] == 1
    missing = run_cli("facility", "edit", untold.json()["id"], "--informed-on", "02/12/2026", db=db)
    assert missing.code == 1 and "Người thông báo" in missing.err
    fixed = run_cli(
        "facility", "edit", untold.json()["id"], "--informed-on", "02/12/2026", "--informed-by", "Trần Cán", db=db
    )
    assert fixed.code == 0, fixed.err
    assert run_cli("facility", "list", "--uninformed", "--json", db=db).json()["total"] == 0
    survey = run_cli(
        "survey", "add", "--new-name", "Hộ đan lát Bốn", "--informed-on", "03/12/2026", "--informed-by", "Lê Cán",
        "--json", db=db,
    )  # fmt: skip
    assert survey.code == 0, survey.err
    assert survey.json()["informed_on"] == "2026-12-03"
