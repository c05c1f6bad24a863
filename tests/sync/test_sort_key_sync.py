"""The local sort key through a real sync: never sent, accepted nowhere on the server, and
derived again by every device from the name it receives (snapshot, pull, after a rename)."""

from __future__ import annotations

from helpers import add_facility, edit, server_facility

from kcdesk.text import vi_sort_key


def _key(device, fid: str) -> str:  # type: ignore[no-untyped-def]
    return str(device.one("SELECT name_sort FROM facility WHERE id = :id", id=fid))


def test_each_device_derives_the_key_from_the_synced_name(server, device_factory) -> None:  # type: ignore[no-untyped-def]
    a = device_factory("a").enrol(server)
    first = add_facility(a, name="Đông Á")
    a.sync()
    b = device_factory("b").enrol(server)
    b.sync()  # a first sync: the snapshot
    second = add_facility(a, name="Ấn Tượng")
    edit(a, "facility", first, name="Ước Mơ")
    a.sync()
    b.sync()  # a pull: one insert, one rename
    assert "name_sort" not in server_facility(server, first)
    assert server_facility(server, first)["name"] == "Ước Mơ"
    assert _key(b, first) == vi_sort_key("Ước Mơ") == _key(a, first)
    assert _key(b, second) == vi_sort_key("Ấn Tượng")
    assert a.pending() == 0 and b.pending() == 0
