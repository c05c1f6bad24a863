"""Converting a plain database to an encrypted one, and copying between keys.

`encrypt_database` is safe to interrupt anywhere (Ctrl-C, a power cut, SIGKILL): the plain
file stays the database until the encrypted copy `<db>.encrypting` has been written whole,
checked (integrity and every table's row count) and renamed over it in one step. A rerun
finds the key file already made (it reuses the key) and the plain file still in place, and
starts the copy again from the beginning. Before anything, an encrypted backup of the plain
database is made in `<stem>-backups/`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kcdesk.atomic_write import atomic_path, write_bytes
from kcdesk.db import backup, sqlfile
from kcdesk.errors import StoreError

Say = Callable[[str], None]
ENCRYPTING = ".encrypting"


def export(source: Path, source_key: bytes | None, target: Path, target_key: bytes | None) -> None:
    """Copy every table, index, trigger and search index of `source` into the new file
    `target`, keyed with `target_key` (plain when None), with SQLCipher's sqlcipher_export."""
    cipher = sqlfile.cipher_module()
    conn = cipher.connect(str(source), timeout=10, check_same_thread=False)
    try:
        if source_key is not None:
            sqlfile.apply_key(conn, source_key)
        else:
            conn.execute("PRAGMA cipher_log_level = NONE")
        key_sql = f"\"x'{target_key.hex()}'\"" if target_key is not None else "''"
        conn.execute(f"ATTACH DATABASE ? AS target KEY {key_sql}", (str(target),))
        conn.execute("PRAGMA target.journal_mode = WAL")
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def table_counts(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def copy_rekeyed(source: Path, source_key: bytes | None, dest: Path, dest_key: bytes | None) -> None:
    """Replace the live database `dest` page by page with `source` re-keyed to `dest_key`
    (restore of a plain backup into an encrypted database, or of one keyed otherwise)."""
    staging = dest.with_name(dest.name + ".khoi-phuc")
    _remove(staging)
    try:
        export(source, source_key, staging, dest_key)
        src = sqlfile.connect(staging, dest_key, read_only=True)
        try:
            sqlfile.backup_into(src, dest, dest_key).close()
        finally:
            src.close()
    finally:
        _remove(staging)


def encrypt_database(db_path: Path, say: Say = print) -> bytes:
    """Convert the plain database at `db_path` to an encrypted one; return its key."""
    from kcdesk.db.maintenance import check
    from kcdesk.security.policy import make_key_file
    from kcdesk.security.unlock import unlock_automatically

    if sqlfile.is_encrypted(db_path):  # done, or stopped while sealing the attachments: finish those
        sqlfile.key_for(db_path)
        if not seal_attachments(db_path, say):
            raise StoreError("Cơ sở dữ liệu {path} đã được mã hóa.", path=str(db_path))
        return sqlfile.key_for(db_path) or b""
    if not db_path.is_file():
        raise StoreError("Không tìm thấy cơ sở dữ liệu {path}.", path=str(db_path))
    report = check(db_path)
    if not report.ok:
        raise StoreError(
            "Cơ sở dữ liệu {path} chưa qua kiểm tra (kcdesk check) nên chưa mã hóa; không có gì thay đổi.",
            path=str(db_path),
        )
    if sqlfile.key_file(db_path).exists():  # an earlier run was interrupted: same key again
        key = unlock_automatically(db_path)
        say(_tr("Tiếp tục lần mã hóa trước (dùng lại khóa đã tạo)."))
    else:
        key = make_key_file(db_path)
    _checkpoint(db_path)
    plain = sqlfile.connect(db_path, None, read_only=True)
    try:
        before = table_counts(plain)
    finally:
        plain.close()
    saved = _encrypted_backup(db_path, key)
    say(_tr("Đã sao lưu (mã hóa) vào {path}", path=str(saved)))
    target = db_path.with_name(db_path.name + ENCRYPTING)
    _remove(target)
    _copy_with_progress(db_path, target, key, say)
    _verify(target, key, before, say)
    for side in ("-wal", "-shm"):
        Path(f"{db_path}{side}").unlink(missing_ok=True)
    os.replace(target, db_path)  # the one step: before it the plain file is the database, after it the encrypted one
    _remove(target)
    sqlfile.remember_key(db_path, key)
    after = check(db_path)
    if not after.ok:
        raise StoreError("Tệp mã hóa không qua kiểm tra: {problems}", problems="; ".join(after.integrity))
    say(_tr("Đã mã hóa cơ sở dữ liệu {path}; bản chưa mã hóa đã được xóa.", path=str(db_path)))
    seal_attachments(db_path, say)
    return key


def seal_attachments(db_path: Path, say: Say) -> int:
    """Seal the attachment files still stored in clear beside the now encrypted database, one
    by one (each written whole under its name before the next): a rerun finishes the rest."""
    from kcdesk.db import sealed

    files_dir = db_path.with_name(db_path.stem + sealed.ATTACHMENTS_SUFFIX)
    key = sealed.key_for_files(files_dir)
    if key is None or not files_dir.is_dir():
        return 0
    plain = [p for p in files_dir.glob("??/*") if p.is_file() and len(p.name) == 64 and not sealed.is_sealed(p)]
    for path in plain:
        write_bytes(path, sealed.seal(key, path.name, path.read_bytes()))
    if plain:
        say(_tr("Đã mã hóa {n} tệp đính kèm.", n=len(plain)))
    return len(plain)


def _tr(text: str, **values: Any) -> str:
    from kcdesk.i18n import tr

    return tr(text, **values)


def _checkpoint(db_path: Path) -> None:
    conn = sqlfile.connect(db_path, None, timeout=10)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _encrypted_backup(db_path: Path, key: bytes) -> Path:
    dest = db_path.with_name(db_path.stem + "-backups") / backup.backup_name(db_path, "truoc-ma-hoa")
    dest.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(sqlfile.key_file(dest), sqlfile.key_file(db_path).read_bytes())
    with atomic_path(dest) as tmp:
        export(db_path, None, tmp, key)
        _remove_companions(tmp)
    return dest


def _copy_with_progress(source: Path, target: Path, key: bytes, say: Say) -> None:
    total = max(source.stat().st_size, 1)
    done = threading.Event()

    def report() -> None:
        last = -1
        while not done.wait(1.0):
            size = sum(p.stat().st_size for p in (target, Path(f"{target}-wal")) if p.exists())
            percent = min(99, size * 100 // total)
            if percent != last:
                say(_tr("Đang mã hóa: {percent}%", percent=percent))
                last = percent

    watcher = threading.Thread(target=report, daemon=True)
    watcher.start()
    try:
        export(source, None, target, key)
    finally:
        done.set()
        watcher.join()


def _verify(target: Path, key: bytes, before: dict[str, int], say: Say) -> None:
    conn = sqlfile.connect(target, key, timeout=10)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        after = table_counts(conn)
    finally:
        conn.close()
    for table, count in sorted(before.items()):
        if after.get(table) != count:
            raise StoreError(
                "Bản mã hóa thiếu dữ liệu ở bảng {table} ({got}/{want} dòng); bản chưa mã hóa được giữ nguyên.",
                table=table,
                got=after.get(table, 0),
                want=count,
            )
        if count:
            say(_tr("Bảng {table}: {count} dòng, khớp", table=table, count=count))
    if ok != "ok":
        raise StoreError("Bản mã hóa bị lỗi khi kiểm tra ({reason}); bản chưa mã hóa được giữ nguyên.", reason=ok)


def _remove_companions(path: Path) -> None:
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)
    _remove_companions(path)
