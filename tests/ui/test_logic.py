"""The window's presentation logic, tested as plain Python (no Qt imported here)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kcdesk.domain.validation import UnitIndex
from kcdesk.ui.logic.facility_form import FacilityForm, parse_day
from kcdesk.ui.logic.first_run import FirstRunWizard
from kcdesk.ui.logic.gps import exif_gps, parse_coordinates
from kcdesk.ui.logic.proposal_view import action_states, budget_summary, deadline_badges, parse_amount
from kcdesk.ui.logic.settings_schema import OPTIONS
from kcdesk.ui.logic.status_text import sync_sentence
from kcdesk.ui.logic.survey_draft import Need, SurveyDraft
from kcdesk.ui.logic.unit_match import UnitMatcher

UNITS = UnitIndex(
    provinces={"48": "Thành phố Đà Nẵng", "01": "Thành phố Hà Nội"},
    wards={"20194": ("48", "Phường Hải Châu"), "20195": ("48", "Phường Hòa Cường"), "00004": ("01", "Phường Ba Đình")},
)


def test_logic_and_records_modules_import_no_qt() -> None:
    root = Path(__file__).resolve().parents[2] / "kcdesk" / "ui"
    modules = [
        f"kcdesk.ui.{p.parent.name}.{p.stem}"
        for folder in ("logic", "records")
        for p in (root / folder).glob("*.py")
        if p.stem != "__init__"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_facility_form_tracks_changes_and_reports_problems_by_field() -> None:
    form = FacilityForm(
        UNITS,
        {
            "id": "x",
            "name": "Cơ sở A",
            "facility_type": "hkd",
            "province_code": "48",
            "ward_code": "20194",
            "tax_code": "0401234567",
            "status": "active",
            "reg_date": "2022-07-30",
        },
    )
    assert form.dirty_fields() == set() and form.problems() == {}
    form.set_value("tax_code", "12345")
    form.set_value("phone", "0905 123 456")
    assert form.dirty_fields() == {"tax_code", "phone"}
    problems = form.problems()
    assert set(problems) == {"tax_code"} and "10 chữ số" in problems["tax_code"]
    assert "10 digits" in form.problems("en")["tax_code"] or problems["tax_code"]  # English where the core has it
    form.set_value("tax_code", "0401234567-001")
    form.set_value("ward_code", "00004")  # a Hà Nội ward under Đà Nẵng
    assert "không thuộc" in form.problems()["ward_code"]
    form.set_value("ward_code", "20195")
    assert form.problems() == {}
    assert form.changes() == {"tax_code": "0401234567-001", "phone": "0905123456", "ward_code": "20195"}
    form.set_value("phone", "")  # typed and then erased: back to the original, nothing changed
    assert "phone" not in form.dirty_fields()


def test_new_facility_form_needs_the_required_fields_and_real_dates() -> None:
    form = FacilityForm(UNITS, province_code="48")
    assert form.is_new
    assert {"name", "facility_type", "ward_code"} <= set(form.problems())
    form.set_value("reg_date", "31/02/2020")
    assert "ngày/tháng/năm" in form.problems()["reg_date"]
    form.set_value("reg_date", "05/01/2020")
    assert form.values["reg_date"] == date(2020, 1, 5)
    assert parse_day("2020-01-05") == date(2020, 1, 5) and parse_day("") is None


def test_unit_matcher_finds_units_without_tone_marks() -> None:
    m = UnitMatcher([("20194", "Phường Hải Châu"), ("20195", "Phường Hòa Cường"), ("48", "Thành phố Đà Nẵng")])
    assert [c.code for c in m.matches("hai chau")] == ["20194"]
    assert [c.code for c in m.matches("ĐÀ NẴNG")] == ["48"]
    assert m.resolve("da nang") == "48"
    assert m.resolve("hai chau") == "20194"
    assert m.resolve("phuong") is None  # names several


def test_status_actions_follow_the_state_machine_and_the_role() -> None:
    staff = {s.action: s for s in action_states("draft", "KCDP", "centre_staff")}
    assert staff["submit"].enabled
    registered = {s.action: s for s in action_states("registered", "KCDP", "centre_staff")}
    assert set(registered) == {"return", "reject", "appraise"}
    assert not any(s.enabled for s in registered.values())
    assert "Cán bộ thẩm định" in registered["appraise"].reason
    reviewer = {s.action: s for s in action_states("registered", "KCDP", "so_reviewer")}
    assert reviewer["appraise"].enabled
    assert not action_states("draft", "KCDP", "centre_staff", saved=False)[0].enabled
    assert not action_states("draft", "KCDP", "centre_staff", dirty=True)[0].enabled


def test_budget_summary_counterpart_ratio_and_amount_parsing() -> None:
    s = budget_summary([(150_000_000, 100_000_000, 0), (50_000_000, 0, 10_000_000)])
    assert (s.kc, s.counterpart, s.other, s.total) == (200_000_000, 100_000_000, 10_000_000, 310_000_000)
    assert s.counterpart_ratio() == "32,26%"
    assert "310.000.000 đồng" in s.text()
    assert parse_amount("1.234.567") == 1234567 and parse_amount("") == 0 and parse_amount("12a") is None


def test_deadline_badges() -> None:
    from kcdesk.domain.deadlines import DueItem

    items = [
        DueItem("p", "C", "T", "r", "Báo cáo tiến độ tháng", date(2026, 1, 25), -3, "TT 36"),
        DueItem("p", "C", "T", "r", "Nộp hồ sơ quyết toán", date(2026, 2, 1), 5, "TT 36"),
    ]
    badges = deadline_badges(items)
    assert [b.severity for b in badges] == ["overdue", "soon"]
    assert "quá hạn 3 ngày" in badges[0].text


def test_gps_typed_in_every_usual_form() -> None:
    assert parse_coordinates("16.0544, 108.2022") == (16.0544, 108.2022)
    assert parse_coordinates("16,0544 108,2022") == (16.0544, 108.2022)
    assert parse_coordinates("16°03'15.8\"N 108°12'07.9\"E") == (16.054389, 108.202194)
    assert parse_coordinates("") is None
    assert "ngoài lãnh thổ" in parse_coordinates("108.2, 16.05").text()  # type: ignore[union-attr]


def test_gps_read_from_a_photo_exif(tmp_path: Path) -> None:
    from tests.ui.photos import photo_with_gps

    path = photo_with_gps(tmp_path / "anh.jpg", 16.054389, 108.202194)
    assert exif_gps(path) == pytest.approx((16.054389, 108.202194), abs=1e-5)
    from PIL import Image

    plain = tmp_path / "plain.jpg"
    Image.new("RGB", (8, 8)).save(plain)
    assert exif_gps(plain) is None


def test_survey_draft_rules() -> None:
    draft = SurveyDraft()
    assert draft.problems(sending=False) == {}
    assert {"facility", "ward_code", "needs"} <= set(draft.problems(sending=True))
    draft = SurveyDraft(
        new_name="Hộ kinh doanh mây tre Lê Văn Đạt",
        ward_code="20194",
        needs=[Need("KC3.3")],
        coordinates="16.05, 108.2",
        new_phone="12",
    )
    assert set(draft.problems(sending=True)) == {"new_phone"}
    draft.new_phone = "0905123456"
    assert draft.problems(sending=True) == {}
    assert draft.coordinates_pair() == (16.05, 108.2)


def test_first_run_wizard_steps(tmp_path: Path) -> None:
    wizard = FirstRunWizard(tmp_path / "kc.db", {"48": "Thành phố Đà Nẵng", "01": "Thành phố Hà Nội"})
    assert wizard.current == "database" and wizard.next()
    assert wizard.centre_name.endswith("Thành phố Đà Nẵng")
    wizard.set_province("01")
    assert wizard.centre_name.endswith("Thành phố Hà Nội")  # follows the province…
    wizard.set_centre_name("Trung tâm KC Hà Nội")
    wizard.set_province("48")
    assert wizard.centre_name == "Trung tâm KC Hà Nội"  # …until the person types their own
    wizard.set_province("99")
    assert wizard.problem() and not wizard.next()
    wizard.set_province("48")
    wizard.password, wizard.password_again = "lanh-dao-2026", "lanh-dao-2025"
    assert "không giống nhau" in (wizard.problem("vi") or "") and not wizard.next()
    wizard.password = wizard.password_again = "ngan"
    assert "ít nhất 8" in (wizard.problem("vi") or "")
    wizard.password = wizard.password_again = "lanh-dao-2026"
    assert wizard.next() and wizard.is_last
    wizard.demo_facilities = 2000
    plan = wizard.plan()
    assert (plan.province_code, plan.demo_facilities, plan.centre_name) == ("48", 2000, "Trung tâm KC Hà Nội")
    assert wizard.back() and wizard.current == "province"


def test_sync_sentence() -> None:
    text = sync_sentence(online=None, enrolled=False, pending=1234, last_success=None)
    assert text == "Ngoại tuyến · chưa kết nối máy chủ · 1.234 thay đổi chờ gửi · chưa đồng bộ"
    assert "đồng bộ lần cuối" in sync_sentence(
        online=True, enrolled=True, pending=0, last_success="2026-11-26T08:00:00.000Z"
    )


def test_settings_are_declared_once_with_types() -> None:
    lang = OPTIONS["language"]
    assert lang.coerce("en") == "en" and lang.coerce("fr") == "vi"
    assert OPTIONS["font_point_size"].coerce("11") == 11
    assert OPTIONS["window_geometry"].coerce(OPTIONS["window_geometry"].dump(b"\x01\x02")) == b"\x01\x02"


def test_first_run_checks_the_data_folder_before_going_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from kcdesk.ui.logic import first_run

    wizard = FirstRunWizard(tmp_path / "moi" / "kcdesk.db", {"48": "Thành phố Đà Nẵng"})
    assert wizard.storage_problem() is None
    assert not (tmp_path / "moi").exists() and list(tmp_path.iterdir()) == []  # the probe leaves nothing
    if sys.platform.startswith("linux") and Path("/sys").is_dir():
        wizard.db_path = Path("/sys/kcdesk-test/kcdesk.db")  # a folder nobody may write, root included
        problem = wizard.storage_problem("vi") or ""
        assert problem.startswith("Không ghi được vào thư mục dữ liệu /sys") and "KCDESK_HOME" in problem
    wizard.db_path = tmp_path / "kcdesk.db"
    monkeypatch.setattr(first_run, "MIN_FREE_BYTES", 1 << 62)  # more than any disk has free
    assert (wizard.storage_problem("vi") or "").startswith("Ổ đĩa chứa thư mục dữ liệu")
