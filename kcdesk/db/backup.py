"""Consistent snapshots of the local database (SQLite's online backup API), rotated."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path

from kcdesk.atomic_write import atomic_path, write_bytes
from kcdesk.db import sqlfile
from kcdesk.errors import StoreError

AUTO_KEEP = 10
# Upgrades come years apart and each copy is a whole database, so a few are plenty: the
# newest is the one a failed or regretted upgrade needs.
PRE_UPGRADE_KEEP = 3
PRE_UPGRADE = "truoc-nang-cap"


def snapshot(source: Path, dest: Path) -> Path:
    """Copy `source` to `dest` consistently, even while others read or write it. The copy of
    an encrypted database is encrypted with the same key (kcdesk.db.sqlfile), its key file
    copied beside it (`<backup stem>-khoa.json`), so it opens on its own, anywhere.

    Writes to a temporary name and renames, so a crash never leaves a half backup that
    looks whole; the copy is checked before it is kept.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    if sqlfile.is_encrypted(source):  # the copy's key file first: a copy without it is lost
        write_bytes(sqlfile.key_file(dest), sqlfile.key_file(source).read_bytes())
    with atomic_path(dest) as tmp:
        ok = _copy_checked(source, tmp, dest)
        if ok != "ok":
            raise StoreError(
                "Bản sao lưu {dest} bị lỗi khi kiểm tra ({reason}); dữ liệu gốc không bị thay đổi.",
                dest=str(dest),
                reason=ok,
            )
    return dest


def _copy_checked(source: Path, tmp: Path, dest: Path) -> str:
    """Copy with SQLite's backup API into `tmp`; return its quick_check answer ("ok")."""
    key = sqlfile.key_for(source)
    src = sqlfile.connect(source, key, read_only=True)
    try:
        dst = sqlfile.backup_into(src, tmp, key)
        try:
            ok = str(dst.execute("PRAGMA quick_check").fetchone()[0])
            dst.commit()
        finally:
            dst.close()
    except sqlfile.error_classes() as exc:
        if sqlfile.primary_code(exc) == sqlite3.SQLITE_FULL:
            raise StoreError(
                "Ổ đĩa đã đầy, không sao lưu được vào {dest}. Hãy giải phóng dung lượng rồi thử lại.", dest=str(dest)
            ) from exc
        raise StoreError(
            "Không sao lưu được cơ sở dữ liệu vào {dest}: {reason}", dest=str(dest), reason=str(exc)
        ) from exc
    finally:
        src.close()
    return ok


def backup_name(db_path: Path, reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return f"{db_path.stem}-{stamp}-{reason}.db"


def pre_upgrade_reason(revision: str) -> str:
    return f"{PRE_UPGRADE}-{revision}"


def rotate(backups: Path, stem: str, reason: str, keep: int = AUTO_KEEP, *, any_suffix: bool = False) -> list[Path]:
    """Keep the newest `keep` automatic backups made for `reason`; return those removed.

    Only names `backup_name` makes for this very database count (`kcdesk-backups` may also
    hold another database's copies whose stem starts the same). With `any_suffix`, reasons
    that start with `reason` (one per schema revision) are rotated together.
    """
    tail = re.escape(reason) + (r"-[^/]+" if any_suffix else "")
    pattern = re.compile(rf"{re.escape(stem)}-\d{{8}}-\d{{6}}-\d{{6}}-{tail}\.db")
    found = sorted(p for p in backups.glob(f"{stem}-*.db") if pattern.fullmatch(p.name))
    removed = found[:-keep] if len(found) > keep else []
    for old in removed:
        old.unlink()
        sqlfile.key_file(old).unlink(missing_ok=True)
    return removed
