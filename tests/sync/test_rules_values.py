"""Issue 11, case 1: one malformed value refuses that one change and never stops a province.

Instants are checked by range once in UTC and stored with four-digit years, creation times
are the server's, a value that does not fit is a reasoned refusal that a resent batch gets
again, and a stored row that does not read back (written before these checks) is
quarantined: pulls and snapshots go on without it and the administrator sees it listed.
"""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import WARD_A, add_facility, edit, facility, server_count
from rawdevice import RawDevice, facility_values
from sqlalchemy import text

from kcdesk.ids import new_id
from kcdesk.server.counters import append_changes


def _stored(server, table: str, row_id: str, column: str):
    """The value as the database holds it (raw SQL: no type decodes it on the way)."""
    with server.admin().engine.connect() as conn:
        return conn.execute(text(f"SELECT {column} FROM {table} WHERE id = :id"), {"id": row_id}).scalar_one()


def test_a_year_below_1000_never_stops_the_province(server, device_factory):
    """The issue's first row: a facility pushed with created_at in year 999 (and deleted in
    year 999). Every device of the province and the ministry keep pulling, and the row can
    still be edited."""
    attacker = RawDevice(server)
    staff = device_factory("staff").enrol(server)
    ministry = device_factory("ministry").enrol(server, role="ministry", province=None)
    fid, outcome = attacker.insert("facility", facility_values(created_at="0999-06-01T00:00:00Z"))
    assert outcome["status"] == "applied"
    assert not _stored(server, "facility", fid, "created_at").startswith("0999")  # the server's own time
    gone = attacker.insert("facility", facility_values(name="Cơ sở đã xóa"))[0]
    deleted = attacker.one("facility", gone, values={"deleted_at": "0999-06-01T00:00:00Z"}, base_version=1)
    assert deleted["status"] == "applied"
    assert _stored(server, "facility", gone, "deleted_at") == "0999-06-01T00:00:00.000Z"  # four digits

    for device in (staff, ministry):
        report = device.sync()
        assert report.rejected == 0
        assert facility(device, fid)["name"] == "Cơ sở thử"
        assert facility(device, gone)["deleted_at"] == "0999-06-01T00:00:00.000Z"
    edit(staff, "facility", fid, representative="Nguyễn Văn Ba")
    assert staff.sync().applied == 1
    assert attacker.pull_all("48")  # the attacker's own pulls work too


def test_values_out_of_range_are_refused_one_by_one_and_the_same_again_on_resend(server):
    device = RawDevice(server)
    fid = device.insert("facility", facility_values())[0]
    cases = [
        ("deleted_at", "9999-12-31T23:59:59-05:00"),  # year 10000 once in UTC
        ("deleted_at", "0001-01-01T00:30:00+01:00"),  # year 0 once in UTC
        ("deleted_at", "2026-11-27T08:30:00"),  # no time zone: never guessed
        ("deleted_at", "0000-01-01T00:00:00.000Z"),
        ("reg_date", "0000-12-31"),
        ("local_raw_material_pct", "1e999999999"),  # finite for Decimal, fatal for every sum
        ("local_raw_material_pct", "NaN"),
        ("labour_total", 2**63),
        ("latitude", 1e400),  # JSON's huge number: infinity
        ("name", "Cơ sở\x00"),
    ]
    mutations = [device.mutation("facility", fid, values={column: value}, base_version=1) for column, value in cases]
    good = device.mutation("facility", fid, values={"representative": "Trần Thị Bốn"}, base_version=1)
    response = device.send(*mutations, good)
    assert response.status_code == 200, response.text
    outcomes = response.json()["outcomes"]
    assert [o["status"] for o in outcomes] == ["rejected"] * len(cases) + ["applied"]
    for (column, _value), outcome in zip(cases, outcomes, strict=False):
        assert outcome["code"] == "invalid_value" and outcome["params"]["field"] == column
        assert outcome["message"].startswith("Giá trị không hợp lệ ở trường")
    again = device.replay()  # the same batch resent (a lost reply): the same answers, no 5xx
    assert again.status_code == 200
    assert [_without_row(o) for o in again.json()["outcomes"]] == [_without_row(o) for o in outcomes]
    later = device.one("facility", fid, values={"street": "12 Lê Duẩn"}, base_version=2)
    assert later["status"] == "applied"  # the sequence moved on: nothing is stuck


def _without_row(outcome: dict) -> dict:
    return {k: v for k, v in outcome.items() if k != "row"}  # a replay carries the row as it is now


def test_a_laptop_holding_an_impossible_instant_is_not_stuck(server, device_factory):
    """A laptop file edited by hand (or broken) holding a deletion time in year 10000: that
    change goes to the dead letters with its reason, the ones after it are applied."""
    a = device_factory("a").enrol(server)
    fid = add_facility(a)
    a.sync()
    edit(a, "facility", fid, deleted_at="9999-12-31T23:59:59-05:00")
    after = add_facility(a, name="Cơ sở sau")
    report = a.sync()
    assert (report.rejected, report.applied) == (1, 1) and a.pending() == 0
    [dead] = a.service.dead_letters()
    assert dead.code == "invalid_value" and "deleted_at" in dead.reason and "năm 1-9999" in dead.reason
    assert server_count(server, "facility", f"id = '{after}'") == 1
    assert a.sync().rejected == 0  # and nothing comes back on the next cycle


def _damage(server, created_at: str = "999-06-01T00:00:00.000Z") -> str:
    """A facility as the server stored year-999 instants before the fix, logged for pull."""
    row_id = new_id()
    with server.admin().engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO facility (id, row_version, created_at, updated_at, name, facility_type, province_code,"
                " ward_code, has_export_contract, in_supporting_industry_list, cleaner_production, typical_product,"
                " status, kc_scope, kc_ward) VALUES (:id, 1, :c, '2026-01-01T00:00:00.000Z', 'Cơ sở hỏng', 'hkd',"
                " '48', :w, false, false, false, false, 'active', '48', :w)"
            ),
            {"id": row_id, "c": created_at, "w": WARD_A},
        )
        append_changes(conn, [("48", WARD_A, "facility", row_id)], "2026-01-01T00:00:00.000Z")
    return row_id


def test_a_stored_row_that_does_not_read_back_is_quarantined_and_the_pull_goes_on(server, device_factory):
    staff = device_factory("staff").enrol(server)
    ministry = device_factory("ministry").enrol(server, role="ministry", province=None)
    good = add_facility(staff, name="Cơ sở lành")
    staff.sync()
    damaged = _damage(server)
    newer = add_facility(staff, name="Cơ sở thêm sau")
    staff.sync()

    late = device_factory("late").enrol(server)  # a first pull, from a snapshot
    for device in (staff, ministry, late):
        device.sync()
        assert facility(device, good) is not None and facility(device, newer) is not None
        assert facility(device, damaged) is None  # left out, and everything else arrived

    [entry] = server.admin().quarantined()
    assert (entry["table_name"], entry["row_id"], entry["column_name"], entry["scope"]) == (
        "facility",
        damaged,
        "created_at",
        "48",
    )
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "kcdesk.server.cli",
            "quarantine",
            "--db",
            server.db.url,
            "--data",
            str(server.data_dir),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert damaged in listed.stdout and "created_at" in listed.stdout

    writer = RawDevice(server)
    refused = writer.one("facility", damaged, values={"phone": "0905123456"}, base_version=1)
    assert refused["code"] == "quarantined" and "row" not in refused  # an answer, not a 500
    stranger = RawDevice(server, province="01")
    assert stranger.one("facility", damaged, values={"phone": "0905123456"}, base_version=1)["code"] == "not_found"

    with server.admin().engine.begin() as conn:  # the administrator repairs the value
        conn.execute(
            text("UPDATE facility SET created_at = '0999-06-01T00:00:00.000Z' WHERE id = :id"), {"id": damaged}
        )
    assert server.admin().quarantined() == []
    assert writer.one("facility", damaged, values={"phone": "0905123456"}, base_version=1)["status"] == "applied"
    staff.sync()
    assert facility(staff, damaged)["phone"] == "0905123456"


def test_quarantine_lists_nothing_when_every_row_reads_back(server):
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "kcdesk.server.cli",
            "quarantine",
            "--json",
            "--db",
            server.db.url,
            "--data",
            str(server.data_dir),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(listed.stdout) == []
