"""The OS slot's secret in the operating system's keyring (Windows: Credential Manager,
protected by DPAPI for this Windows account; Linux: the Secret Service). The keyring holds
only a random secret that unwraps the slot, never the database key itself."""

from __future__ import annotations

import base64
import logging
import os

log = logging.getLogger(__name__)
SERVICE = "kcdesk-khoa"
# `kcdesk --login` (and the window's unlock dialog) open without the OS slot.
SKIP_ENV = "KCDESK_SKIP_OS_SLOT"


def skipped() -> bool:
    return os.environ.get(SKIP_ENV) == "1"


def available() -> bool:
    """A keyring that really keeps secrets (not the fail or null backend)."""
    try:
        import keyring

        backend = keyring.get_keyring()
        return float(getattr(backend, "priority", 0)) > 0
    except Exception as exc:
        log.info("keyring unavailable: %s", exc)
        return False


def store_secret(name: str) -> bytes | None:
    """A new random secret kept in the keyring under `name`; None if the keyring does not keep it."""
    if not available():
        return None
    secret = os.urandom(32)
    text = base64.b64encode(secret).decode("ascii")
    try:
        import keyring

        keyring.set_password(SERVICE, name, text)
        if keyring.get_password(SERVICE, name) == text:
            return secret
    except Exception as exc:
        log.info("keyring did not keep the secret: %s", exc)
    return None


def load_secret(name: str) -> bytes | None:
    if skipped() or not available():
        return None
    try:
        import keyring

        text = keyring.get_password(SERVICE, name)
    except Exception as exc:
        log.info("keyring could not be read: %s", exc)
        return None
    return base64.b64decode(text) if text else None
