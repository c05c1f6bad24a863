"""Issue 11, cases 4 and 5: moves give no write the role does not have, and re-parenting
never takes a child out of (or puts one into) a signed or settled record.

A move between provinces is a change of the placement fields alone, by the ministry or by
the administrator of the province the row leaves; a child re-pointed at another parent is
a write on both parents, and both are checked for locks.
"""

from __future__ import annotations

from helpers import add_facility, facility, server_facility
from rawdevice import RawDevice, facility_values, proposal_values, steps_to

BA_DINH = "00004"  # a commune of Hà Nội (01)


def _row(server, table: str, row_id: str) -> dict:
    from sqlalchemy import text

    with server.admin().engine.connect() as conn:
        return dict(conn.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": row_id}).mappings().one())


# -- case 4 ------------------------------------------------------------------------------------


def test_the_ministry_cannot_rename_a_provinces_facility_by_moving_it_out_and_back(server, device_factory):
    staff = device_factory("staff").enrol(server)
    fid = add_facility(staff, name="Tên thật")
    staff.sync()
    ministry = RawDevice(server, role="ministry", province=None)
    out = ministry.one(
        "facility", fid, values={"province_code": "01", "ward_code": BA_DINH, "name": "Tên giả"}, base_version=1
    )
    assert out["code"] == "move_with_changes" and "name" in out["params"]["fields"]
    assert ministry.one("facility", fid, values={"name": "Tên giả"}, base_version=1)["code"] == "read_only"
    assert _row(server, "facility", fid)["kc_scope"] == "48"
    # A move alone is the ministry's to make, and the way back too: the content is untouched.
    assert (
        ministry.one("facility", fid, values={"province_code": "01", "ward_code": BA_DINH}, base_version=1)["status"]
        == "applied"
    )
    back = ministry.one(
        "facility", fid, values={"province_code": "48", "ward_code": "20194", "name": "Tên giả"}, base_version=2
    )
    assert back["code"] == "move_with_changes"
    assert (
        ministry.one("facility", fid, values={"province_code": "48", "ward_code": "20194"}, base_version=2)["status"]
        == "applied"
    )
    staff.sync()
    assert facility(staff, fid)["name"] == "Tên thật" and server_facility(server, fid)["name"] == "Tên thật"


def test_nothing_moves_between_a_province_and_the_national_rows(server):
    ministry = RawDevice(server, role="ministry", province=None)
    admin = RawDevice(server, role="admin")
    pid = admin.insert("proposal", proposal_values())[0]
    rule = "00000000-0000-4000-8000-00000000a001"
    ministry.insert(
        "support_rule",
        {
            "activity_code": "KC1",
            "level": "KCQG",
            "basis": "Điều 9 NĐ 45/2012",
            "valid_from": "2026-01-01",
            "unit": "facility",
            "description": "Mức hỗ trợ thử",
        },
        row_id=rule,
    )
    assert ministry.one("support_rule", rule, values={"province_code": "48"}, base_version=1)["code"] == (
        "move_national"
    )
    assert admin.one("proposal", pid, values={"province_code": None}, base_version=1)["status"] == "rejected"


def test_a_provinces_administrator_cannot_hang_records_on_another_provinces_proposal(server):
    hanoi_admin = RawDevice(server, role="admin", province="01")
    theirs = hanoi_admin.insert("proposal", proposal_values("01"))[0]
    hanoi_staff = RawDevice(server, province="01")
    admin = RawDevice(server, role="admin")
    ours = admin.insert("proposal", proposal_values())[0]
    line = admin.insert("budget_line", {"proposal_id": ours, "line_no": 1, "item": "Máy dệt", "kc_amount": 1000})[0]
    event = admin.insert(
        "proposal_status_event",
        {
            "proposal_id": ours,
            "action": "submit",
            "from_status": "draft",
            "to_status": "draft",
            "event_date": "2026-01-02",
        },
    )
    assert event[1]["code"] == "rule_broken"  # a step that was not taken is no history
    assert admin.one("proposal", ours, values={"status": "registered"}, base_version=1)["status"] == "applied"
    event_id, made = admin.insert(
        "proposal_status_event",
        {
            "proposal_id": ours,
            "action": "submit",
            "from_status": "draft",
            "to_status": "registered",
            "event_date": "2026-01-02",
        },
    )
    assert made["status"] == "applied"

    for table, row_id in (("budget_line", line), ("proposal_status_event", event_id)):
        moved = admin.one(table, row_id, values={"proposal_id": theirs}, base_version=1)
        assert moved["code"] == "parent_missing"  # their proposal is out of this device's sight
        assert _row(server, table, row_id)["proposal_id"] == ours
    seen = {c["row_id"] for c in hanoi_staff.pull_all("01")}
    assert line not in seen and event_id not in seen


# -- case 5 ------------------------------------------------------------------------------------


def test_a_member_of_a_signed_acceptance_cannot_be_taken_out(server):
    staff = RawDevice(server)
    admin = RawDevice(server, role="admin")
    pid = admin.proposal_at("in_progress")
    signed = staff.insert("acceptance", {"proposal_id": pid, "accepted_on": "2026-09-01", "conclusion": "dat"})[0]
    staff.one("acceptance", signed, values={"number": "1/BB"}, base_version=1)
    member = staff.insert("acceptance_member", {"acceptance_id": signed, "full_name": "Lê Văn Năm", "role": "chu_tri"})[
        0
    ]
    assert (
        staff.one("acceptance", signed, values={"signed_at": "2026-09-02T00:00:00.000Z"}, base_version=2)["status"]
        == "applied"
    )
    draft = staff.insert("acceptance", {"proposal_id": pid, "accepted_on": "2026-09-03"})[0]

    out = staff.one("acceptance_member", member, values={"acceptance_id": draft}, base_version=1)
    assert out["code"] == "locked"
    assert _row(server, "acceptance_member", member)["acceptance_id"] == signed
    into = staff.insert("acceptance_member", {"acceptance_id": draft, "full_name": "Trần Sáu", "role": "thu_ky"})[0]
    assert staff.one("acceptance_member", into, values={"acceptance_id": signed}, base_version=1)["code"] == "locked"


def test_a_signed_acceptance_keeps_its_files(server):
    staff = RawDevice(server)
    admin = RawDevice(server, role="admin")
    pid = admin.proposal_at("in_progress")
    signed = staff.insert("acceptance", {"proposal_id": pid, "accepted_on": "2026-09-01", "conclusion": "dat"})[0]
    staff.one("acceptance", signed, values={"number": "2/BB"}, base_version=1)
    staff.insert("acceptance_member", {"acceptance_id": signed, "full_name": "Lê Văn Năm", "role": "chu_tri"})
    scan = {
        "sha256": "a" * 64,
        "size": 10,
        "mime": "application/pdf",
        "filename": "bb.pdf",
        "owner_table": "acceptance",
    }
    kept, first = staff.insert("attachment", scan | {"owner_id": signed})
    assert first["status"] == "applied", first["params"]
    assert (
        staff.one("acceptance", signed, values={"signed_at": "2026-09-02T00:00:00.000Z"}, base_version=2)["status"]
        == "applied"
    )
    draft = staff.insert("acceptance", {"proposal_id": pid, "accepted_on": "2026-09-03"})[0]
    loose = staff.insert("attachment", scan | {"sha256": "b" * 64, "owner_id": draft})[0]

    assert staff.one("attachment", kept, values={"owner_id": draft}, base_version=1)["code"] == "locked"
    assert staff.one("attachment", kept, values={"caption": "khác"}, base_version=1)["code"] == "locked"
    assert staff.one("attachment", loose, values={"owner_id": signed}, base_version=1)["code"] == "locked"
    _id, added = staff.insert("attachment", scan | {"sha256": "c" * 64, "owner_id": signed})
    assert added["code"] == "locked"
    assert _row(server, "attachment", kept)["owner_id"] == signed
    assert _row(server, "attachment", loose)["owner_id"] == draft


def test_a_budget_line_of_a_settled_proposal_cannot_be_taken_out_and_edited(server):
    admin = RawDevice(server, role="admin")
    staff = RawDevice(server)
    settled = admin.insert("proposal", proposal_values())[0]
    line = admin.insert("budget_line", {"proposal_id": settled, "line_no": 1, "item": "Máy", "kc_amount": 500})[0]
    steps = steps_to("settled", "KCDP")
    outcomes = admin.push(
        *(admin.mutation("proposal", settled, values={"status": s}, base_version=1 + i) for i, s in enumerate(steps))
    )
    assert all(o["status"] == "applied" for o in outcomes)
    draft = staff.insert("proposal", proposal_values())[0]

    out = staff.one("budget_line", line, values={"proposal_id": draft}, base_version=1)
    assert out["code"] == "locked"
    assert staff.one("budget_line", line, values={"kc_amount": 900_000_000}, base_version=1)["code"] == "locked"
    assert staff.one("budget_line", line, "delete", base_version=1)["code"] == "locked"
    stored = _row(server, "budget_line", line)
    assert (stored["proposal_id"], stored["kc_amount"], stored["deleted_at"]) == (settled, 500, None)
    other = staff.insert("budget_line", {"proposal_id": draft, "line_no": 1, "item": "Khác", "kc_amount": 1})[0]
    assert staff.one("budget_line", other, values={"proposal_id": settled}, base_version=1)["code"] == "locked"


def test_staff_and_collaborators_move_nothing_between_provinces(server):
    staff = RawDevice(server)
    fid = staff.insert("facility", facility_values())[0]
    moved = staff.one("facility", fid, values={"province_code": "01", "ward_code": BA_DINH}, base_version=1)
    assert moved["code"] == "move_not_allowed"
    ctv = RawDevice(server, role="collaborator", communes=["20194"])
    away = ctv.one("facility", fid, values={"ward_code": "20197"}, base_version=1)
    assert away["code"] == "out_of_scope"
    assert _row(server, "facility", fid)["ward_code"] == "20194"
