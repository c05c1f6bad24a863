"""The comparison harness runs from a clean checkout and prints what it promises: the true
floor beside the core (doing the same work as the core), and kcdesk's side alone when the
Anki peer is not there. Figures are not checked: speed lives in bench/, never in tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.child_env import child_env

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "bench_vs_anki.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # Plain files: the bench's floor is Python's sqlite3 on the same file, so its ratios are
    # defined for a plain database (an encrypted run would compare SQLCipher with a floor it cannot open).
    env = child_env(KCDESK_ENCRYPT="0")
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, cwd=REPO, timeout=120
    )


def test_core_section_prints_the_true_floor_beside_the_core(tmp_path: Path) -> None:
    done = run("--quick", "--only", "core", "--peer", str(tmp_path))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    measured = re.findall(r"^  (\S.*?) +[\d.]+ s +[\d,]+ rows/s", out, flags=re.MULTILINE)
    assert measured == ["core", "floor + capture", "floor", "per-row triggers"], out
    assert "the floors ran with the core's pragmas: journal_mode=wal" in out
    assert "cache_size=-" in out  # the core's page cache, not sqlite3's default
    # The floor with capture wrote exactly the rows the core wrote: a like-for-like floor.
    assert "floor + capture wrote the same rows as the core: facility 2,000" in out
    assert "NOTE: not the same work" not in out
    floor_row = next(line for line in out.splitlines() if line.startswith("| core bulk write >= 0.6 of the true floor"))
    assert floor_row.rstrip(" |").endswith(("met", "MISSED"))
    # Anki was not asked for: the report says so and keeps kcdesk's side.
    assert "Anki's side is missing from this run" in out
    assert "| local bulk write | " in out


def test_a_missing_peer_is_named_and_kcdesk_side_still_printed(tmp_path: Path) -> None:
    done = run("--quick", "--only", "anki", "--peer", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert f"the Anki harness (bench.py, requirements.txt) was not found in {tmp_path}" in done.stdout
    assert "kcdesk's side only" in done.stdout
    assert not (tmp_path / "bench-data").exists()


def test_an_unknown_section_is_refused_with_the_choices() -> None:
    done = run("--only", "core,pul")
    assert done.returncode == 2
    assert "unknown section(s) pul" in done.stderr and "anki, core, pull, push, start, status, register" in done.stderr
