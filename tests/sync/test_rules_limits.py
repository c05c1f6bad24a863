"""Issue 11, case 7: what a device can make the server store is limited.

A gzip body inflates no further than a plain body may be long; a row, a batch and the
fields kept aside for a newer laptop are bounded, the last also per device over its
lifetime; each limit refuses the one change that passes it, with its reason.
"""

from __future__ import annotations

import gzip
import json

from rawdevice import RawDevice, facility_values
from sqlalchemy import text


def _scalar(server, sql: str, **params):
    with server.admin().engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def test_a_small_compressed_body_cannot_inflate_into_a_big_store(server):
    """The issue's request: 40 KiB on the wire, tens of megabytes of unknown fields inside."""
    device = RawDevice(server)
    mutation = device.mutation("facility", "01a00000-0000-7000-8000-000000000001", "insert", facility_values())
    mutation["values"].update({f"field_{i}": "x" * 1_000_000 for i in range(40)})
    body = json.dumps({"mutations": [mutation]}).encode()
    assert len(gzip.compress(body)) < 64 * 1024 < 40_000_000 < len(body)
    refused = device.post(body, compressed=True)
    assert refused.status_code == 400 and refused.json()["detail"]["code"] == "bad_body"
    assert _scalar(server, "SELECT count(*) FROM server_field_aside") == 0
    assert _scalar(server, "SELECT count(*) FROM facility") == 0


def test_fields_kept_aside_are_bounded_per_change_and_counted_against_the_device(server_factory):
    server = server_factory(env={"KCDESK_SERVER_MAX_DEVICE_ASIDE_BYTES": "100000"})
    device = RawDevice(server)
    too_big = device.insert("facility", facility_values(zalo_note="x" * 70_000))[1]
    assert too_big["code"] == "too_large" and too_big["params"]["limit"] == "64 KiB"
    odd_name = device.insert("facility", facility_values(**{"Tên trường": 1}))[1]
    assert odd_name["code"] == "invalid_value"
    many = device.insert("facility", facility_values(**{f"f{i}": 1 for i in range(51)}))[1]
    assert many["code"] == "invalid_value"

    outcomes = [device.insert("facility", facility_values(zalo_note="y" * 30_000))[1] for _ in range(4)]
    assert [o["status"] for o in outcomes] == ["applied", "applied", "applied", "rejected"]
    assert outcomes[0]["params"] == {"kept_aside": ["zalo_note"]} and outcomes[3]["code"] == "too_large"
    kept = _scalar(server, "SELECT sum(length(fields)) FROM server_field_aside")
    counted = _scalar(server, "SELECT aside_bytes FROM server_device WHERE id = :d", d=device.device_id)
    assert kept == counted and 90_000 < kept <= 100_000
    assert _scalar(server, "SELECT count(*) FROM facility") == 3  # the refused changes stored nothing
    other = RawDevice(server)  # the limit is this device's, not everyone's
    assert other.insert("facility", facility_values(zalo_note="z" * 30_000))[1]["status"] == "applied"


def test_a_row_cannot_grow_past_its_limit(server_factory):
    server = server_factory(env={"KCDESK_SERVER_MAX_ROW_BYTES": "200000"})
    device = RawDevice(server)
    fid, made = device.insert("facility", facility_values(note="n" * 150_000))
    assert made["status"] == "applied"
    grown = device.one("facility", fid, values={"main_products": "m" * 100_000}, base_version=1)
    assert grown["code"] == "too_large" and grown["params"]["limit"] == "195 KiB"
    assert _scalar(server, "SELECT length(main_products) FROM facility WHERE id = :i", i=fid) is None
    assert device.one("facility", fid, values={"main_products": "mây tre"}, base_version=1)["status"] == "applied"


def test_a_batch_cannot_copy_a_big_stored_value_into_conflicts_again_and_again(server_factory):
    """Each edit of a deleted record keeps the record's value beside the edit: a batch of
    tiny edits would copy a big value once per edit."""
    server = server_factory(env={"KCDESK_SERVER_MAX_BATCH_STORED_BYTES": "1000000"})
    owner = RawDevice(server)
    fid = owner.insert("facility", facility_values(note="n" * 300_000))[0]
    owner.one("facility", fid, "delete", base_version=1)
    attacker = RawDevice(server)
    outcomes = attacker.push(*(attacker.mutation("facility", fid, values={"note": f"{i}"}) for i in range(10)))
    assert [o["status"] for o in outcomes] == ["merged"] * 3 + ["rejected"] * 7
    assert {o["code"] for o in outcomes[3:]} == {"too_large"}
    assert _scalar(server, "SELECT count(*) FROM server_conflict WHERE row_id = :i", i=fid) == 3
