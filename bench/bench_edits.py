"""Push of edits and the incremental pull of them, alone and repeated (issue 14's two slowest rates).

    .venv/bin/python bench/bench_edits.py [--facilities 20000] [--edits 5000] [--runs 2] [--refused]

Each run: a PostgreSQL server holding a province of F facilities (bench_sync.province), two
laptops that took it from the snapshot; one edits E facilities and pushes them (one sync
cycle), the other pulls them (one cycle). Besides the wall times (the push phase and the pull
phase of the cycle, as bench_sync and bench_vs_anki report them) it prints the CPU seconds
spent by the laptop process, the server process and PostgreSQL's processes during each, so
that a change can be judged on a shared, noisy machine where wall times wander. With
--refused the server refuses every edit (a phone number one digit short): the push then
writes them all to the dead letters, and the pull has nothing to bring.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_sync  # beside this file

TICKS = os.sysconf("SC_CLK_TCK")


def _process_cpu(pid: int | str) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # ended meanwhile
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def _postgres_cpu() -> float:
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in ("postgres", "postmaster"):
                    total += _process_cpu(entry.name)
            except OSError:
                continue
    return total


def cpu_now(server_pid: int) -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    return {"laptop": own.ru_utime + own.ru_stime, "server": _process_cpu(server_pid), "postgres": _postgres_cpu()}


def spent(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {k: after[k] - before[k] for k in before}


def one_run(facilities: int, edits: int, refused: bool = False) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-bench-edits-"))
    template = bench_sync.new_template(folder)
    with bench_sync.province(folder, facilities) as (server, ids):
        fresh, _ = bench_sync.first_pull(folder, template, server, "fresh")
        editor, _ = bench_sync.first_pull(folder, template, server, "editor")
        start = cpu_now(server.proc.pid)
        pushed = bench_sync.push_edits(editor, ids[:edits], refused)
        middle = cpu_now(server.proc.pid)
        pulled = bench_sync.incremental_pull(fresh)
        end = cpu_now(server.proc.pid)
        fresh.store.close()
        editor.store.close()
    push_cpu, pull_cpu = spent(start, middle), spent(middle, end)
    return {
        "push_s": pushed["seconds"],
        "push_rate": pushed["rate"],
        "echo": pushed["echo_rows"],
        "pull_s": pulled["pull_seconds"],
        "pull_cycle_s": pulled["seconds"],
        "pulled": pulled["pulled"],
        **{f"push_cpu_{k}": v for k, v in push_cpu.items()},
        **{f"pull_cpu_{k}": v for k, v in pull_cpu.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--facilities", type=int, default=20_000)
    parser.add_argument("--edits", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--refused", action="store_true", help="edits the server refuses (to the dead letters)")
    args = parser.parse_args()
    kind = "refused edits" if args.refused else "edits"
    print(f"push of {args.edits:,} {kind} and their incremental pull, province of {args.facilities:,} (PostgreSQL)")
    print(f"load average at the start: {' / '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    runs = []
    for i in range(args.runs):
        r = one_run(args.facilities, args.edits, args.refused)
        runs.append(r)
        print(
            f"  run {i + 1}: push {r['push_s']:.3f} s ({r['push_rate']:,.0f}/s, echoed {r['echo']:.0f}); "
            f"CPU laptop {r['push_cpu_laptop']:.2f} s, server {r['push_cpu_server']:.2f} s, "
            f"PostgreSQL {r['push_cpu_postgres']:.2f} s"
        )
        print(
            f"         pull {r['pulled']:,.0f} rows, pull phase {r['pull_s']:.3f} s (cycle {r['pull_cycle_s']:.3f} s, "
            f"{r['pulled'] / max(r['pull_s'], 1e-9):,.0f}/s); CPU laptop {r['pull_cpu_laptop']:.2f} s, "
            f"server {r['pull_cpu_server']:.2f} s, PostgreSQL {r['pull_cpu_postgres']:.2f} s"
        )
    print(
        f"  median: push {statistics.median(r['push_s'] for r in runs):.3f} s, "
        f"pull phase {statistics.median(r['pull_s'] for r in runs):.3f} s"
    )


if __name__ == "__main__":
    main()
