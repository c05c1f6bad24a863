"""Deletes, long absences, clocks, files, scopes, tokens and poison changes
(sync.md T10-T12, T14-T16, T20-T22)."""

from __future__ import annotations

import json
import os
import time

import httpx
import pytest
from helpers import (
    WARD_A,
    WARD_B,
    add_facility,
    add_year_stat,
    edit,
    facility,
    server_count,
    server_facility,
    soft_delete,
)
from sqlalchemy import text

from kcdesk.db.files import add_bytes, file_path, read_plain
from kcdesk.ids import new_id
from kcdesk.sync.errors import DeviceRevoked


def test_update_against_delete_keeps_the_edit_in_a_conflict_and_children_in_dead_letters(server, device_factory):  # T10
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    fid = add_facility(a)
    a.sync()
    b.sync()
    soft_delete(a, "facility", fid)
    edit(b, "facility", fid, phone="0905000111")
    stat = add_year_stat(b, fid)
    a.sync()
    b.sync()
    a.sync()
    assert server_facility(server, fid)["deleted_at"] is not None  # the delete wins, no resurrection
    assert facility(b, fid)["deleted_at"] is not None
    [conflict] = b.service.conflicts()
    assert conflict.kind == "update_deleted" and conflict.fields[0].mine == "0905000111"
    [dead] = b.service.dead_letters()
    assert (dead.table, dead.row_id, dead.code) == ("facility_year_stat", stat, "parent_deleted")
    assert "đã bị xóa" in dead.reason
    assert b.one("SELECT count(*) FROM facility_year_stat WHERE id = :id", id=stat) == 1  # not silently lost


def test_offline_past_the_horizon_resnapshots_and_replays_the_outbox(server, device_factory):  # T11
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    ids = [add_facility(a, name=f"Cơ sở {i}") for i in range(5)]
    a.sync()
    b.sync()
    for i, fid in enumerate(ids):  # B works offline for a long time
        edit(b, "facility", fid, note=f"ghi chú {i}")
    extra = add_facility(b, name="Cơ sở do B thêm")
    for fid in ids:
        edit(a, "facility", fid, phone="0236 3822 123")
    soft_delete(a, "facility", ids[0])
    a.sync()
    with server.admin().engine.connect() as conn:
        top = conn.execute(text("SELECT last_cursor FROM server_scope_counter WHERE scope = '48'")).scalar_one()
    assert server.admin().compact(before_cursor={"48": top}) > 0
    report = b.sync()
    assert "48" in report.snapshots  # 410 reset_scope -> re-snapshot of that scope only
    assert b.pending() == 0
    for i, fid in enumerate(ids[1:], start=1):
        row = server_facility(server, fid)
        assert (row["note"], row["phone"]) == (f"ghi chú {i}", "0236 3822 123")
        assert facility(b, fid)["phone"] == "0236 3822 123"
    assert facility(b, ids[0])["deleted_at"] is not None  # deleted meanwhile: B's note is kept in a conflict
    assert [c.kind for c in b.service.conflicts()] == ["update_deleted"]
    assert server_facility(server, extra) is not None


def test_device_clocks_never_pick_the_winner(server, device_factory):  # T12
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    fid = add_facility(a)
    a.sync()
    b.sync()
    # B's clock runs a year ahead, A's three years behind: their timestamps say nothing.
    edit(b, "facility", fid, phone="0905000002", created_at="2027-11-27T00:00:00.000Z")
    edit(a, "facility", fid, phone="0905000001", created_at="2023-11-27T00:00:00.000Z")
    b.sync()
    a.sync()  # A arrives last, so A's phone stands despite its older clock
    b.sync()
    assert server_facility(server, fid)["phone"] == "0905000001" == facility(b, fid)["phone"]
    token = _token(a)
    skewed = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(time.time() + 365 * 86400))
    hello = httpx.post(
        f"{server.url}/sync/v1/hello", json={"client_time": skewed}, headers={"Authorization": f"Bearer {token}"}
    ).json()
    assert hello["clock_skew_seconds"] > 364 * 86400  # shown as a warning, nothing more


def _token(device):
    from kcdesk.sync.client import SyncClient

    transport = SyncClient(device.store).transport()
    try:
        return transport._token()
    finally:
        transport.close()


def _attach(device, owner_id, data: bytes | None = None, size: int | None = None) -> tuple[str, str]:
    if data is not None:
        sha, size = add_bytes(device.store.files_dir, data)
    else:
        sha = "0" * 64
    row_id = new_id()
    device.store.write(
        lambda s: s.execute(
            text(
                "INSERT INTO attachment (id, sha256, size, mime, filename, owner_table, owner_id) "
                "VALUES (:id, :sha, :size, 'application/pdf', 'bien-ban.pdf', 'facility', :o)"
            ),
            {"id": row_id, "sha": sha, "size": size, "o": owner_id},
        )
    )
    return row_id, sha


def test_large_file_on_a_bad_link_resumes_and_arrives_intact(server_factory, device_factory):  # T14
    from faultproxy import FaultProxy

    server = server_factory({"KCDESK_SERVER_CHUNK_BYTES": str(256 * 1024)})
    proxy = FaultProxy(server.port)
    try:
        a = device_factory("a").enrol(server, via=proxy)
        b = device_factory("b").enrol(server)
        fid = add_facility(a)
        data = os.urandom(3 * 1024 * 1024 + 123)
        _, sha = _attach(a, fid, data)
        proxy.state.reset_every = 700 * 1024  # the link drops every ~0.7 MB
        proxy.state.rate = 20 * 1024 * 1024
        report = a.sync()
        assert report.files_up == 1
        assert report.bytes_sent < 2 * len(data)  # resumed from the last chunk, never from zero
        assert server.admin().blobs.path(sha).read_bytes() == data
        b.sync()
        assert read_plain(file_path(b.store.files_dir, sha)) == data
    finally:
        proxy.close()


def test_corrupted_bytes_are_caught_and_only_that_part_is_resent(server_factory, device_factory):  # T15
    from faultproxy import FaultProxy

    server = server_factory({"KCDESK_SERVER_CHUNK_BYTES": str(64 * 1024)})
    proxy = FaultProxy(server.port)
    try:
        a = device_factory("a").enrol(server, via=proxy)
        b = device_factory("b").enrol(server, via=proxy)
        fid = add_facility(a, name="Làng nghề đúc đồng")
        data = os.urandom(300 * 1024)
        _, sha = _attach(a, fid, data)
        proxy.arm("flip_request", match=b"PUT /sync/v1/uploads", times=2)
        report = a.sync()
        assert server.admin().blobs.path(sha).read_bytes() == data
        assert report.bytes_sent < len(data) + 3 * 64 * 1024  # only the damaged chunk went twice
        b.sync()
        edit(a, "facility", fid, name="Làng nghề đúc đồng Phước Kiều")
        a.sync()
        proxy.arm("flip_response", match=b"GET /sync/v1/pull", times=2)
        b.sync()
        assert facility(b, fid)["name"] == "Làng nghề đúc đồng Phước Kiều"
        assert b.one("PRAGMA integrity_check") == "ok"
    finally:
        proxy.close()


def test_missing_or_oversized_files_never_block_the_queue(server_factory, device_factory):  # T16
    server = server_factory({"KCDESK_SERVER_MAX_FILE_BYTES": "10000"})
    a = device_factory("a").enrol(server)
    fid = add_facility(a)
    _missing_id, missing_sha = _attach(a, fid, b"will be lost" * 10)
    file_path(a.store.files_dir, missing_sha).unlink()
    _big_id, big_sha = _attach(a, fid, os.urandom(20000))
    _ok_id, ok_sha = _attach(a, fid, b"small scan")
    report = a.sync()
    assert report.files_up == 1 and a.pending() == 0
    assert server_count(server, "attachment") == 3  # every record synced
    states = dict(a.rows("SELECT sha256, state FROM sync_blob"))
    assert states == {missing_sha: "missing", big_sha: "too_large", ok_sha: "done"}


def test_scope_change_evicts_and_keeps_rows_with_pending_edits(server, device_factory):  # T20
    staff = device_factory("staff").enrol(server)
    ctv_a = device_factory("ctv-a").enrol(server, role="collaborator", communes=[WARD_A])
    ctv_b = device_factory("ctv-b").enrol(server, role="collaborator", communes=[WARD_B])
    moving = add_facility(staff, name="Cơ sở chuyển xã", ward=WARD_A)
    edited = add_facility(staff, name="Cơ sở đang sửa", ward=WARD_A)
    stat = add_year_stat(staff, moving)
    staff.sync()
    ctv_a.sync()
    ctv_b.sync()
    assert facility(ctv_a, moving) and facility(ctv_b, moving) is None
    edit(ctv_a, "facility", edited, phone="0905")  # offline edit, then the row moves away
    edit(staff, "facility", moving, ward_code=WARD_B)
    edit(staff, "facility", edited, ward_code=WARD_B)
    staff.sync()
    ctv_a.sync()
    ctv_b.sync()
    assert facility(ctv_a, moving) is None and ctv_a.one("SELECT count(*) FROM facility_year_stat") == 0  # EVICT
    assert facility(ctv_b, moving)["ward_code"] == WARD_B
    assert ctv_b.one("SELECT count(*) FROM facility_year_stat WHERE id = :id", id=stat) == 1
    assert facility(ctv_a, edited) is not None  # kept: its edit was refused and is in the dead letters
    assert ctv_a.service.record_badge("facility", edited) in ("out_of_scope", "error")
    # It left the collaborator's sight: refused as "not found", the answer that tells nothing about it.
    assert [d.code for d in ctv_a.service.dead_letters()] == ["not_found"]

    devices = server.admin()
    with devices.engine.begin() as conn:
        from kcdesk.server.auth import assign

        assign(conn, ctv_b.store.device_id, [WARD_A])  # the assignment moves: B loses WARD_B
    ctv_b.sync()
    assert facility(ctv_b, moving) is None


def test_expired_token_is_refreshed_and_a_revoked_device_keeps_its_outbox(server, device_factory):  # T21
    from kcdesk.server.auth import _sign
    from kcdesk.sync.client import SyncClient

    a = device_factory("a").enrol(server)
    add_facility(a)
    transport = SyncClient(a.store).transport()
    secret = server.admin()._secret  # the key in the server's data folder
    past = int(time.time()) - 10
    transport._access = f"{a.store.device_id}.{past}.{_sign(secret, a.store.device_id, past)}"
    transport._access_expires = time.time() + 3600  # the client believes its token is still good
    assert transport.call("POST", "/sync/v1/hello", json_body={}).status_code == 200
    transport.close()
    a.sync()

    add_facility(a, name="Chưa gửi")
    with server.admin().engine.begin() as conn:
        from kcdesk.server.auth import revoke

        assert revoke(conn, a.store.device_id)
    with pytest.raises(DeviceRevoked):
        a.sync()
    assert a.pending() == 1  # kept, can be exported
    assert a.service.status().revoked
    assert server_count(server, "facility") == 1


def test_poison_change_is_dead_lettered_dependants_blocked_and_the_rest_flows(server, device_factory):  # T22
    a = device_factory("a").enrol(server)
    good_before = add_facility(a, name="Trước")
    foreign = add_facility(a, name="Cơ sở tỉnh khác", province="01", ward="00004")
    child = add_year_stat(a, foreign)
    edit(a, "facility", foreign, phone="0123")
    good_after = add_facility(a, name="Sau")
    report = a.sync()
    assert report.rejected == 3 and a.pending() == 0
    assert server_facility(server, good_before) and server_facility(server, good_after)
    assert server_facility(server, foreign) is None
    dead = {}
    for d in a.service.dead_letters():
        dead.setdefault(d.row_id, d)
    assert dead[foreign].code == "out_of_scope" and "mã 01" in dead[foreign].reason
    assert dead[child].code == "blocked_by_parent" and dead[child].blocked_by == min(d.seq for d in dead.values())
    assert facility(a, foreign) is not None  # the person's data stays on the laptop
    status = a.service.status()
    assert status.dead_letters == 3 and status.pending == 0
    json.dumps([d.__dict__ for d in a.service.dead_letters()], ensure_ascii=False)


def test_a_first_pull_is_searchable_and_audited_like_typed_records(server, device_factory):
    """The first pull writes through the bulk path (no per-row triggers): the search index
    and the audit trail must come out as they do for records typed one by one."""
    from kcdesk.services.search import search

    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    fid = add_facility(a, name="Hợp tác xã gốm Thanh Hà")
    a.sync()
    b.sync()
    with b.store.read() as s:
        found = search(s, "thanh ha")
    assert fid in [hit.id for hit in found]
    assert (
        b.one(
            "SELECT count(*) FROM audit_entry WHERE table_name = 'facility' AND row_id = :id AND origin = 'sync'",
            id=fid,
        )
        == 1
    )
    assert b.pending() == 0  # pulled rows are never queued back
