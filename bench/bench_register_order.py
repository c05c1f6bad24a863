"""The register's order at 200,000 facilities: what sorting names in Vietnamese order costs.

    .venv/bin/python bench/bench_register_order.py [--facilities 200000] [--repeat 5] [--db PATH]

Builds the province the way bench_core.py does (its rows, the core's bulk insert, timed), or
opens --db, then times, median of --repeat runs each:
- the window's id list by name, both directions and within one ward (ordered_ids: every
  facility of the filter in display order, the register's one big query);
- the services' first page by name (list_facilities, 100 rows), and a page deep in the list;
- the export's order (the ids the facility export walks, without building its rows).
Run it on a checkout before and after a change to compare; figures, not assertions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import load_line
from bench_core import bench_core_insert, copy_of, make_rows

from kcdesk.db.store import Store
from kcdesk.services.facilities import FacilityFilter, list_facilities

try:  # the register's queries moved from the window's package to the services (issue 12)
    from kcdesk.services.register import ordered_ids  # type: ignore[import-not-found,unused-ignore]
except ImportError:
    from kcdesk.ui.records.register import ordered_ids


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def export_order(session: Any) -> int:
    """The ids in the export's order, as its query asks for them (name key when present)."""
    raw = session.connection().connection.driver_connection
    columns = {r[1] for r in raw.execute("PRAGMA table_info(facility)")}
    key = "name_sort" if "name_sort" in columns else "name"
    return len(raw.execute(f"SELECT id FROM facility WHERE deleted_at IS NULL ORDER BY {key}, id").fetchall())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facilities", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, help="an existing database instead of building one")
    args = parser.parse_args()
    if args.db:
        db = args.db
        print(f"register order on {db}")
    else:
        rows, template = make_rows(args.facilities)
        db = copy_of(template, "register.db")
        seconds = bench_core_insert(db, rows)
        print(f"bulk insert of {args.facilities:,} facilities (core): {seconds:.2f} s, into {db}")
    with Store.open(db) as store, store.read() as s:
        n = len(ordered_ids(s, FacilityFilter(), "name"))
        ward = Counter(r[0] for r in s.connection().exec_driver_sql("SELECT ward_code FROM facility")).most_common(1)
        ward_code = ward[0][0] if ward else None
        figures = {
            "ids by name, ascending": lambda: ordered_ids(s, FacilityFilter(), "name"),
            "ids by name, descending": lambda: ordered_ids(s, FacilityFilter(), "name", descending=True),
            f"ids by name, ward {ward_code}": lambda: ordered_ids(s, FacilityFilter(ward_code=ward_code), "name"),
            "first page by name (100)": lambda: list_facilities(s, limit=100),
            "page at 100,000 by name (100)": lambda: list_facilities(s, limit=100, offset=min(100_000, n // 2)),
            "export order (all ids)": lambda: export_order(s),
        }
        print(f"{n:,} facilities, Python {sys.version.split()[0]}; median of {args.repeat} (ms); {load_line()}")
        for label, fn in figures.items():
            print(f"  {label:<32} {median_ms(fn, args.repeat):9.1f}")


if __name__ == "__main__":
    main()
