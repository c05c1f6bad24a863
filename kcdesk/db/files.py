"""The local attachment file store: content-addressed files under <db>-attachments/.

A file lives at files_dir / sha[:2] / sha. Files are written with kcdesk.atomic_write, so
a crash never leaves a half-written file under a real hash.

Beside an encrypted database (kcdesk.db.sqlfile) the files are sealed with AES-256-GCM under
a key derived from the database key (kcdesk.db.sealed); the name stays the sha256 of the
plain content, so sync and de-duplication see the same file either way. Whoever reads a
file's content goes through `read_plain` / `readable_path`.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from kcdesk.atomic_write import atomic_path, write_bytes
from kcdesk.db import sealed


def file_path(files_dir: Path, sha256: str) -> Path:
    return files_dir / sha256[:2] / sha256


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def add_file(files_dir: Path, source: Path) -> tuple[str, int]:
    """Copy `source` into the store (sealed beside an encrypted database); return its sha256
    and size."""
    sha = sha256_of(source)
    target = file_path(files_dir, sha)
    key = sealed.key_for_files(files_dir)
    if key is not None:
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(target, sealed.seal(key, sha, source.read_bytes()))
        return sha, source.stat().st_size
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target) as tmp, source.open("rb") as src, tmp.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
    return sha, target.stat().st_size


def add_bytes(files_dir: Path, data: bytes) -> tuple[str, int]:
    sha = hashlib.sha256(data).hexdigest()
    target = file_path(files_dir, sha)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        key = sealed.key_for_files(files_dir)
        write_bytes(target, sealed.seal(key, sha, data) if key is not None else data)
    return sha, len(data)


def read_plain(path: Path) -> bytes:
    """The content of a stored file, unsealed when it is sealed."""
    return sealed.unseal_file(path)


def readable_path(path: Path, name: str | None = None) -> Path:
    """A path a viewer or another program can read: the file itself when plain, else a copy
    unsealed into this process's private temporary folder (removed when kcdesk exits)."""
    return sealed.readable_path(path, name)
