"""The local attachment file store: content-addressed files under <db>-attachments/.

A file lives at files_dir / sha[:2] / sha. Files are written with kcdesk.atomic_write, so
a crash never leaves a half-written file under a real hash.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from kcdesk.atomic_write import atomic_path, write_bytes


def file_path(files_dir: Path, sha256: str) -> Path:
    return files_dir / sha256[:2] / sha256


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def add_file(files_dir: Path, source: Path) -> tuple[str, int]:
    """Copy `source` into the store; return its sha256 and size."""
    sha = sha256_of(source)
    target = file_path(files_dir, sha)
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
        write_bytes(target, data)
    return sha, len(data)
