"""The one way kcdesk writes a file that must never be seen half-written: write under a
temporary name beside it, push the bytes to the disk (fsync), then move it over the real
name in one step (os.replace). A crash or an error at any point leaves either the old file
or the new one, never a mixture, and no temporary file behind when Python is still running.

    with atomic_path(target) as tmp:   # for writers that want a path (openpyxl, reportlab, sqlite)
        workbook.save(tmp)
    write_bytes(target, data, mode=0o600)   # owner-only from the first byte (keys, tokens)

The temporary name starts with a dot and carries the process id, so two processes writing
the same file do not write into each other's, and folder listings skip it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


@contextmanager
def atomic_path(target: Path | str, *, mode: int | None = None) -> Iterator[Path]:
    """A temporary path beside `target` to write; when the block ends without an error the
    file is synced and moved over `target`, else removed. With `mode` the temporary file is
    created with those permissions before the caller writes anything into it."""
    target = Path(target)
    tmp = temporary_name(target)
    tmp.unlink(missing_ok=True)  # left by a crash of a process that had this id
    try:
        if mode is not None:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode))
            os.chmod(tmp, mode)  # exactly `mode`, whatever the umask
        yield tmp
        replace_synced(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes(target: Path | str, data: bytes, *, mode: int | None = None) -> None:
    with atomic_path(target, mode=mode) as tmp, tmp.open("wb") as fh:
        fh.write(data)


def write_text(target: Path | str, text: str, *, mode: int | None = None, encoding: str = "utf-8") -> None:
    write_bytes(target, text.encode(encoding), mode=mode)


def replace_synced(source: Path, target: Path) -> None:
    """Move a finished file (a verified download, a temporary file) over `target`: its bytes
    reach the disk first, and on POSIX the folder entry too, so after a power cut `target`
    is the old file or the whole new one."""
    with source.open("rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(source, target)
    if os.name != "nt":  # Windows cannot open a folder to sync it; NTFS journals the rename
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
