"""Users belong to the server: enrolment binds a laptop to a person the administrator
named; the laptop adopts that user, its `kcdesk init` placeholder never leaves it, and
user rows flow server -> devices only."""

from __future__ import annotations

import httpx
import pytest
from helpers import WARD_A, add_facility, edit, server_count
from sqlalchemy import text

from kcdesk.ids import new_id
from kcdesk.server.users import UserRefused
from kcdesk.services.setup import initialize


def _init(device, username: str = "canbo") -> str:
    """What `kcdesk init` does: a placeholder user, whose creation waits in the outbox."""
    return device.store.write(lambda s: initialize(s, province_code="48", username=username)).user_id


def _add_survey(device, surveyor_id: str) -> str:
    row_id = new_id()
    device.execute(
        "INSERT INTO survey (id, surveyor_id, survey_date, province_code, ward_code) "
        "VALUES (:id, :u, '2026-03-02', '48', :w)",
        id=row_id,
        u=surveyor_id,
        w=WARD_A,
    )
    return row_id


def _current_user(device) -> str:
    return device.one("SELECT value FROM app_meta WHERE key = 'current_user_id'")


def test_enrolment_adopts_the_servers_user_and_the_placeholder_never_leaves(server, device_factory):
    a, b = device_factory("a"), device_factory("b")
    placeholder_a, placeholder_b = _init(a), _init(b)  # both made a "canbo" before meeting the server
    survey = _add_survey(a, placeholder_a)  # work done before enrolment names the placeholder
    assert a.pending() == 2

    a.enrol(server, username="lan", full_name="Nguyễn Thị Lan")
    b.enrol(server, username="hung", full_name="Trần Văn Hùng")
    lan, hung = _current_user(a), _current_user(b)
    assert placeholder_a not in (lan, hung) and placeholder_b not in (lan, hung)
    assert a.store.user_id == lan and b.store.user_id == hung
    assert a.one("SELECT count(*) FROM app_user WHERE id = :id", id=placeholder_a) == 0
    assert a.rows("SELECT table_name FROM sync_outbox") == [("survey",)]  # the placeholder's creation is gone
    assert a.one("SELECT surveyor_id FROM survey WHERE id = :id", id=survey) == lan

    a.sync()
    b.sync()
    a.sync()
    assert a.pending() == b.pending() == 0
    with server.admin().engine.connect() as conn:
        users = dict(conn.execute(text("SELECT username, id FROM app_user")).all())
        surveyor = conn.execute(text("SELECT surveyor_id FROM survey WHERE id = :id"), {"id": survey}).scalar_one()
    assert users == {"lan": lan, "hung": hung}  # no "canbo" from either laptop
    assert surveyor == lan
    for device in (a, b):
        assert dict(device.rows("SELECT username, id FROM app_user")) == users
        assert device.rows("SELECT table_name, row_id, state FROM sync_record_state") == []  # nothing parked
        assert device.service.dead_letters() == []
    assert b.one("SELECT surveyor_id FROM survey WHERE id = :id", id=survey) == lan
    assert a.one("PRAGMA foreign_key_check") is None


def test_a_laptop_never_pushes_users_and_the_sequence_stays_whole(server, device_factory):
    a, b = device_factory("a"), device_factory("b")
    _init(a)
    a.enrol(server, username="lan", full_name="Nguyễn Thị Lan")
    b.enrol(server, username="hung", full_name="Trần Văn Hùng")
    lan = _current_user(a)
    before = add_facility(a, name="Trước")
    edit(a, "app_user", lan, phone="0905 123 456")  # someone edits a user on the laptop
    rogue = new_id()
    a.execute(
        "INSERT INTO app_user (id, username, full_name, role) VALUES (:id, 'tu-tao', 'Tự tạo', 'admin')", id=rogue
    )
    after = add_facility(a, name="Sau")
    a.sync()
    b.sync()
    assert a.pending() == 0
    assert server_count(server, "facility") == 2  # the changes on either side of the withdrawn ones went through
    assert b.one("SELECT count(*) FROM facility WHERE id IN (:x, :y)", x=before, y=after) == 2
    assert server_count(server, "app_user", "phone IS NOT NULL OR username = 'tu-tao'") == 0
    dead = a.service.dead_letters()
    assert sorted(d.row_id for d in dead) == sorted([lan, rogue]) and {d.code for d in dead} == {"server_owned"}
    assert all("máy chủ quản lý" in d.reason for d in dead)  # what was typed stays visible, with the reason
    edit(a, "facility", after, phone="0236 3822 123")  # later changes still flow
    a.sync()
    assert server_count(server, "facility", "phone = '0236 3822 123'") == 1

    # Even a client that sends a user anyway gets a reasoned refusal, never a write.
    from kcdesk.sync.client import SyncClient

    transport = SyncClient(b.store).transport()
    try:
        token = transport._token()
    finally:
        transport.close()
    seq = (
        int(
            server.admin()
            .engine.connect()
            .execute(text("SELECT last_seq FROM server_device WHERE id = :d"), {"d": b.store.device_id})
            .scalar_one()
        )
        + 1
    )
    body = {
        "mutations": [
            {
                "seq": seq,
                "mutation_id": new_id().replace("-", ""),
                "table": "app_user",
                "row_id": new_id(),
                "op": "insert",
                "base_version": 0,
                "values": {"username": "x", "full_name": "X", "role": "admin"},
            }
        ]
    }
    answer = httpx.post(f"{server.url}/sync/v1/push", json=body, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 200
    [outcome] = answer.json()["outcomes"]
    assert (outcome["status"], outcome["code"]) == ("rejected", "server_owned")


def test_one_person_on_two_laptops_is_one_user_with_one_role(server, device_factory):
    a, b = device_factory("a"), device_factory("b")
    a.enrol(server, username="lan", full_name="Nguyễn Thị Lan")
    b.enrol(server, username="lan")  # her second laptop: the name is already known
    assert _current_user(a) == _current_user(b)
    with pytest.raises(UserRefused):
        server.admin().make_code("centre_leader", "48", [], "lan")  # one person, one role
    with pytest.raises(UserRefused):
        server.admin().make_code("centre_staff", "48", [], "moi")  # a new person needs a full name
    assert server_count(server, "app_user") == 1
