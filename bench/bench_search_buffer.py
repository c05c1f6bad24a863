"""The search index's in-memory buffer (FTS5 'hashsize', migration 0011) on a bulk write.

    python bench/bench_search_buffer.py [--facilities 50000] [--repeat 3]

Builds one store of N facilities through the core (bench_core.make_rows), then fills fresh
FTS5 tables of the same definition from its index documents, once with FTS5's default
buffer (1 MiB) and once with each larger one, in turn, repeated; prints the process CPU
seconds of each fill (steadier than wall time on a shared machine) and the index's size.
Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_core  # beside this file

from kcdesk.db.store import Store
from kcdesk.services.facilities import bulk_insert_facilities

DEFINITION = "fts5(name, tax_code, representative, address, tokenize='unicode61 remove_diacritics 2', prefix='1 2')"


def fill(path: Path, hashsize: int | None) -> tuple[float, int]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("DROP TABLE IF EXISTS trial_fts")
        conn.execute(f"CREATE VIRTUAL TABLE trial_fts USING {DEFINITION}")
        if hashsize is not None:
            conn.execute("INSERT INTO trial_fts(trial_fts, rank) VALUES ('hashsize', ?)", (hashsize,))
        start = time.process_time()
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO trial_fts (rowid, name, tax_code, representative, address) "
            "SELECT rowid, name, tax_code, representative, address FROM facility_fts"
        )
        conn.execute("COMMIT")
        spent = time.process_time() - start
        pages = conn.execute("SELECT count(*) FROM trial_fts_data").fetchone()[0]
        return spent, pages
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facilities", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows, template = bench_core.make_rows(args.facilities)
    path = bench_core.copy_of(template, "search-buffer.db")
    with Store.open(path) as store:
        store.write(lambda s: bulk_insert_facilities(s, rows))
    print(f"search index fill of {args.facilities:,} facilities, process CPU seconds (lower is better)")
    print(f"load average at the start: {' / '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    sizes: dict[str, int | None] = {
        "1 MiB (FTS5 default)": None,
        "16 MiB (migration 0011)": 16 << 20,
        "64 MiB": 64 << 20,
    }
    spent: dict[str, list[float]] = {k: [] for k in sizes}
    pages: dict[str, int] = {}
    for _ in range(args.repeat):
        for label, hashsize in sizes.items():
            cpu, n = fill(path, hashsize)
            spent[label].append(cpu)
            pages[label] = n
    base = statistics.median(spent["1 MiB (FTS5 default)"])
    for label, runs in spent.items():
        med = statistics.median(runs)
        each = ", ".join(f"{x:.3f}" for x in runs)
        print(f"  {label:24} median {med:.3f} s ({med / base:.2f}x)  each [{each}]  index rows {pages[label]:,}")


if __name__ == "__main__":
    main()
