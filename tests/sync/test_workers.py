"""Several server workers on PostgreSQL (issue 11, build item 6): every piece of state the
workers share goes through the database, so a device whose requests land on different
workers sees one server. A hundred devices push and pull at once, with duplicates and
replays; every acknowledged change is there once, and every device ends in step.

Devices are mostly protocol-level clients (tests/sync/light_device.py: real requests,
every one on a new connection, so any worker may answer), plus real laptops (a Store and
a SyncService each) syncing among them.
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from conftest import FAST_RETRY, Database, Device, ServerProcess, _pg_available
from helpers import WARD_A, WARD_B, add_facility, edit
from hostile import HANOI_WARD
from light_device import API, LightDevice
from sqlalchemy import text

from kcdesk.db.files import file_path, read_plain
from kcdesk.server.counters import append_changes

WORKERS = 4
HANOI_WARD_2 = "00008"  # Phường Ngọc Hà
PLACES = (("48", WARD_A), ("48", WARD_B), ("01", HANOI_WARD), ("01", HANOI_WARD_2))


@pytest.fixture
def workers_server(tmp_path) -> Iterator[Any]:
    if not _pg_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI (scripts/postgres-up.sh)")
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    made: list[tuple[ServerProcess, Database]] = []

    def make(env: dict[str, str] | None = None) -> ServerProcess:
        folder = tmp_path / f"server-{len(made)}"
        folder.mkdir()
        db = Database("postgres", folder)
        server = ServerProcess(
            db,
            folder,
            {
                "KCDESK_SERVER_REQUESTS_PER_MINUTE": "1000000",
                # 4 workers x 12 connections, well under PostgreSQL's 100 with other tests running
                "KCDESK_SERVER_DB_POOL_SIZE": "6",
                "KCDESK_SERVER_DB_MAX_OVERFLOW": "6",
                **(env or {}),
            },
            workers=WORKERS,
        )
        made.append((server, db))
        return server.start()

    yield make
    for server, db in made:
        server.close()
        db.drop()


def _codes(server: ServerProcess, n: int) -> list[str]:
    return [server.code(province=PLACES[i % 4][0], username=f"may-{i:03d}") for i in range(n)]


def test_a_hundred_devices_on_four_workers_with_duplicates_and_replays(workers_server, tmp_path, template_db):
    server = workers_server()
    light = [
        LightDevice(server.url, code, PLACES[i % 4][0], PLACES[i % 4][1]) for i, code in enumerate(_codes(server, 96))
    ]
    laptops = []
    for i, (province, ward) in enumerate(PLACES):  # four real laptops among them
        laptop = Device(tmp_path / f"laptop-{i}.db", template_db)
        laptop.service.retry = FAST_RETRY
        laptop.enrol(server, province=province, username=f"laptop-{i}")
        laptop.place = (province, ward)
        laptops.append(laptop)
    start = threading.Barrier(len(light) + len(laptops))
    problems: list[BaseException] = []

    def light_work(d: LightDevice, index: int) -> None:
        try:
            start.wait()
            d.token()
            d.hello()
            batches = []
            for round_ in range(3):
                batch = [d.new_facility(f"Cơ sở {index}-{round_}-{k}") for k in range(3)]
                if d.mine:
                    first = next(iter(d.mine))
                    batch.append(d.edit(first, f"0905{index:03d}{round_:03d}"))  # a phone number that passes
                if index % 5 == 0:  # the same batch twice at once (a retry racing the original)
                    with ThreadPoolExecutor(2) as twice:
                        answers = list(twice.map(d.send, [batch, batch]))
                    assert answers[0] == answers[1]
                    outcomes = answers[0]
                else:
                    outcomes = d.send(batch)
                d.acknowledge(batch, outcomes)
                batches.append(batch)
                for scope in (d.province, "00"):
                    d.pull(scope)
            replayed = d.send(batches[0])  # an old batch again (a lost answer, resent much later)
            assert {o["seq"]: o for o in replayed} == {m["seq"]: d.answers[m["seq"]] for m in batches[0]}
        except BaseException as exc:
            problems.append(exc)

    def laptop_work(laptop: Device) -> None:
        try:
            start.wait()
            province, ward = laptop.place
            for round_ in range(2):
                fid = add_facility(laptop, name=f"Cơ sở của {laptop.path.stem} {round_}", province=province, ward=ward)
                laptop.sync()
                edit(laptop, "facility", fid, phone=f"0236{round_:07d}")
                laptop.sync()
        except BaseException as exc:
            problems.append(exc)

    threads = [threading.Thread(target=light_work, args=(d, i)) for i, d in enumerate(light)]
    threads += [threading.Thread(target=laptop_work, args=(laptop,)) for laptop in laptops]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=600)
    assert problems == []

    for d in light:  # at rest: everyone pulls once more
        for scope in (d.province, "00"):
            d.pull(scope)
    for laptop in laptops:
        laptop.sync()

    with server.admin().engine.connect() as conn:
        rows = {
            r[0]: r[1:]
            for r in conn.execute(text("SELECT id, province_code, name, phone, row_version FROM facility")).all()
        }
        applied = conn.execute(
            text("SELECT device_id, seq, count(*) FROM server_applied_mutation GROUP BY device_id, seq")
        ).all()
    assert {n for _d, _s, n in applied} == {1}  # no (device, seq) applied twice
    acknowledged = sum(len(d.answers) for d in light)
    assert acknowledged == 96 * (3 * 3 + 2)
    for d in light:  # every acknowledged change is there, with the last value this device had accepted
        for row_id, values in d.mine.items():
            assert rows[row_id][1:] == (values["name"], values.get("phone"), values["row_version"])
    assert len(rows) == 96 * 9 + len(laptops) * 2  # each new record once: nothing duplicated
    for d in light:  # every device in step with the server, for its province
        expected = {i: (r[1], r[2], r[3]) for i, r in rows.items() if r[0] == d.province}
        have = {i: (r["name"], r.get("phone"), r["row_version"]) for i, r in d.replica.items()}
        assert have == expected
        d.close()
    for laptop in laptops:
        province = laptop.place[0]
        expected = {i: (r[1], r[2], r[3]) for i, r in rows.items() if r[0] == province}
        have = {r[0]: tuple(r[1:]) for r in laptop.rows("SELECT id, name, phone, row_version FROM facility")}
        assert have == expected and laptop.pending() == 0
        laptop.close()


def test_a_devices_request_limit_counts_across_workers(workers_server):
    server = workers_server({"KCDESK_SERVER_REQUESTS_PER_MINUTE": "20"})
    d = LightDevice(server.url, server.code(username="voi-va"), "48", WARD_A)
    d.token()
    statuses = [d.http.get(f"{API}/pull", params={"scope": "48"}, headers=d._headers()).status_code for _ in range(60)]
    # One counter for the device in the database: at most 20 a minute (40 if a minute ends
    # during the test). Counters per worker would let 4 x 20 through.
    assert statuses.count(200) <= 40 and statuses.count(429) >= 20, statuses
    assert set(statuses) == {200, 429}
    d.close()


def test_guesses_spread_over_workers_meet_one_limit(workers_server):
    server = workers_server({"KCDESK_SERVER_AUTH_FAILURES": "5"})
    with httpx.Client(base_url=server.url, limits=httpx.Limits(max_keepalive_connections=0)) as http:
        statuses = [http.post(f"{API}/enrol", json={"code": f"AAAAA-{i:05d}"}).status_code for i in range(12)]
    assert statuses == [401] * 5 + [429] * 7


def test_a_file_uploaded_chunk_by_chunk_across_workers_arrives_whole(workers_server, tmp_path, template_db):
    """Every chunk on a new connection (any worker), the first one sent twice at once: the
    upload's row is locked while a chunk is written, so it lands once and in order."""
    server = workers_server({"KCDESK_SERVER_CHUNK_BYTES": str(64 * 1024)})
    d = LightDevice(server.url, server.code(username="gui-tep"), "48", WARD_A)
    d.token()
    data = os.urandom(1024 * 1024 + 17)
    sha = hashlib.sha256(data).hexdigest()
    owner = d.new_facility("Cơ sở có tệp")
    d.seq += 1
    record = {
        "seq": d.seq,
        "mutation_id": uuid.uuid4().hex,
        "table": "attachment",
        "row_id": str(uuid.uuid4()),
        "op": "insert",
        "base_version": 0,
        "values": {
            "sha256": sha,
            "size": len(data),
            "mime": "application/pdf",
            "filename": "bien-ban.pdf",
            "owner_table": "facility",
            "owner_id": owner["row_id"],
        },
    }
    assert [o["status"] for o in d.send([owner, record])] == ["applied", "applied"]
    started = d.http.post(f"{API}/uploads", json={"sha256": sha, "size": len(data)}, headers=d._headers()).json()
    assert started["received"] == 0 and not started["complete"]
    path = f"{API}/uploads/{started['upload_id']}"

    def put(offset: int) -> httpx.Response:
        chunk = data[offset : offset + 65536]
        headers = {**d._headers(), "X-Chunk-Sha256": hashlib.sha256(chunk).hexdigest()}
        return d.http.put(path, params={"offset": offset}, content=chunk, headers=headers)

    with ThreadPoolExecutor(2) as twice:
        first = sorted(r.status_code for r in twice.map(put, [0, 0]))
    assert first in ([200, 200], [200, 409])  # written once; a twin either waited and matched or was told the offset
    for offset in range(65536, len(data), 65536):
        assert put(offset).status_code == 200
    done = d.http.post(f"{path}/finish", headers=d._headers())
    assert done.status_code == 200 and done.json()["complete"]
    receiver = Device(tmp_path / "nhan.db", template_db).enrol(server)
    receiver.service.retry = FAST_RETRY
    assert receiver.sync().files_down == 1
    assert read_plain(file_path(receiver.store.files_dir, sha)) == data
    receiver.close()
    d.close()


def test_cursors_follow_commit_order_when_transactions_overlap(workers_server):  # research T13
    """Two writers of one scope at once: the one that takes cursors first holds the scope's
    counter until it commits, so a reader can never see the later cursor while the earlier
    one is still uncommitted, and skip it for good."""
    server = workers_server()
    reader = LightDevice(server.url, server.code(username="doc"), "48", WARD_A)
    reader.token()
    engine = server.admin().engine

    def cursor_page(after: int) -> dict[str, Any]:
        answer = reader.http.get(f"{API}/pull", params={"scope": "48", "after": after}, headers=reader._headers())
        return answer.json()  # type: ignore[no-any-return]

    start = cursor_page(0)["next_cursor"]
    first = engine.connect()
    first_txn = first.begin()
    append_changes(first, [("48", WARD_A, "facility", "dau-tien")], "2026-11-27T10:00:00.000Z")  # takes start+1
    second_done = threading.Event()

    def second_writer() -> None:
        with engine.begin() as conn:  # waits for the first writer's commit, then takes start+2
            append_changes(conn, [("48", WARD_A, "facility", "thu-hai")], "2026-11-27T10:00:01.000Z")
        second_done.set()

    worker = threading.Thread(target=second_writer)
    worker.start()
    assert not second_done.wait(1.0)  # blocked behind the first writer's open transaction
    assert cursor_page(start)["next_cursor"] == start  # nothing visible yet: no cursor to skip past
    first_txn.commit()
    first.close()
    worker.join(30)
    page = cursor_page(start)
    assert [c["cursor"] for c in page["changes"]] == [start + 1, start + 2] and page["next_cursor"] == start + 2
    reader.close()
