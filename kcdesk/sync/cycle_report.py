"""What one sync cycle did, counted as it goes (the CLI prints it, benchmarks read it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CycleReport:
    pushed: int = 0
    applied: int = 0
    merged: int = 0
    rejected: int = 0
    pulled: int = 0
    evicted: int = 0
    conflicts: int = 0
    snapshots: list[str] = field(default_factory=list)
    files_up: int = 0
    files_down: int = 0
    bytes_sent: int = 0  # the whole cycle, bodies and HTTP heads
    bytes_received: int = 0
    push_bytes_sent: int = 0  # the push requests and their answers only
    push_bytes_received: int = 0
    push_seconds: float = 0.0
    pull_seconds: float = 0.0
    # A snapshot (first pull, or a scope started again): fetching it (download, sha256, unpack),
    # writing its rows in (inside the transaction), and the whole write, commit included.
    snapshot_fetch_seconds: float = 0.0
    snapshot_apply_seconds: float = 0.0
    snapshot_write_seconds: float = 0.0
    clock_skew_seconds: float | None = None
