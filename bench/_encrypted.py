"""bench_core.py --encrypted-beside-plain: the encrypted store (SQLCipher) beside the plain
one in one run, on the same rows and queries (issue 13 part 1).

Both stores are made fresh in one folder; the bulk inserts alternate plain / encrypted
`repeat` times (median), the search runs the same queries on both (page cache warmed once),
and the open is Store.open + close in process, median of 20 (the encrypted one includes
unwrapping its key from the key file on the first open only, as in the app).
Targets (issue 13): encrypted insert rate >= 0.7x plain, search p95 <= 1.3x plain.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from kcdesk.db import sqlfile
from kcdesk.db.store import Store
from kcdesk.security.recovery import format_key, new_recovery_key
from kcdesk.services.facilities import bulk_insert_facilities
from kcdesk.services.search import search
from kcdesk.services.setup import initialize


def _new_store(path: Path, encrypted: bool) -> None:
    os.environ["KCDESK_ENCRYPT"] = "1" if encrypted else "0"
    with Store.open(path, create=True) as store:
        store.write(lambda s: initialize(s, province_code="48"))
    assert sqlfile.is_encrypted(path) == encrypted


def _insert(path: Path, rows: list[dict]) -> float:
    with Store.open(path) as store:
        start = time.perf_counter()
        store.write(lambda s: bulk_insert_facilities(s, rows))
        return time.perf_counter() - start


def _search_times(path: Path, qs: list[str]) -> list[float]:
    out = []
    with Store.open(path) as store, store.read() as session:
        for q in qs:
            search(session, q, kinds=("facility",))
        for q in qs:
            start = time.perf_counter()
            search(session, q, kinds=("facility",), limit=50)
            out.append(time.perf_counter() - start)
    return out


def _open_median(path: Path) -> float:
    Store.open(path).close()
    times = []
    for _ in range(20):
        start = time.perf_counter()
        Store.open(path).close()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(rows: list[dict], qs: list[str], repeat: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-bench-enc-"))
    os.environ.setdefault("KCDESK_RECOVERY_KEY", format_key(new_recovery_key()))  # no OS keyring needed
    n = len(rows)
    inserts: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for i in range(repeat):
        for kind in ("plain", "encrypted"):
            path = folder / f"{kind}-{i}.db"
            _new_store(path, kind == "encrypted")
            inserts[kind].append(_insert(path, rows))
    plain_db, enc_db = folder / f"plain-{repeat - 1}.db", folder / f"encrypted-{repeat - 1}.db"
    ins = {k: statistics.median(v) for k, v in inserts.items()}
    print(f"\n== encrypted beside plain: {n:,} facilities, {len(qs)} queries, {repeat} insert(s) each")
    print(
        f"  plain: Python's sqlite3 (SQLite {sqlite3.sqlite_version}); encrypted: sqlcipher3 "
        f"(SQLite {sqlfile.cipher_module().sqlite_version}, SQLCipher, raw 256-bit key)"
    )
    print(f"  bulk insert   plain {n / ins['plain']:9,.0f} rows/s   encrypted {n / ins['encrypted']:9,.0f} rows/s")
    print(f"  ratio encrypted/plain insert rate {ins['plain'] / ins['encrypted']:5.2f}   (target >= 0.7)")
    s_plain, s_enc = _search_times(plain_db, qs), _search_times(enc_db, qs)
    p95p, p95e = _pct(s_plain, 95), _pct(s_enc, 95)
    print(
        f"  search p50    plain {_pct(s_plain, 50) * 1000:6.2f} ms   encrypted {_pct(s_enc, 50) * 1000:6.2f} ms"
        f"\n  search p95    plain {p95p * 1000:6.2f} ms   encrypted {p95e * 1000:6.2f} ms"
    )
    print(f"  ratio encrypted/plain search p95 {p95e / p95p:5.2f}   (target <= 1.3)")
    op, oe = _open_median(plain_db), _open_median(enc_db)
    print(f"  open + close  plain {op * 1000:6.1f} ms   encrypted {oe * 1000:6.1f} ms   ratio {oe / op:5.2f}")
    sizes = {k: p.stat().st_size / n for k, p in (("plain", plain_db), ("encrypted", enc_db))}
    print(f"  bytes/facility plain {sizes['plain']:.0f}   encrypted {sizes['encrypted']:.0f}")
