"""When the window syncs by itself, without Qt (tested as plain Python).

- After a good cycle: again in `interval` seconds, give or take a fifth (jitter), so the
  laptops of a province that start at 7:30 do not all knock at the same second.
- After the server could not be reached (offline, busy): a short, growing, jittered wait
  (full jitter: a random point in [0, min(cap, base * 2^n)]), and in the meantime only a
  cheap probe of the server; the moment it answers (connectivity regained) a cycle runs.
- After an error a retry cannot cure (not enrolled, revoked, demo data, needs an upgrade,
  the server's certificate does not verify): no automatic cycles until the person acts.
- After the person cancelled: the next cycle at the normal interval.

Which of these follows an error is its type's `reaction` (kcdesk.sync.errors), never its
class name.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from kcdesk.sync.errors import Reaction
from kcdesk.ui.logic.i18n import tr


@dataclass
class SyncSchedule:
    interval: float = 300.0  # seconds between cycles while all is well
    first_delay: float = 10.0  # after the window opens: let it paint and settle first
    base: float = 15.0  # first wait after the server could not be reached
    cap: float = 600.0  # longest wait between probes
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0  # unreachable in a row
    stopped: bool = False  # an error a retry cannot cure

    def first(self) -> float:
        return self._jitter(self.first_delay)

    def after_success(self) -> float:
        self.failures = 0
        self.stopped = False
        return self._jitter(self.interval)

    def after_error(self, reaction: Reaction) -> float | None:
        """Seconds until the next attempt, or None: wait for the person (Đồng bộ ngay).
        `reaction` is kcdesk.sync.errors.reaction_of(the error)."""
        if reaction is Reaction.STOP:
            self.stopped = True
            return None
        if reaction is Reaction.BACK_OFF:
            self.failures += 1
            ceiling = min(self.cap, self.base * 2 ** (self.failures - 1))
            return max(1.0, self.rng.uniform(0, ceiling))
        if reaction is Reaction.RESUME:  # the person stopped it: the normal interval, as it was
            return self.interval
        # Anything else (a refused batch, a protocol hiccup): try again at the normal pace.
        return self._jitter(self.interval)

    @property
    def offline(self) -> bool:
        return self.failures > 0

    def _jitter(self, seconds: float) -> float:
        return seconds * self.rng.uniform(0.8, 1.2)


def stage_text(stage: str, done: int, total: int, lang: str | None = None) -> str:
    """The sync client's progress stage ('push', 'pull:48', 'snapshot:48', 'file:…') in words."""
    kind, _, scope = stage.partition(":")
    if kind == "hello":
        text = tr("Đang kết nối máy chủ…", lang)
    elif kind == "push":
        text = tr("Đang gửi thay đổi", lang)
    elif kind == "pull":
        text = tr("Đang nhận thay đổi ({scope})", lang, scope=scope)
    elif kind == "snapshot":
        text = tr("Đang tải dữ liệu ban đầu ({scope})", lang, scope=scope)
    elif kind in ("file", "blob", "upload", "download"):
        text = tr("Đang truyền tệp đính kèm", lang)
    else:
        text = tr("Đang đồng bộ", lang)
    if total:
        return f"{text}: {done}/{total}"
    return text


BADGE_TEXT = {
    "pending": "Chờ gửi",
    "uploading": "Đang gửi",
    "synced": "Đã đồng bộ",
    "error": "Bị từ chối",
    "conflict": "Xung đột",
    "out_of_scope": "Ngoài phạm vi",
    "parked": "Tạm giữ",
    "local": "Chỉ trên máy này",
}
BADGE_SEVERITY = {
    "pending": "soon",
    "uploading": "soon",
    "synced": "later",
    "error": "overdue",
    "conflict": "overdue",
    "out_of_scope": "status",
    "parked": "status",
    "local": "status",
}


def shown_badge(badge: str, *, running: bool, enrolled: bool) -> str:
    """What a record's badge says: a pending record is 'uploading' while a cycle runs, and
    on a laptop that has no server a record is simply local."""
    if badge == "pending" and running:
        return "uploading"
    if not enrolled and badge in ("pending", "synced"):
        return "local"
    return badge
