"""Case 9 of issue 11, the server's side: guessing is limited and written down, refresh
tokens rotate and expire, and odd credentials get a plain refusal, never a 500."""

from __future__ import annotations

import httpx
import pytest
from hostile import enrolled_tokens
from sqlalchemy import text

from kcdesk.sync.client import token_file
from kcdesk.sync.errors import AuthRejected
from kcdesk.sync.tokens import TokenStore

API = "/sync/v1"


def _token(server, device_id: str, refresh_token: str) -> httpx.Response:
    return httpx.post(f"{server.url}{API}/token", json={"device_id": device_id, "refresh_token": refresh_token})


def _failures(server) -> list[tuple]:
    with server.admin().engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(text("SELECT action, client, device_id, code FROM server_auth_failure ORDER BY id"))
        ]


def test_guessing_enrolment_codes_is_cut_off_and_written_down(server_factory):
    server = server_factory({"KCDESK_SERVER_AUTH_FAILURES": "5"})
    good = server.code(username="that-ra")  # made before the guessing starts
    for guess in range(5):
        answer = httpx.post(f"{server.url}{API}/enrol", json={"code": f"AAAAA-{guess:05d}"})
        assert (answer.status_code, answer.json()["detail"]["code"]) == (401, "bad_code")
    blocked = httpx.post(f"{server.url}{API}/enrol", json={"code": good})  # even the right code, for now
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    assert blocked.json()["detail"]["code"] == "rate_limited"
    assert _failures(server) == [("enrol", "127.0.0.1", None, "bad_code")] * 5
    with server.admin().engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM server_device")).scalar_one() == 0  # nobody got in


def test_guessing_refresh_tokens_is_cut_off_and_written_down(server_factory):
    server = server_factory({"KCDESK_SERVER_AUTH_FAILURES": "4"})
    device = enrolled_tokens(server)
    for guess in range(4):
        answer = _token(server, device["device_id"], f"doan-mo-{guess}")
        assert (answer.status_code, answer.json()["detail"]["code"]) == (401, "bad_token")
    assert _token(server, device["device_id"], device["refresh_token"]).status_code == 429
    assert _failures(server) == [("token", "127.0.0.1", device["device_id"], "bad_token")] * 4


def test_refresh_tokens_rotate_a_lost_answer_is_asked_again_and_a_spent_token_is_refused(server):
    device = enrolled_tokens(server)
    device_id, t1 = device["device_id"], device["refresh_token"]  # enrolment's token was spent on t1
    again = _token(server, device_id, t1).json()
    t2 = again["refresh_token"]
    assert t2 != t1 and again["refresh_expires_in"] > 0
    assert _token(server, device_id, t1).json()["refresh_token"] == t2  # the answer was lost: same t2
    t3 = _token(server, device_id, t2).json()["refresh_token"]  # t2 used: t1 is spent for good
    refused = _token(server, device_id, t1)
    assert (refused.status_code, refused.json()["detail"]["code"]) == (401, "bad_token")
    assert _token(server, device_id, t3).status_code == 200


def test_the_laptop_keeps_the_rotated_token_and_the_old_one_is_worthless(server, device_factory):
    laptop = device_factory("may-a").enrol(server)
    # Kept where the laptop keeps it: the OS keyring when one works (an encrypted run's file
    # keyring), else the file beside the database.
    stored = TokenStore(token_file(laptop.store))
    old = stored.load(server.url, laptop.store.device_id)
    laptop.sync()
    laptop.sync()
    kept = stored.load(server.url, laptop.store.device_id)
    assert old and kept and kept != old  # rotated, and kept on the laptop
    assert _token(server, laptop.store.device_id, old).status_code == 401
    laptop.sync()  # and the laptop goes on with the one it kept


def test_an_expired_refresh_token_asks_to_enrol_again_and_keeps_the_data(server, device_factory):
    from helpers import add_facility

    laptop = device_factory("may-a").enrol(server)
    add_facility(laptop)
    with server.admin().engine.begin() as conn:  # half a year without a sync
        conn.execute(text("UPDATE server_device SET token_expires_at = '2020-01-01T00:00:00.000Z'"))
    with pytest.raises(AuthRejected):
        laptop.sync()
    assert laptop.pending() == 1  # nothing lost
    status = laptop.service.status()
    assert status.last_error and "đăng ký lại" in status.last_error


ODD_TOKENS = [
    "x." + "9" * 5000 + "." + "a" * 40,  # an expiry of 5,000 digits
    "x.\xb2\xb3." + "a" * 40,  # "²³": digits to str.isdigit, not to int()
    "a.b",
    "....",
    "x" * 4000,
]
CLIENT_TIMES = {  # what a device may send as its clock -> whether a skew can be told
    "2026-11-27T10:00:00": False,  # no time zone
    "hôm qua": False,
    "2026-02-30T00:00Z": False,
    "9999-12-31T23:59:59-05:00": True,  # past datetime's range once in UTC
    "0001-01-01T00:00:00+14:00": True,
}


def test_odd_access_tokens_are_refused_plainly(server):
    for token in ODD_TOKENS:
        header = f"Bearer {token}".encode("latin-1")
        answer = httpx.post(f"{server.url}{API}/hello", json={}, headers={"Authorization": header})
        assert (answer.status_code, answer.json()["detail"]["code"]) == (401, "bad_token"), token[:20]


def test_hello_takes_any_client_time_and_reports_no_skew_it_cannot_know(server):
    device = enrolled_tokens(server)
    for client_time, known in CLIENT_TIMES.items():
        answer = httpx.post(
            f"{server.url}{API}/hello",
            json={"client_time": client_time},
            headers={"Authorization": f"Bearer {device['access_token']}"},
        )
        assert answer.status_code == 200, (client_time, answer.text)
        skew = answer.json()["clock_skew_seconds"]
        assert (skew is not None and abs(skew) > 1e9) if known else skew is None, client_time


def test_odd_token_requests_are_refused_plainly(server):
    for body in (
        {"device_id": "x" * 64, "refresh_token": "y" * 200},
        {"device_id": "", "refresh_token": ""},
        {"device_id": "'; DROP TABLE server_device; --", "refresh_token": "z"},
    ):
        answer = httpx.post(f"{server.url}{API}/token", json=body)
        assert answer.status_code == 401, (body, answer.text)
