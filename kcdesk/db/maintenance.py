"""Backup, restore and integrity check of the local database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kcdesk.db import backup, erasure_log, scrub, sqlfile
from kcdesk.db.capture import SEARCH_TABLES
from kcdesk.db.schema import KNOWN_REVISIONS
from kcdesk.db.store import Store, current_revision
from kcdesk.errors import StoreError


@dataclass
class CheckReport:
    integrity: list[str] = field(default_factory=list)
    foreign_keys: list[str] = field(default_factory=list)
    search_index: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.integrity or self.foreign_keys or self.search_index)


def check(path: Path) -> CheckReport:
    """PRAGMA integrity_check and foreign_key_check, plus the search index against its table.
    Read-only: safe while the app is running."""
    report = CheckReport()
    conn = sqlfile.connect(path, sqlfile.key_for(path), read_only=True, timeout=10)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        report.integrity = [] if rows == ["ok"] else rows
        report.foreign_keys = [
            f"{t} rowid {rid} -> {parent}" for t, rid, parent, _ in conn.execute("PRAGMA foreign_key_check")
        ]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in SEARCH_TABLES:
            if f"{table}_fts" not in tables:
                continue
            live = conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
            indexed = conn.execute(f"SELECT count(*) FROM {table}_fts").fetchone()[0]
            if live != indexed:
                report.search_index.append(f"{table}: {live} bản ghi, {indexed} trong chỉ mục tìm kiếm")
            stray = conn.execute(f"SELECT count(*) FROM {table}_fts WHERE rowid NOT IN (SELECT rowid FROM {table})")
            if stray.fetchone()[0]:
                report.search_index.append(f"{table}: chỉ mục tìm kiếm có dòng không khớp bản ghi")
    except sqlfile.database_error_classes() as exc:
        report.integrity.append(str(exc))
    finally:
        conn.close()
    return report


def make_backup(store: Store, dest: Path | None = None, reason: str = "thu-cong") -> Path:
    target = dest or store.backups_dir / backup.backup_name(store.path, reason)
    return backup.snapshot(store.path, target)


def restore(db_path: Path, source: Path) -> Path:
    """Replace the database with a backup, after backing up the current one. Returns the
    safety backup of what was replaced. The backup is checked before anything changes."""
    if not source.is_file():
        raise StoreError("Không tìm thấy tệp sao lưu {path}.", path=str(source))
    # A backup of an encrypted database is keyed like it (kcdesk.db.sqlfile); a plain one
    # (made before the conversion) opens without a key and is copied in encrypted.
    key = sqlfile.key_for(db_path) if db_path.exists() else None
    try:
        source_key = sqlfile.key_for_copy(source, db_path)
        revision = current_revision(source, source_key)
        conn = sqlfile.connect(source, source_key, read_only=True)
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlfile.EncryptedStoreError as exc:
        size = source.stat().st_size
        if size < 512 or size % 512:  # not whole database pages: no database at all, keyed or not
            raise StoreError(
                "Tệp {path} không phải bản sao lưu kcdesk dùng được ({reason}); không có gì thay đổi.",
                path=str(source),
                reason="file is not a database",
            ) from exc
        raise StoreError(
            "Bản sao lưu {path} được mã hóa bằng khóa khác với cơ sở dữ liệu này; không có gì thay đổi.",
            path=str(source),
        ) from exc
    except sqlfile.database_error_classes() as exc:
        raise StoreError(
            "Tệp {path} không phải bản sao lưu kcdesk dùng được ({reason}); không có gì thay đổi.",
            path=str(source),
            reason=str(exc),
        ) from exc
    if ok != "ok" or revision is None:
        raise StoreError(
            "Bản sao lưu {path} bị lỗi ({reason}); không có gì thay đổi.",
            path=str(source),
            reason=ok if ok != "ok" else "không có phiên bản lược đồ",
        )
    if revision not in KNOWN_REVISIONS:
        raise StoreError(
            "Bản sao lưu {path} do phiên bản kcdesk mới hơn tạo ra; hãy cập nhật kcdesk trước.", path=str(source)
        )
    backups = db_path.with_name(db_path.stem + "-backups")
    safety = db_path
    if db_path.exists():
        safety = backup.snapshot(db_path, backups / backup.backup_name(db_path, "truoc-khoi-phuc"))
    # Copy page by page into the live file (SQLite's backup API), so readers never see a
    # half-written database and the file keeps its name, permissions and WAL settings.
    if source_key == key:
        src = sqlfile.connect(source, source_key, read_only=True)
        try:
            sqlfile.backup_into(src, db_path, key).close()
        finally:
            src.close()
    else:  # a plain backup into an encrypted database, or one keyed otherwise: re-keyed on the way
        from kcdesk.security.convert import copy_rekeyed

        copy_rekeyed(source, source_key, db_path, key)
    # Migrates an older backup to this version (backing it up first), then erases again what
    # was erased at a data subject's request after the backup was made (kcdesk.db.erasure_log).
    with Store.open(db_path) as store:
        if erasure_log.entries(db_path):
            store.write(lambda s: erasure_log.reapply(s, db_path))
            scrub.checkpoint(store.engine)
    return safety
