"""Where the device's refresh token lives: the OS keyring, or a file only its owner can
read (0600) when no keyring works on this machine (headless Linux, some Windows setups)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from kcdesk.atomic_write import write_text

log = logging.getLogger(__name__)
SERVICE = "kcdesk-sync"


class TokenStore:
    def __init__(self, fallback_file: Path) -> None:
        self.fallback_file = fallback_file

    @staticmethod
    def _user(server_url: str, device_id: str) -> str:
        return f"{device_id}@{server_url}"

    def save(self, server_url: str, device_id: str, token: str) -> str:
        """Store the token; return where it went ("keyring" or "file")."""
        user = self._user(server_url, device_id)
        try:
            import keyring

            keyring.set_password(SERVICE, user, token)
            if keyring.get_password(SERVICE, user) == token:
                self.fallback_file.unlink(missing_ok=True)
                return "keyring"
        except Exception as exc:  # any backend failure: fall back, and say so in the log
            log.info("keyring unavailable (%s); using %s", exc, self.fallback_file)
        self._write_file({"user": user, "token": token})
        return "file"

    def load(self, server_url: str, device_id: str) -> str | None:
        user = self._user(server_url, device_id)
        try:
            import keyring

            token = keyring.get_password(SERVICE, user)
            if token:
                return token
        except Exception as exc:
            log.info("keyring unavailable (%s)", exc)
        if self.fallback_file.exists():
            data = json.loads(self.fallback_file.read_text())
            if data.get("user") == user:
                return str(data["token"])
        return None

    def delete(self, server_url: str, device_id: str) -> None:
        try:
            import keyring

            keyring.delete_password(SERVICE, self._user(server_url, device_id))
        except Exception:  # nothing stored there, or no backend: the file is what matters
            pass
        self.fallback_file.unlink(missing_ok=True)

    def _write_file(self, data: dict[str, str]) -> None:
        self.fallback_file.parent.mkdir(parents=True, exist_ok=True)
        write_text(self.fallback_file, json.dumps(data), mode=0o600)
