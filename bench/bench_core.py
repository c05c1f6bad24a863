"""Benchmark of the headless core on a 200,000-facility province, measured side by side.

    .venv/bin/python bench/bench_core.py [--facilities 200000] [--queries 300]

Prints, in one run on this machine:
- bulk insert through the core (kcdesk.services.facilities.bulk_insert_facilities in a store
  write) beside three baselines, each on a fresh copy of the same empty schema (indexes
  included) with the same rows, values prepared outside the clock:
    floor            plain executemany into the same table with its triggers dropped and no
                     capture at all: the physical limit for the rows alone;
    floor + capture  the same, then the core's own set-based capture statements (audit,
                     outbox, search index; kcdesk.db.capture.bulk_capture_sql) run by hand:
                     the true floor for the work the core does (target: core >= 0.6 of it);
    per-row triggers the old "raw" baseline: executemany with the capture triggers firing once
                     per row, sqlite3's default pragmas (no cache_size); kept for comparison
                     with earlier figures (target: core >= 0.5 of it), not a floor;
  the two floors run with the core's pragmas (kcdesk.db.engine's connect hook, cache_size
  included) and its journal: from 10,000 rows the core writes as an import of that size
  does, through the rollback journal when alone with the file (kcdesk.db.journal), and so
  do the floors; target 100,000 facilities in <= 5 s;
- search p50/p95 through the core against a raw FTS5 query of the same terms
  (targets: p95 <= 20 ms and <= 3x raw);
- open plus migration check of the 200,000-facility file (target <= 150 ms);
- bytes per facility on disk;
- with --encrypted-beside-plain, instead: the encrypted store beside the plain one
  (bench/_encrypted.py: bulk insert rate, search p95, open).
Figures, not assertions: these machines are shared and noisy, so compare the ratios.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import core_connection, pragmas

from kcdesk.db import journal
from kcdesk.db.capture import bulk_capture_sql
from kcdesk.db.sort_keys import SORT_KEYS
from kcdesk.db.store import Store
from kcdesk.db.units import current_wards
from kcdesk.demo.people import DemoRandom, Ward, facility_row
from kcdesk.exchange.import_run import LARGE_IMPORT_ROWS
from kcdesk.services.facilities import bulk_insert_facilities
from kcdesk.services.search import match_expression, search
from kcdesk.services.setup import initialize
from kcdesk.text import fold, vi_sort_key

CAPTURE_TABLES = ("facility", "audit_entry", "sync_outbox", "facility_fts")


def make_rows(n: int) -> tuple[list[dict], Path]:
    template = Path(tempfile.mkdtemp(prefix="kcdesk-bench-")) / "template.db"
    with Store.open(template, create=True) as store:
        store.write(lambda s: initialize(s, province_code="48"))
        with store.read() as s:
            wards = [Ward(u.code, u.name, u.full_name) for u in current_wards(s, "48")]
    rng = DemoRandom(1)
    rows = [facility_row(rng, i, "48", wards, [], 1_000_000 + i) for i in range(n)]
    now = "2026-11-27T00:00:00.000Z"
    for row in rows:
        row.update(created_at=now, updated_at=now, row_version=0)
        row.setdefault("legacy_address", None)
        row.setdefault("legacy_ward_code", None)
        row.setdefault("legacy_district_code", None)
        row.setdefault("legacy_province_code", None)
    return rows, template


def copy_of(template: Path, name: str) -> Path:
    target = template.with_name(name)
    for leftover in (target, target.with_name(name + "-wal"), target.with_name(name + "-shm")):
        leftover.unlink(missing_ok=True)  # a fresh copy, whatever an earlier repetition left
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


def bench_core_insert(path: Path, rows: list[dict]) -> float:
    """As an import of this many rows writes them (kcdesk.exchange.import_run): a large write,
    through the rollback journal when the process is alone with the file (kcdesk.db.journal)."""
    large = len(rows) >= LARGE_IMPORT_ROWS
    with Store.open(path) as store:
        start = time.perf_counter()
        store.write(lambda s: bulk_insert_facilities(s, rows), large=large)
        return time.perf_counter() - start


def bench_raw_insert(path: Path, rows: list[dict]) -> float:
    """The old baseline: executemany with the per-row capture triggers, default pragmas."""
    keys = list(rows[0].keys())
    values = [tuple(_plain(r[k]) for k in keys) for r in rows]  # prepared outside the clock
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    sql = f"INSERT INTO facility ({', '.join(keys)}) VALUES ({', '.join('?' for _ in keys)})"
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(sql, values)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def drop_triggers(path: Path, table: str = "facility") -> int:
    """Drop every trigger on `table` (outside any clock): what is left is the table and its indexes."""
    conn = sqlite3.connect(path)
    names = [
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,))
    ]
    for name in names:
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.commit()
    conn.close()
    return len(names)


def bench_floor_insert(
    path: Path, rows: list[dict], capture: bool, parts: dict[str, float] | None = None
) -> tuple[float, str]:
    """Plain executemany into `facility` with no triggers, under the core's pragmas and journal; with
    `capture`, followed in the same transaction by the core's set-based capture statements
    (the very SQL kcdesk.db.bulk runs), so the same audit, outbox and index rows are written.
    Returns the seconds and the pragmas it ran with; `parts` (if given) gets the seconds of
    each step, named by what it writes (part_name)."""
    drop_triggers(path)
    named = list(rows[0].keys())
    # The sort keys too, as the core makes them while it prepares the rows: left to the
    # capture SQL's fill statements (a Python function called from an UPDATE of every row)
    # they cost the floor about 0.7 s of 50,000 rows that the core never spends, and the
    # core's ratio to the floor read 0.95 where it is about 0.65.
    derived = [(source, key) for source, key in SORT_KEYS["facility"] if key not in named]
    keys = [*named, *(key for _, key in derived)]
    values = [  # prepared outside the clock
        (
            *(_plain(r[k]) for k in named),
            *(vi_sort_key(r[source]) if isinstance(r[source], str) else None for source, _ in derived),
        )
        for r in rows
    ]
    sql = f"INSERT INTO facility ({', '.join(keys)}) VALUES ({', '.join('?' for _ in keys)})"
    with core_connection(path) as conn:
        columns = [r[1] for r in conn.execute('PRAGMA table_info("facility")')]
        statements = bulk_capture_sql("facility", columns) if capture else []
        start = time.perf_counter()
        large = len(rows) >= LARGE_IMPORT_ROWS and journal.leave_wal(conn)  # the core's journal for this write
        conn.execute("BEGIN IMMEDIATE")
        params = {
            "start": conn.execute("SELECT coalesce(max(rowid), 0) FROM facility").fetchone()[0],
            "audit_start": conn.execute("SELECT coalesce(max(id), 0) FROM audit_entry").fetchone()[0],
        }
        steps = [("the rows (executemany)", lambda: conn.executemany(sql, values))]
        for stmt in statements:
            bound = {k: v for k, v in params.items() if f":{k}" in stmt}
            steps.append((part_name(stmt), lambda stmt=stmt, bound=bound: conn.execute(stmt, bound)))
        steps.append(("commit", lambda: conn.execute("COMMIT")))
        for name, step in steps:
            began = time.perf_counter()
            step()
            if parts is not None:
                parts[name] = parts.get(name, 0.0) + time.perf_counter() - began
        elapsed = time.perf_counter() - start
        settings = pragmas(conn)  # read outside the clock, still in the write's journal
        if large:
            journal.back_to_wal(conn)
    return elapsed, settings


def part_name(stmt: str) -> str:
    """What a capture statement writes, in a few words (for the floor's breakdown)."""
    words = stmt.split()
    if words[0] == "UPDATE":  # the sort keys a row lacks (kcdesk.db.sort_keys)
        return f"sort key {words[3].strip(chr(34))}"
    return f"into {words[2]}"


def written(path: Path) -> dict[str, int]:
    """Rows each capture table holds, and the facilities holding a sort key equal to the one
    kcdesk.text.vi_sort_key makes of their name: the floor with capture must match the core's."""
    conn = sqlite3.connect(path)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CAPTURE_TABLES}
        for source, key in SORT_KEYS["facility"]:
            pairs = conn.execute(f"SELECT {source}, {key} FROM facility WHERE {source} IS NOT NULL").fetchall()
            counts[f"facility {key}"] = sum(1 for text, made in pairs if made == vi_sort_key(text))
        return counts
    finally:
        conn.close()


def bench_write(
    rows: list[dict], template: Path, repeat: int = 1, peer_write: Callable[[], float | None] | None = None
) -> dict:
    """The four bulk inserts of the same rows, each into its own fresh copy of `template`,
    `repeat` times in turn (so drift hits all alike); each figure is the median. The core's
    last database is kept (key "core_db") for the search, open and size figures.
    `peer_write`: a peer's bulk write of as many records (Anki's add_notes), run in turn with
    them (key "peer_write_s"): on a shared machine a figure taken minutes apart is no peer."""
    runs: dict[str, list[float]] = {"raw_s": [], "floor_s": [], "floor_capture_s": [], "core_s": []}
    parts: dict[str, float] = {}  # floor + capture, step by step, summed over the runs
    out: dict = {"repeat": repeat, "runs": runs}
    for _ in range(repeat):
        peer_seconds = peer_write() if peer_write else None
        if peer_seconds is not None:
            runs.setdefault("peer_write_s", []).append(peer_seconds)
        runs["raw_s"].append(bench_raw_insert(copy_of(template, "raw.db"), rows))
        floor_db, capture_db = copy_of(template, "floor.db"), copy_of(template, "floor-capture.db")
        seconds, out["pragmas"] = bench_floor_insert(floor_db, rows, capture=False)
        runs["floor_s"].append(seconds)
        runs["floor_capture_s"].append(bench_floor_insert(capture_db, rows, capture=True, parts=parts)[0])
        out["core_db"] = copy_of(template, "core.db")
        runs["core_s"].append(bench_core_insert(out["core_db"], rows))
    out |= {key: statistics.median(values) for key, values in runs.items()}
    out["floor_capture_parts"] = {name: seconds / repeat for name, seconds in parts.items()}
    out["core_rows"], out["floor_capture_rows"] = written(out["core_db"]), written(capture_db)
    return out


def print_write(n: int, w: dict) -> None:
    repeat = w.get("repeat", 1)
    each = f", median of {repeat} runs in turn" if repeat > 1 else ""
    print(f"\n== bulk insert of {n:,} facilities{each}, rows/s (higher is better)")
    lines = [
        ("core", w["core_s"], "bulk_insert_facilities in Store.write: rows + audit, outbox, search index"),
        ("floor + capture", w["floor_capture_s"], "executemany, no triggers, then the core's capture SQL by hand"),
        ("floor", w["floor_s"], "plain executemany, no triggers, no audit/outbox/search index"),
        ("per-row triggers", w["raw_s"], "executemany, capture triggers per row, default cache_size (old 'raw')"),
    ]
    for label, seconds, what in lines:
        print(f"  {label:<17} {seconds:7.2f} s  {n / seconds:9,.0f} rows/s   {what}")
    parts = w.get("floor_capture_parts")
    if parts:  # where the true floor's own time goes: what no change to the core can remove
        split = "; ".join(f"{name} {seconds:.2f}" for name, seconds in parts.items())
        print(f"  floor + capture, step by step (s, mean of the runs): {split}")
    if repeat > 1:
        names = {
            "core_s": "core",
            "floor_capture_s": "floor + capture",
            "floor_s": "floor",
            "raw_s": "per-row triggers",
        }
        if "peer_write_s" in w["runs"]:
            names["peer_write_s"] = "Anki add_notes"
        print("  each run (s): " + "; ".join(f"{names[k]} {[round(x, 2) for x in w['runs'][k]]}" for k in names))
    if "peer_write_s" in w:
        peer = w["peer_write_s"]
        print(
            f"  Anki's add_notes of as many notes, in turn with these: {peer:.2f} s, {n / peer:,.0f}/s "
            f"(median of {len(w['runs']['peer_write_s'])}); core / add_notes {peer / w['core_s']:.2f}"
        )
    print(f"  core: 100k in {100_000 * w['core_s'] / n:.2f} s (target <= 5 s)")
    print(f"  the floors ran with the core's pragmas: {w['pragmas']}")
    ratios = [
        ("core / (floor + capture)", w["floor_capture_s"], "target >= 0.6: the true floor, same work"),
        ("core / floor", w["floor_s"], "the rows alone, nothing captured"),
        ("core / per-row triggers", w["raw_s"], "target >= 0.5; the old 'core/raw', not a floor"),
    ]
    for label, seconds, what in ratios:
        print(f"  ratio {label:<25} {seconds / w['core_s']:5.2f}   ({what})")
    if w["core_rows"] == w["floor_capture_rows"]:
        same = ", ".join(f"{t} {c:,}" for t, c in w["core_rows"].items())
        print(f"  floor + capture wrote the same rows as the core: {same}")
    else:
        print(f"  NOTE: not the same work: floor + capture wrote {w['floor_capture_rows']}, the core {w['core_rows']}")


def _plain(value):  # type: ignore[no-untyped-def]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def queries(rows: list[dict], n: int) -> list[str]:
    rng = random.Random(3)
    picks: list[str] = [
        "da nang",
        "ĐÀ NẴNG",
        "nguyen",
        "ng",
        "co so",
        "hop tac xa",
        "cong ty tnhh",
        "hai van",
        "0401",
        "thi",
    ]
    while len(picks) < n:
        row = rng.choice(rows)
        kind = rng.randrange(4)
        if kind == 0:  # part of a name, typed without tone marks
            words = fold(row["name"]).split()
            start = rng.randrange(len(words))
            picks.append(" ".join(words[start : start + rng.randint(1, 3)]))
        elif kind == 1:  # a representative, maybe cut short as people type
            words = fold(row["representative"]).split()
            picks.append(" ".join(words[: rng.randint(1, 3)])[: rng.randint(3, 20)])
        elif kind == 2:  # the start of a tax code
            picks.append(row["tax_code"][: rng.randint(4, 10)])
        else:  # a product and a place
            picks.append(f"{fold(row['main_products'])} {fold(row['name']).split()[-1]}")
    return picks


def timed(fn, repeat: int = 1) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_search(path: Path, qs: list[str]) -> dict[str, float]:
    core, raw = [], []
    with Store.open(path) as store, store.read() as session:
        conn = sqlite3.connect(path)
        for q in qs:  # warm the page cache once, as a running app would have it
            search(session, q, kinds=("facility",))
        for q in qs:
            core.append(timed(lambda q=q: search(session, q, kinds=("facility",), limit=50)))
            expr = match_expression(q)
            raw.append(
                timed(
                    lambda e=expr: conn.execute(
                        "SELECT rowid FROM facility_fts WHERE facility_fts MATCH ? ORDER BY rank LIMIT 50", (e,)
                    ).fetchall()
                )
            )
        conn.close()
    return {"core_p50": pct(core, 50), "core_p95": pct(core, 95), "raw_p50": pct(raw, 50), "raw_p95": pct(raw, 95)}


def bench_open(path: Path) -> dict[str, float]:
    in_process = []
    Store.open(path).close()
    for _ in range(20):
        start = time.perf_counter()
        Store.open(path).close()
        in_process.append(time.perf_counter() - start)
    code_store = f"from kcdesk.db.store import Store; Store.open({str(path)!r}).close()"
    code_raw = (
        f"import sqlite3; c = sqlite3.connect({str(path)!r}); c.execute('select count(*) from app_meta'); c.close()"
    )
    cold_store = min(timed(lambda: subprocess.run([sys.executable, "-c", code_store], check=True)) for _ in range(3))
    cold_raw = min(timed(lambda: subprocess.run([sys.executable, "-c", code_raw], check=True)) for _ in range(3))
    return {"open_median": statistics.median(in_process), "process_store": cold_store, "process_raw": cold_raw}


def size_breakdown(path: Path, n: int) -> dict[str, float]:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    parts: dict[str, float] = {}
    try:
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            group = (
                "audit trail"
                if name.startswith(("audit_entry", "ix_audit"))
                else "search index"
                if "_fts" in name
                else "facility + indexes"
                if "facility" in name and "year" not in name
                else "other"
            )
            parts[group] = parts.get(group, 0) + size / n
    except sqlite3.OperationalError:
        pass  # dbstat not compiled in
    conn.close()
    parts["total"] = path.stat().st_size / n
    return parts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facilities", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=1, help="bulk inserts of each kind, in turn (median)")
    parser.add_argument(
        "--encrypted-beside-plain", action="store_true", help="only the encrypted store beside the plain one"
    )
    args = parser.parse_args()
    n = args.facilities
    print(f"kcdesk core benchmark: {n:,} facilities, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    rows, template = make_rows(n)
    if args.encrypted_beside_plain:
        from _encrypted import run

        run(rows, queries(rows, args.queries), max(args.repeat, 1))
        return
    w = bench_write(rows, template, args.repeat)
    core_db = w["core_db"]
    print_write(n, w)

    s = bench_search(core_db, queries(rows, args.queries))
    print(f"\n== search, {args.queries} queries, top 50 (ms)")
    print(f"  core  p50 {s['core_p50'] * 1000:6.2f}  p95 {s['core_p95'] * 1000:6.2f}   (target p95 <= 20 ms)")
    print(
        f"  raw   p50 {s['raw_p50'] * 1000:6.2f}  p95 {s['raw_p95'] * 1000:6.2f}"
        "   FTS5 MATCH ... ORDER BY rank LIMIT 50"
    )
    print(f"  ratio core/raw p95 {s['core_p95'] / s['raw_p95']:5.2f}  (target <= 3)")

    o = bench_open(core_db)
    print("\n== open plus migration check")
    print(f"  Store.open + close, in process, median of 20: {o['open_median'] * 1000:6.1f} ms  (target <= 150 ms)")
    print(
        f"  whole process: python -c 'Store.open(...)' {o['process_store'] * 1000:6.0f} ms;"
        f" bare sqlite3 {o['process_raw'] * 1000:6.0f} ms"
    )

    sizes = size_breakdown(core_db, n)
    print("\n== bytes per facility on disk")
    for key, value in sizes.items():
        print(f"  {key:<20} {value:8.0f}")


if __name__ == "__main__":
    main()
