"""The headless sync API the window (and the CLI) builds on.

    service = SyncService(store)
    service.run_cycle(progress=Progress(...))  # one cycle at a time; raises typed SyncError or Cancelled
    service.status()          # online/offline, pending count, last success, last error, revoked
    service.dead_letters()    # refused changes with their reasons (Vietnamese, or English via tr)
    service.conflicts()       # field conflicts, each side by side: base / mine / theirs
    service.resolve(conflict_id, "mine" | "theirs" | "edited", values)
    service.record_badge(table, row_id)  # pending | error | conflict | out_of_scope | parked | synced

No Qt here: a GUI runs run_cycle on a worker thread and re-emits progress as signals.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.i18n import tr
from kcdesk.progress import Progress
from kcdesk.sync import conflicts as conflict_store
from kcdesk.sync import state
from kcdesk.sync.client import SyncClient, codecs
from kcdesk.sync.conflicts import Choice, Conflict
from kcdesk.sync.cycle_report import CycleReport
from kcdesk.sync.errors import DeviceRevoked, Offline, ServerBusy, SyncError
from kcdesk.sync.process_lock import busy_message, held_by, sync_lock
from kcdesk.sync.reasons import worded
from kcdesk.sync.resend import resend as resend_refused
from kcdesk.sync.transport import RetryPolicy


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    device_id: str | None
    online: bool | None  # None: not tried yet
    running: bool
    pending: int
    oldest_pending: str | None
    dead_letters: int
    open_conflicts: int
    last_success: str | None
    last_attempt: str | None
    last_error: str | None  # in the current language
    revoked: bool
    clock_skew_seconds: float | None


@dataclass(frozen=True)
class DeadLetter:
    seq: int
    table: str
    row_id: str
    op: str
    values: dict[str, Any]
    code: str
    reason: str  # in the current language
    blocked_by: int | None
    rejected_at: str


class SyncService:
    def __init__(
        self, store: Store, *, retry: RetryPolicy | None = None, verify: Any = None, who: str = "command"
    ) -> None:
        self.store = store
        self.retry = retry
        self.verify = verify
        self.who = who  # "window" or "command": named to whoever finds the database busy
        self._lock = threading.Lock()
        self._running = False
        self._online: bool | None = None

    def client(self, progress: Progress | None = None) -> SyncClient:
        return SyncClient(self.store, retry=self.retry, progress=progress, verify=self.verify)

    def enrol(
        self,
        server_url: str,
        code: str,
        device_name: str = "",
        ca_file: str | None = None,
        insecure_http: bool = False,
    ) -> str:
        """Enrol this laptop; plain http:// to another machine only with insecure_http
        (kcdesk.sync.server_url)."""
        return self.client().enrol(server_url, code, device_name, ca_file, insecure_http).device_id

    def run_cycle(self, progress: Progress | None = None) -> CycleReport:
        """Run one cycle; a second caller while one runs gets SyncError at once, whether it
        is in this process or another one (the window and a scheduled `kcdesk sync`)."""
        if not self._lock.acquire(blocking=False):
            raise SyncError("Đang đồng bộ; hãy đợi lần này xong.")
        across = sync_lock(self.store.path, self.who)
        if not across.acquire():
            self._lock.release()
            raise busy_message(across.path)
        self._running = True
        try:
            report = self.client(progress).cycle()
            self._online = True
            return report
        except (Offline, ServerBusy):
            self._online = False
            raise
        except SyncError:
            self._online = True
            raise
        finally:
            self._running = False
            across.release()
            self._lock.release()

    def status(self) -> SyncStatus:
        with self.store.read() as s:
            kv = {
                k: state.get(s, k)
                for k in (
                    state.SERVER_URL,
                    state.DEVICE_ID,
                    state.LAST_SUCCESS,
                    state.LAST_ATTEMPT,
                    state.LAST_ERROR,
                    state.REVOKED,
                    state.CLOCK_SKEW,
                )
            }
            pending, oldest = s.execute(text("SELECT count(*), min(created_at) FROM sync_outbox")).one()
            dead = s.execute(text("SELECT count(*) FROM sync_deadletter")).scalar_one()
            open_conflicts = s.execute(
                text("SELECT count(*) FROM sync_conflict WHERE resolved_at IS NULL")
            ).scalar_one()
        last_error, skew = kv[state.LAST_ERROR], kv[state.CLOCK_SKEW]
        elsewhere = held_by(sync_lock(self.store.path, self.who).path)
        error = json.loads(last_error) if last_error else None
        return SyncStatus(
            enrolled=bool(kv[state.DEVICE_ID] and kv[state.SERVER_URL]),
            server_url=kv[state.SERVER_URL],
            device_id=kv[state.DEVICE_ID],
            online=self._online,
            running=self._running or elsewhere is not None,
            pending=int(pending),
            oldest_pending=oldest,
            dead_letters=int(dead),
            open_conflicts=int(open_conflicts),
            last_success=kv[state.LAST_SUCCESS],
            last_attempt=kv[state.LAST_ATTEMPT],
            last_error=tr(error["message"], **worded(error.get("params", {}))) if error else None,
            revoked=bool(kv[state.REVOKED]) or (error or {}).get("type") == DeviceRevoked.__name__,
            clock_skew_seconds=float(skew) if skew else None,
        )

    def dead_letters(self) -> list[DeadLetter]:
        with self.store.read() as s:
            rows = s.execute(text("SELECT * FROM sync_deadletter ORDER BY seq")).mappings().all()
        out = []
        for r in rows:
            params = json.loads(r["params"]) if r["params"] else {}
            try:
                reason = tr(r["message"], **worded(params))
            except (KeyError, IndexError, ValueError):
                reason = r["message"]
            out.append(
                DeadLetter(
                    r["seq"],
                    r["table_name"],
                    r["row_id"],
                    r["op"],
                    json.loads(r["payload"] or "{}"),
                    r["code"],
                    reason,
                    r["blocked_by"],
                    r["rejected_at"],
                )
            )
        return out

    def resend(self, seq: int, corrections: dict[str, Any] | None = None) -> list[int]:
        """Correct a refused new record (its fields, checked like any edit) and queue it
        again, with the changes it blocked (kcdesk.sync.resend); sent at the next sync.
        Returns the new outbox numbers."""
        table_codecs = codecs()
        return self.store.write(lambda s: resend_refused(s, seq, corrections or {}, table_codecs), origin="local")

    def discard_dead_letter(self, seq: int) -> None:
        """The person read the reason and lets the refused change go (the local record stays)."""
        self.store.write(
            lambda s: s.execute(text("DELETE FROM sync_deadletter WHERE seq = :s"), {"s": seq}), applying_remote=True
        )

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        with self.store.read() as s:
            return conflict_store.list_conflicts(s, self.store.device_id, include_resolved)

    def resolve(self, conflict_id: str, choice: Choice, values: dict[str, Any] | None = None) -> None:
        """Settle a conflict: the chosen values become an ordinary local change (it syncs
        like any edit) and the server hears that the conflict is resolved."""
        with self.store.read() as s:
            conflict = conflict_store.get_conflict(s, conflict_id, self.store.device_id)
        if conflict is None:
            raise SyncError("Không tìm thấy xung đột {id}.", id=conflict_id)
        chosen = conflict_store.resolution_values(conflict, choice, values)
        self.store.write(lambda s: conflict_store.write_resolution(s, conflict, choice, chosen), origin="local")

    def record_badge(self, table: str, row_id: str) -> str:
        """The sync state of one record, for a badge next to it."""
        with self.store.read() as s:
            p = {"t": table, "r": row_id}
            if s.execute(
                text("SELECT 1 FROM sync_conflict WHERE table_name = :t AND row_id = :r AND resolved_at IS NULL"), p
            ).first():
                return "conflict"
            if s.execute(text("SELECT 1 FROM sync_deadletter WHERE table_name = :t AND row_id = :r"), p).first():
                return "error"
            flag = s.execute(
                text("SELECT state FROM sync_record_state WHERE table_name = :t AND row_id = :r"), p
            ).first()
            if flag:
                return str(flag[0])
            if s.execute(text("SELECT 1 FROM sync_outbox WHERE table_name = :t AND row_id = :r"), p).first():
                return "pending"
        return "synced"
