"""Locks that hold across processes: one sync per database at a time (the window's timer,
"Đồng bộ ngay", a scheduled `kcdesk sync`), and one window per database.

An OS file lock on a small file beside the database (`<db>-sync.lock`, `<db>-window.lock`):
flock on Linux and macOS, msvcrt.locking on Windows. The OS drops it when the holder
exits or crashes, so a lock is never left behind. The holder writes who it is (process id
and what it is) into the file, so the one refused can say so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from kcdesk.errors import KcError
from kcdesk.i18n import label
from kcdesk.sync.errors import Busy


def lock_path(db_path: Path, purpose: str) -> Path:
    return db_path.with_name(f"{db_path.stem}-{purpose}.lock")


def holder(path: Path) -> str:
    """Who holds the lock, as its holder wrote it ("" when unknown)."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def held_by(path: Path) -> tuple[int, str] | None:
    """(process id, what) of the live process holding the lock, read without taking it
    (taking it, even to look, could refuse its rightful holder); None when free."""
    pid_text, _, who = holder(path).partition(" ")
    if not pid_text.isdigit():
        return None
    pid = int(pid_text)
    if os.name != "nt":
        try:
            os.kill(pid, 0)
        except ProcessLookupError:  # crashed without clearing the file: the OS dropped its lock
            return None
        except PermissionError:  # alive, someone else's
            pass
    return pid, who


class ProcessLock:
    """A non-blocking exclusive lock on `path`; `acquire()` is False when it is taken."""

    def __init__(self, path: Path, who: str) -> None:
        self.path = path
        self.who = who
        self._fd: int | None = None

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()} {self.who}\n".encode())
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> ProcessLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte stands for the whole file

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def sync_lock(db_path: Path, who: str) -> ProcessLock:
    """Taken by every sync cycle of this database, whichever process runs it."""
    return ProcessLock(lock_path(db_path, "sync"), who)


class AlreadyOpen(KcError):
    """The database is open in another kcdesk window."""

    exit_code = 3


def window_lock(db_path: Path) -> ProcessLock:
    """Held by a window for as long as it shows this database."""
    return ProcessLock(lock_path(db_path, "window"), "window")


def already_open(db_path: Path, lock: ProcessLock) -> AlreadyOpen:
    pid = holder(lock.path).partition(" ")[0]
    return AlreadyOpen(
        "Cơ sở dữ liệu {path} đang mở trong một cửa sổ kcdesk khác (tiến trình {pid}). Hãy dùng cửa sổ đó; "
        "hai cửa sổ trên cùng dữ liệu sẽ đồng bộ chồng lên nhau.",
        path=str(db_path),
        pid=pid or "?",
    )


HOLDERS = {"window": label("cửa sổ kcdesk"), "command": label("lệnh kcdesk sync")}


def busy_message(path: Path) -> Busy:
    held = holder(path)
    pid, _, who = held.partition(" ")
    return Busy(
        "Cơ sở dữ liệu này đang được đồng bộ ở nơi khác ({who}, tiến trình {pid}); hãy đợi lần đó xong "
        "rồi thử lại. Dữ liệu không bị ảnh hưởng.",
        who=HOLDERS.get(who, who or "?"),
        pid=pid or "?",
    )
