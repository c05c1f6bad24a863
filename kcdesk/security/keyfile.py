"""The key file `<stem>-khoa.json` beside an encrypted database: the database's random
32-byte key, wrapped (AES-256-GCM) in slots, never in clear.

- "os": wrapped with a random secret the operating system keeps for this Windows/Linux
  account (the keyring; on Windows the Credential Manager, protected by DPAPI).
- "password": one per person, wrapped with a key derived from their password (scrypt).
- "recovery": wrapped with a key derived (HKDF) from the printed recovery key.

Whoever can open one slot gets the database key. Losing the key file loses the data: a backup
copied elsewhere must take the key file with it (docs/privacy.md).
"""

from __future__ import annotations

import base64
import json
import os
import uuid
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kcdesk.atomic_write import write_bytes
from kcdesk.db.sqlfile import key_file

FORMAT = 1
KEY_BYTES = 32
# scrypt's interactive cost (about 0.1 s): slows down guessing a stolen key file's passwords.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


class KeyFile:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @classmethod
    def new(cls, db_path: Path) -> KeyFile:
        return cls(key_file(db_path), {"format": FORMAT, "id": str(uuid.uuid4()), "cipher": "sqlcipher4", "slots": []})

    @classmethod
    def load(cls, db_path: Path) -> KeyFile:
        path = key_file(db_path)
        return cls(path, json.loads(path.read_text(encoding="utf-8")))

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def slots(self) -> list[dict[str, Any]]:
        return list(self.data["slots"])

    def save(self) -> None:
        write_bytes(self.path, json.dumps(self.data, indent=1).encode("utf-8"))

    def slot_types(self) -> list[str]:
        return [str(s["type"]) for s in self.data["slots"]]

    # -- wrapping ------------------------------------------------------------------------

    def _aad(self, slot_type: str, who: str = "") -> bytes:
        return f"kcdesk-khoa/{self.id}/{slot_type}/{who}".encode()

    def _put(self, slot: dict[str, Any], wrapping: bytes, db_key: bytes) -> None:
        nonce = os.urandom(12)
        aad = self._aad(slot["type"], slot.get("user_id", ""))
        slot.update(nonce=_b64(nonce), wrapped=_b64(AESGCM(wrapping).encrypt(nonce, db_key, aad)))
        self.data["slots"] = [
            s for s in self.data["slots"] if (s["type"], s.get("user_id")) != (slot["type"], slot.get("user_id"))
        ] + [slot]

    def _open(self, slot: dict[str, Any], wrapping: bytes) -> bytes | None:
        aad = self._aad(slot["type"], slot.get("user_id", ""))
        try:
            return AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), aad)
        except InvalidTag:
            return None

    def find(self, slot_type: str, user_id: str | None = None) -> dict[str, Any] | None:
        for slot in self.data["slots"]:
            if slot["type"] == slot_type and (user_id is None or slot.get("user_id") == user_id):
                return dict(slot)
        return None

    # -- OS slot: a secret in the keyring ------------------------------------------------

    def add_os_slot(self, db_key: bytes, secret: bytes) -> None:
        self._put({"type": "os"}, secret, db_key)

    def open_os_slot(self, secret: bytes) -> bytes | None:
        slot = self.find("os")
        return self._open(slot, secret) if slot else None

    # -- password slots ------------------------------------------------------------------

    def add_password_slot(self, db_key: bytes, user_id: str, password: str) -> None:
        salt = os.urandom(16)
        slot = {"type": "password", "user_id": user_id, "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P}
        self._put(slot, _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P), db_key)

    def remove_password_slot(self, user_id: str) -> None:
        self.data["slots"] = [
            s for s in self.data["slots"] if not (s["type"] == "password" and s.get("user_id") == user_id)
        ]

    def open_password_slot(self, password: str, user_id: str | None = None) -> bytes | None:
        for slot in self.data["slots"]:
            if slot["type"] != "password" or (user_id is not None and slot.get("user_id") != user_id):
                continue
            wrapping = _scrypt(password, _unb64(slot["salt"]), int(slot["n"]), int(slot["r"]), int(slot["p"]))
            key = self._open(slot, wrapping)
            if key is not None:
                return key
        return None

    # -- recovery slot -------------------------------------------------------------------

    def add_recovery_slot(self, db_key: bytes, recovery_raw: bytes) -> None:
        salt = os.urandom(16)
        self._put({"type": "recovery", "salt": _b64(salt)}, _hkdf(recovery_raw, salt), db_key)

    def open_recovery_slot(self, recovery_raw: bytes) -> bytes | None:
        slot = self.find("recovery")
        return self._open(slot, _hkdf(recovery_raw, _unb64(slot["salt"]))) if slot else None


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(password.encode("utf-8"))


def _hkdf(raw: bytes, salt: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"kcdesk recovery slot").derive(raw)
