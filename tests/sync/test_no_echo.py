"""No echo: a laptop never downloads its own acknowledged changes again (issue 14), while
every version it does not hold yet (another laptop's edit, the server's own change while
merging or checking) still arrives."""

from __future__ import annotations

import unicodedata
from typing import Any

from helpers import add_facility, edit, facility, server_count, server_facility, soft_delete
from sqlalchemy import text

from kcdesk.db.base import Base
from kcdesk.sync.wire import TableCodec

CODEC = TableCodec(Base.metadata.tables["facility"])


def same_as_server(device: Any, server: Any, row_id: str) -> None:
    """Every synced column of the laptop's copy, the server's stamps included."""
    local = facility(device, row_id)
    stored = server_facility(server, row_id)
    assert local is not None and stored is not None
    mine = {k: v for k, v in CODEC.local_to_wire(local).items() if k in CODEC.kinds}
    assert mine == CODEC.row_to_wire(stored), row_id


def device_id(device: Any) -> str:
    with device.store.read() as s:
        return str(s.execute(text("SELECT value FROM sync_kv WHERE key = 'device_id'")).scalar())


def test_a_push_is_not_pulled_back(server, device_factory):
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    a.sync()
    b.sync()
    ids = [add_facility(a, name=f"Cơ sở đan lát số {i}") for i in range(40)]
    for row_id in ids[:10]:
        edit(a, "facility", row_id, phone="0905123456")
    soft_delete(a, "facility", ids[10])
    report = a.sync()
    assert a.pending() == 0
    assert report.pulled == 0  # the echo: none of its own rows came back
    for row_id in ids:
        same_as_server(a, server, row_id)  # version, created_at and updated_at are the server's
    assert b.sync().pulled == 40  # another laptop gets them all
    for row_id in ids:
        same_as_server(b, server, row_id)
    # Edits on top of acknowledged rows do not echo either.
    edit(a, "facility", ids[0], phone="0905000000")
    assert a.sync().pulled == 0
    same_as_server(a, server, ids[0])


def test_a_later_change_by_another_laptop_still_arrives(server, device_factory):
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    fid = add_facility(a)
    a.sync()
    b.sync()
    edit(a, "facility", fid, phone="0905111111")
    a.sync()
    b.sync()
    edit(b, "facility", fid, street="Đường Lê Lợi")
    b.sync()
    assert a.sync().pulled == 1
    assert facility(a, fid)["street"] == "Đường Lê Lợi"
    same_as_server(a, server, fid)


def test_a_row_the_server_merged_or_changed_arrives(server, device_factory):
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    merged, normalised = add_facility(a), add_facility(a)
    a.sync()
    b.sync()
    # Both edit the same record offline: the server merges a's change into b's version.
    edit(b, "facility", merged, street="Đường Trần Phú")
    b.sync()
    edit(a, "facility", merged, phone="0905333333")
    # The server stores text in NFC: a laptop that wrote NFD by hand gets the stored form.
    edit(a, "facility", normalised, representative=unicodedata.normalize("NFD", "Nguyễn Văn Đức"))
    a.sync()
    for row_id in (merged, normalised):
        same_as_server(a, server, row_id)
    assert facility(a, merged)["street"] == "Đường Trần Phú"
    assert facility(a, normalised)["representative"] == "Nguyễn Văn Đức"
    # Neither of those versions is marked as a's own in the log: its pulls bring them.
    me = device_id(a)
    for row_id in (merged, normalised):
        latest = f"(SELECT max(cursor) FROM server_change_log WHERE row_id = '{row_id}')"
        assert server_count(server, "server_change_log", f"cursor = {latest} AND device IS NULL") == 1
        assert server_count(server, "server_change_log", f"row_id = '{row_id}' AND device = '{me}'") == 1  # the insert


def test_the_server_answers_with_the_echo_when_asked_without_acked(server, device_factory):
    """A laptop from before this change does not say what it has acknowledged: it still gets
    its rows back, as before."""
    a = device_factory("a").enrol(server)
    a.sync()
    fid = add_facility(a)
    a.sync()
    from kcdesk.sync.client import SyncClient
    from kcdesk.sync.protocol import API_PREFIX

    client = SyncClient(a.store)
    transport = client.transport()
    try:
        plain = transport.call("GET", f"{API_PREFIX}/pull", params={"scope": "48", "after": 0}).json()
        acked = transport.call("GET", f"{API_PREFIX}/pull", params={"scope": "48", "after": 0, "acked": 10**6}).json()
    finally:
        transport.close()
    assert fid in {c["row_id"] for c in plain["changes"]}
    assert fid not in {c["row_id"] for c in acked["changes"]}
