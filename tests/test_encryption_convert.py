"""Converting a plain database to an encrypted one (`kcdesk security encrypt`): killed
midway and run again, it finishes with every row there; the plain file stays the database
until the encrypted one is whole and checked; the attachment files end up sealed."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from kcdesk.db import maintenance, sealed, sqlfile
from kcdesk.db.files import add_bytes, file_path, read_plain
from kcdesk.db.store import Store
from kcdesk.security.recovery import format_key, new_recovery_key
from kcdesk.security.unlock import unlock_with_recovery_key


def fingerprint(path: Path, key: bytes | None) -> tuple[dict[str, int], str]:
    """Every table's row count, and one checksum of every row of every table."""
    conn = sqlfile.connect(path, key, read_only=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        digest = hashlib.sha256()
        counts = {}
        for table in tables:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))  # some have no rowid
            counts[table] = len(rows)
            for row in rows:
                digest.update(row.encode("utf-8"))
    finally:
        conn.close()
    return counts, digest.hexdigest()


def encrypt_cli(db: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kcdesk", "--db", str(db), "security", "encrypt"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env,
    )


def test_an_interrupted_conversion_resumes_and_loses_nothing(demo_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "tinh.db"
    shutil.copyfile(demo_template, db)
    before = fingerprint(db, None)
    photo = "Ảnh nhà ông Nguyễn Văn Ba, 0905123456".encode()
    sha, _size = add_bytes(tmp_path / "tinh-attachments", photo)  # stored in clear while the database is plain
    recovery = format_key(new_recovery_key())
    env = {**os.environ, "KCDESK_ENCRYPT": "1", "KCDESK_RECOVERY_KEY": recovery}

    # Killed (SIGKILL) as soon as the encrypted backup is made: the copy is under way or about to be.
    first = encrypt_cli(db, env)
    assert first.stdout is not None
    for line in first.stdout:
        if "Đã sao lưu" in line:
            first.send_signal(signal.SIGKILL)
            break
    first.wait(timeout=120)
    assert first.returncode == -signal.SIGKILL
    assert not sqlfile.is_encrypted(db)  # still the plain database, whole
    assert fingerprint(db, None) == before
    assert sqlfile.key_file(db).exists()

    # A half-written encrypted copy, as a kill in the middle of the copy leaves it.
    partial = db.with_name(db.name + ".encrypting")
    partial.write_bytes(os.urandom(50_000))

    second = encrypt_cli(db, env)
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert "Tiếp tục lần mã hóa trước" in out and "Bảng facility:" in out
    assert sqlfile.is_encrypted(db) and not partial.exists()
    assert b"SQLite format 3" not in db.read_bytes()[:100]

    key = unlock_with_recovery_key(db, recovery)
    assert fingerprint(db, key) == before
    assert maintenance.check(db).ok
    stored = file_path(tmp_path / "tinh-attachments", sha)
    assert sealed.is_sealed(stored) and "Nguyễn Văn Ba".encode() not in stored.read_bytes()  # sealed by the conversion
    assert read_plain(stored) == photo
    with Store.open(db) as store, store.engine.connect() as conn:  # as it is, search index included
        assert conn.exec_driver_sql("SELECT count(*) FROM facility_fts").scalar() == before[0]["facility_fts"]
    backups = list((tmp_path / "tinh-backups").glob("tinh-*-truoc-ma-hoa.db"))
    assert backups and all(b"SQLite format 3" not in b.read_bytes()[:100] for b in backups)
    sqlfile.forget_key(db)
