"""The local store: one SQLite file, opened defensively, written by exactly one writer.

Open: a missing file is created and migrated; an older schema is backed up, then
migrated in one transaction (a failure rolls back, so the file's bytes are untouched, and
the file is moved aside, never deleted); a file that cannot be opened is moved aside too.

Write: every write runs on one writer thread (`write`/`submit_write`), in a transaction
that takes SQLite's write lock up front and tells the capture triggers who is writing.
Reads open their own sessions and may run in parallel.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, select, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from kcdesk.atomic_write import atomic_path
from kcdesk.db import backup, sqlfile
from kcdesk.db.capture import LOCK_TOKEN, set_context
from kcdesk.db.engine import WRITE_OPTION, is_sqlite_file, make_engine
from kcdesk.db.journal import LARGE_WRITE_OPTION
from kcdesk.db.models import AppMeta, AppUser
from kcdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from kcdesk.db.storage_errors import storage_error
from kcdesk.errors import KcError, LockedError, SignInError, StoreError

log = logging.getLogger(__name__)
T = TypeVar("T")


class Store:
    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False)
        self._large_write_sessions = sessionmaker(
            engine.execution_options(**{WRITE_OPTION: True, LARGE_WRITE_OPTION: True}), expire_on_commit=False
        )
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kcdesk-writer")
        # Whether a large write may leave WAL for the rollback journal (kcdesk.db.journal).
        # The window turns it off (kcdesk.ui.context): its pages read while a sync writes, and
        # in WAL a read never waits for the writer; out of it, it would wait for the whole write.
        self.large_writes_leave_wal = True
        self._local = threading.local()
        self.user_id: str | None = None
        self.device_id: str | None = None
        # Sign-in (kcdesk.services.sign_in): once any account on this laptop has a password,
        # a local write needs a person signed in in this process (the window or one CLI run).
        self.sign_in_required = False
        self.signed_in_user_id: str | None = None
        self._load_identity()

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, encrypt: bool | None = None) -> Store:
        """Open (or, with `create`, make) the database at `path`. A new file is encrypted as the
        laptop's policy says (kcdesk.security.policy) unless `encrypt` decides: the server's
        snapshot template is a laptop file that must stay plain whatever the machine offers."""
        path = Path(path)
        try:
            return cls._open(path, create, encrypt)
        except sqlfile.error_classes(OSError, sa_exc.DBAPIError) as exc:
            # A folder that cannot be written or a full disk is said in words, with what to do.
            translated = storage_error(exc, path)
            if translated is None:
                raise
            raise translated from exc

    @classmethod
    def _open(cls, path: Path, create: bool, encrypt: bool | None) -> Store:
        if not path.exists():
            if not create:
                raise StoreError(
                    'Chưa có cơ sở dữ liệu tại {path}. Hãy chạy: kcdesk --db "{path}" init', path=str(path)
                )
            _create(path, encrypt)
        elif path.is_dir():
            raise StoreError("{path} là một thư mục, không phải tệp dữ liệu. Hãy chỉ ra một tệp .db.", path=str(path))
        else:
            _prepare_existing(path)
        return cls(path, make_engine(path, sqlfile.key_for(path)))

    @property
    def files_dir(self) -> Path:
        return self.path.with_name(self.path.stem + "-attachments")

    @property
    def backups_dir(self) -> Path:
        return self.path.with_name(self.path.stem + "-backups")

    def close(self) -> None:
        self._writer.shutdown(wait=True)
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading and writing ---------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read_sessions() as session:
            yield session

    def write(self, fn: Callable[[Session], T], **context: Any) -> T:
        """Run fn(session) in one write transaction on the writer thread; return its result."""
        current: Session | None = getattr(self._local, "session", None)
        if current is not None:  # nested call from a write already running: join it
            return fn(current)
        return self.submit_write(fn, **context).result()

    def submit_write(
        self,
        fn: Callable[[Session], T],
        *,
        origin: str = "local",
        applying_remote: bool = False,
        user_id: str | None = None,
        device_id: str | None = None,
        anonymous: bool = False,
        large: bool = False,
    ) -> Future[T]:
        """`anonymous`: a write allowed before anyone signed in (the sign-in itself, which
        counts failed attempts, and the first-run setup). `large`: a write of a hundred
        megabytes or so (a first pull), made through the rollback journal when no other
        connection has the file open and no window reads it (kcdesk.db.journal)."""
        if not anonymous and not applying_remote:  # the server's rows are nobody's edit here
            self._check_signed_in()
        return self._writer.submit(self._run_write, fn, origin, applying_remote, user_id, device_id, large)

    def _check_signed_in(self) -> None:
        if self.sign_in_required and self.signed_in_user_id is None:
            raise SignInError("Chưa đăng nhập nên chưa ghi được. Hãy đăng nhập bằng tài khoản của mình rồi thử lại.")

    def _run_write(
        self,
        fn: Callable[[Session], T],
        origin: str,
        applying_remote: bool,
        user_id: str | None,
        device_id: str | None,
        large: bool = False,
    ) -> T:
        large = large and self.large_writes_leave_wal
        if large:  # this process's idle connections would keep the file in WAL (kcdesk.db.journal)
            self.engine.dispose()
        sessions = self._large_write_sessions if large else self._write_sessions
        try:
            with sessions() as session, session.begin():
                conn = session.connection()
                set_context(
                    conn,
                    user_id=user_id or self.user_id,
                    device_id=device_id or self.device_id,
                    origin=origin,
                    applying_remote=applying_remote,
                )
                self._local.session = session
                try:
                    result = fn(session)
                    session.flush()
                finally:
                    self._local.session = None
                # Leave the context as a plain local write, so that no later writer (raw
                # SQL included) inherits "applying remote" and escapes the outbox.
                set_context(conn, user_id=self.user_id, device_id=self.device_id)
            return result
        except (sa_exc.IntegrityError, sa_exc.OperationalError) as exc:
            raise translate_db_error(exc) from exc

    # -- identity ----------------------------------------------------------------------

    def _load_identity(self) -> None:
        with self.read() as s:
            meta = {k: v for k, v in s.execute(select(AppMeta.key, AppMeta.value))}
            accounts = s.scalar(
                select(AppUser.id).where(AppUser.password_hash.is_not(None), AppUser.deleted_at.is_(None)).limit(1)
            )
        self.device_id = meta.get("device_id")
        self.user_id = meta.get("current_user_id")
        self.sign_in_required = accounts is not None

    def meta(self) -> dict[str, str | None]:
        with self.read() as s:
            return {k: v for k, v in s.execute(select(AppMeta.key, AppMeta.value))}

    def reload_identity(self) -> None:
        self._load_identity()


def translate_db_error(exc: sa_exc.DBAPIError) -> KcError:
    """Turn a SQLite error into a message that says what to do. Classified by error code."""
    orig = exc.orig
    # Primary codes: sqlite3 reports extended ones, SQLCipher's binding primary ones.
    code = sqlfile.primary_code(orig) if orig is not None else None
    message = str(orig)
    if code == sqlite3.SQLITE_CONSTRAINT and LOCK_TOKEN in message:
        what = message.split(LOCK_TOKEN, 1)[1]
        if what.startswith("acceptance"):
            return LockedError("Biên bản nghiệm thu đã ký và khóa, không thể sửa hoặc xóa.")
        return LockedError("Đề án đã quyết toán và khóa, chỉ có thể chuyển sang bước đánh giá sau hỗ trợ.")
    if code == sqlite3.SQLITE_FULL:
        return StoreError(
            "Ổ đĩa đã đầy, chưa ghi được dữ liệu (không có gì bị mất). Hãy giải phóng dung lượng rồi thử lại."
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StoreError("Cơ sở dữ liệu đang bận vì một cửa sổ kcdesk khác đang ghi. Hãy thử lại sau ít phút.")
    if code == sqlite3.SQLITE_READONLY:
        return StoreError("Không ghi được vào tệp dữ liệu (chỉ đọc). Hãy kiểm tra quyền ghi của thư mục dữ liệu.")
    if isinstance(exc, sa_exc.IntegrityError):
        return StoreError("Dữ liệu vi phạm ràng buộc toàn vẹn ({reason}); không có gì được ghi.", reason=message)
    return StoreError("Lỗi cơ sở dữ liệu: {reason}", reason=message)


# -- opening helpers ---------------------------------------------------------------------


def _create(path: Path, encrypt: bool | None = None) -> None:
    """Create and migrate a new database under a temporary name, then move it in place,
    so an interrupted first start never leaves a half-made file behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        companions = [Path(f"{tmp}{side}") for side in ("-wal", "-shm")]
        try:
            engine = make_engine(tmp, None if encrypt is False else _new_key(path, required=bool(encrypt)))
            try:
                _migrate(engine)
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                engine.dispose()
        finally:  # everything is in the main file after the checkpoint
            for companion in companions:
                companion.unlink(missing_ok=True)


def _new_key(path: Path, *, required: bool = False) -> bytes | None:
    """A new database is encrypted when its key can be kept (kcdesk.security.policy), or
    always when `required`; its key file is written beside it first, so the key is never only
    in memory."""
    from kcdesk.security.policy import make_key_file, new_database_key

    return make_key_file(path) if required else new_database_key(path)


def _prepare_existing(path: Path) -> None:
    try:
        readable = is_sqlite_file(path)
    except OSError as exc:
        raise StoreError("Không đọc được tệp dữ liệu {path}: {reason}", path=str(path), reason=exc.strerror) from exc
    if not readable:
        aside = _move_aside(path, "khong-mo-duoc")
        raise StoreError(
            "Tệp {path} không phải cơ sở dữ liệu kcdesk hoặc đã hỏng. Tệp đã được chuyển sang {aside} "
            "(không xóa). Hãy khôi phục từ bản sao lưu: kcdesk restore <tệp sao lưu>.",
            path=str(path),
            aside=str(aside),
        )
    try:
        revision = current_revision(path)
    except sqlfile.EncryptedStoreError:
        raise  # the file is sound; the key is what is missing: never moved aside
    except sqlfile.database_error_classes() as exc:
        if sqlfile.primary_code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise StoreError("Cơ sở dữ liệu đang bận vì một cửa sổ kcdesk khác. Hãy thử lại sau ít phút.") from exc
        full_or_denied = storage_error(exc, path)
        if full_or_denied is not None:  # a read-only file or a full disk is not a damaged file
            raise full_or_denied from exc
        aside = _move_aside(path, "khong-mo-duoc")
        raise StoreError(
            "Không mở được cơ sở dữ liệu ({reason}). Tệp đã được chuyển sang {aside} (không xóa). "
            "Hãy khôi phục từ bản sao lưu: kcdesk restore <tệp sao lưu>.",
            reason=str(exc),
            aside=str(aside),
        ) from exc
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise StoreError(
            "Dữ liệu này được tạo bởi phiên bản kcdesk mới hơn (lược đồ {revision}). Hãy cập nhật kcdesk; "
            "dữ liệu được giữ nguyên.",
            revision=revision,
        )
    upgrade_with_backup(path, revision)


_KEY_OF_FILE = b"key of the file itself"


def current_revision(path: Path, key: bytes | None = _KEY_OF_FILE) -> str | None:
    """The schema revision of the file at `path`; `key` for a copy keyed like another
    database (a backup), by default the file's own key (kcdesk.db.sqlfile.key_for)."""
    conn = sqlfile.connect(path, sqlfile.key_for(path) if key is _KEY_OF_FILE else key)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            if tables:
                raise sqlite3.DatabaseError("không có thông tin phiên bản lược đồ (không phải tệp kcdesk)")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def upgrade_with_backup(path: Path, revision: str | None) -> None:
    backups = path.with_name(path.stem + "-backups")
    saved: Path | None = None
    if revision is not None:
        saved = backup.snapshot(path, backups / backup.backup_name(path, backup.pre_upgrade_reason(revision)))
        log.info("backed up %s to %s before migrating from %s", path, saved, revision)
    engine = make_engine(path, sqlfile.key_for(path))
    try:
        _migrate(engine)
    except Exception as exc:
        engine.dispose()
        full_or_denied = storage_error(exc, path)
        if full_or_denied is not None:  # rolled back and the file is sound: keep it where it is
            raise full_or_denied from exc
        aside = _move_aside(path, "loi-nang-cap")
        log.exception("migration of %s failed; moved aside to %s", path, aside)
        raise StoreError(
            "Không nâng cấp được cơ sở dữ liệu ({reason}). Dữ liệu gốc được giữ nguyên, đã chuyển sang {aside}; "
            "bản sao lưu: {backup}. Hãy gửi tệp này cho bộ phận hỗ trợ.",
            reason=str(exc).splitlines()[0],
            aside=str(aside),
            backup=str(saved or "-"),
        ) from exc
    finally:
        engine.dispose()
    if saved is not None:  # only once the upgrade has succeeded: its own backup is the newest kept
        removed = backup.rotate(backups, path.stem, backup.PRE_UPGRADE, backup.PRE_UPGRADE_KEEP, any_suffix=True)
        if removed:
            log.info("rotated out old pre-upgrade backups: %s", [p.name for p in removed])


def _migrate(engine: Engine) -> None:
    from alembic import command

    from kcdesk.db.alembic_config import alembic_config

    cfg = alembic_config()
    with engine.connect() as conn, conn.begin():
        # One transaction: a failure rolls everything back. Batch mode copies tables;
        # deferring foreign keys lets it drop and re-create a parent inside the transaction.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise StoreError("Nâng cấp để lại {n} liên kết hỏng; đã hủy nâng cấp.", n=len(problems))


def _move_aside(path: Path, reason: str) -> Path:
    """Rename the file (and its WAL/SHM companions) out of the way. Never deletes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{reason}-{stamp}")
    n = 1
    while aside.exists():
        aside = path.with_name(f"{path.name}.{reason}-{stamp}-{n}")
        n += 1
    os.replace(path, aside)
    for side in ("-wal", "-shm"):
        companion = Path(f"{path}{side}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{side}"))
    return aside


def get_meta(session: Session, key: str) -> str | None:
    return session.execute(select(AppMeta.value).where(AppMeta.key == key)).scalar_one_or_none()


def set_meta(session: Session, key: str, value: str | None) -> None:
    session.execute(
        text("INSERT INTO app_meta (key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        {"k": key, "v": value},
    )
