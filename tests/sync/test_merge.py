"""Field-level merge and conflicts between two devices (sync.md T8, T9, T19)."""

from __future__ import annotations

from helpers import add_facility, edit, facility, server_count


def test_different_fields_merge_and_replicas_converge(server, device_factory):  # T8
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    fid = add_facility(a)
    a.sync()
    b.sync()
    assert facility(b, fid)["name"] == facility(a, fid)["name"]

    edit(a, "facility", fid, phone="0905111222")
    edit(b, "facility", fid, street="12 Lê Duẩn")
    a.sync()
    report = b.sync()
    assert report.merged == 1 and report.conflicts == 0
    a.sync()
    for device in (a, b):
        row = facility(device, fid)
        assert (row["phone"], row["street"]) == ("0905111222", "12 Lê Duẩn")
        assert device.pending() == 0
    assert a.service.conflicts() == [] and b.service.conflicts() == []


def test_same_field_conflict_is_visible_on_both_and_resolution_converges(server, device_factory):  # T9
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    fid = add_facility(a, name="Xưởng gốm")
    a.sync()
    b.sync()
    edit(a, "facility", fid, representative="Nguyễn Văn An")
    edit(b, "facility", fid, representative="Trần Thị Bình")
    a.sync()
    b.sync()  # the later arrival wins on the server; A's value is kept in the conflict
    a.sync()
    assert facility(a, fid)["representative"] == facility(b, fid)["representative"] == "Trần Thị Bình"
    [ca] = a.service.conflicts()
    [cb] = b.service.conflicts()
    assert ca.id == cb.id
    [field_a] = ca.fields
    assert (field_a.name, field_a.mine, field_a.theirs, field_a.base) == (
        "representative",
        "Nguyễn Văn An",
        "Trần Thị Bình",
        None,
    )
    [field_b] = cb.fields
    assert (field_b.mine, field_b.theirs) == ("Trần Thị Bình", "Nguyễn Văn An")

    a.service.resolve(ca.id, "mine")  # A keeps its own value: an ordinary edit that syncs
    a.sync()
    b.sync()
    assert facility(a, fid)["representative"] == facility(b, fid)["representative"] == "Nguyễn Văn An"
    assert a.service.conflicts() == [] and b.service.conflicts() == []


def test_same_field_conflict_in_the_other_order_is_deterministic(server, device_factory):  # T9, both orders
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    fid = add_facility(a)
    a.sync()
    b.sync()
    edit(a, "facility", fid, phone="0905111111")
    edit(b, "facility", fid, phone="0905222222")
    b.sync()
    a.sync()
    b.sync()
    assert facility(a, fid)["phone"] == facility(b, fid)["phone"] == "0905111111"
    assert len(a.service.conflicts()) == len(b.service.conflicts()) == 1


def test_no_echo_and_the_change_log_stays_still(server, device_factory):  # T19
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    add_facility(a)
    a.sync()
    b.sync()
    before = server_count(server, "server_change_log")
    for _ in range(25):
        a.sync()
        b.sync()
    assert a.pending() == b.pending() == 0
    assert server_count(server, "server_change_log") == before
