"""A server out of database connections answers 503 "busy" with Retry-After (never a 500),
and the laptop's transport waits and sends again: nothing is lost, the sync completes.

Real PostgreSQL, a real server process with two pooled connections: the test holds a table
lock so that two requests keep both connections while they wait, and the next request
cannot get one within the pool's timeout.
"""

from __future__ import annotations

import threading
import time

import httpx
import psycopg
import pytest
from conftest import Database, Device, ServerProcess, _pg_available
from helpers import WARD_A, add_facility
from sqlalchemy import text

API = "/sync/v1"
TWO_CONNECTIONS = {
    "KCDESK_SERVER_DB_POOL_SIZE": "2",  # start-up holds two at once (the schema lock and the schema)
    "KCDESK_SERVER_DB_MAX_OVERFLOW": "0",
    "KCDESK_SERVER_DB_POOL_TIMEOUT": "1",
}


@pytest.fixture
def tight_server(tmp_path):
    if not _pg_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    db = Database("postgres", tmp_path)
    server = ServerProcess(db, tmp_path, TWO_CONNECTIONS).start()
    yield server, db
    server.close()
    db.drop()


def _enrol(url: str, code: str) -> httpx.Response:
    return httpx.post(f"{url}{API}/enrol", json={"code": code, "device_name": "busy"}, timeout=60)


def test_out_of_connections_is_503_busy_and_a_retry_gets_through(tight_server):
    server, db = tight_server
    codes = [server.code(province="48") for _ in range(3)]
    url = db.url.replace("postgresql+psycopg://", "postgresql://")
    holder = psycopg.connect(url)
    holder.execute("LOCK TABLE server_rate_window IN ACCESS EXCLUSIVE MODE")
    answers: dict[str, httpx.Response] = {}
    waiting = [
        threading.Thread(target=lambda c=code: answers.setdefault(c, _enrol(server.url, c))) for code in codes[:2]
    ]
    for each in waiting:
        each.start()
    time.sleep(0.5)  # two enrolments now hold both connections, blocked on the lock
    busy = _enrol(server.url, codes[2])
    assert busy.status_code == 503
    assert busy.headers["retry-after"] == "2"
    detail = busy.json()["detail"]
    assert detail["code"] == "server_busy" and "tự gửi lại" in detail["message"]
    holder.rollback()  # the burst passes
    holder.close()
    for each in waiting:
        each.join(timeout=60)
    assert [answers[c].status_code for c in codes[:2]] == [200, 200]
    again = _enrol(server.url, codes[2])  # the code was not spent by the refused attempt
    assert again.status_code == 200, again.text


def test_the_laptops_transport_waits_out_a_busy_server(tight_server, tmp_path, template_db):
    server, db = tight_server
    laptop = Device(tmp_path / "laptop.db", template_db).enrol(server, province="48")
    fid = add_facility(laptop, name="Cơ sở chờ máy chủ rảnh", province="48", ward=WARD_A)
    url = db.url.replace("postgresql+psycopg://", "postgresql://")
    holder = psycopg.connect(url)
    holder.execute("LOCK TABLE server_rate_window IN ACCESS EXCLUSIVE MODE")
    blockers = [threading.Thread(target=_enrol, args=(server.url, server.code(province="48"))) for _ in range(2)]
    for each in blockers:
        each.start()
    time.sleep(0.5)
    threading.Timer(3.0, lambda: (holder.rollback(), holder.close())).start()  # busy for ~3 s, then free
    laptop.sync()
    for each in blockers:
        each.join(timeout=60)
    assert laptop.pending() == 0
    with server.admin().engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM facility WHERE id = :i"), {"i": fid}).scalar() == (
            "Cơ sở chờ máy chủ rảnh"
        )
    laptop.close()
