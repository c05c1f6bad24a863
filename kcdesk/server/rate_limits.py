"""Rate limits that hold however many workers serve the requests.

Two limits, both fixed-window counters (count per key per window; simple, and a burst at
a window's edge is at most twice the limit, which is fine for both):

- requests per device per minute (a retry storm gets 429 and Retry-After). On PostgreSQL
  the counters are rows of server_rate_window, so a device's requests spread over several
  workers count together; a SQLite server runs one worker, whose memory is the shared
  state (a write per request would queue every pull behind the pushes' write lock);
- failed enrolments and token requests per client address, always in the database so a
  restart does not reset them. Past the limit the client gets 429 until the window ends,
  right or wrong; every failure is recorded in server_auth_failure (with the device id
  asked for) and logged. Not per device id: ids are no secret, and counting failures per
  id would let anyone lock a laptop out of its own token.

Established limiters (slowapi/limits) keep their counters in process memory or Redis; the
database is the only thing the workers share here, so this is a small counter on it.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Protocol

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from kcdesk.server import db
from kcdesk.server.auth import now_text

log = logging.getLogger(__name__)
PRUNE_EVERY = 60.0  # seconds between clean-ups of old windows, per process


class TooMany(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after


class Windows(Protocol):
    def hit(self, key: str, seconds: int) -> tuple[int, float]:
        """Count one more for `key` in the current window: (count now, seconds left)."""

    def peek(self, key: str, seconds: int) -> tuple[int, float]:
        """The current window's count without adding to it."""


def _window(seconds: int) -> tuple[int, float]:
    now = time.time()
    start = int(now // seconds) * seconds
    return start, start + seconds - now


class MemoryWindows:
    """Counters of one process: right for a single-worker (SQLite) server."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, int], int] = {}
        self._lock = threading.Lock()
        self._pruned = 0.0

    def hit(self, key: str, seconds: int) -> tuple[int, float]:
        start, left = _window(seconds)
        with self._lock:
            count = self._counts.get((key, start), 0) + 1
            self._counts[(key, start)] = count
            if time.monotonic() - self._pruned > PRUNE_EVERY:
                self._pruned = time.monotonic()
                oldest = time.time() - 3600
                self._counts = {k: v for k, v in self._counts.items() if k[1] >= oldest}
        return count, left

    def peek(self, key: str, seconds: int) -> tuple[int, float]:
        start, left = _window(seconds)
        with self._lock:
            return self._counts.get((key, start), 0), left


class DatabaseWindows:
    """Counters in server_rate_window: every worker reads and adds to the same rows."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._insert = pg_insert if engine.dialect.name == "postgresql" else sqlite_insert
        self._pruned = 0.0
        self._lock = threading.Lock()

    def hit(self, key: str, seconds: int) -> tuple[int, float]:
        start, left = _window(seconds)
        t = db.rate_window
        stmt = self._insert(t).values(key=key, window=start, count=1)
        stmt = stmt.on_conflict_do_update(index_elements=["key", "window"], set_={"count": t.c.count + 1})
        with self.engine.execution_options(write=True).begin() as conn:
            count = int(conn.execute(stmt.returning(t.c.count)).scalar_one())
            self._prune(conn)
        return count, left

    def peek(self, key: str, seconds: int) -> tuple[int, float]:
        start, left = _window(seconds)
        t = db.rate_window
        with self.engine.connect() as conn:
            count = conn.execute(select(t.c.count).where(t.c.key == key, t.c.window == start)).scalar_one_or_none()
        return int(count or 0), left

    def _prune(self, conn: object) -> None:
        with self._lock:
            if time.monotonic() - self._pruned < PRUNE_EVERY:
                return
            self._pruned = time.monotonic()
        conn.execute(delete(db.rate_window).where(db.rate_window.c.window < int(time.time()) - 3600))  # type: ignore[attr-defined]


class RequestLimiter:
    """At most `per_minute` requests per device per minute."""

    def __init__(self, windows: Windows, per_minute: int) -> None:
        self.windows = windows
        self.per_minute = max(1, per_minute)

    def take(self, device_id: str) -> float | None:
        """None when the request may go on; else the seconds to wait."""
        count, left = self.windows.hit(f"req:{device_id}", 60)
        return left if count > self.per_minute else None


class AuthGuard:
    """Failed enrolments and token requests, counted and written down."""

    def __init__(self, engine: Engine, allowed: int, seconds: int) -> None:
        self.engine = engine
        self.windows = DatabaseWindows(engine)
        self.allowed = max(1, allowed)
        self.seconds = max(1, seconds)

    def check(self, action: str, client: str) -> None:
        """Raise TooMany when this client failed too often lately."""
        count, left = self.windows.peek(f"{action}:{client}", self.seconds)
        if count >= self.allowed:
            raise TooMany(left)

    def failed(self, action: str, client: str, device_id: str | None, code: str, guess: bool = True) -> None:
        """Write the failure down; count it towards the limit when it looks like a guess
        (a wrong code or token; not a revoked device asking, which is right but refused)."""
        log.warning("auth failure: %s from %s (device %s): %s", action, client, device_id or "-", code)
        if guess:
            self.windows.hit(f"{action}:{client}", self.seconds)
        with self.engine.execution_options(write=True).begin() as conn:
            conn.execute(
                db.auth_failure.insert().values(
                    at=now_text(), action=action, client=client[:64], device_id=(device_id or None), code=code[:40]
                )
            )
