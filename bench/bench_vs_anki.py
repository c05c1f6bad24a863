"""kcdesk beside Anki, measured in one run on this machine (issue 14's table and its Done-when).

    .venv/bin/python bench/bench_vs_anki.py                 # the whole comparison, about 10 minutes
    .venv/bin/python bench/bench_vs_anki.py --quick         # small sizes, a smoke run (about 2 minutes)
    .venv/bin/python bench/bench_vs_anki.py --only core,status

Sections (--only takes any of them, comma-separated):
  anki      Anki's peer harness (shared/peers/anki, see its README), N notes: add_notes and CSV
            import, search, full upload and download and an incremental push and pull against
            its own sync server, and with Xvfb its GUI cold start against a bare PyQt6 window.
            Installed on first use into bench/out/anki-venv from the harness's pinned
            requirements.txt and run from its own path with --dir bench/out. When it cannot be
            found, installed or run, the reason is printed and kcdesk's side stands alone.
  core      bulk write of N facilities through the core beside the true floor (bench_core:
            plain executemany without triggers, and that plus the capture SQL by hand, both
            with the core's pragmas); bytes per facility on disk, the audit trail's share.
  pull      first pull of F facilities into an empty laptop (search index and wire bytes
            included), and the incremental pull of E edits (bench_sync, PostgreSQL server).
  push      push of E edits end to end and of I new facilities (with the INSERT and COPY
            floors), and the rows the laptop pulls back afterwards (echoes).
  start     cold start to kcdesk's main window against a bare PySide6 window, alternated,
            under a private Xvfb as Anki's is (bench_gui's launch scripts).
  status    `kcdesk status` as a whole process against `python -c "import sqlite3"` (bench_frozen).
  register  the window over R facilities: scroll the whole register (peak RSS), search as you
            type (p95), a 20,000-row write (bench_gui's session).
The report goes to stdout, progress to stderr; the figures also go to bench/out/vs_anki-last.json.
The machine is shared and noisy: only ratios from one run mean anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
import traceback
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the sibling benchmarks, when imported
# This checkout's kcdesk, in this process and in every process it starts (the `kcdesk`
# command, the window's launches, the server): an installed kcdesk (an editable install of
# another checkout, say) would otherwise be measured instead, or build files this one refuses.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # (and PYTHONPATH, see main)

import _anki_peer
import _kcdesk_side as kc
import _vs_report
from _common import OUT, REPO, load_line, settle, xvfb_missing

SECTIONS = ("anki", "core", "pull", "push", "start", "status", "register")
FULL = {
    "n": 50_000,
    "facilities": 100_000,
    "edits": 5_000,
    "inserts": 50_000,
    "register": 200_000,
    "runs": 5,
    "repeat": 3,
}
QUICK = {"n": 2_000, "facilities": 5_000, "edits": 500, "inserts": 2_000, "register": 5_000, "runs": 1, "repeat": 1}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run: " + str(QUICK))
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections to run, comma-separated")
    parser.add_argument("--n", type=int, help=f"Anki's notes and kcdesk's bulk-write rows (default {FULL['n']:,})")
    parser.add_argument("--facilities", type=int, help=f"facilities of the first pull (default {FULL['facilities']:,})")
    parser.add_argument("--edits", type=int, help=f"edits pushed and pulled (default {FULL['edits']:,})")
    parser.add_argument("--inserts", type=int, help=f"new facilities pushed (default {FULL['inserts']:,})")
    parser.add_argument("--register", type=int, help=f"facilities in the window (default {FULL['register']:,})")
    parser.add_argument("--runs", type=int, help=f"cold starts and status runs of each (default {FULL['runs']})")
    parser.add_argument("--repeat", type=int, help=f"bulk writes of each kind, median (default {FULL['repeat']})")
    parser.add_argument(
        "--settle", type=float, help="seconds to wait at most for a quiet machine first (default 120; --quick: 0)"
    )
    parser.add_argument("--peer", type=Path, help="the Anki harness folder (default: shared/peers/anki found upward)")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    for key, value in sizes.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    wanted = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    args.sections = [s for s in SECTIONS if s in wanted]
    return args


def header(args: argparse.Namespace) -> None:
    commit = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"], capture_output=True, text=True)
    from kcdesk import __version__

    print(f"# kcdesk beside Anki, one run ({'quick' if args.quick else 'full'})")
    print(f"date {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; kcdesk {__version__} at {commit.stdout.strip() or '?'}")
    print(
        f"machine {platform.node()}: {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"sections: {', '.join(args.sections)}")
    print(
        f"sizes: N = {args.n:,} (Anki notes, kcdesk bulk write), first pull {args.facilities:,} facilities, "
        f"{args.edits:,} edits, {args.inserts:,} inserts pushed, window {args.register:,} facilities; "
        f"cold starts and status {args.runs}x each, bulk writes {args.repeat}x each"
    )
    if args.settle is None:
        args.settle = 0 if args.quick else 120
    waited = settle(args.settle)
    print(
        f"at the start (after {waited:.0f} s waiting for a quiet machine, {args.settle:.0f} s at most): {load_line()}. "
        "Shared and noisy machine: only the ratios of one run mean anything."
    )


def run_section(name: str, args: argparse.Namespace, results: dict[str, Any], gui_reason: str | None) -> None:
    key = "sync" if name in ("pull", "push") else name
    if key in results:  # pull and push both asked for: measured together on one server
        return
    started = time.perf_counter()
    peer_ran = "result" in results.get("anki", {})  # the peer can be run again, in turn
    print(f"[vs_anki] {name} ...", file=sys.stderr, flush=True)
    try:
        if name == "anki":
            results[key] = _anki_peer.measure(args.n, args.quick, gui_reason, args.peer)
        elif name == "core":
            # With the peer in this run, its add_notes is measured again in turn with the core's
            # bulk writes: the verdict compares figures taken side by side, not minutes apart.
            peer_write = partial(_anki_peer.add_notes_once, args.n, args.peer) if peer_ran else None
            results[key] = kc.core(args.n, args.repeat, peer_write)
        elif name in ("pull", "push"):
            # With the peer in this run, its incremental push and pull are measured again, in
            # turn with kcdesk's first pulls and its push and pull of edits (the verdicts take
            # those medians).
            peer_sync = partial(_anki_peer.in_turn, "sync", args.n, args.peer) if peer_ran else None
            results[key] = kc.sync(
                "pull" in args.sections,
                "push" in args.sections,
                args.facilities,
                args.edits,
                args.inserts,
                peer_sync,
                args.repeat,
            )
        elif name == "start":
            results[key] = (
                {"skipped": gui_reason} if gui_reason else kc.cold_start(kc.register_db(args.register), args.runs)
            )
        elif name == "status":
            results[key] = kc.status(kc.register_db(args.register), max(args.runs, 2))
        elif name == "register":
            results[key] = kc.register(kc.register_db(args.register), use_xvfb=gui_reason is None)
    except Exception as exc:  # one broken section must not cost the others' figures
        traceback.print_exc()
        results[key] = {"skipped": f"failed: {type(exc).__name__}: {str(exc).strip()[-600:]}"}
    print(f"[vs_anki] {name} done in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    _vs_report.print_section(key, results[key])
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    args = parse_args(argv)
    header(args)
    gui_reason = xvfb_missing()
    if gui_reason and {"anki", "start"} & set(args.sections):
        print(f"GUI cold starts not measured: {gui_reason}")
    results: dict[str, Any] = {}
    started = time.perf_counter()
    for name in args.sections:
        run_section(name, args, results, gui_reason)
    _vs_report.print_summary(results)
    print(f"\nat the end: {load_line()}; whole run {time.perf_counter() - started:.0f} s")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "vs_anki-last.json").write_text(json.dumps(results, default=str, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
