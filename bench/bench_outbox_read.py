"""Reading the outbox's pending inserts: the compact audit trail beside the full images.

Since 0009_compact_audit an insert's audit entry keeps no image of the row, so the outbox
rebuilds the row as inserted (kcdesk.db.audit_trail.insert_images: the current rows, 500 per
query). Before, it parsed the image the entry held. Both are measured here in one run on the
same 50,000 new facilities: first compact, then after audit_trail.materialize() has written
every image back (which is what the old form stored), alternating, median of the repeats.
The payloads must be identical; the script says so or stops.

    PYTHONPATH=$PWD python bench/bench_outbox_read.py [--rows 50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kcdesk.db import audit_trail
from kcdesk.db.store import Store
from kcdesk.services.facilities import bulk_insert_facilities
from kcdesk.services.setup import initialize
from kcdesk.sync.client import codecs
from kcdesk.sync.outbox import read_pending


def build(path: Path, n: int) -> None:
    with Store.open(path, create=True) as store:
        store.write(lambda s: initialize(s, province_code="48", user_full_name="Nguyễn Văn An", role="centre_leader"))
        store.reload_identity()
        rows = [
            {
                "name": f"Cơ sở sản xuất số {i}",
                "facility_type": "hkd",
                "province_code": "48",
                "ward_code": "20194",
                "representative": "Trần Thị Lan",
                "phone": f"0905{i:06d}",
                "tax_code": f"04{i:08d}",
            }
            for i in range(n)
        ]
        store.write(lambda s: bulk_insert_facilities(s, rows))


def read(path: Path) -> tuple[float, list[dict[str, object]]]:
    with Store.open(path) as store, store.read() as s:
        start = time.perf_counter()
        sent = read_pending(s, codecs(), None)
        elapsed = time.perf_counter() - start
    return elapsed, [m.wire() for m in sent]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-outbox-"))
    try:
        compact, full = folder / "compact.db", folder / "full.db"
        build(compact, args.rows)
        shutil.copyfile(compact, full)
        with Store.open(full) as store:
            store.write(lambda s: audit_trail.materialize(s.connection()))
        times: dict[str, list[float]] = {"full images (before)": [], "compact (after)": []}
        payloads = {}
        for _ in range(args.repeat):
            for name, path in (("full images (before)", full), ("compact (after)", compact)):
                elapsed, payloads[name] = read(path)
                times[name].append(elapsed)
        same = payloads["full images (before)"] == payloads["compact (after)"]
        print(f"outbox read of {args.rows:,} pending new facilities, median of {args.repeat} (alternating)")
        medians = {name: statistics.median(t) for name, t in times.items()}
        for name, m in medians.items():
            print(f"  {name:22s} {m * 1000:8.0f} ms   {args.rows / m:10,.0f} rows/s")
        ratio = medians["compact (after)"] / medians["full images (before)"]
        print(f"  compact / full: {ratio:.2f}x the time; payloads identical: {same}")
        audit = {}
        for name, path in (("full images (before)", full), ("compact (after)", compact)):
            with Store.open(path) as store, store.engine.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                size = c.exec_driver_sql(
                    "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'audit_entry%' OR name LIKE 'ix_audit%'"
                ).scalar()
            audit[name] = size / args.rows
        print("  audit bytes per facility: " + ", ".join(f"{k} {v:,.0f}" for k, v in audit.items()))
        if not same:
            raise SystemExit("the payloads differ")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
