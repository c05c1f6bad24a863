"""Frozen bundle against source: size, and start time side by side.

    .venv/bin/python bench/bench_frozen.py [--bundle dist/kcdesk] [--runs 5]

Builds nothing: run installer/build_linux.sh first. For each of `--version` (start-up only:
interpreter, imports, argument parser) and `--self-test` (start-up plus the whole check),
runs the frozen `kcdesk` and `python -m kcdesk` alternately, `--runs` times each, and prints
the median wall time. Cold: the page cache is dropped before every run (`sync; echo 3 >
/proc/sys/vm/drop_caches`, root only; without root only warm figures are printed). Warm:
the same command run again right after an untimed run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


def can_drop_caches() -> bool:
    return os.geteuid() == 0 and os.access("/proc/sys/vm/drop_caches", os.W_OK)


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def timed(cmd: list[str], env: dict[str, str] = ENV) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def measure(commands: dict[str, list[str]], runs: int, cold: bool, env: dict[str, str] = ENV) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():  # alternate, so drift hits both alike
            if cold:
                drop_caches()
            else:
                timed(cmd, env)  # untimed warm-up
            times[name].append(timed(cmd, env))
    return times


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1024**2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "kcdesk")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    frozen = args.bundle / "kcdesk"
    if not frozen.exists():
        raise SystemExit(f"no bundle at {args.bundle}: run installer/build_linux.sh first")
    files = sum(1 for p in args.bundle.rglob("*") if p.is_file())
    print(f"bundle {args.bundle}: {size_mb(args.bundle):.0f} MB unpacked, {files} files")
    modes = [("cold", True)] if can_drop_caches() else []
    modes.append(("warm", False))
    if not can_drop_caches():
        print("(not root: cannot drop the page cache, warm figures only)")
    print(f"median of {args.runs} runs, wall time in seconds\n")
    print("| command | cache | frozen | source | frozen / source |")
    print("|---|---|---|---|---|")
    for what in ("--version", "--self-test"):
        commands = {"frozen": [str(frozen), what], "source": [sys.executable, "-m", "kcdesk", what]}
        for label, cold in modes:
            times = measure(commands, args.runs, cold)
            f, s = statistics.median(times["frozen"]), statistics.median(times["source"])
            print(f"| kcdesk {what} | {label} | {f:.2f} | {s:.2f} | {f / s:.2f} |", flush=True)


if __name__ == "__main__":
    main()
