"""The window benchmark's peak memory is the window's own (issue 14: peak RSS while scrolling).

On Linux a process keeps across exec the peak resident memory of the process it was forked
(or vforked) from, in getrusage's ru_maxrss: the window started by bench_vs_anki after its
core and sync sections read their 796 MB as its own peak. bench_gui's session reads its peak
with bench/_common.own_peak_rss_mb (VmHWM) instead. No figure is checked, only whose memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"

# A launcher that once held 300 MB, then starts a small process reading its own peak.
LAUNCHER = r"""
import subprocess, sys
held = bytearray(300 << 20)
for i in range(0, len(held), 4096):
    held[i] = 1
del held
child = (
    "import resource, sys; sys.path.insert(0, {bench!r}); from _common import own_peak_rss_mb; "
    "print(own_peak_rss_mb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
)
print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True).stdout)
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads Linux's /proc")
def test_a_process_started_after_a_large_one_reads_its_own_peak() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER.format(bench=str(BENCH))], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    # (the second figure, ru_maxrss, is what the session read before: the launcher's 300 MB on Linux)
    own, _maxrss = (float(x) for x in done.stdout.split())
    assert own < 100, done.stdout  # a bare interpreter: a few tens of MB, not the launcher's 300


def test_the_window_session_reports_its_own_peak() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import bench_gui
    finally:
        sys.path.remove(str(BENCH))
    session = bench_gui.SESSION
    assert 'out["rss_peak_mb"] = own_peak_rss_mb()' in session
    assert "ru_maxrss" not in session.split('out["rss_peak_mb"]')[1].split("\n")[0]
