"""The server's work on one pushed batch of edits, without HTTP: CPU per phase.

    PYTHONPATH=$PWD python bench/bench_push_apply.py [--facilities 20000] [--edits 2000] [--repeat 12]

On a province of F facilities (bench_sync.province, PostgreSQL), a batch of E one-field edits
(a phone number, as bench_edits makes them) is applied by kcdesk.server.push.BatchApplier in a
transaction that is rolled back, R times; the least CPU of each phase is printed: reading and
locking the stored rows, judging and merging each change, writing rows and the change log.
CPU (process_time), not wall time: on a shared machine it moves far less, and alternating two
checkouts on the same machine compares them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sync  # beside this file
from sqlalchemy import text

from kcdesk.gc_pause import collector_paused
from kcdesk.server.push import BatchApplier
from kcdesk.server.reference import unit_index
from kcdesk.server.scopes import DeviceGrant
from kcdesk.sync.protocol import PushRequest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facilities", type=int, default=20_000)
    parser.add_argument("--edits", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=12)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-bench-apply-"))
    with bench_sync.province(folder, args.facilities) as (server, ids):
        admin, edited = server.admin, ids[: args.edits]
        grant = DeviceGrant("bench-apply", "centre_staff", "48", ())
        with admin.engine.connect() as conn:
            stored = conn.execute(
                text("SELECT id, phone, row_version FROM facility WHERE id = ANY(:i)"), {"i": edited}
            ).all()
        known = {r[0]: (r[1], r[2]) for r in stored}
        body = {
            "mutations": [
                {
                    "seq": i + 1,
                    "mutation_id": uuid.uuid4().hex,
                    "table": "facility",
                    "row_id": fid,
                    "op": "update",
                    "base_version": known[fid][1],
                    "values": {"phone": f"0236{i:06d}"},
                    "base": {"phone": known[fid][0]},
                }
                for i, fid in enumerate(edited)
            ]
        }
        mutations = PushRequest.model_validate_json(json.dumps(body)).mutations

        def once() -> tuple[float, float, float]:
            with admin.engine.connect() as conn:
                tx = conn.begin()
                start = time.process_time()
                applier = BatchApplier(
                    conn, grant, admin.codecs, "2026-12-06T21:00:00.000000Z", units=unit_index(),
                    limits=admin.settings.store_limits(),
                )  # fmt: skip
                applier.load([(m.table, m.row_id) for m in mutations], lock=True)
                loaded = time.process_time()
                outcomes = applier.apply(mutations)
                applied = time.process_time()
                applier.write()
                written = time.process_time()
                tx.rollback()
            assert all(o.status == "applied" for o in outcomes), outcomes[:3]
            return loaded - start, applied - loaded, written - applied

        with collector_paused():  # as SyncServer.push runs it
            once()
            runs = [once() for _ in range(args.repeat)]
    best = [min(r[i] for r in runs) * 1000 for i in range(3)]
    print(f"server work on {args.edits:,} edits of a province of {args.facilities:,}, least CPU of {args.repeat}:")
    print(f"  read and lock {best[0]:.1f} ms, judge and merge {best[1]:.1f} ms, write {best[2]:.1f} ms")
    print(f"  total {sum(best):.1f} ms ({sum(best) * 1000 / args.edits:.1f} us an edit)")


if __name__ == "__main__":
    main()
