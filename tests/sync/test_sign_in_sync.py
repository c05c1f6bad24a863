"""Sign-in through a real sync (loopback server): a password hash never reaches the server,
whether the laptop sends it or not, and is not taken from a server either; the person's
password follows them when enrolment replaces the `kcdesk init` placeholder."""

from __future__ import annotations

from helpers import add_facility
from rawdevice import RawDevice, facility_values
from sqlalchemy import inspect, text

from kcdesk.services import sign_in as si
from kcdesk.services.setup import initialize
from kcdesk.sync.apply import RowApplier

PASSWORD = "lan-mat-khau-2026"


def _server_text(server) -> str:  # type: ignore[no-untyped-def]
    """Every row of every table of the server's database, as one text."""
    engine = server.admin().engine
    out = []
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            out.extend(str(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{table}"')))
    return "\n".join(out)


def test_the_hash_stays_on_the_laptop_and_follows_the_person_at_enrolment(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    a = device_factory("a")
    a.store.write(lambda s: initialize(s, province_code="48", user_full_name="Nguyễn Thị Lan", role="centre_leader"))
    a.store.reload_identity()
    si.set_first_password(a.store, PASSWORD)
    [[stored]] = a.rows("SELECT password_hash FROM app_user")

    a.enrol(server, role="centre_leader", username="lan", full_name="Nguyễn Thị Lan")
    lan = a.store.user_id
    assert a.store.signed_in_user_id == lan  # still signed in, now as the server's person
    assert a.one("SELECT password_hash FROM app_user WHERE id = :id", id=lan) == stored
    add_facility(a, name="Cơ sở mây tre Lan")
    a.sync()
    assert a.pending() == 0 and a.service.dead_letters() == []

    columns = {c["name"] for c in inspect(server.admin().engine).get_columns("app_user")}
    assert not columns & {"password_hash", "password_failures", "password_locked_until", "account_disabled_at"}
    everything = _server_text(server)
    assert "Cơ sở mây tre Lan" in everything  # the scan sees the synced data
    assert "argon2" not in everything and stored not in everything

    # a fresh run of the laptop signs in with the same password
    a.store.signed_in_user_id = None
    assert si.sign_in(a.store, "lan", PASSWORD).user.id == lan


def test_on_an_enrolled_laptop_accounts_are_given_to_the_servers_people(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from kcdesk.errors import ValidationError

    a, b = device_factory("a"), device_factory("b")
    a.enrol(server, role="centre_leader", username="lan", full_name="Nguyễn Thị Lan")
    b.enrol(server, username="hung", full_name="Trần Văn Hùng")
    a.sync()  # the province's people reach the laptop
    si.set_first_password(a.store, PASSWORD)
    with pytest.raises(ValidationError, match="do quản trị tạo trên máy chủ"):
        a.write(lambda s: si.add_account(s, "moi", "Người Mới", "centre_staff", "tam-thoi-123"))
    added = a.write(lambda s: si.add_account(s, "hung", "", "centre_staff", "tam-thoi-123"))
    assert added.full_name == "Trần Văn Hùng" and added.must_change_password
    assert a.pending() == 0  # a password is nothing to send
    a.sync()
    assert a.service.dead_letters() == [] and "argon2" not in _server_text(server)
    assert si.sign_in(a.store, "hung", "tam-thoi-123").must_change_password


def test_the_server_keeps_no_local_only_field_a_device_sends(server) -> None:  # type: ignore[no-untyped-def]
    raw = RawDevice(server)
    try:
        values = facility_values(password_hash="$argon2id$v=19$gia-mao", name_sort="gia mao", moi_hon="giu lai")
        _, outcome = raw.insert("facility", values)
        assert outcome["status"] == "applied", outcome
        assert outcome["params"]["kept_aside"] == ["moi_hon"]  # a newer laptop's field is kept, these are not
    finally:
        raw.close()
    assert "argon2" not in _server_text(server) and "gia mao" not in _server_text(server)


def test_a_laptop_takes_no_password_hash_from_a_server(device_factory) -> None:  # type: ignore[no-untyped-def]
    a = device_factory("a")
    a.store.write(lambda s: initialize(s, province_code="48", user_full_name="Nguyễn Thị Lan", role="centre_leader"))
    a.store.reload_identity()
    uid = a.store.user_id
    row = {
        "id": uid,
        "username": "canbo",
        "full_name": "Nguyễn Thị Lan",
        "role": "centre_leader",
        "row_version": 3,
        "password_hash": "$argon2id$v=19$tu-may-chu",
        "password_must_change": False,
    }
    a.store.write(
        lambda s: RowApplier(s, {}).upsert("app_user", [row], pending=set()), origin="sync", applying_remote=True
    )
    assert a.one("SELECT password_hash FROM app_user WHERE id = :id", id=uid) is None
    assert a.one("SELECT count(*) FROM sync_kv WHERE key LIKE 'kept:app_user:%'") == 0
    assert not a.store.sign_in_required
