"""Lost replies, cut bodies, crashes on either side, replays and gaps (sync.md T1-T7)."""

from __future__ import annotations

import random
import threading

import httpx
import pytest
from conftest import FAST_RETRY, run_client_process
from helpers import add_facility, server_count

from kcdesk.sync.client import codecs
from kcdesk.sync.errors import Offline
from kcdesk.sync.outbox import read_pending

PUSH = b"POST /sync/v1/push"


def test_lost_reply_is_resent_and_applied_once(server, proxy, device_factory):  # T1
    a = device_factory("a").enrol(server, via=proxy)
    for i in range(3):
        add_facility(a, name=f"Cơ sở {i}")
    proxy.arm("close_before_response", match=PUSH)
    report = a.sync()
    assert report.applied == 3
    assert server_count(server, "facility") == 3
    assert server_count(server, "server_applied_mutation") == 3
    assert a.pending() == 0


def test_body_cut_midway_applies_nothing_then_the_retry_succeeds(server, proxy, device_factory):  # T2
    a = device_factory("a").enrol(server, via=proxy)
    for i in range(5):
        add_facility(a, name=f"Cơ sở {i}")
    proxy.arm("cut_request", match=PUSH, after=random.randint(40, 400))
    a.sync()
    assert server_count(server, "facility") == 5
    assert a.pending() == 0


@pytest.mark.parametrize("fault", ["push.mid_batch:exit@2", "push.before_commit:exit", "push.after_commit:exit"])
def test_server_killed_during_a_batch_gives_all_or_nothing_then_exactly_once(
    server_factory, device_factory, fault
):  # T3
    server = server_factory({"KCDESK_FAULTS": fault})
    a = device_factory("a").enrol(server)
    for i in range(5):
        add_facility(a, name=f"Cơ sở {i}")
    with pytest.raises(Offline):
        a.sync()
    server.wait_exit()
    assert server_count(server, "facility") in (0, 5)
    server.start(env={})
    a.sync()
    assert server_count(server, "facility") == 5
    assert server_count(server, "server_applied_mutation") == 5
    assert a.pending() == 0


def test_client_killed_after_the_ack_resends_and_nothing_applies_twice(server, device_factory):  # T4
    a = device_factory("a").enrol(server)
    for i in range(3):
        add_facility(a, name=f"Cơ sở {i}")
    assert run_client_process(a.path, "client.after_ack_before_delete:exit") == 137
    assert a.pending() == 3  # the acknowledgement never reached the local file
    report = a.sync()
    assert report.applied == 3  # the stored outcomes came back
    assert server_count(server, "facility") == 3
    assert a.pending() == 0


def test_client_killed_mid_pull_keeps_its_cursor_and_reapplies(server, device_factory):  # T5
    a = device_factory("a").enrol(server)
    b = device_factory("b").enrol(server)
    for i in range(20):
        add_facility(a, name=f"Cơ sở {i}")
    a.sync()
    for fault_round in range(2):  # first the snapshot, then an incremental page
        assert run_client_process(b.path, "client.mid_pull_page:exit") == 137
        assert b.one("PRAGMA integrity_check") == "ok"
        assert b.rows("PRAGMA foreign_key_check") == []
        b.sync()
        assert b.one("SELECT count(*) FROM facility") == 20 + fault_round * 5
        for i in range(5):
            add_facility(a, name=f"Cơ sở mới {fault_round}-{i}")
        a.sync()


def test_client_killed_in_a_first_pull_through_the_rollback_journal_loses_nothing(server, device_factory):
    """With nothing else holding its file, the snapshot's write leaves WAL for the rollback
    journal (kcdesk.db.journal): a kill inside it leaves a hot journal, which the next opener
    rolls back; the file is WAL again and the next cycle takes the whole pull."""
    from kcdesk.db.store import Store
    from kcdesk.sync.service import SyncService

    a = device_factory("a").enrol(server)
    for i in range(20):
        add_facility(a, name=f"Cơ sở {i}")
    a.sync()
    b = device_factory("b").enrol(server)
    before = b.one("SELECT count(*) FROM audit_entry")
    b.close()  # the laptop's own process is the only one with the file open
    assert run_client_process(b.path, "client.mid_pull_page:exit") == 137
    assert b.path.with_name(b.path.name + "-journal").exists()  # killed inside the rollback-journal write
    b.store = Store.open(b.path)
    b.service = SyncService(b.store, retry=FAST_RETRY)
    assert b.one("PRAGMA journal_mode") == "wal"
    assert b.one("PRAGMA integrity_check") == "ok"
    assert b.one("SELECT count(*) FROM facility") == 0  # all of the snapshot or nothing
    assert b.one("SELECT count(*) FROM audit_entry") == before
    assert not b.path.with_name(b.path.name + "-journal").exists()
    b.sync()
    assert b.one("SELECT count(*) FROM facility") == 20
    assert b.one("PRAGMA journal_mode") == "wal"


def _token(server, device):
    from kcdesk.sync.client import SyncClient

    transport = SyncClient(device.store).transport()
    try:
        return transport._token()
    finally:
        transport.close()


def _batch(device, limit=100):
    with device.store.read() as s:
        return [m.wire() for m in read_pending(s, codecs(), limit)]


def test_concurrent_duplicate_replays_apply_once_with_one_answer(server, device_factory):  # T6
    a = device_factory("a").enrol(server)
    for i in range(10):
        add_facility(a, name=f"Cơ sở {i}")
    body = {"mutations": _batch(a)}
    headers = {"Authorization": f"Bearer {_token(server, a)}"}
    answers = []

    def post():
        answers.append(httpx.post(f"{server.url}/sync/v1/push", json=body, headers=headers, timeout=60).json())

    threads = [threading.Thread(target=post) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 4
    assert all(a_["outcomes"] == answers[0]["outcomes"] for a_ in answers)
    assert server_count(server, "facility") == 10
    later = httpx.post(f"{server.url}/sync/v1/push", json=body, headers=headers, timeout=60).json()  # a week later
    assert later["outcomes"] == answers[0]["outcomes"]
    a.sync()
    assert a.pending() == 0 and server_count(server, "facility") == 10


def test_reordered_batches_get_409_with_the_expected_seq(server, device_factory):  # T7
    a = device_factory("a").enrol(server)
    for i in range(10):
        add_facility(a, name=f"Cơ sở {i}")
    mutations = _batch(a)
    headers = {"Authorization": f"Bearer {_token(server, a)}"}
    url = f"{server.url}/sync/v1/push"
    first, second = mutations[:5], mutations[5:]
    gap = httpx.post(url, json={"mutations": second}, headers=headers)
    assert gap.status_code == 409
    assert gap.json()["detail"]["expected_seq"] == first[0]["seq"]
    assert server_count(server, "facility") == 0
    assert httpx.post(url, json={"mutations": first}, headers=headers).status_code == 200
    assert httpx.post(url, json={"mutations": second}, headers=headers).status_code == 200
    a.sync()
    assert a.pending() == 0 and server_count(server, "facility") == 10


def test_batches_shrink_to_fit_the_servers_byte_limit(server_factory, device_factory):
    """Long texts make a batch bigger than the server takes (413): the laptop sends fewer
    changes a batch instead of being stuck."""
    import os as _os

    server = server_factory({"KCDESK_SERVER_MAX_BATCH_BYTES": "20000"})
    a = device_factory("a").enrol(server)
    for i in range(40):
        add_facility(a, name=f"Cơ sở {i}", note=_os.urandom(1500).hex())  # 3 kB that gzip cannot shrink much
    report = a.sync()
    assert report.pushed == 40 and a.pending() == 0
    assert server_count(server, "facility") == 40
