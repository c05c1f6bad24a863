"""Issue 13 through a real server: an erasure made on one laptop reaches another and the
server, and the second laptop's database file no longer holds the phone, the name or the ID
number anywhere (audit trail and search index included); the access trail reaches the
leader's laptop; the notice at collection and erasure records are judged by the server."""

from __future__ import annotations

import gzip
import json
import lzma
from datetime import date, timedelta
from pathlib import Path

from helpers import WARD_A, add_facility, edit, facility, server_count, server_facility
from rawdevice import RawDevice, facility_values

from kcdesk.db import sqlfile
from kcdesk.db.store import set_meta
from kcdesk.ids import new_id
from kcdesk.services import access_trail, surveys
from kcdesk.services.erasure import erase_person
from tests.raw_db import raw_connect

NAME, PHONE, ID = "Nguyễn Văn Ba", "0905123456", "048090001234"
OTHER_PHONES = ("0905123999", "0905123888")


def _file_bytes(path: Path) -> bytes:
    """The database as it lies on disk once its WAL is folded in and free pages dropped."""
    conn = raw_connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.close()
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_an_erasure_reaches_the_other_laptop_and_leaves_nothing_in_its_file(server, device_factory, tmp_path):
    leader = device_factory("leader").enrol(server, role="centre_leader")
    fid = add_facility(
        leader,
        name="Hộ kinh doanh Nguyễn Văn Ba",
        tax_code=ID,
        representative=NAME,
        phone=PHONE,
        street="12 Lê Lợi",
        note=f"Gọi anh Ba số {PHONE}",
    )
    draft = surveys.SurveyInput(
        survey_date=date(2026, 11, 2),
        new_facility=surveys.NewFacilityInput("Lò rèn Ba", "hkd", NAME, PHONE),
        ward_code=WARD_A,
    )
    leader.write(lambda s: set_meta(s, "province_code", "48"))
    photo = tmp_path / "xuong.jpg"
    photo.write_bytes(b"\xff\xd8 the workshop of Mr Ba")
    leader.write(
        lambda s: surveys.save_survey(
            s,
            leader.store.files_dir,
            draft,
            survey_id=None,
            surveyor_id=None,
            send=False,
            photos=[surveys.PhotoInput(photo)],
        )
    )
    sha = leader.one("SELECT sha256 FROM attachment")
    assert leader.sync().rejected == 0, leader.rows("SELECT table_name, code, message, params FROM sync_deadletter")
    staff = device_factory("staff").enrol(server, role="centre_staff")
    staff.sync()
    staff.execute("UPDATE facility SET labour_total = 3 WHERE id = :id", id=fid)  # the trail holds it twice now
    assert staff.sync().rejected == 0
    assert facility(staff, fid)["phone"] == PHONE
    staff_photo = staff.store.files_dir / sha[:2] / sha
    assert staff_photo.exists() and (server.data_dir / "blobs" / sha[:2] / sha).exists()
    cached = [_unpacked(f) for f in (server.data_dir / "snapshots").glob("*.sqlite.?z")]
    assert any(PHONE.encode() in c for c in cached)  # the staff laptop started from a snapshot holding it
    leader.sync()
    # Both change his phone offline: the server keeps the replaced number in a conflict record.
    edit(leader, "facility", fid, phone=OTHER_PHONES[0])
    assert leader.sync().rejected == 0
    edit(staff, "facility", fid, phone=OTHER_PHONES[1])
    assert staff.sync().rejected == 0
    leader.sync()
    assert server_count(server, "server_conflict", f"fields LIKE '%{OTHER_PHONES[0]}%'") == 1

    outcome = leader.write(
        lambda s: erase_person(
            s, "nguyen van ba", "Đơn yêu cầu ngày 01/12/2026", files_dir=leader.store.files_dir, db_path=leader.path
        )
    )
    assert {e["table"] for e in outcome.erased} == {"facility", "survey", "attachment"}
    report = leader.sync()
    assert report.rejected == 0, leader.rows("SELECT code, message FROM sync_deadletter")
    assert server_count(server, "server_conflict", "1 = 1") >= 1
    for number in (PHONE, *OTHER_PHONES):
        assert server_count(server, "server_conflict", f"fields LIKE '%{number}%'") == 0
    assert not (server.data_dir / "blobs" / sha[:2] / sha).exists()  # the photo is gone from the server too
    for cached in (server.data_dir / "snapshots").glob("*.sqlite.?z"):  # cached snapshots held the old rows
        assert PHONE.encode() not in _unpacked(cached)
    stored = server_facility(server, fid)
    assert stored["phone"] is None and stored["tax_code"] is None and stored["representative"] is None

    staff.sync()
    assert facility(staff, fid)["phone"] is None
    assert staff.one("SELECT count(*) FROM personal_data_erasure") == 1
    assert staff.one("SELECT deleted_at FROM attachment") is not None and not staff_photo.exists()
    assert staff.one("SELECT count(*) FROM sync_conflict") >= 1  # scrubbed too, not dropped
    staff.close()
    leader.close()
    on_disk = _file_bytes(staff.path)
    for value in (PHONE, *OTHER_PHONES, ID, NAME, "0905 123 456"):
        assert value.encode() not in on_disk, value
    if sqlfile.is_plain_file(staff.path):
        assert "Hộ kinh doanh (đã xóa)".encode() in on_disk  # the record itself is still there
    else:  # encrypted (KCDESK_TEST_ENCRYPT=1): no text in clear at all; the record is read with the key
        conn = raw_connect(staff.path)
        assert "Hộ kinh doanh (đã xóa)" in conn.execute("SELECT name FROM facility WHERE id = ?", (fid,)).fetchone()[0]
        conn.close()
    assert PHONE.encode() not in _file_bytes(leader.path)


def test_the_leader_sees_the_accesses_made_on_other_laptops(server, device_factory):
    leader = device_factory("leader").enrol(server, role="centre_leader")
    staff = device_factory("staff").enrol(server, role="centre_staff")
    fid = add_facility(staff, representative=NAME)
    staff.write(lambda s: access_trail.record_access(s, "print", "facility", fid))
    assert staff.sync().rejected == 0
    leader.sync()
    with leader.store.read() as s:
        trail = access_trail.access_trail(s)
    assert [(r["action"], r["row_id"]) for r in trail] == [("print", fid)]
    assert trail[0]["user_name"] and trail[0]["device_id"] != leader.one(
        "SELECT value FROM app_meta WHERE key = 'device_id'"
    )


def test_the_server_judges_the_notice_and_erasure_records(server):
    device = RawDevice(server, role="centre_staff")
    future = (date.today() + timedelta(days=3)).isoformat()
    _, told = device.insert("facility", facility_values(informed_on=future, informed_by="Lê Cán"))
    assert told["status"] == "rejected" and told["params"]["field"] == "informed_on"
    _, nobody = device.insert("facility", facility_values(informed_on="2026-12-01"))
    assert nobody["status"] == "rejected" and nobody["params"]["field"] == "informed_by"
    fid, ok = device.insert("facility", facility_values(representative=NAME, phone=PHONE))
    assert ok["status"] == "applied"
    claim = {
        "province_code": "48",
        "ward_code": "20194",
        "erased_at": "2026-12-05T08:00:00.000Z",
        "reason": "thử",
        "targets": json.dumps([{"table": "facility", "row_id": fid, "fields": {"phone": None}}]),
    }
    _, early = device.insert("personal_data_erasure", claim)  # the phone is still there
    assert early["status"] == "rejected" and "không thấy dữ liệu đã được xóa" in early["message"]
    money = {**claim, "targets": json.dumps([{"table": "proposal", "row_id": new_id(), "fields": {"status": "x"}}])}
    assert device.insert("personal_data_erasure", money)[1]["status"] == "rejected"
    assert device.one("facility", fid, values={"phone": None}, base_version=1)["status"] == "applied"
    assert device.insert("personal_data_erasure", claim)[1]["status"] == "applied"
    collaborator = RawDevice(server, role="collaborator", communes=["20194"])
    _, refused = collaborator.insert("personal_data_erasure", claim)
    assert refused["status"] == "rejected"


def test_the_access_trail_is_written_once_and_collaborators_add_their_own(server):
    collaborator = RawDevice(server, role="collaborator", communes=["20194"])
    entry = {
        "province_code": "48",
        "at": "2026-12-05T08:00:00.000Z",
        "action": "export",
        "table_name": "facility",
        "row_id": "*",
    }
    assert collaborator.insert("personal_data_access", entry)[1]["status"] == "applied"  # the whole register
    assert collaborator.insert("personal_data_access", {**entry, "action": "peek"})[1]["status"] == "rejected"
    assert not any(c["table"] == "personal_data_access" for c in collaborator.pull_all("48"))  # not theirs to read
    staff = RawDevice(server, role="centre_staff")
    aid = staff.insert("personal_data_access", entry)[0]
    edited = staff.one("personal_data_access", aid, values={"action": "open"}, base_version=1)
    assert edited["status"] == "rejected" and "không sửa được" in edited["message"]


def _unpacked(path: Path) -> bytes:
    """A cached snapshot's bytes: the rows (gzip) or the laptop's layout (xz)."""
    return lzma.decompress(path.read_bytes()) if path.suffix == ".xz" else gzip.decompress(path.read_bytes())
