"""The frozen one-folder bundle, built once per test session by installer/build_linux.sh.

The script skips PyInstaller when the bundle was already made from the same inputs (a hash
of the sources, the spec, the installed packages), so a second run costs a second; a fresh
clone (CI) builds in about 30 s. The bundle lives under build/test-bundle/, apart from a
developer's own dist/. Other test sessions may share the folder: the build holds an
exclusive lock, and the tests here hold a shared one while they run the bundle, so nobody
rebuilds it under their feet.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.installer.frozen import Bundle

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "installer" / "build_linux.sh"
WORK = REPO / "build" / "test-bundle" / "work"
DIST = REPO / "build" / "test-bundle" / "dist"


@pytest.fixture(scope="session")
def frozen_bundle() -> Iterator[Bundle]:
    if not sys.platform.startswith("linux"):
        pytest.skip("installer/build_linux.sh builds the Linux bundle; on Windows see docs/install.md")
    env = {**os.environ, "VENV": str(Path(sys.prefix)), "KCDESK_DIST": str(DIST), "KCDESK_WORK": str(WORK)}
    done = subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, encoding="utf-8", env=env, timeout=900, cwd=REPO
    )
    assert done.returncode == 0, f"build or frozen self-test failed:\n{done.stdout}\n{done.stderr}"
    with open(WORK / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)
        yield Bundle(DIST / "kcdesk", done.stdout)
