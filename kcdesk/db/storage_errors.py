"""The data folder cannot be written, the disk is full, or another program holds the file:
say so in words, with what to do, instead of a traceback.

At first start kcdesk creates its data folder and database. On a locked-down Windows
profile, a folder copied from a read-only medium, or a laptop whose disk is full, the raw
PermissionError / ENOSPC / sqlite3 error would otherwise escape. `storage_error` maps
such an error to a StoreError naming the folder; anything else is left alone (None), so
real bugs still surface as themselves.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import sys
from pathlib import Path

from kcdesk.errors import StoreError

_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
# Windows: ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION. Python reports them as a
# PermissionError, but the cure is to close the other program, not to change permissions.
_HELD_BY_OTHER = {32, 33}
# Below this much free space an I/O error is taken to be a full disk.
_NEARLY_FULL = 1024 * 1024


def not_writable(folder: Path, data_folder: bool = True) -> StoreError:
    if not data_folder:
        return StoreError(
            "Không ghi được vào thư mục {folder} (không có quyền ghi). Hãy chọn thư mục khác, hoặc nhờ "
            "người quản trị máy cấp quyền ghi cho thư mục này.",
            folder=str(folder),
        )
    return StoreError(
        "Không ghi được vào thư mục dữ liệu {folder} (không có quyền ghi). Dữ liệu hiện có không bị thay đổi. "
        "Cách khắc phục: nhờ người quản trị máy cấp quyền ghi cho thư mục này, hoặc chọn thư mục dữ liệu khác "
        "(biến môi trường KCDESK_HOME, hoặc tùy chọn --db với dòng lệnh kcdesk).",
        folder=str(folder),
    )


def disk_full(folder: Path, data_folder: bool = True) -> StoreError:
    if not data_folder:
        return StoreError(
            "Ổ đĩa chứa thư mục {folder} đã đầy (còn trống {free}). Hãy giải phóng dung lượng rồi thử lại.",
            folder=str(folder),
            free=_free_text(folder),
        )
    return StoreError(
        "Ổ đĩa chứa thư mục dữ liệu {folder} đã đầy (còn trống {free}). Dữ liệu hiện có không bị thay đổi. "
        "Cách khắc phục: giải phóng dung lượng (dọn Thùng rác, xóa tệp tạm hoặc tệp tải về không cần), "
        "rồi mở lại kcdesk.",
        folder=str(folder),
        free=_free_text(folder),
    )


def held_by_other(path: Path) -> StoreError:
    return StoreError(
        "Tệp {path} đang bị một chương trình khác giữ (một cửa sổ kcdesk khác, phần mềm diệt virus hoặc "
        "OneDrive). Dữ liệu không bị thay đổi. Hãy đóng chương trình đó rồi thử lại.",
        path=str(path),
    )


def storage_error(exc: BaseException, path: Path, *, data_folder: bool = True) -> StoreError | None:
    """A StoreError for `exc` if it means "cannot write here" or "disk full", else None.

    `path` is the file being worked on (the database, a backup, an export); its folder is
    named in the message. `data_folder` False: a file the person chose (an export), so the
    advice is about that folder rather than about kcdesk's data folder.
    """
    folder = path.parent
    # SQLAlchemy wraps the driver's error; unwrap it without importing SQLAlchemy, so the
    # command line's plain-sqlite3 read path (kcdesk.db.quick_read) does not load it: an
    # error of SQLAlchemy's can only exist once SQLAlchemy has been imported.
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.DBAPIError) and isinstance(exc.orig, BaseException):
        exc = exc.orig
    if isinstance(exc, OSError):
        if getattr(exc, "winerror", None) in _HELD_BY_OTHER:
            return held_by_other(Path(exc.filename) if exc.filename else path)
        if exc.errno in _FULL:
            return disk_full(folder, data_folder)
        if exc.errno in _DENIED or isinstance(exc, PermissionError):
            return not_writable(_existing_parent(Path(exc.filename).parent if exc.filename else folder), data_folder)
        if exc.errno == errno.EIO and _nearly_full(folder):
            return disk_full(folder, data_folder)
        return None
    from kcdesk.db.sqlfile import error_classes

    if isinstance(exc, error_classes()):  # sqlite3's or SQLCipher's (kcdesk.db.sqlfile)
        # Extended result codes (SQLITE_READONLY_DIRECTORY, SQLITE_IOERR_WRITE...) carry the
        # primary code in their low byte.
        code = getattr(exc, "sqlite_errorcode", None)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary == sqlite3.SQLITE_FULL:
            return disk_full(folder, data_folder)
        if primary in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) and _nearly_full(folder):
            return disk_full(folder, data_folder)
        if primary in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
            return not_writable(_existing_parent(folder), data_folder)
    return None


def _existing_parent(folder: Path) -> Path:
    """The first folder that exists on the way up: the one whose permissions matter."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(_existing_parent(folder)).free < _NEARLY_FULL
    except OSError:
        return False


def _free_text(folder: Path) -> str:
    try:
        free = shutil.disk_usage(_existing_parent(folder)).free
    except OSError:
        return "?"
    if free >= 1024 * 1024:
        return f"{free / (1024 * 1024):.0f} MB"
    return f"{free // 1024} KB"
