"""Issue 11, case 2: a refusal never hands over, nor confirms, a row the device may not read.

Another province's record is answered exactly as a record that does not exist, before any
"changes nothing, applied" answer; a stored refusal replayed later carries no such row
either; a record the device may read still comes back with its refusal.
"""

from __future__ import annotations

from rawdevice import RawDevice, facility_values

from kcdesk.ids import new_id

HANOI_WARD = "00004"


def _answer(outcome: dict) -> dict:
    """What a refusal tells, apart from the sequence number it answers."""
    return {k: v for k, v in outcome.items() if k != "seq"}


def test_another_provinces_record_is_answered_as_one_that_does_not_exist(server):
    hanoi = RawDevice(server, province="01")
    secret = {"representative": "Nguyễn Thị Mật", "phone": "0912345678", "tax_code": "0101234567"}
    foreign = hanoi.insert("facility", facility_values("01", HANOI_WARD, **secret))[0]
    attacker = RawDevice(server)  # centre staff of Đà Nẵng

    for op in ("update", "delete", "restore"):
        guessed = attacker.one("facility", foreign, op, {"phone": "0900000000"}, base_version=1)
        nowhere = attacker.one("facility", new_id(), op, {"phone": "0900000000"}, base_version=1)
        assert guessed["code"] == "not_found" and "row" not in guessed
        assert _answer(guessed) == _answer(nowhere)

    # Guessing the stored phone (a change that changes nothing) is not "applied" either.
    right = attacker.one("facility", foreign, "update", {"phone": secret["phone"]}, base_version=1)
    wrong = attacker.one("facility", foreign, "update", {"phone": "0987654321"}, base_version=1)
    assert _answer(right) == _answer(wrong) and right["code"] == "not_found"
    assert "Nguyễn Thị Mật" not in str(attacker.sent) + str(right)

    # A child naming that record as its parent: as if the parent did not exist.
    child = attacker.insert("facility_year_stat", {"facility_id": foreign, "year": 2025})[1]
    orphan = attacker.insert("facility_year_stat", {"facility_id": new_id(), "year": 2025})[1]
    assert child["code"] == "parent_missing" and _answer(child) == _answer(orphan)

    # A new record given that id is refused without a word about the record.
    taken = attacker.insert("facility", facility_values(), row_id=foreign)[1]
    assert taken["code"] == "id_in_use" and "row" not in taken and "01" not in str(taken["params"])


def test_a_refusal_replayed_later_does_not_carry_the_row_as_it_is_now(server):
    hanoi = RawDevice(server, province="01")
    foreign = hanoi.insert("facility", facility_values("01", HANOI_WARD))[0]
    attacker = RawDevice(server)
    first = attacker.one("facility", foreign, values={"name": "Đổi tên"}, base_version=1)
    hanoi.one("facility", foreign, values={"representative": "Người mới", "phone": "0912000111"}, base_version=1)
    replayed = attacker.replay()
    assert replayed.status_code == 200
    [again] = replayed.json()["outcomes"]
    assert again == first and "row" not in again and "Người mới" not in replayed.text


def test_a_device_that_may_only_read_is_refused_before_the_no_change_answer(server):
    staff = RawDevice(server)
    fid = staff.insert("facility", facility_values(phone="0905111222"))[0]
    ministry = RawDevice(server, role="ministry", province=None)
    same = ministry.one("facility", fid, values={"phone": "0905111222"}, base_version=1)
    assert same["code"] == "read_only"
    assert same["row"]["phone"] == "0905111222"  # the ministry may read it: the row comes back


def test_a_refused_change_to_a_readable_record_still_brings_the_record_back(server):
    """What the device may read comes with its refusal (its only way to learn the record
    moved on while its change waited)."""
    admin = RawDevice(server, role="admin")
    pid = admin.proposal_at("settled")
    staff = RawDevice(server)
    refused = staff.one("proposal", pid, values={"title": "Sửa sau quyết toán"}, base_version=9)
    assert refused["code"] == "locked" and refused["row"]["status"] == "settled"
