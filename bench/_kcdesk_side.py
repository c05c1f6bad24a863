"""kcdesk's figures for bench_vs_anki, each section through the existing benchmarks' own
functions (bench_core, bench_sync, bench_gui, bench_frozen), so there is one way to measure
each thing. Each function returns a dict of figures, or {"skipped": why}.
"""

from __future__ import annotations

import contextlib
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import OUT, xvfb


def core(n: int, repeat: int, peer_write: Callable[[], float | None] | None = None) -> dict[str, Any]:
    """Bulk write of n facilities through the core beside the true floor (median of `repeat`
    runs of each, in turn, with `peer_write` when given: Anki's add_notes); bytes per facility."""
    import bench_core

    rows, template = bench_core.make_rows(n)
    try:
        w = bench_core.bench_write(rows, template, repeat, peer_write)
        sizes = bench_core.size_breakdown(w["core_db"], n)
    finally:
        shutil.rmtree(template.parent, ignore_errors=True)
    del w["core_db"]
    return {"n": n, **w, "bytes_per_facility": sizes}


def postgres_missing() -> str | None:
    import psycopg
    from bench_sync import PG

    try:
        psycopg.connect(PG, connect_timeout=5).close()
    except psycopg.Error as exc:
        return f"PostgreSQL is not reachable at {PG} ({str(exc).strip()[:120]}); start it: bash scripts/postgres-up.sh"
    return None


def sync(
    pull: bool,
    push: bool,
    facilities: int,
    edits: int,
    inserts: int,
    peer_sync: Callable[[], dict[str, Any] | None] | None = None,
    rounds: int = 3,
) -> dict[str, Any]:
    """First and incremental pull, push of edits and of new facilities, echoes: one server of
    `facilities` (PostgreSQL) for the pulls and the edits, another for the inserts."""
    import bench_sync

    why = postgres_missing()
    if why:
        return {"skipped": why}
    folder = Path(tempfile.mkdtemp(prefix="kcdesk-bench-vs-anki-"))
    out: dict[str, Any] = {"facilities": facilities}
    try:
        template = bench_sync.new_template(folder)
        with bench_sync.province(folder, facilities) as (server, ids):
            fresh = None
            if pull:
                # Three empty laptops: the median of three first pulls (one run on this shared
                # machine moves by a second with the load of the moment), each right after a
                # run of Anki's sync phase when the peer is here (its full download, in turn).
                runs, downloads = [], []
                for name in ("fresh", "fresh-2", "fresh-3"):
                    anki = peer_sync() if peer_sync is not None else None
                    if anki is not None:
                        downloads.append(anki["full_download"]["s"])
                        out["first_pull_in_turn"] = {"anki_notes": anki["n"], "anki_download_s": downloads}
                    pulled, figures = bench_sync.first_pull(folder, template, server, name)
                    if fresh is None:
                        fresh = pulled  # kept for the incremental pull
                    else:
                        pulled.store.close()
                    runs.append(figures)
                out["first_pull"] = {
                    **sorted(runs, key=lambda r: r["seconds"])[1],
                    "runs_s": [r["seconds"] for r in runs],
                }
            editor, _ = bench_sync.first_pull(folder, template, server, "editor")
            out["edits"] = bench_sync.push_edits(editor, ids[:edits])
            if fresh is not None:
                out["incremental"] = bench_sync.incremental_pull(fresh)
            if peer_sync is not None and fresh is not None:
                out["in_turn"] = edits_in_turn(editor, fresh, ids[:edits], peer_sync, rounds)
            editor.store.close()
            if fresh is not None:
                fresh.store.close()
        if push:
            out["inserts"] = bench_sync.push_inserts(folder, template, inserts)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


# Each round's edits write other phone numbers (all valid), so that every round changes every row.
ROUND_PHONES = ("0905{:06d}", "0935{:06d}", "0914{:06d}", "0983{:06d}", "0236{:06d}")


def edits_in_turn(
    editor: Any, fresh: Any, ids: list[str], peer_sync: Callable[[], dict[str, Any] | None], rounds: int
) -> dict[str, Any]:
    """`rounds` times in turn: Anki's sync phase (its incremental push and pull of a tenth of
    its notes), then the push of the same edits by `editor` and their pull by `fresh`. The
    medians of each side are the figures to compare: taken side by side, not minutes apart."""
    import bench_sync

    out: dict[str, Any] = {"rounds": 0, "edits": len(ids)}
    out |= {f"{side}_{way}_s": [] for side in ("kcdesk", "anki") for way in ("push", "pull")}
    for k in range(rounds):
        anki = peer_sync()
        if anki is None:
            break
        out["anki_edits"] = anki["incremental_push"]["edited_notes"]
        out["anki_push_s"].append(anki["incremental_push"]["s"])
        out["anki_pull_s"].append(anki["incremental_pull"]["s"])
        pushed = bench_sync.push_edits(editor, ids, phone=ROUND_PHONES[k % len(ROUND_PHONES)])
        pulled = bench_sync.incremental_pull(fresh)
        assert pulled["pulled"] == len(ids), pulled
        out["kcdesk_push_s"].append(pushed["seconds"])
        out["kcdesk_pull_s"].append(pulled["seconds"])
        out["rounds"] += 1
    return out


def register_db(n: int) -> Path:
    """The demo database the window figures use (built once, then reused from bench/out)."""
    import bench_gui

    name = f"gui-{n // 1000}k.db" if n % 1000 == 0 else f"gui-{n}.db"
    db = OUT / name
    if not db.exists():
        print(f"[kcdesk] building {db} ({n:,} facilities, once)", file=sys.stderr, flush=True)
        with contextlib.redirect_stdout(sys.stderr):  # progress, not a figure of the report
            bench_gui.build(db, n)
    return db


def _gui_env(home: Path, display: str | None) -> dict[str, str]:
    import bench_gui

    env = bench_gui._env(home)
    if display:
        env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    return env


def cold_start(db: Path, runs: int) -> dict[str, Any]:
    """Cold start to the main window's first paint against a bare PySide6 window, alternated,
    under a private Xvfb as Anki's harness measures its own (one untimed warm-up of each)."""
    import bench_gui

    home = Path(tempfile.mkdtemp(prefix="kcdesk-bench-start-"))
    try:
        with xvfb() as display:
            times = bench_gui.cold_starts(db, _gui_env(home, display), runs, warmup=True)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    bare, shown, filled = (statistics.median(times[k]) for k in ("bare", "shown", "filled"))
    return {"runs": runs, "bare_s": bare, "shown_s": shown, "filled_s": filled, "all": times}


def register(db: Path, use_xvfb: bool) -> dict[str, Any]:
    """Scroll the whole register, search as you type, write 20,000 rows: bench_gui's session."""
    import bench_gui

    home = Path(tempfile.mkdtemp(prefix="kcdesk-bench-register-"))
    try:
        if use_xvfb:
            with xvfb() as display:
                r = bench_gui.run_session(db, _gui_env(home, display), home)
            r["platform"] = "xcb (Xvfb)"
        else:
            r = bench_gui.run_session(db, _gui_env(home, None), home)
            r["platform"] = "offscreen"
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return r


def status(db: Path, runs: int) -> dict[str, Any]:
    """`kcdesk status` as a whole process against a bare `python -c "import sqlite3"`,
    alternated, each after an untimed warm-up (bench_frozen's machinery)."""
    import bench_frozen

    script = Path(sys.executable).with_name("kcdesk")
    kcdesk = [str(script)] if script.exists() else [sys.executable, "-m", "kcdesk"]
    commands = {
        "status": [*kcdesk, "status", "--db", str(db)],
        "bare": [sys.executable, "-c", "import sqlite3"],
    }
    home = Path(tempfile.mkdtemp(prefix="kcdesk-bench-status-"))
    try:
        # PYTHONPATH: this checkout's kcdesk, even when the installed `kcdesk` script is an
        # editable install of another one (a worktree beside the main checkout).
        env = {**bench_frozen.ENV, "KCDESK_HOME": str(home), "PYTHONPATH": str(bench_frozen.REPO)}
        times = bench_frozen.measure(commands, runs, cold=False, env=env)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return {
        "runs": runs,
        "command": " ".join(commands["status"]),
        "status_s": statistics.median(times["status"]),
        "bare_s": statistics.median(times["bare"]),
    }
