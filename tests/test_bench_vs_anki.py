"""The comparison harness runs from a clean checkout and prints what it promises: the true
floor beside the core (doing the same work as the core), and kcdesk's side alone when the
Anki peer is not there. Figures are not checked: speed lives in bench/, never in tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_verdicts_take_the_peer_measured_in_turn_when_there_is_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Anki's figures taken once, minutes before kcdesk's, moved by half between runs on a
    shared machine: when the run also measured them in turn with kcdesk's, the verdicts
    compare those medians, and say so."""
    monkeypatch.syspath_prepend(str(REPO / "bench"))
    import _vs_report

    anki = {
        "n": 50_000,
        "write": {"add_notes_per_s": 10_000},
        "sync": {
            "incremental_push": {"notes_per_s": 1_000},
            "incremental_pull": {"notes_per_s": 2_000},
            "full_download": {"notes_per_s": 100_000},
        },
    }
    core = {"n": 50_000, "core_s": 2.0}
    sync = {"edits": {"edits": 5_000, "rate": 4_000.0}, "incremental": {"seconds": 1.0}}
    assert _vs_report.add_notes_rate(anki, core) == (10_000, "")
    assert _vs_report.edit_rates(anki, sync, "push") == (4_000.0, 1_000, "")
    assert _vs_report.edit_rates(anki, sync, "pull") == (5_000, 2_000, "")
    assert _vs_report.download_rate(anki, sync) == (100_000, "")

    core |= {"peer_write_s": 4.0, "runs": {"peer_write_s": [5.0, 4.0, 3.0]}}
    sync["in_turn"] = {
        "rounds": 3,
        "edits": 5_000,
        "anki_edits": 5_000,
        "kcdesk_push_s": [1.0, 2.0, 9.0],
        "anki_push_s": [0.5, 0.4, 0.1],
        "kcdesk_pull_s": [0.5, 0.5, 0.2],
        "anki_pull_s": [1.0, 0.25, 0.25],
    }
    rate, how = _vs_report.add_notes_rate(anki, core)
    assert rate == 12_500 and "in turn" in how and "median of 3" in how
    assert _vs_report.edit_rates(anki, sync, "push")[:2] == (2_500, 12_500)
    assert _vs_report.edit_rates(anki, sync, "pull")[:2] == (10_000, 20_000)
    assert "3 rounds in turn" in _vs_report.edit_rates(anki, sync, "pull")[2]
    sync["first_pull_in_turn"] = {"anki_notes": 50_000, "anki_download_s": [0.5, 1.0, 0.25]}
    download, how = _vs_report.download_rate(anki, sync)
    assert download == 100_000 and "median of 3" in how
