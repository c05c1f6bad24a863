"""Sync benchmark, one run, figures side by side (PostgreSQL server on 127.0.0.1:5432).

    .venv/bin/python bench/bench_sync.py [--mutations 50000] [--facilities 100000] [--edits 5000] [--devices 100]

1. push: N facility inserts made on a laptop, pushed end to end (outbox read, gzip JSON over
   HTTP, server validation, authorisation, merge, change log, stored outcomes, the
   laptop's acknowledgement), timed over the push phase of the cycle; against two floors for
   the same rows into the same server table, each printed with its ratio: a raw batched INSERT
   (executemany, 500 rows a statement; target >= 0.3) and a raw PostgreSQL COPY, the floor of
   the server's own bulk path (kcdesk.server.bulk.insert_rows COPYs new rows); also the rows
   the laptop pulls back after its push (echoes; the goal is none);
2. first pull of a province of F facilities into an empty laptop, from a prepared snapshot;
3. incremental pull of E edited facilities into a laptop that has the rest;
4. bytes on the wire per edit mutation: the push requests AND their answers, bodies as sent
   (gzip) plus the HTTP heads; the push of those edits end to end, and its echoes;
5. the sync cycle (hello, push one edit, pull both scopes) of D simulated devices at once:
   protocol-level clients (the real Transport: tokens, gzip, hash checks) without a local
   database, since every real laptop does its local work on its own CPU; what is measured
   is the server under D devices, with one worker process and then with four (the same
   database and data, `kcdesk-server serve --workers 4`), side by side.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import psycopg
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.db.base import Base
from kcdesk.db.store import Store
from kcdesk.ids import new_id
from kcdesk.server import db as sdb
from kcdesk.server.bulk import insert_rows
from kcdesk.server.counters import LOG_COLUMNS, last_cursor, take_cursors
from kcdesk.server.reference import unit_index
from kcdesk.server.scopes import View
from kcdesk.server.service import ServerSettings, SyncServer
from kcdesk.sync.protocol import API_PREFIX, EnrolResponse, PullResponse
from kcdesk.sync.service import SyncService
from kcdesk.sync.transport import RetryPolicy, Transport
from kcdesk.sync.wire import TableCodec

PG = os.environ.get("KCDESK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
STAMP = "2026-01-01T00:00:00.000Z"


# Real communes of Đà Nẵng: the server checks facilities as the app does (kcdesk.server.rulebook).
WARDS_48 = sorted(code for code, (province, _name) in unit_index().wards.items() if province == "48")[:50]


def facility_rows(n: int, prefix: str) -> list[dict[str, Any]]:
    """Facility-sized records: a dozen filled fields, Vietnamese text."""
    return [
        {
            "id": new_id(),
            "name": f"{prefix} cơ sở mây tre đan số {i}",
            "facility_type": "hkd",
            "province_code": "48",
            "ward_code": WARDS_48[i % len(WARDS_48)],
            "status": "active",
            "representative": f"Nguyễn Văn {i}",
            "phone": f"0905{i:06d}",
            "village": f"Thôn {i % 30}",
            "labour_total": i % 40,
            "revenue_prev_year": i * 1000,
        }
        for i in range(n)
    ]


def insert_local(store: Store, rows: list[dict[str, Any]]) -> None:
    cols = list(rows[0])
    sql = f"INSERT INTO facility ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"
    store.write(lambda s: s.execute(text(sql), rows))


def create_database() -> tuple[str, str]:
    name = f"kcdesk_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, PG.rsplit("/", 1)[0] + "/" + name


def drop_database(name: str) -> None:
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Server:
    """`kcdesk-server serve` in its own process, on a throwaway PostgreSQL database."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.name, self.url = create_database()
        self.folder = folder
        self.start(workers=1)
        self.admin = SyncServer(ServerSettings(url=self.url, data_dir=folder))

    def start(self, workers: int) -> None:
        """(Re)start the server process with this many workers, on the same database."""
        folder = self.folder
        port_file = folder / "port"
        port_file.unlink(missing_ok=True)
        here = str(Path(__file__).resolve().parents[1])  # this checkout's server, wherever it runs from
        env = {
            **os.environ,
            "KCDESK_SERVER_REQUESTS_PER_MINUTE": "1000000",
            "PYTHONPATH": os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p),
        }
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kcdesk.server.cli",
                "serve",
                "--db",
                self.url,
                "--data",
                str(folder),
                "--port",
                "0",
                "--port-file",
                str(port_file),
                "--workers",
                str(workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError("the server did not start")
            if port_file.exists() and port_file.read_text():
                try:
                    if httpx.get(f"http://127.0.0.1:{port_file.read_text()}/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
            time.sleep(0.05)
        self.http = f"http://127.0.0.1:{port_file.read_text()}"

    def stop(self) -> None:
        self.proc.terminate()  # the parent stops its workers
        self.proc.wait()

    def code(self, name: str) -> str:
        return str(self.admin.make_code("centre_staff", "48", [], f"bench-{name}", f"Bench {name}"))

    def close(self) -> None:
        self.stop()
        self.admin.close()
        drop_database(self.name)


def laptop(folder: Path, template: Path, server: Server, name: str) -> SyncService:
    path = folder / f"{name}.db"
    shutil.copy(template, path)
    service = SyncService(Store.open(path))
    service.enrol(server.http, server.code(name), name)
    return service


def server_records(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The rows as the server stores them (wire values plus placement), in column order."""
    codec = TableCodec(Base.metadata.tables["facility"])
    columns = server_columns()
    out = []
    for r in rows:
        wire = {
            **dict.fromkeys(codec.columns),
            **codec.defaults,
            **r,
            "row_version": 1,
            "created_at": STAMP,
            "updated_at": STAMP,
        }
        out.append((*(wire[c] for c in columns[:-3]), "48", r["ward_code"], None))
    return out


def server_columns() -> list[str]:
    codec = TableCodec(Base.metadata.tables["facility"])
    return ["id", *[c for c in codec.columns if c != "id"], sdb.SCOPE_COL, sdb.WARD_COL, sdb.DEVICE_COL]


def raw_rates(rows: list[dict[str, Any]]) -> tuple[float, float]:
    """Rows/s of a raw batched INSERT (executemany, 500 a statement) and of a raw COPY."""
    codec = TableCodec(Base.metadata.tables["facility"])
    rates = []
    for method in ("insert", "copy"):
        name, url = create_database()
        try:
            engine = sdb.make_server_engine(url)
            sdb.create_schema(engine)
            t = sdb.REPLICATED["facility"]
            records = [
                codec.row_to_python(
                    {
                        **dict.fromkeys(codec.columns),
                        **codec.defaults,
                        **r,
                        "row_version": 1,
                        "created_at": STAMP,
                        "updated_at": STAMP,
                    }
                )
                | {"kc_scope": "48", "kc_ward": r["ward_code"], "kc_device": None}
                for r in rows
            ]
            tuples = server_records(rows)
            start = time.perf_counter()
            with engine.begin() as conn:
                if method == "insert":
                    for i in range(0, len(records), 500):
                        conn.execute(t.insert(), records[i : i + 500])
                else:
                    insert_rows(conn, t, server_columns(), tuples)
            rates.append(len(rows) / (time.perf_counter() - start))
            engine.dispose()
        finally:
            drop_database(name)
    return rates[0], rates[1]


class SimulatedDevice:
    """A device at the protocol level: the real Transport, no local database."""

    def __init__(self, server: Server, name: str) -> None:
        answer = httpx.post(f"{server.http}{API_PREFIX}/enrol", json={"code": server.code(name), "device_name": name})
        enrolled = EnrolResponse.model_validate(answer.json())
        self.transport = Transport(
            server.http, enrolled.device_id, enrolled.refresh_token, retry=RetryPolicy(attempts=3, base_delay=0.2)
        )
        self.seq = 0
        self.cursors: dict[str, int] = {}

    def cycle(self, edit: tuple[str, int] | None) -> float:
        start = time.perf_counter()
        t = self.transport
        t.call("POST", f"{API_PREFIX}/hello", json_body={"proto": 1, "outbox_depth": 1 if edit else 0})
        if edit is not None:
            row_id, version = edit
            self.seq += 1
            mutation = {
                "seq": self.seq,
                "mutation_id": uuid.uuid4().hex,
                "table": "facility",
                "row_id": row_id,
                "op": "update",
                "base_version": version,
                "values": {"note": f"ghi chú {self.seq}"},
                "base": {"note": None},
            }
            pushed = t.call("POST", f"{API_PREFIX}/push", json_body={"mutations": [mutation]}, gzip=True)
            assert pushed.status_code == 200
        for scope in ("48", "00"):
            while True:
                page = PullResponse.model_validate_json(
                    t.call(
                        "GET", f"{API_PREFIX}/pull", params={"scope": scope, "after": self.cursors.get(scope, 0)}
                    ).content
                )
                self.cursors[scope] = page.next_cursor
                if not page.has_more:
                    break
        return time.perf_counter() - start


def seed_server(server: Server, n: int) -> list[str]:
    """A province of n facilities straight into the server tables, with its change log."""
    rows = facility_rows(n, "Đà Nẵng")
    records = server_records(rows)
    t = sdb.REPLICATED["facility"]
    with server.admin.engine.begin() as conn:
        insert_rows(conn, t, server_columns(), records)
        first = take_cursors(conn, "48", n)
        log = [
            ("48", first + i, r["ward_code"], "facility", r["id"], "upsert", STAMP, None, None)
            for i, r in enumerate(rows)
        ]
        insert_rows(conn, sdb.change_log, LOG_COLUMNS, log)
    return [r["id"] for r in rows]


@contextmanager
def province(folder: Path, facilities: int) -> Iterator[tuple[Server, list[str]]]:
    """A server holding a province of `facilities`, its snapshots prepared; yields it and the ids."""
    server = Server(folder / "province")
    try:
        ids = seed_server(server, facilities)
        for scope in ("48", "00"):  # both layouts: the rows, and the laptop's own (what a first pull takes)
            server.admin.prepare_snapshot(View(scope, None, False))
            server.admin.prepare_snapshot(View(scope, None, False), "client")
        yield server, ids
    finally:
        server.close()


def count(service: SyncService, table: str) -> int:
    with service.store.read() as s:
        return int(s.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def push_inserts(folder: Path, template: Path, n: int) -> dict[str, Any]:
    """n facilities inserted on a laptop and pushed end to end; the floors for the same rows."""
    server = Server(folder / "push")
    try:
        pusher = laptop(folder, template, server, "pusher")
        pusher.run_cycle()  # enrolled and up to date: the cycle below is about the push
        insert_local(pusher.store, facility_rows(n, "Gửi"))
        start = time.perf_counter()
        report = pusher.run_cycle()
        cycle = time.perf_counter() - start
        assert report.pushed == n and report.applied == n, report
        after = pusher.run_cycle()
        pusher.store.close()
    finally:
        server.close()
    raw_insert, raw_copy = raw_rates(facility_rows(n, "Thô"))
    return {
        "pushed": report.pushed,
        "seconds": report.push_seconds,
        "rate": report.pushed / report.push_seconds,
        "cycle_seconds": cycle,
        "raw_insert": raw_insert,
        "raw_copy": raw_copy,
        # Nobody else writes on this server: every row this laptop pulls back is its own.
        "echo_rows": report.pulled + after.pulled,
        "echo_pull_seconds": report.pull_seconds,
    }


def first_pull(folder: Path, template: Path, server: Server, name: str) -> tuple[SyncService, dict[str, Any]]:
    """An empty laptop enrols and runs its first cycle (snapshot, then catching up)."""
    service = laptop(folder, template, server, name)
    start = time.perf_counter()
    report = service.run_cycle()
    seconds = time.perf_counter() - start
    return service, {
        "facilities": count(service, "facility"),
        "indexed": count(service, "facility_fts"),
        "seconds": seconds,
        "pull_seconds": report.pull_seconds,
        "wire_bytes": report.bytes_sent + report.bytes_received,
        # where the snapshot's time went (kcdesk.sync.cycle_report)
        "snapshot_fetch_seconds": report.snapshot_fetch_seconds,
        "snapshot_apply_seconds": report.snapshot_apply_seconds,
        "snapshot_write_seconds": report.snapshot_write_seconds,
    }


def push_edits(editor: SyncService, ids: list[str], refused: bool = False, phone: str = "0236{:06d}") -> dict[str, Any]:
    """One field of each of `ids` edited on an up-to-date laptop, then one cycle pushes them:
    the phone, to `phone` formatted with the row's place in `ids`. `refused`: a phone number
    one digit short, which the server refuses (written here past the laptop's own check, as
    by a laptop whose rules are older than the server's)."""
    phone = "0236{:05d}" if refused else phone
    editor.store.write(
        lambda s: s.execute(
            text("UPDATE facility SET phone = :p WHERE id = :id"),
            [{"p": phone.format(i), "id": fid} for i, fid in enumerate(ids)],
        )
    )
    start = time.perf_counter()
    report = editor.run_cycle()
    cycle = time.perf_counter() - start
    assert report.pushed == len(ids) and report.rejected == (len(ids) if refused else 0), report
    after = editor.run_cycle()
    return {
        "edits": report.pushed,
        "seconds": report.push_seconds,
        "rate": report.pushed / report.push_seconds,
        "cycle_seconds": cycle,
        "bytes_sent": report.push_bytes_sent,
        "bytes_received": report.push_bytes_received,
        "echo_rows": report.pulled + after.pulled,
        "echo_pull_seconds": report.pull_seconds,
    }


def incremental_pull(service: SyncService) -> dict[str, Any]:
    start = time.perf_counter()
    report = service.run_cycle()
    return {
        "pulled": report.pulled,
        "seconds": time.perf_counter() - start,
        "pull_seconds": report.pull_seconds,
        "wire_bytes": report.bytes_sent + report.bytes_received,
    }


def devices_at_once(server: Server, ids: list[str], n: int, tag: str = "d") -> dict[str, float]:
    """The sync cycle of n protocol-level devices started together, each pushing one edit."""
    devices = [SimulatedDevice(server, f"{tag}{i}") for i in range(n)]
    with server.admin.engine.connect() as conn:
        versions = dict(
            conn.execute(text("SELECT id, row_version FROM facility WHERE id = ANY(:ids)"), {"ids": ids[:n]}).all()
        )
        cursors = {scope: last_cursor(conn, scope) for scope in ("48", "00")}
    for d in devices:  # each up to date, as a laptop that synced a while ago (its snapshot is loaded)
        d.cursors = dict(cursors)
        d.cycle(None)
    times: list[float] = []
    lock = threading.Lock()
    gate = threading.Barrier(len(devices))

    def run(d: SimulatedDevice, row_id: str) -> None:
        gate.wait()
        took = d.cycle((row_id, versions[row_id]))
        with lock:
            times.append(took)

    threads = [threading.Thread(target=run, args=(d, ids[i])) for i, d in enumerate(devices)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for d in devices:
        d.transport.close()
    times.sort()
    return {"p50": statistics.median(times), "p95": times[max(0, int(len(times) * 0.95) - 1)], "max": times[-1]}


def new_template(folder: Path) -> Path:
    template = folder / "template.db"
    Store.open(template, create=True).close()
    return template


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutations", type=int, default=50_000)
    parser.add_argument("--facilities", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=5_000)
    parser.add_argument("--devices", type=int, default=100)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-bench-"))
    template = new_template(folder)
    results: list[tuple[str, str]] = []

    # 1. push
    p = push_inserts(folder, template, args.mutations)
    results += [
        (
            "push end to end",
            f"{p['pushed']:,} mutations in {p['seconds']:.2f} s = {p['rate']:,.0f}/s (target >= 10,000/s)",
        ),
        (
            "  INSERT ratio",
            f"{p['rate'] / p['raw_insert']:.2f} of a raw batched INSERT ({p['raw_insert']:,.0f} rows/s; target >= 0.3)",
        ),
        (
            "  COPY ratio",
            f"{p['rate'] / p['raw_copy']:.2f} of a raw PostgreSQL COPY ({p['raw_copy']:,.0f} rows/s; "
            "the floor of the server's bulk path)",
        ),
        (
            "  echoed rows",
            f"{p['echo_rows']:,} of its own rows pulled back after the push "
            f"(pull phase {p['echo_pull_seconds']:.2f} s; goal 0)",
        ),
    ]

    # 2-5 on a province of F facilities
    with province(folder, args.facilities) as (server, ids):
        fresh, first = first_pull(folder, template, server, "fresh")
        results.append(
            (
                "first pull (snapshot)",
                f"{first['facilities']:,} facilities in {first['seconds']:.2f} s, whole cycle (target <= 5 s); "
                f"search index {first['indexed']:,} rows; {first['wire_bytes'] / max(1, first['facilities']):.1f} "
                "B on the wire per facility",
            )
        )
        editor, _ = first_pull(folder, template, server, "editor")
        e = push_edits(editor, ids[: args.edits])
        wire = e["bytes_sent"] + e["bytes_received"]
        results.append(
            (
                "bytes per edit mutation",
                f"{wire / e['edits']:.1f} B (request {e['bytes_sent']:,} B + answer {e['bytes_received']:,} B, "
                f"gzip bodies and HTTP heads, {e['edits']:,} edits; target <= 100)",
            )
        )
        results.append(
            (
                "push of edits",
                f"{e['edits']:,} edits in {e['seconds']:.2f} s = {e['rate']:,.0f}/s; "
                f"{e['echo_rows']:,} echoed rows (goal 0)",
            )
        )
        inc = incremental_pull(fresh)
        results.append(
            (
                "incremental pull",
                f"{inc['pulled']:,} edited facilities in {inc['seconds']:.2f} s, whole cycle "
                f"(pull phase {inc['pull_seconds']:.2f} s)",
            )
        )
        fresh.store.close()
        editor.store.close()
        for workers in (1, 4):  # the same database and data, one worker process and then four
            server.stop()
            server.start(workers)
            d = devices_at_once(server, ids, args.devices, tag=f"w{workers}-d")
            results.append(
                (
                    f"{args.devices} devices at once, {workers} worker{'s' if workers > 1 else ''}",
                    f"sync cycle (hello, push 1 edit, pull 2 scopes) p50 {d['p50']:.2f} s, p95 {d['p95']:.2f} s, "
                    f"max {d['max']:.2f} s",
                )
            )
    width = max(len(k) for k, _ in results)
    print(f"\nkcdesk sync benchmark (PostgreSQL; {os.cpu_count()} CPUs)")
    for key, value in results:
        print(f"  {key:<{width}}  {value}")


if __name__ == "__main__":
    main()
