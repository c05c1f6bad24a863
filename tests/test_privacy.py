"""A data subject's rights on one laptop (issue 13, part 3 and 5): finding every record
that holds a person's data, the report (JSON and PDF read back), erasure with what must be
kept and why, the audit trail scrubbed, the access trail, and a restore that cannot bring
erased data back."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from kcdesk.db import audit_trail, erasure_log, maintenance
from kcdesk.db.models import Facility, PersonalDataErasure, Survey
from kcdesk.db.store import Store
from kcdesk.errors import PermissionDenied, ValidationError
from kcdesk.reports.agency import agency_for
from kcdesk.reports.personal_data_report import write_person_report_pdf
from kcdesk.services import acceptances, access_trail, facilities, surveys
from kcdesk.services.erasure import erase_person
from kcdesk.services.personal_data import find_person, parse_query
from tests.followup import new_proposal, walk

NAME, PHONE, ID = "Nguyễn Văn Ba", "0905123456", "048090001234"


def _people(store: Store, tmp_path: Path) -> dict[str, str]:
    """Mr Ba owns a household business (his ID as tax code), represents a second facility
    that received money of a settled proposal, sat on a signed acceptance, and was surveyed."""
    base = {"facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
    own = store.write(
        lambda s: facilities.create_facility(
            s,
            base
            | {
                "name": "Hộ kinh doanh Nguyễn Văn Ba",
                "tax_code": ID,
                "representative": NAME,
                "phone": "0905 123 456",
                "street": "12 Lê Lợi",
                "note": f"Liên hệ anh Ba {PHONE} buổi sáng",
            },
        )
    )
    payee = store.write(
        lambda s: facilities.create_facility(
            s, base | {"name": "Công ty Gốm Sông Hàn", "tax_code": "0401999888", "representative": NAME, "phone": PHONE}
        )
    )
    other = store.write(
        lambda s: facilities.create_facility(s, base | {"name": "Cơ sở mộc Ba Lan", "representative": "Trần Thị Bốn"})
    )
    pid = new_proposal(store, beneficiary=payee)
    walk(store, pid, "KCDP", "in_progress")
    aid = store.write(
        lambda s: acceptances.create_acceptance(
            s,
            pid,
            {"accepted_on": date(2026, 9, 15), "number": "07/BB-TTKC", "conclusion": "dat"},
            members=[
                {"full_name": "nguyen van ba", "role": "thu_huong"},
                {"full_name": "Lê Văn Bình", "role": "chu_tri"},
            ],
        )
    )
    store.write(lambda s: acceptances.sign_acceptance(s, aid, store.user_id))
    store.write(lambda s: s.execute(text("UPDATE proposal SET status = 'settled' WHERE id = :p"), {"p": pid}))
    photo = tmp_path / "anh-nha.jpg"
    photo.write_bytes(b"\xff\xd8 photo of Mr Ba's workshop")
    draft = surveys.SurveyInput(
        survey_date=date(2026, 11, 2),
        new_facility=surveys.NewFacilityInput("Lò rèn Nguyễn Văn Ba", "hkd", NAME, PHONE),
        note="Anh Ba muốn vay vốn",
    )
    sid = store.write(
        lambda s: surveys.save_survey(
            s, store.files_dir, draft, survey_id=None, surveyor_id=None, send=False, photos=[surveys.PhotoInput(photo)]
        )
    )
    return {"own": own, "payee": payee, "other": other, "proposal": pid, "acceptance": aid, "survey": sid}


def test_queries_are_read_by_their_shape() -> None:
    assert parse_query("NGUYEN  van BA").kind == "name"
    assert parse_query("+84 905 123 456").key == PHONE
    assert parse_query("0905.123.456").kind == "phone"
    assert parse_query("048 090 001 234").kind == "id"
    assert parse_query("123456789").kind == "id"
    with pytest.raises(ValidationError):
        parse_query("Ba")


def test_a_person_is_found_everywhere_by_name_phone_or_id(store: Store, tmp_path: Path) -> None:
    ids = _people(store, tmp_path)
    with store.read() as s:
        by_name = find_person(s, "nguyễn văn ba")
        by_phone = find_person(s, "+84 905 123 456")
        by_id = find_person(s, "0480 9000 1234")
    found = {(r.table, r.id) for r in by_name.records}
    assert ("facility", ids["own"]) in found and ("facility", ids["payee"]) in found
    assert ("facility", ids["other"]) not in found  # "Ba Lan" is not Mr Ba
    assert ("survey", ids["survey"]) in found
    assert {r.table for r in by_name.records} == {
        "facility",
        "survey",
        "proposal_beneficiary",
        "acceptance_member",
        "attachment",
    }
    member = by_name.of("acceptance_member")[0]
    assert member.parent["signed"] is True and member.values["full_name"] == "nguyen van ba"
    assert {r.id for r in by_phone.of("facility")} == {ids["own"], ids["payee"]}
    assert by_phone.of("survey")[0].matched == ["draft_facility.phone"]
    assert [r.id for r in by_id.of("facility")] == [ids["own"]]
    data = json.loads(json.dumps(by_name.as_dict(), default=str))
    assert data["kind"] == "name" and len(data["records"]) == len(by_name.records)


def test_the_report_pdf_reads_back(store: Store, tmp_path: Path) -> None:
    _people(store, tmp_path)
    out = tmp_path / "bao-cao.pdf"
    with store.read() as s:
        report = find_person(s, PHONE)
        write_person_report_pdf(report, agency_for(s), out)
    shown = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "BÁO CÁO" in shown and "Luật Bảo vệ dữ liệu cá nhân" in shown
    assert "Công ty Gốm Sông Hàn" in shown and "0905123456" in shown.replace(" ", "")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in shown


def _audit_text(store: Store, table: str, row_id: str) -> str:
    """The record's whole trail as text, inserts' rows rebuilt (kcdesk.db.audit_trail)."""
    with store.engine.connect() as c:
        entries = audit_trail.full_entries(c, table, row_id)
        stored = " ".join(
            r[0]
            for r in c.exec_driver_sql(
                "SELECT coalesce(before, '') || coalesce(after, '') "
                "FROM audit_entry WHERE table_name = ? AND row_id = ?",
                (table, row_id),
            )
        )
    return json.dumps(entries, ensure_ascii=False) + " " + stored


def test_erasure_erases_what_it_may_keeps_the_rest_with_the_reason_and_scrubs_the_trail(
    store: Store, tmp_path: Path
) -> None:
    ids = _people(store, tmp_path)
    assert PHONE in _audit_text(store, "facility", ids["own"])
    with store.read() as s:
        photo = s.execute(text("SELECT sha256 FROM attachment WHERE owner_id = :s"), {"s": ids["survey"]}).scalar_one()
    assert (store.files_dir / photo[:2] / photo).exists()

    def erase(dry_run: bool) -> object:
        return store.write(
            lambda s: erase_person(
                s,
                NAME,
                f"Đơn của ông {NAME} ({PHONE}) ngày 01/12/2026",
                files_dir=store.files_dir,
                db_path=store.path,
                dry_run=dry_run,
            )
        )

    before = _audit_text(store, "facility", ids["own"])
    planned = erase(True)
    assert _audit_text(store, "facility", ids["own"]) == before  # a dry run changes nothing
    done = erase(False)
    assert [e["fields"] for e in done.erased if e["id"] == ids["own"]] == [planned.erased[0]["fields"]]
    kept = {k["table"]: k["why"] for k in done.kept}
    assert "Luật Kế toán 2015, Điều 41" in kept["facility"]  # the payee keeps name, tax code, representative
    assert "07/BB-TTKC" in kept["acceptance_member"] and "đã ký" in kept["acceptance_member"]

    with store.read() as s:
        own = s.get(Facility, ids["own"])
        assert own.representative is None and own.phone is None and own.tax_code is None and own.street is None
        assert own.name == "Hộ kinh doanh (đã xóa)" and own.note == "Liên hệ anh Ba (đã xóa) buổi sáng"
        payee = s.get(Facility, ids["payee"])
        assert (payee.name, payee.tax_code, payee.representative, payee.phone) == (
            "Công ty Gốm Sông Hàn",
            "0401999888",
            NAME,
            None,
        )
        survey = s.get(Survey, ids["survey"])
        assert json.loads(survey.draft_facility) == {
            "name": "Lò rèn (đã xóa)",
            "facility_type": "hkd",
            "representative": None,
            "phone": None,
        }
        assert s.execute(text("SELECT deleted_at FROM attachment WHERE owner_id = :s"), {"s": ids["survey"]}).scalar()
        log = s.get(PersonalDataErasure, done.erasure_id)
        assert log.reason == "Đơn của ông (đã xóa) ((đã xóa)) ngày 01/12/2026"  # kept, synced: without him
        assert PHONE not in log.targets and ID not in log.targets and NAME not in log.targets
        trail = s.execute(text("SELECT count(*) FROM personal_data_access WHERE action = 'erase'")).scalar_one()
        assert trail == len(done.erased)
        queued = {r[0] for r in s.execute(text("SELECT DISTINCT table_name FROM sync_outbox"))}
        assert {"facility", "survey", "attachment", "personal_data_erasure", "personal_data_access"} <= queued
    assert not (store.files_dir / photo[:2] / photo).exists()
    for table, row_id in (("facility", ids["own"]), ("survey", ids["survey"])):
        trail_text = _audit_text(store, table, row_id)
        assert PHONE not in trail_text and ID not in trail_text and NAME not in trail_text
        assert "0905 123 456" not in trail_text
    assert PHONE not in _audit_text(store, "facility", ids["payee"])


def test_only_the_leader_erases_and_reads_the_trail(store: Store, tmp_path: Path) -> None:
    _people(store, tmp_path)
    store.write(lambda s: access_trail.record_access(s, "open", "facility", "x"))
    with store.read() as s:
        assert access_trail.access_trail(s)[0]["action"] == "open"
    store.write(lambda s: s.execute(text("UPDATE app_user SET role = 'centre_staff'")))
    with store.read() as s, pytest.raises(PermissionDenied) as refused:
        access_trail.access_trail(s)
    assert "Chỉ Lãnh đạo Trung tâm" in refused.value.text("vi")
    assert "Only the centre leader" in refused.value.text("en")
    with pytest.raises(PermissionDenied):
        store.write(lambda s: erase_person(s, NAME, "x", files_dir=None, db_path=None))


def test_a_backup_from_before_an_erasure_does_not_bring_the_data_back(store: Store, tmp_path: Path) -> None:
    ids = _people(store, tmp_path)
    backup = tmp_path / "truoc-khi-xoa.db"
    maintenance.make_backup(store, backup)
    store.write(lambda s: erase_person(s, PHONE, "Yêu cầu qua điện thoại", files_dir=None, db_path=store.path))
    path = store.path
    store.close()
    missing = erasure_log.missing_from(backup, path)
    assert len(missing) == 1 and missing[0]["reason"] == "Yêu cầu qua điện thoại"
    maintenance.restore(path, backup)
    with Store.open(path) as again, again.read() as s:
        own = s.get(Facility, ids["own"])
        assert own.phone is None and own.tax_code is None
        assert s.get(Facility, ids["payee"]).phone is None
        assert PHONE not in _audit_text(again, "facility", ids["own"])
