"""Helpers shared by the benchmarks in bench/ (not a benchmark itself).

- core_connection: a plain sqlite3 connection with exactly the pragmas the core sets on its
  own connections (taken from kcdesk.db.engine, so a baseline cannot drift from the core);
- xvfb: a private X server on a free display, for the GUI cold starts that Anki's harness
  also measures under Xvfb;
- rss_mb / own_peak_rss_mb: resident memory of the calling process now and at its peak
  (its own peak: see own_peak_rss_mb for why not ru_maxrss);
- small formatting helpers for the side-by-side tables.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"  # git-ignored: venvs, cached databases, scratch files


@contextmanager
def core_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A raw sqlite3 connection to `path` set up by the core's own connect hook
    (kcdesk.db.engine.make_engine): journal mode, synchronous, foreign keys, cache_size,
    busy timeout, autocommit (we issue BEGIN ourselves)."""
    from kcdesk.db.engine import make_engine

    engine = make_engine(path)
    fairy = engine.raw_connection()
    try:
        yield fairy.driver_connection  # type: ignore[misc]
    finally:
        fairy.close()
        engine.dispose()


def pragmas(conn: sqlite3.Connection) -> str:
    """The settings that decide write speed, as one label."""
    names = ("journal_mode", "synchronous", "cache_size", "foreign_keys")
    values = {n: conn.execute(f"PRAGMA {n}").fetchone()[0] for n in names}
    sync = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}.get(values["synchronous"], values["synchronous"])
    return (
        f"journal_mode={values['journal_mode']}, synchronous={sync}, "
        f"cache_size={values['cache_size']}, foreign_keys={values['foreign_keys']}"
    )


def settle(at_most: float, busy: float = 0.5) -> float:
    """Wait until the 1-minute load average is at most `busy` per core (what ran just before,
    a test suite or a build, still slows the first sections for a minute or two), or
    `at_most` seconds; the seconds waited."""
    if not hasattr(os, "getloadavg"):
        return 0.0
    started = time.monotonic()
    limit = busy * (os.cpu_count() or 1)
    while os.getloadavg()[0] > limit and time.monotonic() - started < at_most:
        time.sleep(2)
    return time.monotonic() - started


def load_line() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1/5/15 min) on {os.cpu_count()} cores"


def xvfb_missing() -> str | None:
    """Why the GUI cold start cannot run here, or None when it can."""
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (Debian: apt-get install xvfb)"
    unresolved = xcb_libraries_missing()
    if unresolved:
        missing = ", ".join(unresolved)
        return f"Qt's xcb platform cannot load: {missing} not found (install the libraries scripts/test.sh lists)"
    return None


def xcb_libraries_missing() -> list[str]:
    """The shared libraries Qt's xcb platform plugin needs and the system lacks (by ldd), so
    that a run without them says so instead of stopping at the window sections."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None or shutil.which("ldd") is None:
        return []  # no Qt to load, or no way to tell: the window sections say so themselves
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return []
    listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
    return sorted({line.split()[0] for line in listing.splitlines() if "not found" in line})


@contextmanager
def xvfb(width: int = 1366, height: int = 768) -> Iterator[str]:
    """Start Xvfb on a free display and yield it (":N"); stop it afterwards."""
    sockets = Path("/tmp/.X11-unix")
    number = next(
        n for n in range(90, 400) if not (sockets / f"X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
    )
    display = f":{number}"
    proc = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while not (sockets / f"X{number}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Xvfb did not start on {display}")
            time.sleep(0.05)
        yield display
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def rss_mb() -> float:
    """The calling process's resident memory now, in MB (Linux)."""
    return _status_mb("VmRSS")


def own_peak_rss_mb() -> float:
    """The calling process's own peak resident memory since it started, in MB (Linux VmHWM).

    Not resource.getrusage(RUSAGE_SELF).ru_maxrss: on Linux a process keeps across exec the
    peak of the process it was forked from (or vforked, as subprocess does), so the window
    bench_vs_anki starts after its core and sync sections read their 796 MB as its own peak
    (2026-12-06; bench/results/register-rss-2026-12-06.txt). VmHWM is the high-water mark of
    the address space made at exec: this process's alone."""
    return _status_mb("VmHWM")


def rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table (readable as plain text too)."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
