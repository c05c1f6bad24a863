"""A process killed in the middle of a large write leaves a sound database in which each
transaction is either all there or not there at all."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kcdesk.db import maintenance
from kcdesk.db.store import Store
from kcdesk.services.setup import initialize

BATCH = 3000
WRITER = r"""
import sys
from kcdesk.db.store import Store
from kcdesk.db.units import unit_index
from kcdesk.services.facilities import bulk_insert_facilities, create_facility
store = Store.open(sys.argv[1])
n = int(sys.argv[2])
half = int(sys.argv[3]) // 2
def write(session):
    # Half through the fast bulk path, half one by one through the ORM: both must be atomic.
    rows = [{"name": f"Cơ sở lô {n} số {i}", "facility_type": "hkd", "province_code": "48", "ward_code": "20194",
             "note": f"batch-{n}"} for i in range(half)]
    bulk_insert_facilities(session, rows)
    units = unit_index(session)
    for i in range(half):
        create_facility(session, {"name": f"Cơ sở lẻ {n}-{i}", "facility_type": "hkd", "province_code": "48",
                                  "ward_code": "20194", "note": f"batch-{n}"}, units=units)
print("committing", flush=True)
store.write(write)
print("done", flush=True)
"""


@pytest.mark.slow
def test_sigkill_mid_transaction_fifty_times(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    with Store.open(path, create=True) as store:
        store.write(lambda s: initialize(s, province_code="48"))
    rng = random.Random(7)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    outcomes = {"killed": 0, "finished": 0}
    for n in range(50):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(path), str(n), str(BATCH)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "committing"
        time.sleep(rng.uniform(0.0, 1.2))  # somewhere inside the transaction (or just after it)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            outcomes["killed"] += 1
        else:
            outcomes["finished"] += 1
        proc.wait()

        report = maintenance.check(path)
        assert report.ok, (n, report)
        conn = sqlite3.connect(path)
        try:
            counts = dict(conn.execute("SELECT note, count(*) FROM facility GROUP BY note").fetchall())
            queued = conn.execute(
                "SELECT count(*) FROM sync_outbox o JOIN facility f ON f.id = o.row_id WHERE f.note = ?",
                (f"batch-{n}",),
            ).fetchone()[0]
        finally:
            conn.close()
        assert counts.get(f"batch-{n}", 0) in (0, BATCH), counts
        assert queued == counts.get(f"batch-{n}", 0)  # the outbox commits with its rows, or not at all
        assert all(c == BATCH for c in counts.values())
    assert outcomes["killed"] >= 10, outcomes  # the test really interrupted writes
