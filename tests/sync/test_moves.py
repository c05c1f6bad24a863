"""Moving a record to another province (a facility re-registered elsewhere): only the
administrator of the province it leaves, or the ministry, may; the record and its
children leave the old province's laptops and reach the new province's."""

from __future__ import annotations

from helpers import add_facility, add_year_stat, edit, facility, server_facility

HOA_VANG, BA_DINH = "20194", "00004"  # a commune of Đà Nẵng (48), one of Hà Nội (01)
LIEN_CHIEU = "20197"  # another commune of Đà Nẵng


def _stat_here(device, stat_id: str) -> bool:
    return device.one("SELECT count(*) FROM facility_year_stat WHERE id = :id", id=stat_id) == 1


def test_admin_and_ministry_move_a_record_between_provinces_others_cannot(server, device_factory):
    staff = device_factory("staff48").enrol(server)
    admin = device_factory("admin48").enrol(server, role="admin")
    hanoi = device_factory("staff01").enrol(server, province="01")
    ministry = device_factory("ministry").enrol(server, role="ministry", province=None)
    fid = add_facility(staff, name="Cơ sở chuyển ra Hà Nội", ward=HOA_VANG)
    stat = add_year_stat(staff, fid)
    for device in (staff, admin, hanoi, ministry):
        device.sync()
    assert facility(hanoi, fid) is None

    edit(staff, "facility", fid, province_code="01", ward_code=BA_DINH)  # staff may not hand it away
    staff.sync()
    [refused] = staff.service.dead_letters()
    assert refused.code == "move_not_allowed" and "mã 01" in refused.reason
    assert server_facility(server, fid)["kc_scope"] == "48"
    staff.service.discard_dead_letter(refused.seq)

    admin.sync()
    edit(admin, "facility", fid, province_code="01", ward_code=BA_DINH)
    report = admin.sync()
    assert report.applied == 1 and report.rejected == 0
    assert server_facility(server, fid)["kc_scope"] == "01"
    for device in (staff, admin, hanoi, ministry):
        device.sync()
    assert facility(hanoi, fid)["ward_code"] == BA_DINH and _stat_here(hanoi, stat)  # arrived with its child
    for device in (staff, admin):  # left Đà Nẵng's laptops, child first
        assert facility(device, fid) is None and not _stat_here(device, stat)

    edit(ministry, "facility", fid, province_code="48", ward_code=HOA_VANG)  # the ministry moves it back
    assert ministry.sync().applied == 1
    for device in (staff, hanoi):
        device.sync()
    assert facility(staff, fid)["province_code"] == "48" and _stat_here(staff, stat)
    assert facility(hanoi, fid) is None and not _stat_here(hanoi, stat)
    for device in (staff, admin, hanoi, ministry):
        assert device.pending() == 0


def test_a_child_that_left_while_the_laptop_was_away_goes_at_the_re_snapshot(server, device_factory):
    """A yearly figure re-attached to a facility in another commune, while a collaborator's
    laptop (which sees only its own commune) was offline past the compaction horizon: the
    re-snapshot drops it there, and keeps its parent."""
    from sqlalchemy import text

    staff = device_factory("staff48").enrol(server)
    ctv = device_factory("ctv").enrol(server, role="collaborator", communes=[HOA_VANG])
    here = add_facility(staff, name="Cơ sở Hòa Vang", ward=HOA_VANG)
    stat = add_year_stat(staff, here)
    there = add_facility(staff, name="Cơ sở Liên Chiểu", ward=LIEN_CHIEU)
    for device in (staff, ctv):
        device.sync()
    assert _stat_here(ctv, stat)

    edit(staff, "facility_year_stat", stat, facility_id=there)  # while the collaborator's laptop is away
    assert staff.sync().applied == 1
    with server.admin().engine.connect() as conn:
        top = conn.execute(text("SELECT last_cursor FROM server_scope_counter WHERE scope = '48'")).scalar_one()
    assert server.admin().compact(before_cursor={"48": top}) > 0

    report = ctv.sync()
    assert "48" in report.snapshots  # too old for the log: a fresh snapshot of its view
    assert not _stat_here(ctv, stat) and facility(ctv, here) is not None
    assert _stat_here(staff, stat)
