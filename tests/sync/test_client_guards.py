"""Issue 11, the laptop's side: one sync per database across processes, `sync status` in
the user's language, plain HTTP only when accepted, and a newer server's columns kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from conftest import Database, ServerProcess
from faultproxy import FaultProxy
from helpers import add_facility, edit, facility
from sqlalchemy import text

from kcdesk.server.counters import append_changes
from kcdesk.sync import kept_fields
from kcdesk.sync.errors import InsecureServer, Offline
from kcdesk.sync.process_lock import held_by, sync_lock
from tests.child_env import child_env

NEW_COLUMN = "zalo_phone"  # what tests/sync/newer_server.py adds (not imported: it changes the tables it loads in)


def kcdesk(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kcdesk.cli.main", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def run(*args: str) -> subprocess.CompletedProcess[str]:
    proc = kcdesk(*args)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_two_syncs_of_one_database_never_run_together(server, device_factory):
    """A scheduled `kcdesk sync` while another one (or the window) is mid-cycle: the second
    is told plainly who is syncing and stops; nothing breaks, and the next one works."""
    proxy = FaultProxy(server.port)
    try:
        laptop = device_factory("may-a").enrol(server, via=proxy)
        add_facility(laptop)
        db = str(laptop.path)
        proxy.state.latency = 0.25  # a slow rural link: a cycle takes seconds
        first = kcdesk("--db", db, "sync")
        lock = sync_lock(laptop.path, "command").path
        waited = threading.Event()
        while held_by(lock) is None and first.poll() is None:
            waited.wait(0.02)  # until the first one holds the database's sync
        second = run("--db", db, "sync")
        _out, err = first.communicate(timeout=120)
        assert first.returncode == 0, err
        assert second.returncode == 4 and "Traceback" not in second.stderr
        assert "đang được đồng bộ ở nơi khác (lệnh kcdesk sync, tiến trình" in second.stderr
        proxy.state.latency = 0
        assert run("--db", db, "sync").returncode == 0  # free again
        status = json.loads(run("--db", db, "sync", "status", "--json").stdout)
        assert status["pending"] == 0 and status["last_error"] is None and status["running"] is False
    finally:
        proxy.close()


def test_the_window_and_the_command_line_share_one_lock(server, device_factory):
    laptop = device_factory("may-a").enrol(server)
    window = sync_lock(laptop.path, "window")  # the window, mid-cycle
    assert window.acquire()
    try:
        refused = run("--db", str(laptop.path), "sync")
        assert refused.returncode == 4 and f"cửa sổ kcdesk, tiến trình {os.getpid()}" in refused.stderr
        text_status = run("--db", str(laptop.path), "sync", "status").stdout
        assert "Đang đồng bộ." in text_status
    finally:
        window.release()
    assert run("--db", str(laptop.path), "sync").returncode == 0


def test_sync_status_reads_as_sentences_and_json_stays_for_scripts(server, device_factory):
    laptop = device_factory("may-a").enrol(server)
    add_facility(laptop)
    laptop.sync()
    add_facility(laptop, name="Cơ sở chưa gửi")
    db = str(laptop.path)
    said = run("--db", db, "sync", "status").stdout
    assert f"Máy chủ: {server.url} (thiết bị {laptop.store.device_id})" in said
    assert "Thay đổi chờ gửi: 1 (cũ nhất từ " in said
    assert "Lần đồng bộ thành công gần nhất: " in said and "chưa có" not in said.split("gần nhất: ")[1][:8]
    assert "Lỗi gần nhất: không có" in said
    for raw in ("True", "False", "None", "last_success", "enrolled:"):
        assert raw not in said  # no Python values, no internal keys
    english = run("--db", db, "--lang", "en", "sync", "status").stdout
    assert "Changes waiting to be sent: 1" in english and "Last error: none" in english
    data = json.loads(run("--db", db, "sync", "status", "--json").stdout)
    assert data["pending"] == 1 and data["enrolled"] is True and data["last_success"]


def test_plain_http_to_another_machine_needs_consent(device_factory, tmp_path):
    laptop = device_factory("may-a")
    with pytest.raises(InsecureServer):
        laptop.service.enrol("http://kc.example.vn:8765", "ABCDE-FGHJK")
    assert laptop.service.status().enrolled is False  # nothing written
    with pytest.raises(Offline):  # accepted: it goes on and finds no server there
        laptop.service.enrol("http://kc.example.invalid:8765", "ABCDE-FGHJK", insecure_http=True)
    db = str(laptop.path)
    refused = run("--db", db, "enroll", "--server", "http://192.0.2.10:8765", "--code", "ABCDE-FGHJK")
    assert refused.returncode == 4 and "--insecure-http" in refused.stderr and "https://" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_stored_plain_http_address_is_refused_at_sync_without_consent(server, device_factory):
    laptop = device_factory("may-a").enrol(server)
    laptop.execute("UPDATE sync_kv SET value = 'http://kc.example.vn:8765' WHERE key = 'server_url'")
    with pytest.raises(InsecureServer):
        laptop.sync()
    assert "https://" in laptop.service.status().last_error


@pytest.fixture
def newer_server(backend, tmp_path):
    """A server one version ahead: facility has a column this kcdesk does not know."""
    folder = tmp_path / "newer"
    folder.mkdir()
    db = Database(backend, folder)
    launcher = [os.path.join(os.path.dirname(__file__), "newer_server.py")]
    server = ServerProcess(db, folder, launcher=launcher).start()
    yield server
    server.close()
    db.drop()


def _set_on_server(server, row_id: str, value: str) -> None:
    """What a newer laptop's edit does on the newer server: the new column changes, logged."""
    with server.admin().engine.execution_options(write=True).begin() as conn:
        ward = conn.execute(text("SELECT kc_ward FROM facility WHERE id = :id"), {"id": row_id}).scalar_one()
        conn.execute(
            text(f"UPDATE facility SET {NEW_COLUMN} = :v, row_version = row_version + 1 WHERE id = :id"),
            {"v": value, "id": row_id},
        )
        append_changes(conn, [("48", ward, "facility", row_id)], "2026-11-27T10:00:00.000Z")


def test_a_newer_servers_column_is_kept_on_an_older_laptop_and_taken_in_after_its_update(newer_server, device_factory):
    older = device_factory("may-cu").enrol(newer_server)
    fid = add_facility(older)
    older.sync()
    _set_on_server(newer_server, fid, "0905 111 222")
    older.sync()  # the row comes with a column this laptop lacks
    with older.store.read() as s:
        assert kept_fields.kept(s, "facility", fid) == {NEW_COLUMN: "0905 111 222"}
    edit(older, "facility", fid, phone="0236 3 888 999")
    older.sync()  # its own edit leaves the newer column alone on the server
    with newer_server.admin().engine.connect() as conn:
        on_server = conn.execute(text(f"SELECT phone, {NEW_COLUMN} FROM facility WHERE id = :id"), {"id": fid}).one()
    assert tuple(on_server) == ("0236 3 888 999", "0905 111 222")

    fresh = device_factory("may-moi-cu").enrol(newer_server)
    fresh.sync()  # a first pull (a snapshot) keeps it too
    with fresh.store.read() as s:
        assert kept_fields.kept(s, "facility", fid) == {NEW_COLUMN: "0905 111 222"}

    older.execute(f"ALTER TABLE facility ADD COLUMN {NEW_COLUMN} VARCHAR(20)")  # what its update's migration does
    older.sync()
    assert facility(older, fid)[NEW_COLUMN] == "0905 111 222"  # taken in, not lost
    assert older.pending() == 0  # as the server's data: nothing to send back
    with older.store.read() as s:
        assert kept_fields.kept(s, "facility", fid) == {}
