"""Typed sync errors with Vietnamese messages. Callers classify by type, never by text."""

from __future__ import annotations

from kcdesk.errors import KcError


class SyncError(KcError):
    """Sync could not finish; nothing local was lost (the outbox is kept)."""

    exit_code = 4


class Offline(SyncError):
    """The server cannot be reached (network down, timeout, server restarting)."""


class ServerBusy(SyncError):
    """The server answered 5xx or 429: try again later."""


class NotEnrolled(SyncError):
    pass


class DeviceRevoked(SyncError):
    pass


class AuthRejected(SyncError):
    pass


class UpgradeRequired(SyncError):
    pass


class DemoDataRefused(SyncError):
    pass


class UntrustedServer(SyncError):
    """The server's TLS certificate did not verify: not retried (it would not get better),
    and nothing is sent to a server that cannot prove who it is."""


class ProtocolError(SyncError):
    """The server's answer does not fit the protocol (damaged on the way, or a bug)."""
