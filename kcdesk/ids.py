"""UUIDv7 identifiers made on the device (RFC 9562 §5.7).

Time-ordered ids keep SQLite's primary-key index append-mostly and sort records by
creation, while staying unique across thousands of offline devices. Python 3.14 has
uuid.uuid7; until then this is the RFC's "method 3" (a counter in rand_a) so ids made in
the same millisecond by this process still sort in creation order.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def new_id() -> str:
    """Return a new UUIDv7 as canonical lower-case text."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms > _last_ms:
            _last_ms = ms
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF  # leave room to count up
        else:
            # Same (or an earlier, if the clock stepped back) millisecond: keep the
            # last timestamp and count, so ids never go backwards within a process.
            _counter += 1
            if _counter > 0xFFF:
                _last_ms += 1
                _counter = 0
        ms = _last_ms
        counter = _counter
    rand_b = int.from_bytes(os.urandom(8), "big") & 0x3FFF_FFFF_FFFF_FFFF
    value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except (ValueError, AttributeError, TypeError):
        return False
    return True
