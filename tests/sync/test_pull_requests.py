"""A scope with nothing new since a laptop's last page costs no request: the hello names each
scope's last cursor (ScopeInfo.head), and the laptop asks for pages only where it is behind.
What is new still arrives, and a laptop's own acknowledged change moves it up to date."""

from __future__ import annotations

import hashlib
import time
from typing import Any

import pytest
from helpers import add_facility, edit, facility, server_count

from kcdesk.sync import client, state
from kcdesk.sync.errors import ProtocolError
from kcdesk.sync.page import Position
from kcdesk.sync.transport import Transport


@pytest.fixture
def pulls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The scope of every pull request any laptop of the test makes, in order."""
    asked: list[str] = []
    real = Transport.call

    def call(self: Transport, method: str, path: str, **kwargs: Any) -> Any:
        if path.endswith("/pull"):
            asked.append(kwargs["params"]["scope"])
        return real(self, method, path, **kwargs)

    monkeypatch.setattr(Transport, "call", call)
    return asked


def test_only_the_scopes_with_something_new_are_asked_for(server, device_factory, pulls):
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    a.sync()
    b.sync()
    pulls.clear()
    assert b.sync().pulled == 0
    assert pulls == []  # up to date everywhere: not one page asked for

    fid = add_facility(a)
    a.sync()  # a cycle that pushed asks every scope (its changes moved a log), as before
    assert sorted(pulls) == ["00", "48"]
    pulls.clear()
    assert a.sync().pulled == 0
    assert pulls == []

    report = b.sync()
    assert report.pulled == 1 and facility(b, fid) is not None
    assert pulls == ["48"]  # the national scope ("00") has nothing new for b
    pulls.clear()

    edit(b, "facility", fid, phone="0905123456")
    b.sync()
    pulls.clear()
    assert a.sync().pulled == 1
    assert facility(a, fid)["phone"] == "0905123456"
    assert pulls == ["48"]


def test_a_laptop_behind_an_older_server_still_pulls_every_scope(server, device_factory, pulls, monkeypatch):
    """Without `head` (a server from before it), every scope is asked for, as before."""
    from kcdesk.sync import protocol

    real = protocol.HelloResponse.model_validate_json

    def without_heads(data: Any, *args: Any, **kwargs: Any) -> Any:
        hello = real(data, *args, **kwargs)
        for scope in hello.scopes:
            scope.head = None
        return hello

    a = device_factory("a").enrol(server)
    a.sync()
    monkeypatch.setattr(protocol.HelloResponse, "model_validate_json", without_heads)
    pulls.clear()
    assert a.sync().pulled == 0
    assert sorted(pulls) == ["00", "48"]


def facilities_in(device: Any) -> int:
    return int(device.one("SELECT count(*) FROM facility"))


def pages_of_seven(server_factory: Any, device_factory: Any, n: int) -> tuple[Any, Any, list[str]]:
    """A server that sends pages of 7 rows, and laptop b behind laptop a by n new facilities."""
    server = server_factory({"KCDESK_SERVER_PULL_PAGE_ROWS": "7"})
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    a.sync()
    b.sync()
    ids = [add_facility(a, name=f"Cơ sở chế biến chè số {i}") for i in range(n)]
    a.sync()
    assert server_count(server, "facility") == n
    return server, b, ids


def test_pages_asked_for_at_their_announced_cursor_bring_every_row(server_factory, device_factory, pulls):
    _, b, ids = pages_of_seven(server_factory, device_factory, 30)
    pulls.clear()
    assert b.sync().pulled == 30
    assert pulls == ["48"] * 5  # 7 + 7 + 7 + 7 + 2, each asked for before the one before it was read
    assert all(facility(b, row_id) is not None for row_id in ids)
    assert b.sync().pulled == 0


def test_a_page_whose_body_disagrees_with_its_headers_writes_nothing(server_factory, device_factory, monkeypatch):
    _, b, ids = pages_of_seven(server_factory, device_factory, 20)
    real = client.announced_position
    announced: list[int] = []

    def second_page_lies(headers: Any) -> Any:
        cursor, more = real(headers)
        announced.append(cursor)
        return Position(cursor + 3, more) if len(announced) == 2 else Position(cursor, more)  # the second page's

    monkeypatch.setattr(client, "announced_position", second_page_lies)
    with pytest.raises(ProtocolError):
        b.sync()
    with b.store.read() as s:  # the first page only, with its cursor
        assert state.cursor(s, "48")[0] == announced[0]
    written = facilities_in(b)
    assert 0 < written <= 7
    monkeypatch.setattr(client, "announced_position", real)
    assert b.sync().pulled == 20 - written
    assert all(facility(b, row_id) is not None for row_id in ids)


def test_a_page_travels_as_zstd_to_a_laptop_that_takes_it_and_as_gzip_to_one_that_does_not(server, device_factory):
    from rawdevice import API, RawDevice

    a = device_factory("a").enrol(server)
    ids = {add_facility(a, name=f"Cơ sở dệt thổ cẩm số {i}") for i in range(60)}
    a.sync()
    transport = a.service.client().transport()
    assert "zstd" in transport.client.headers["accept-encoding"]  # the laptop asks for it
    transport.close()
    raw = RawDevice(server)
    try:
        bodies = {}
        for accept in ("zstd, gzip", "gzip", "zstd;q=0, gzip"):
            response = raw.http.get(f"{API}/pull", params={"scope": "48"}, headers={"Accept-Encoding": accept})
            assert response.status_code == 200, response.text
            assert hashlib.sha256(response.content).hexdigest() == response.headers["x-content-sha256"]
            bodies[accept] = (response.headers["content-encoding"], response.json())
    finally:
        raw.close()
    assert [encoding for encoding, _ in bodies.values()] == ["zstd", "gzip", "gzip"]
    pages = [page for _, page in bodies.values()]
    assert pages[0] == pages[1] == pages[2]
    assert ids <= {c["row_id"] for c in pages[0]["changes"]}


def test_a_page_that_fails_to_be_written_stops_the_pages_queued_after_it(
    server_factory, device_factory, monkeypatch, pulls
):
    """Pages wait for the writer while the next is asked for: when one fails, the pages
    queued behind it write nothing, so the cursor never passes rows that were not written."""
    _, b, ids = pages_of_seven(server_factory, device_factory, 30)
    real = client.SyncClient._apply_page
    pages: list[int] = []

    def second_page_fails(self: Any, s: Any, page: Any, key: str, report: Any) -> None:
        pages.append(page.next_cursor)
        if len(pages) == 2:
            time.sleep(0.5)  # meanwhile the third page arrives and is queued behind this one
            raise OSError("the disk is full")
        real(self, s, page, key, report)

    monkeypatch.setattr(client.SyncClient, "_apply_page", second_page_fails)
    pulls.clear()
    with pytest.raises(OSError, match="disk is full"):
        b.sync()
    assert len(pulls) >= 3  # the third page came while the second was being written...
    assert len(pages) == 2  # ...and was skipped: its write never began
    with b.store.read() as s:
        assert state.cursor(s, "48")[0] == pages[0]
    assert facilities_in(b) == 7
    monkeypatch.setattr(client.SyncClient, "_apply_page", real)
    assert b.sync().pulled == 23
    assert all(facility(b, row_id) is not None for row_id in ids)
