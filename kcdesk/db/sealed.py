"""Attachment files sealed with AES-256-GCM beside an encrypted database.

A sealed file is MAGIC + 12-byte nonce + ciphertext with its tag; the associated data is the
file's name (the sha256 of the plain content), so a sealed file moved under another name
does not open. The sealing key is derived (HKDF) from the database key, which this process
holds once the database is open (kcdesk.db.sqlfile).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from pathlib import Path

from kcdesk.db import sqlfile
from kcdesk.errors import StoreError

MAGIC = b"KCSEAL1\x00"
ATTACHMENTS_SUFFIX = "-attachments"
_lock = threading.Lock()
_plain_dir: Path | None = None


def key_for_files(files_dir: Path) -> bytes | None:
    """The sealing key of `<stem>-attachments/` when the database `<stem>.*` beside it is
    encrypted and open in this process; None when it is plain."""
    if not files_dir.name.endswith(ATTACHMENTS_SUFFIX):
        return None
    stem = files_dir.name[: -len(ATTACHMENTS_SUFFIX)]
    if not (files_dir.parent / (stem + sqlfile.KEY_FILE_SUFFIX)).exists():
        return None
    db_key = sqlfile.key_of_stem(files_dir.parent, stem)
    return None if db_key is None else derive(db_key)


def derive(db_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kcdesk attachments").derive(db_key)


def seal(key: bytes, name: str, data: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, name.encode("ascii"))


def is_sealed(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def unseal_file(path: Path) -> bytes:
    data = path.read_bytes()
    if not data.startswith(MAGIC):
        return data
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = key_for_files(path.parent.parent)
    if key is None:
        raise StoreError(
            "Tệp đính kèm {path} được mã hóa; hãy mở cơ sở dữ liệu của nó trong kcdesk trước.", path=str(path)
        )
    body = data[len(MAGIC) :]
    try:
        return AESGCM(key).decrypt(body[:12], body[12:], path.name.encode("ascii"))
    except InvalidTag as exc:
        raise StoreError("Tệp đính kèm {path} bị hỏng hoặc không thuộc cơ sở dữ liệu này.", path=str(path)) from exc


def readable_path(path: Path, name: str | None = None) -> Path:
    if not path.exists() or not is_sealed(path):
        return path
    folder = _private_dir() / path.name
    folder.mkdir(exist_ok=True)
    out = folder / Path(name or "tep").name  # the file's own name, so a viewer knows its type
    if not out.exists():
        out.write_bytes(unseal_file(path))
    return out


def _private_dir() -> Path:
    global _plain_dir
    with _lock:
        if _plain_dir is None:
            _plain_dir = Path(tempfile.mkdtemp(prefix="kcdesk-mo-"))  # 0700: this account only
            atexit.register(shutil.rmtree, _plain_dir, True)
        return _plain_dir
