"""Every sync error, the one `Cancelled`, and what the scheduler does after each.

Callers classify by type, never by message text or class name. What the window's
scheduler does after a failed cycle is the error type's `reaction` (read through
`reaction_of`), so renaming a class cannot turn "stop" into "retry":

- STOP: a retry cannot cure it (not enrolled, revoked, refused, too old, demo data, a
  server that cannot prove who it is); no automatic cycles until the person acts.
- BACK_OFF: the server cannot be reached or is busy; short, growing waits with only a
  cheap probe in between, and a cycle the moment it answers.
- RETRY: anything else (a refused batch, a damaged answer); again at the normal pace.
- RESUME: the person cancelled; the next timed cycle at the normal interval, and nothing
  to tell them.

`Cancelled` is the whole program's: `kcdesk.progress.Progress` raises it for an import, a
report or a sync cycle alike (kcdesk.progress re-exports it).
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar

from kcdesk.errors import KcError


class Reaction(enum.Enum):
    STOP = "stop"
    BACK_OFF = "back_off"
    RETRY = "retry"
    RESUME = "resume"


NOTHING_WRITTEN = "Đã hủy theo yêu cầu; không có gì được ghi."
SYNC_STOPPED = "Đã dừng đồng bộ theo yêu cầu; phần đã xong được giữ, phần còn lại sẽ làm ở lần sau."


class Cancelled(KcError):
    """The person stopped a long job. An import or a report writes nothing (the default
    message); a sync cycle keeps what it finished (SYNC_STOPPED)."""

    reaction: ClassVar[Reaction] = Reaction.RESUME

    def __init__(self, message: str = NOTHING_WRITTEN, **params: Any) -> None:
        super().__init__(message, **params)


class SyncError(KcError):
    """Sync could not finish; nothing local was lost (the outbox is kept)."""

    exit_code = 4
    reaction: ClassVar[Reaction] = Reaction.RETRY


class Offline(SyncError):
    """The server cannot be reached (network down, timeout, server restarting)."""

    reaction = Reaction.BACK_OFF


class ServerBusy(SyncError):
    """The server answered 5xx or 429: try again later."""

    reaction = Reaction.BACK_OFF
    retry_after: float | None = None  # seconds, from the server's Retry-After header


class NotEnrolled(SyncError):
    reaction = Reaction.STOP


class DeviceRevoked(SyncError):
    reaction = Reaction.STOP


class AuthRejected(SyncError):
    reaction = Reaction.STOP


class UpgradeRequired(SyncError):
    reaction = Reaction.STOP


class DemoDataRefused(SyncError):
    reaction = Reaction.STOP


class UntrustedServer(SyncError):
    """The server's TLS certificate did not verify: not retried (it would not get better),
    and nothing is sent to a server that cannot prove who it is."""

    reaction = Reaction.STOP


class InsecureServer(SyncError):
    """A plain-HTTP server elsewhere on the network, not accepted explicitly (raised before
    anything is sent; kcdesk.sync.server_url)."""

    reaction = Reaction.RETRY  # as before it had a reaction; enrolling again is what cures it


class Busy(SyncError):
    """Another process (the window, a scheduled `kcdesk sync`) is syncing this database;
    the message says who and what to do (kcdesk.sync.process_lock)."""

    reaction = Reaction.RETRY


class ProtocolError(SyncError):
    """The server's answer does not fit the protocol (damaged on the way, or a bug)."""

    reaction = Reaction.RETRY


class SnapshotDamaged(SyncError):
    """A snapshot in the laptop's layout that cannot be taken in (damaged, another
    revision): the first pull falls back to the rows as stored; should it still escape, the
    next cycle tries again at the normal pace."""

    reaction = Reaction.RETRY


def reaction_of(error: BaseException) -> Reaction:
    """What the scheduler does after `error`; an error that is not a sync error (a bug, a
    full disk) is retried at the normal pace, as a refused batch would be."""
    if isinstance(error, SyncError | Cancelled):
        return error.reaction
    return Reaction.RETRY
