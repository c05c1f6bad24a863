"""The recovery key ("khóa dự phòng"): 25 random bytes shown as 40 base32 characters in
groups of five, printed on one page for the office safe (kcdesk.security.recovery_pdf).

Base32 has no 0, 1 or 8; a person copying the sheet by hand may type them for O, I and B,
and may add spaces or dashes: `parse` accepts all of that.
"""

from __future__ import annotations

import base64
import os

from kcdesk.errors import StoreError

RAW_BYTES = 25  # 200 bits: 40 base32 characters without padding
GROUP = 5


def new_recovery_key() -> bytes:
    return os.urandom(RAW_BYTES)


def format_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse(typed: str) -> bytes:
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    if len(cleaned) != RAW_BYTES * 8 // 5:
        raise StoreError(
            "Khóa dự phòng phải có 40 ký tự (8 nhóm 5 ký tự); đã nhập {n}. Hãy nhập lại đúng như tờ giấy in.",
            n=len(cleaned),
        )
    try:
        return base64.b32decode(cleaned)
    except ValueError as exc:
        raise StoreError("Khóa dự phòng có ký tự không hợp lệ. Hãy nhập lại đúng như tờ giấy in.") from exc
