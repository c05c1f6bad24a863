"""The key that signs access tokens and derives rotated refresh tokens, kept outside the
database: whoever can read the database (a backup, a copied file, a read-only SQL login)
must not be able to forge a device's token.

It comes from the environment (KCDESK_SERVER_TOKEN_SECRET, at least 32 characters) or
from a file only the server's account can read (`token-secret` in the data folder, 0600),
made on first start. A server that kept the key in `server_meta` (before this file
existed) has it moved into the file and deleted from the database, so tokens already
handed out stay valid.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, select

from kcdesk.server import db

log = logging.getLogger(__name__)
ENV = "KCDESK_SERVER_TOKEN_SECRET"
FILE_NAME = "token-secret"
LEGACY_KEY = "token_secret"
MIN_LENGTH = 32


class SecretProblem(Exception):
    """The configured secret cannot be used; the message says what to do (Vietnamese)."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params: dict[str, Any] = params  # for tr(message, **params)


def load_token_secret(conn: Connection, data_dir: Path) -> str:
    """The secret, moved out of the database if it was still there (inside the caller's
    write transaction: the row goes only once the file holding it is on disk)."""
    legacy = conn.execute(select(db.server_meta.c.value).where(db.server_meta.c.key == LEGACY_KEY)).scalar_one_or_none()
    configured = os.environ.get(ENV)
    if configured is not None:
        if len(configured) < MIN_LENGTH:
            raise SecretProblem(
                "Biến môi trường {env} phải dài ít nhất {n} ký tự (ví dụ: python -c "
                '"import secrets; print(secrets.token_hex(32))").',
                env=ENV,
                n=MIN_LENGTH,
            )
        secret = configured
        if legacy is not None:
            log.warning("token secret now comes from %s; the old one in the database is dropped", ENV)
    else:
        secret = _from_file(data_dir / FILE_NAME, legacy)
    if legacy is not None:
        conn.execute(delete(db.server_meta).where(db.server_meta.c.key == LEGACY_KEY))
    return secret


def _from_file(path: Path, legacy: str | None) -> str:
    if not path.exists():
        _create(path, legacy or secrets.token_hex(32))
    owner_only(path)
    secret = path.read_text(encoding="ascii").strip()
    if len(secret) < MIN_LENGTH:
        raise SecretProblem(
            "Tệp khóa ký {path} bị hỏng (quá ngắn); hãy xóa tệp để máy chủ tạo khóa mới "
            "(các thiết bị sẽ tự lấy mã truy cập mới).",
            path=str(path),
        )
    return secret


def _create(path: Path, secret: str) -> None:
    """Written once, owner-only from the first byte; when several workers start together
    only one creates it and the others read it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(secret + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    try:
        os.link(tmp, path)  # fails if another worker made it first: theirs is kept
    except FileExistsError:
        pass
    except OSError:  # a filesystem without hard links
        if not path.exists():
            os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def owner_only(path: Path, mode: int = 0o600) -> None:
    """Take group and world access away from a file or folder this account owns (no-op on
    Windows, where the data folder's ACL decides)."""
    if os.name == "nt" or not path.exists():
        return
    info = path.stat()
    if info.st_mode & 0o077 and info.st_uid == os.getuid():
        log.warning("%s was readable by others; now owner-only", path)
        os.chmod(path, mode)
