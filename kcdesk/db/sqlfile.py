"""The one way the store opens its SQLite file, plain or encrypted (SQLCipher).

An encrypted database has a key file `<stem>-khoa.json` beside it (kcdesk.security.keyfile)
holding its random 32-byte key wrapped in key slots; the key itself is never written in
clear. Every opener of the file (the engine, backups and restore, the integrity check, the
command line's quick read path, migrations) calls `connect` here, so none of them can
forget the key: with a key the connection is SQLCipher's (the `sqlcipher3` binding, its own
SQLite with FTS5), keyed by its first statement; without one it is Python's own sqlite3.

The two bindings are different modules with different error classes: code that recognises
an error uses the tuples and helpers below (error code and message), never one module's
isinstance alone.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from kcdesk.errors import StoreError

KEY_FILE_SUFFIX = "-khoa.json"
PLAIN_HEADER = b"SQLite format 3\x00"
SQLITE_NOTADB = 26

_lock = threading.Lock()
_unlocked: dict[str, bytes] = {}  # resolved database path -> its key, for this process


class EncryptedStoreError(StoreError):
    """The file is encrypted and the key at hand does not open it (or none is at hand).
    Never a reason to move the file aside: the data is sound, the key is what is missing."""


def direct_binding(module: Any) -> Any:
    """`module` (sqlite3 or SQLCipher's binding) told how to bind None and bool directly.
    The binding takes only exact int, float, str and bytes as they are; for any other value
    it first searches for an adapter, then the protocol's __adapt__, then the value's
    __conform__, and only then binds it as it is: about half a microsecond a value, a third
    of an executemany's binding when rows are half empty (a pulled page, an import). An
    adapter registered for them is found at the first step and gives the very value bound
    before (None is NULL, `{}.get` returning None in C; True and False are 1 and 0), so
    nothing stored changes. Returns the module."""
    module.register_adapter(type(None), {}.get)
    module.register_adapter(bool, int)
    return module


direct_binding(sqlite3)  # for every connection of this process, made here or not


def cipher_module() -> Any:
    import sqlcipher3.dbapi2 as cipher  # type: ignore[import-untyped]  # only when a key is in play

    return direct_binding(cipher)


def error_classes(*also: type[Exception]) -> tuple[type[Exception], ...]:
    """`also`, sqlite3.Error and, once SQLCipher is loaded, its Error too (for one `except`)."""
    import sys

    mod = sys.modules.get("sqlcipher3.dbapi2")
    return (*also, sqlite3.Error, mod.Error) if mod is not None else (*also, sqlite3.Error)


def database_error_classes(*also: type[Exception]) -> tuple[type[Exception], ...]:
    import sys

    mod = sys.modules.get("sqlcipher3.dbapi2")
    return (*also, sqlite3.DatabaseError, mod.DatabaseError) if mod is not None else (*also, sqlite3.DatabaseError)


def integrity_error_classes(*also: type[Exception]) -> tuple[type[Exception], ...]:
    import sys

    mod = sys.modules.get("sqlcipher3.dbapi2")
    return (*also, sqlite3.IntegrityError, mod.IntegrityError) if mod is not None else (*also, sqlite3.IntegrityError)


def primary_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of either binding's error (sqlite3 reports extended
    codes, sqlcipher3 primary ones: the low byte is the same)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def key_file(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + KEY_FILE_SUFFIX)


def is_plain_file(path: Path) -> bool:
    """True for a plain SQLite file (or an empty or missing one)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except FileNotFoundError:
        return True
    return header in (PLAIN_HEADER, b"")


def is_encrypted(db_path: Path) -> bool:
    """The database has a key file and is no longer plain (a plain file beside a key file is
    one whose conversion has not finished: it is still the database)."""
    return key_file(db_path).exists() and not is_plain_file(db_path)


def remember_key(db_path: Path, key: bytes) -> None:
    with _lock:
        _unlocked[str(Path(db_path).resolve())] = key


def forget_key(db_path: Path) -> None:
    with _lock:
        _unlocked.pop(str(Path(db_path).resolve()), None)


def known_key(db_path: Path) -> bytes | None:
    with _lock:
        return _unlocked.get(str(Path(db_path).resolve()))


def key_of_stem(folder: Path, stem: str) -> bytes | None:
    """The key of an open encrypted database `folder/<stem>.*` (for its attachment files)."""
    folder = folder.resolve()
    with _lock:
        for name, key in _unlocked.items():
            path = Path(name)
            if path.parent == folder and path.stem == stem:
                return key
    return None


def key_for(db_path: Path) -> bytes | None:
    """None for a plain database; else its key, unlocked on first use in this process by the
    OS slot or KCDESK_RECOVERY_KEY (kcdesk.security.unlock). Raises EncryptedStoreError when
    neither opens it (the window then asks for a password or the recovery key)."""
    db_path = Path(db_path)
    if not is_encrypted(db_path):
        return None
    key = known_key(db_path)
    if key is None:
        from kcdesk.security.unlock import unlock_automatically

        key = unlock_automatically(db_path)
        remember_key(db_path, key)
    return key


def key_for_copy(copy: Path, db_path: Path) -> bytes | None:
    """The key of a copy (a backup) of the database at `db_path`: none when it is plain; its
    own key file's when it has one beside it; else (copied without it) the database's."""
    if is_plain_file(copy):
        return None
    if key_file(copy).exists():
        return key_for(copy)
    return key_for(db_path)


def connect(path: Path | str, key: bytes | None = None, *, read_only: bool = False, timeout: float = 5.0) -> Any:
    """A DB-API connection to `path`: SQLCipher's keyed with `key`, or sqlite3's when None.

    A wrong key is an EncryptedStoreError (said in words), raised here at once rather than at
    the first query somewhere else."""
    path = Path(path)
    if read_only:
        _roll_back_cut_write(path, key, timeout)
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rwc'}"
    if key is None:
        return sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    cipher = cipher_module()
    conn = cipher.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
    apply_key(conn, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except cipher.DatabaseError as exc:
        conn.close()
        if primary_code(exc) == SQLITE_NOTADB:
            raise wrong_key(path) from exc
        raise
    return conn


def _roll_back_cut_write(path: Path, key: bytes | None, timeout: float) -> None:
    """A write through the rollback journal cut short (kcdesk.db.journal: a first pull, killed)
    leaves a journal that only a connection allowed to write can roll back: a read-only one
    would fail with "attempt to write a readonly database". One read by a read-write
    connection first lets SQLite do it, exactly as the store's next opener would (SQLite
    itself judges whether the journal is left over or belongs to a write in progress)."""
    if not path.exists() or not path.with_name(path.name + "-journal").exists():
        return
    try:
        conn = connect(path, key, timeout=timeout)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except error_classes(OSError):  # a file this process may not write: the read-only opener says what is wrong
        pass


def apply_key(conn: Any, key: bytes) -> None:
    """The key as SQLCipher's raw key (no passphrase derivation: the key is already random),
    as the first statement on the connection."""
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported to the person, not on stderr
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def wrong_key(path: Path) -> EncryptedStoreError:
    return EncryptedStoreError(
        "Không mở được cơ sở dữ liệu mã hóa {path}: khóa không đúng. Tệp được giữ nguyên. Hãy đăng nhập bằng "
        "mật khẩu của mình hoặc nhập khóa dự phòng (tờ giấy in cất trong tủ hồ sơ).",
        path=str(path),
    )


def engine_module(key: bytes | None) -> Any:
    """The DB-API module SQLAlchemy must use for a connection keyed (or not) like this, so
    that it recognises the binding's errors as its IntegrityError, OperationalError..."""
    return cipher_module() if key is not None else sqlite3


def backup_into(src: Any, dest_path: Path, key: bytes | None) -> Any:
    """Copy the open database `src` page by page into `dest_path` keyed alike (SQLite's online
    backup API between two connections of the same binding); returns the open destination."""
    dst = connect(dest_path, key, timeout=10)
    try:
        src.backup(dst)
    except BaseException:
        dst.close()
        raise
    return dst
