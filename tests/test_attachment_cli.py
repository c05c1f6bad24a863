"""`kcdesk attachment`: the window's file panels on the command line. Files attached to a
facility, an acceptance record, a survey or an evaluation are listed, saved back byte for
byte and taken off (kept in the history, queued for sync); a signed acceptance and a sent
survey keep their files, refused with the same reason the window shows, writing nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kcdesk.db.store import Store
from kcdesk.services import acceptances, facilities, setup
from tests.conftest import run_cli
from tests.followup import new_proposal, walk
from tests.raw_db import raw_connect

FACILITY = {"name": "Cơ sở gốm Thanh Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "kcdesk.db"
    with Store.open(path, create=True) as store:
        store.write(lambda s: setup.initialize(s, province_code="48", user_full_name="Nguyễn Văn An", role="admin"))
        store.reload_identity()
        fid = store.write(lambda s: facilities.create_facility(s, FACILITY | {"tax_code": "0401234567"}))
        pid = new_proposal(store, beneficiary=fid)
        walk(store, pid, "KCDP", "in_progress")
        store.write(
            lambda s: acceptances.create_acceptance(
                s,
                pid,
                {"accepted_on": date(2026, 9, 15), "number": "07/BB-TTKC", "conclusion": "dat"},
                members=[{"full_name": "Lê Văn Bình", "role": "chu_tri", "position": "Phó Giám đốc Sở"}],
            )
        )
    return path


def _files(tmp_path: Path) -> tuple[Path, Path]:
    scan = tmp_path / "giay-phep, ban quet.pdf"
    scan.write_bytes(b"%PDF-1.4 giay chung nhan dang ky ho kinh doanh\n" * 50)
    photo = tmp_path / "nha-xuong.jpg"
    photo.write_bytes(bytes(range(256)) * 40)
    return scan, photo


def _counts(db: Path) -> tuple[int, int, int]:
    with raw_connect(db) as conn:
        return (
            conn.execute("SELECT count(*) FROM attachment WHERE deleted_at IS NULL").fetchone()[0],
            conn.execute("SELECT count(*) FROM audit_entry WHERE table_name = 'attachment'").fetchone()[0],
            conn.execute("SELECT count(*) FROM sync_outbox WHERE table_name = 'attachment'").fetchone()[0],
        )


def test_files_of_a_facility_are_attached_listed_saved_and_taken_off(db: Path, tmp_path: Path) -> None:
    scan, photo = _files(tmp_path)
    added = run_cli("attachment", "add", "facility", "0401234567", str(scan), str(photo), "--caption", "Hồ sơ", db=db)
    assert added.code == 0, added.err
    assert "Đã gắn 2 tệp." in added.out and "giay-phep, ban quet.pdf - Hồ sơ" in added.out
    rows = run_cli("attachment", "list", "facility", "0401234567", "--json", db=db).json()
    assert [(r["filename"], r["size"], r["doc_type"], r["downloaded"]) for r in rows] == [
        (scan.name, scan.stat().st_size, "scan", True),
        (photo.name, photo.stat().st_size, "scan", True),
    ]
    assert _counts(db) == (2, 2, 2)  # audited and queued for the server like any write

    out = tmp_path / "saved"
    out.mkdir()
    saved = run_cli("attachment", "save", rows[0]["id"], "--out", str(out), db=db)
    assert saved.code == 0, saved.err
    assert (out / scan.name).read_bytes() == scan.read_bytes()
    again = run_cli("attachment", "save", rows[0]["id"], "--out", str(out / scan.name), db=db)
    assert again.code == 1 and "đã có" in again.err  # never overwritten

    removed = run_cli("attachment", "remove", rows[1]["id"], db=db)
    assert removed.code == 0 and "nha-xuong.jpg" in removed.out
    left = run_cli("attachment", "list", "facility", "0401234567", "--json", db=db).json()
    assert [r["id"] for r in left] == [rows[0]["id"]]
    twice = run_cli("--lang", "en", "attachment", "remove", rows[1]["id"], db=db)
    assert twice.code == 1 and "not found" in twice.err.lower()


def test_a_signed_acceptance_keeps_its_files_and_the_refusal_says_what_to_do(db: Path, tmp_path: Path) -> None:
    scan, photo = _files(tmp_path)
    assert run_cli("attachment", "add", "acceptance", "07/BB-TTKC", str(scan), db=db).code == 0
    rows = run_cli("attachment", "list", "acceptance", "07/BB-TTKC", "--json", db=db).json()
    assert [r["doc_type"] for r in rows] == ["scan_bien_ban"]
    with Store.open(db) as store:
        aid = store.write(lambda s: acceptances_find(s))
        store.write(lambda s: acceptances.sign_acceptance(s, aid, store.user_id))
    before = _counts(db)
    added = run_cli("attachment", "add", "acceptance", "07/BB-TTKC", str(photo), db=db)
    assert added.code == 1 and "đã ký và khóa" in added.err and "trước khi ký" in added.err
    removed = run_cli("--lang", "en", "attachment", "remove", rows[0]["id"], db=db)
    assert removed.code == 1 and "signed and locked" in removed.err
    assert _counts(db) == before


def acceptances_find(session):  # type: ignore[no-untyped-def]
    from kcdesk.reports.records import find_acceptance

    return find_acceptance(session, "07/BB-TTKC").id


def test_a_sent_survey_keeps_its_photos(db: Path, tmp_path: Path) -> None:
    _scan, photo = _files(tmp_path)
    draft = run_cli(
        "survey", "add", "--facility", "0401234567", "--ward", "20194", "--need", "KC3.3|1|Máy sấy", "--json", db=db
    )
    assert draft.code == 0, draft.err
    survey_id = draft.json()["id"]
    assert run_cli("attachment", "add", "survey", survey_id, str(photo), db=db).code == 0
    assert run_cli("survey", "send", survey_id, db=db).code == 0
    before = _counts(db)
    refused = run_cli("attachment", "add", "survey", survey_id, str(photo), db=db)
    assert refused.code == 1 and "Phiếu khảo sát đã gửi" in refused.err
    assert _counts(db) == before


def test_an_unknown_record_or_missing_file_is_named_and_nothing_is_written(db: Path, tmp_path: Path) -> None:
    _scan, photo = _files(tmp_path)
    before = _counts(db)
    unknown = run_cli("attachment", "add", "facility", "0409999999", str(photo), db=db)
    assert unknown.code == 1 and "0409999999" in unknown.err
    missing = run_cli("attachment", "add", "facility", "0401234567", str(tmp_path / "khong-co.jpg"), db=db)
    assert missing.code == 1 and "khong-co.jpg" in missing.err
    assert _counts(db) == before
