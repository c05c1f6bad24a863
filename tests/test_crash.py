"""A process killed in the middle of a large write leaves a sound database in which each
transaction is either all there or not there at all."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from kcdesk.db import maintenance, sqlfile
from kcdesk.db.store import Store
from kcdesk.security.recovery import format_key, new_recovery_key
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
store.write(write, large=sys.argv[4] == "large")
print("done", flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("encrypted", "runs", "journal"),
    [(False, 50, "wal"), (True, 25, "wal"), (False, 25, "large"), (True, 15, "large")],
    ids=["plain", "encrypted", "plain-rollback-journal", "encrypted-rollback-journal"],
)
def test_sigkill_mid_transaction_fifty_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encrypted: bool, runs: int, journal: str
) -> None:
    """Encrypted: the same loop on a SQLCipher file (its key from the recovery key in the
    environment, as on a laptop without an OS keyring) leaves an encrypted file that passes check.
    "large": the write a first pull makes, through the rollback journal (kcdesk.db.journal):
    the next opener rolls back what a kill left half-written, and the store is WAL again."""
    path = tmp_path / "crash.db"
    if encrypted:
        monkeypatch.setenv("KCDESK_ENCRYPT", "1")
        monkeypatch.setenv("KCDESK_RECOVERY_KEY", format_key(new_recovery_key()))
    else:  # plain even in the suite's encrypted run (KCDESK_TEST_ENCRYPT=1): this case is the plain file
        monkeypatch.setenv("KCDESK_ENCRYPT", "0")
    with Store.open(path, create=True) as store:
        store.write(lambda s: initialize(s, province_code="48"))
    assert sqlfile.is_encrypted(path) == encrypted
    key = sqlfile.key_for(path)
    rng = random.Random(7)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    outcomes = {"killed": 0, "finished": 0, "hot journal": 0}
    for n in range(runs):
        proc = subprocess.Popen(
            [sys.executable, str(script), str(path), str(n), str(BATCH), journal], stdout=subprocess.PIPE, text=True
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
        outcomes["hot journal"] += path.with_name(path.name + "-journal").exists()  # killed in rollback mode

        report = maintenance.check(path)
        assert report.ok, (n, report)
        conn = sqlfile.connect(path, key)
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
    assert outcomes["killed"] >= runs // 5, outcomes
    assert (outcomes["hot journal"] > 0) == (journal == "large"), outcomes  # each journal really was in use
    assert sqlfile.is_encrypted(path) == encrypted  # the test really interrupted writes
    with Store.open(path) as store, store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
