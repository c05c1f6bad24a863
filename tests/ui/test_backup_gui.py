"""Start-up safety in the window: the daily backup off the GUI thread, "Khôi phục từ bản
sao lưu…" (the current data backed up first, the store closed and opened again, every view
reading the restored data; a bad backup refused with the data untouched), and the dialog
when the data folder cannot be written (a real read-only folder, as an unprivileged user)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kcdesk.db.maintenance import make_backup
from kcdesk.services.facilities import create_facility
from tests.raw_db import copy_database, raw_connect
from tests.ui.conftest import wait_job

REPO = Path(__file__).resolve().parents[2]


def _answer_next_question(button: QMessageBox.StandardButton) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        box.button(button).click()

    QTimer.singleShot(0, answer)


def _add(window: Any, qtbot: Any, name: str) -> str:
    job = window.ctx.runner.write(
        lambda s: create_facility(
            s, {"name": name, "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
        ),
        changes={"facility"},
    )
    return str(wait_job(qtbot, job))


def _names(db: Path) -> list[str]:
    conn = raw_connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM facility WHERE deleted_at IS NULL"))
    finally:
        conn.close()


def test_the_daily_backup_runs_off_the_gui_thread_once_a_day(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    job = window.daily_backup()
    made = wait_job(qtbot, job)
    assert made is not None and made.exists() and made.name.endswith("-hang-ngay.db")
    assert made.parent == window.ctx.store.backups_dir
    assert "Đã sao lưu" in window.notice_label.text()
    assert wait_job(qtbot, window.daily_backup()) is None  # today's copy exists: nothing more


def test_restore_from_the_window_backs_up_first_and_every_view_reads_the_restored_data(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    register = window.page("facilities")
    _add(window, qtbot, "Cơ sở có trong bản sao lưu")
    backup = make_backup(window.ctx.store)
    _add(window, qtbot, "Cơ sở thêm sau khi sao lưu")
    qtbot.waitUntil(lambda: register.model.total == 2, timeout=10_000)
    old_store, path = window.ctx.store, window.ctx.store.path

    _answer_next_question(QMessageBox.StandardButton.No)
    assert window.restore_backup(backup) is not None and window.ctx.store is old_store  # "No": nothing happens
    old_ctx = window.ctx
    _answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.context_changed, timeout=30_000):
        window.restore_backup(backup)
    # The composition root built a new context over the reopened file; the window's pages
    # were built again over it (none keeps the closed store).
    assert window.ctx is not old_ctx and window.scheduler is window.ctx.scheduler
    assert window.ctx.store is not old_store and window.ctx.store.path == path
    assert _names(path) == ["Cơ sở có trong bản sao lưu"]
    assert window.pages.get("facilities") is not register
    register = window.page("facilities")
    assert register.ctx is window.ctx
    qtbot.waitUntil(lambda: register.model.total == 1 and not register.model.loading, timeout=10_000)
    assert "Đã khôi phục" in window.notice_label.text()
    safety = [p for p in window.ctx.store.backups_dir.iterdir() if p.name.endswith("-truoc-khoi-phuc.db")]
    assert len(safety) == 1 and _names(safety[0]) == ["Cơ sở có trong bản sao lưu", "Cơ sở thêm sau khi sao lưu"]
    _add(window, qtbot, "Cơ sở sau khi khôi phục")  # the reopened store writes
    assert len(_names(path)) == 2
    assert window.isEnabled()


def test_a_file_that_is_not_a_backup_is_refused_and_the_data_is_untouched(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _add(window, qtbot, "Cơ sở giữ nguyên")
    bogus = tmp_path / "khong-phai-sao-luu.db"
    bogus.write_text("đây không phải cơ sở dữ liệu")
    from kcdesk.ui.operations.backups import RestoreFlow

    flow = RestoreFlow(window)
    with qtbot.waitSignal(flow.failed, timeout=30_000):
        flow.restore(bogus)
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "refusalBox" and w.isVisible())
    assert "không phải bản sao lưu kcdesk" in box.text()
    box.close()
    assert _names(window.ctx.store.path) == ["Cơ sở giữ nguyên"]
    _add(window, qtbot, "Vẫn ghi được")
    assert window.isEnabled()


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


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_data_folder_that_cannot_be_written_is_said_in_a_dialog(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """As an ordinary user, a folder without write permission; as root (who may write
    anywhere, and whose checkout another user may not read), a read-only bind mount in a
    private mount namespace that vanishes with the process (as tests/test_startup_safety.py)."""
    as_root = os.geteuid() == 0
    if as_root:
        probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip("running as root without mount namespaces: cannot take away the right to write")
    root = Path(tempfile.mkdtemp(prefix="kcdesk-ro-", dir="/tmp"))
    try:
        home, data = root / "home", root / "data"
        home.mkdir()
        data.mkdir()
        store.close()
        copy_database(store.path, data / "kcdesk.db")  # with its key file when encrypted
        present = sorted(p.name for p in data.iterdir())
        cmd = [sys.executable, "-c", SCRIPT, str(data / "kcdesk.db"), "vi"]
        if as_root:
            remount = f'mount --bind "{data}" "{data}" && mount -o remount,bind,ro "{data}"'
            cmd = [
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "bash",
                "-c",
                f'{remount} && exec "$@"',
                "kcdesk",
                *cmd,
            ]
        else:
            for p in (data / "kcdesk.db", data):
                p.chmod(0o444 if p.is_file() else 0o555)
        env = {**os.environ, "KCDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
        box = next((line for line in done.stdout.splitlines() if line.startswith("BOX")), "")
        assert box.startswith("BOX startProblemBox Không ghi được vào thư mục dữ liệu"), done.stdout + done.stderr
        assert str(data) in box and "KCDESK_HOME" in box
        assert done.returncode != 0 and "Traceback" not in done.stderr
        assert sorted(p.name for p in data.iterdir()) == present  # nothing moved aside or added
    finally:
        for p in [root, *root.rglob("*")]:
            if not p.is_symlink():
                p.chmod(0o700)
        shutil.rmtree(root, ignore_errors=True)


START_SCRIPT = r"""
import argparse, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from kcdesk.ui.app import run_gui
backups = Path(sys.argv[1]).with_name(Path(sys.argv[1]).stem + "-backups")
def watch():
    made = sorted(backups.glob("*-hang-ngay.db")) if backups.is_dir() else []
    window = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
    if made and window is not None and not window.ctx.runner.busy:
        print("BACKUP", made[0].name, "|", window.notice_label.text(), flush=True)
        window.close()
    else:
        QTimer.singleShot(50, watch)
QTimer.singleShot(50, watch)
sys.exit(run_gui(argparse.Namespace(db=sys.argv[1], lang="vi")))
"""


def test_the_window_makes_the_days_backup_when_it_starts(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`kcdesk` as people start it (run_gui): the day's copy appears beside the database and
    the status bar says so, while the window stays responsive (the copy runs on a worker)."""
    store.close()
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "KCDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", START_SCRIPT, str(store.path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    line = next((x for x in done.stdout.splitlines() if x.startswith("BACKUP")), "")
    assert line.startswith("BACKUP kcdesk-") and line.split("|")[0].strip().endswith("-hang-ngay.db"), (
        done.stdout + done.stderr
    )
    assert "Đã sao lưu" in line and done.returncode == 0
