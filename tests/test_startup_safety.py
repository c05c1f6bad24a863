"""Start-up safety: one automatic backup a day, rotated; a data folder that cannot be written
or a full disk is reported in words (with what to do), never as a traceback, and the
person's database is left exactly as it was.

The folder and disk cases are real: a folder the process cannot write (as root, who may write
anywhere, a read-only bind mount) and a small tmpfs, each in a private mount namespace
(unshare) that disappears with the process.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kcdesk.db import daily_backup as daily
from kcdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from kcdesk.db.storage_errors import storage_error
from kcdesk.db.store import Store
from kcdesk.errors import StoreError
from tests.conftest import run_cli
from tests.raw_db import raw_connect
from tests.test_migrations import upgrade_to

REPO = Path(__file__).resolve().parent.parent
NOT_WRITABLE = "Không ghi được vào thư mục dữ liệu"
DISK_FULL = "đã đầy"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_db(path: Path, facilities: int = 1) -> Path:
    from kcdesk.selftest.core_steps import add_facility, new_store

    with new_store(path) as store:
        for i in range(facilities):
            add_facility(store, f"Cơ sở số {i + 1}")
    return path


def facility_count(path: Path) -> int:
    conn = raw_connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM facility").fetchone()[0])
    finally:
        conn.close()


# -- one backup a day ----------------------------------------------------------------------


def test_at_most_one_daily_backup_a_day_and_only_a_week_kept(tmp_path: Path) -> None:
    path = make_db(tmp_path / "kcdesk.db")
    backups = tmp_path / "kcdesk-backups"
    backups.mkdir()
    manual = backups / "kcdesk-20260101-000000-000000-thu-cong.db"
    shutil.copyfile(path, manual)
    day = datetime(2026, 11, 20, 8, 30)

    first = daily.daily_backup(path, now=day)
    assert first is not None and first.parent == backups and first.name.endswith("-hang-ngay.db")
    assert facility_count(first) == 1
    assert daily.daily_backup(path, now=day.replace(hour=17)) is None  # same day: nothing more
    for n in range(1, 10):
        assert daily.daily_backup(path, now=day + timedelta(days=n)) is not None

    kept = sorted(backups.glob("kcdesk-*-hang-ngay.db"))
    assert len(kept) == daily.KEEP
    assert kept[-1].name.startswith("kcdesk-20261129-") and kept[0].name.startswith("kcdesk-20261123-")
    assert manual.exists()  # rotation touches only the daily copies


def test_no_backup_for_a_database_that_does_not_exist(tmp_path: Path) -> None:
    assert daily.daily_backup(tmp_path / "none.db") is None
    assert not (tmp_path / "none-backups").exists()


def test_the_first_command_of_the_day_makes_the_backup(tmp_path: Path) -> None:
    db = tmp_path / "kcdesk.db"
    assert run_cli("init", db=db).code == 0
    assert not (tmp_path / "kcdesk-backups").exists()  # a brand-new database needs no copy
    for _ in range(2):
        done = run_cli("search", "mây tre", db=db)
        assert done.code == 0, done.err
    assert len(list((tmp_path / "kcdesk-backups").glob("kcdesk-*-hang-ngay.db"))) == 1


# -- errors mapped to words -----------------------------------------------------------------


def test_real_disk_full_and_permission_errors_map_to_messages(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "tiny.db")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA max_page_count = 3")  # SQLite's own "disk full", not a mock
    with pytest.raises(sqlite3.OperationalError) as full:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    conn.close()
    message = storage_error(full.value, tmp_path / "tiny.db")
    assert message is not None and DISK_FULL in message.text() and str(tmp_path) in message.text()
    if Path("/dev/full").exists():
        with pytest.raises(OSError) as enospc, open("/dev/full", "w") as sink:
            sink.write("x")
            sink.flush()
        assert DISK_FULL in str(storage_error(enospc.value, tmp_path / "x.db"))
    denied = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "kcdesk" / "kcdesk.db"))
    text = storage_error(denied, tmp_path / "kcdesk" / "kcdesk.db").text("en")  # type: ignore[union-attr]
    assert text.startswith("Cannot write to the data folder") and str(tmp_path) in text
    # Anything else is not ours to reword.
    assert storage_error(FileNotFoundError(errno.ENOENT, "No such file"), tmp_path / "x.db") is None
    assert storage_error(sqlite3.IntegrityError("UNIQUE constraint failed"), tmp_path / "x.db") is None


# -- a folder that cannot be written (real permissions) --------------------------------------


class Unprivileged:
    """Runs kcdesk where some folders cannot be written.

    As an ordinary user, plain permissions do it. As root (who may write anywhere, and whose
    checkout may not even be readable by another user), each locked folder becomes a
    read-only bind mount in a private mount namespace that vanishes with the process.
    """

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kcdesk-perm-", dir="/tmp"))
        self.root.chmod(0o755)
        self.as_root = os.geteuid() == 0
        self.locked: list[Path] = []

    def read_only(self, name: str) -> Path:
        folder = self.root / name
        folder.mkdir()
        return folder

    def lock(self, folder: Path) -> None:
        self.locked.append(folder)
        if not self.as_root:
            for p in [folder, *folder.rglob("*")]:
                p.chmod(0o555 if p.is_dir() else 0o444)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "kcdesk", *args]
        if self.as_root:
            mounts = " && ".join(f'mount --bind "{f}" "{f}" && mount -o remount,bind,ro "{f}"' for f in self.locked)
            cmd = [
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "bash",
                "-c",
                f'{mounts} && exec "$@"',
                "kcdesk",
                *cmd,
            ]
        env = {**os.environ, "KCDESK_HOME": str(self.root / "home"), "PYTHONDONTWRITEBYTECODE": "1"}
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=120)

    def cleanup(self) -> None:
        for p in [self.root, *self.root.rglob("*")]:
            if not p.is_symlink():
                p.chmod(0o700)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def unprivileged() -> Iterator[Unprivileged]:
    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    if os.geteuid() == 0:
        probe = subprocess.run(["unshare", "--mount", "--propagation", "private", "true"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip("running as root without mount namespaces: cannot take away the right to write")
    u = Unprivileged()
    yield u
    u.cleanup()


def test_first_start_in_a_folder_that_cannot_be_written_says_what_to_do(unprivileged: Unprivileged) -> None:
    locked = unprivileged.read_only("ro")
    unprivileged.lock(locked)
    done = unprivileged.run("--db", str(locked / "kcdesk" / "kcdesk.db"), "init")
    assert done.returncode == StoreError.exit_code
    assert "Traceback" not in done.stderr
    assert NOT_WRITABLE in done.stderr and str(locked) in done.stderr and "KCDESK_HOME" in done.stderr
    assert list(locked.iterdir()) == []
    english = unprivileged.run("--lang", "en", "--db", str(locked / "kcdesk.db"), "init")
    assert "Cannot write to the data folder" in english.stderr


def test_an_existing_database_in_a_read_only_folder_is_reported_and_left_alone(unprivileged: Unprivileged) -> None:
    folder = unprivileged.read_only("data")
    db = make_db(folder / "kcdesk.db", facilities=2)
    unprivileged.lock(folder)
    before = sha256(db)
    done = unprivileged.run("--db", str(db), "status")
    assert done.returncode == StoreError.exit_code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and NOT_WRITABLE in done.stderr
    kept = sorted(p.name for p in folder.iterdir() if p.name != "kcdesk-khoa.json")  # the key file when encrypted
    assert kept == ["kcdesk.db"]  # not moved aside, nothing added
    assert sha256(db) == before and facility_count(db) == 2


def test_an_export_to_a_folder_that_cannot_be_written_is_reported(unprivileged: Unprivileged) -> None:
    work = unprivileged.read_only("work")
    db = make_db(work / "kcdesk.db")
    for p in [work, *work.iterdir()]:
        p.chmod(0o777 if p.is_dir() else 0o666)
    out = unprivileged.read_only("out")
    unprivileged.lock(out)
    done = unprivileged.run("--db", str(db), "export", "facilities", str(out / "co-so.xlsx"))
    assert done.returncode == StoreError.exit_code, done.stdout + done.stderr
    # The command's own answer comes first. (openpyxl may add an "Exception ignored" note when
    # its half-written workbook is collected at exit; the error itself never escapes.)
    assert done.stderr.startswith(f"Lỗi: Không ghi được vào thư mục {out}")


# -- a full disk (a small tmpfs in a private mount namespace) ---------------------------------


def run_on_small_disk(script: str, tmp_path: Path) -> str:
    """Run a bash script in a private mount namespace where $DISK is a fresh tmpfs of
    $SIZE bytes; the mount vanishes with the process."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare to mount a small tmpfs")
    disk = tmp_path / "disk"
    disk.mkdir()
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "mount", "-t", "tmpfs", "tmpfs", str(disk)],
        capture_output=True,
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {probe.stderr.decode().strip()}")
    env = {**os.environ, "DISK": str(disk), "PY": sys.executable}
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "bash", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_first_start_on_a_full_disk_says_so(tmp_path: Path) -> None:
    out = run_on_small_disk(
        """set -eu
        mount -t tmpfs -o size=64k tmpfs "$DISK"
        set +e
        "$PY" -m kcdesk --db "$DISK/kcdesk.db" init 2>&1
        echo "rc=$?"
        """,
        tmp_path,
    )
    assert f"rc={StoreError.exit_code}" in out and "Traceback" not in out
    assert DISK_FULL in out and "giải phóng dung lượng" in out


def test_an_upgrade_that_fills_the_disk_keeps_the_database_and_succeeds_once_there_is_room(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    upgrade_to(old, KNOWN_REVISIONS[0])
    conn = sqlite3.connect(old)
    with conn:
        conn.execute(
            "INSERT INTO facility (id, name, facility_type, province_code) "
            "VALUES ('f-1', 'Cơ sở mộc Kim Bồng', 'hkd', '48')"
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    # Room for the file and its pre-upgrade backup, not for the upgrade itself.
    size = 2 * old.stat().st_size + 256 * 1024
    out = run_on_small_disk(
        f"""set -eu
        mount -t tmpfs -o size={size} tmpfs "$DISK"
        cp "{old}" "$DISK/kcdesk.db"
        echo "before=$(sha256sum < "$DISK/kcdesk.db")"
        set +e
        "$PY" -m kcdesk --db "$DISK/kcdesk.db" migrate 2>&1
        echo "rc=$?"
        set -e
        echo "after=$(sha256sum < "$DISK/kcdesk.db")"
        echo "files=$(ls "$DISK" | tr '\\n' ' ')"
        mount -o remount,size=64m "$DISK"
        "$PY" -m kcdesk --db "$DISK/kcdesk.db" migrate --json
        "$PY" -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); \
print('rows=' + repr(c.execute('SELECT id, name FROM facility').fetchall())); \
print('version=' + c.execute('SELECT version_num FROM alembic_version').fetchone()[0])" "$DISK/kcdesk.db"
        """,
        tmp_path,
    )
    lines = dict(line.split("=", 1) for line in out.splitlines() if "=" in line and line.split("=", 1)[0].isalpha())
    assert lines["rc"] == str(StoreError.exit_code) and "Traceback" not in out
    assert DISK_FULL in out
    assert lines["before"] == lines["after"]  # the upgrade rolled back: the file is as it was
    assert "loi-nang-cap" not in lines["files"] and "kcdesk.db" in lines["files"].split()  # not moved aside
    assert lines["rows"] == "[('f-1', 'Cơ sở mộc Kim Bồng')]" and lines["version"] == HEAD_REVISION


def test_store_open_raises_a_store_error_not_an_os_error(tmp_path: Path) -> None:
    # A path under a regular file can never be created: not a permission or space problem,
    # so it stays an ordinary error (real bugs keep their own face).
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        Store.open(blocker / "kcdesk.db", create=True)
