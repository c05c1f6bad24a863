"""One window per database (issue 11, "also known"): a second `kcdesk` on a database a
window already shows says so in a dialog and stops before touching anything; the two
would otherwise sync over each other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kcdesk.sync.process_lock import window_lock

REPO = Path(__file__).resolve().parents[2]
SCRIPT = r"""
import argparse, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication(sys.argv[:1])
from kcdesk.ui.app import run_gui
def watch():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        print("BOX", box.objectName(), " ".join(box.text().split()), flush=True)
        box.buttons()[-1].click()
    else:
        QTimer.singleShot(20, watch)
QTimer.singleShot(20, watch)
sys.exit(run_gui(argparse.Namespace(db=sys.argv[1], lang=sys.argv[2])))
"""


def test_a_second_window_on_the_same_database_is_refused_with_a_message(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store.close()
    home = tmp_path / "home"
    home.mkdir()
    first = window_lock(store.path)  # the window already open (this process holds its lock)
    assert first.acquire()
    before = sorted(p.name for p in store.path.parent.iterdir())
    try:
        env = {**os.environ, "KCDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(store.path), "vi"],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=120,
        )
        after = sorted(p.name for p in store.path.parent.iterdir())
    finally:
        first.release()
    box = next((line for line in done.stdout.splitlines() if line.startswith("BOX")), "")
    assert box.startswith("BOX startProblemBox Cơ sở dữ liệu"), done.stdout + done.stderr
    assert f"đang mở trong một cửa sổ kcdesk khác (tiến trình {os.getpid()})" in box
    assert done.returncode == 3 and "Traceback" not in done.stderr
    assert after == before  # nothing opened, backed up or made beside the database
