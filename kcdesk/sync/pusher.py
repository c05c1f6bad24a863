"""Sending the outbox: batches in sequence order, each acknowledged in one local transaction.

Pipelined, because the laptop and the server each have work per change and can do it at
the same time: while the server applies batch k, a helper thread already reads and
encodes batch k+1 (entries after k's last seq, which k's answer cannot change), and the
acknowledgement of k is written by the store's writer while k+1 travels. Acknowledgements
still commit in order (one writer, first in first out), and nothing here changes what is
safe: a crash between any two steps leaves entries that are simply sent again, and the
server answers them from its stored outcomes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.db.store import Store
from kcdesk.progress import Progress
from kcdesk.sync import faults, withdraw
from kcdesk.sync.apply import RowApplier
from kcdesk.sync.cycle_report import CycleReport
from kcdesk.sync.errors import ProtocolError, SyncError
from kcdesk.sync.outbox import Outgoing, outbox_depth, read_pending, record_outcomes
from kcdesk.sync.protocol import API_PREFIX, Limits, PushResponse
from kcdesk.sync.transport import Transport, detail, dump_json, expect_ok, parse
from kcdesk.sync.wire import TableCodec, gzip_body

MAX_WITHDRAWN = 5000  # per push (PushRequest.withdrawn)
FIRST_BATCH = 500


@dataclass
class Batch:
    mutations: list[Outgoing]
    withdrawn: list[int]
    full: bool  # as many as a batch holds: more may follow
    body: bytes = b""
    raw_size: int = 0  # before gzip: the server's byte limit applies to the inflated body
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def last_seq(self) -> int:
        return max([m.seq for m in self.mutations[-1:]] + self.withdrawn[-1:] + [0])


class Pusher:
    def __init__(
        self,
        store: Store,
        codecs: dict[str, TableCodec],
        transport: Transport,
        report: CycleReport,
        progress: Progress,
        *,
        push_batch: int,
        limits: Limits | None,
    ) -> None:
        self.store = store
        self.codecs = codecs
        self.transport = transport
        self.report = report
        self.progress = progress
        self.size = min(push_batch, limits.max_batch_mutations) if limits else push_batch
        self.max_bytes = limits.max_batch_bytes if limits else None

    def run(self) -> None:
        with self.store.read() as s:
            server_owned = withdraw.has_server_owned(s)
            total, _ = outbox_depth(s)
        if server_owned:
            self.store.write(
                lambda s: withdraw.withdraw_server_owned(s, self.codecs), origin="sync", applying_remote=True
            )
        helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kcdesk-push-prepare")
        acking: Future[dict[str, int]] | None = None
        try:
            # The first batch is small: the server starts working sooner, and the next batch
            # (full size) is read and encoded while it does.
            upcoming: Future[Batch | None] = helper.submit(self._prepare, 0, FIRST_BATCH)
            while True:
                self.progress.check()
                batch = upcoming.result()
                if batch is None:
                    return
                if batch.full:  # read the next one while this one travels
                    upcoming = helper.submit(self._prepare, batch.last_seq)
                self.progress.step(self.report.pushed, max(total, self.report.pushed), "push")
                answer = self._send(batch)
                faults.hit("client.after_ack_before_delete")
                if acking is not None:
                    self._count(acking.result())
                acking = self.store.submit_write(self._ack(batch, answer), origin="sync", applying_remote=True)
                if not batch.full:  # the rest is written only once this answer is in
                    self._count(acking.result())
                    acking = None
                    upcoming = helper.submit(self._prepare, batch.last_seq)
        finally:
            helper.shutdown(wait=True, cancel_futures=True)
            if acking is not None:
                self._count(acking.result())  # an acknowledgement that fails is never hidden

    def _prepare(self, after_seq: int, at_most: int | None = None) -> Batch | None:
        size = min(self.size, at_most or self.size)
        while True:
            batch = self._prepare_at_most(after_seq, size)
            if batch is None or self.max_bytes is None or batch.raw_size <= self.max_bytes or size == 1:
                return batch
            size = max(1, size // 2)  # big values: fewer changes a batch, under the server's byte limit

    def _prepare_at_most(self, after_seq: int, size: int) -> Batch | None:
        with self.store.read() as s:
            mutations = read_pending(s, self.codecs, size, after_seq=after_seq)
            taken_back = withdraw.pending(s)
        full = len(mutations) == size
        if mutations and full:  # more to come: only the numbers this batch passes
            taken_back = [w for w in taken_back if w < mutations[-1].seq]
        if not mutations and not taken_back:
            return None
        batch = Batch(mutations, taken_back[:MAX_WITHDRAWN], full)
        payload: dict[str, Any] = {
            "batch_id": f"{mutations[0].seq}-{mutations[-1].seq}" if mutations else "withdrawn",
            "mutations": [m.wire() for m in mutations],
        }
        if batch.withdrawn:
            payload["withdrawn"] = batch.withdrawn
        raw = dump_json(payload)
        batch.body = gzip_body(raw)
        batch.raw_size = len(raw)
        batch.headers = {
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
            "X-Content-Sha256": hashlib.sha256(raw).hexdigest(),
        }
        return batch

    def _send(self, batch: Batch) -> PushResponse:
        response = self.transport.call("POST", f"{API_PREFIX}/push", content=batch.body, headers=batch.headers)
        if response.status_code == 409:
            raise SyncError(
                "Máy chủ đang chờ thay đổi số {expected} nhưng máy này không còn giữ nó; hãy liên hệ "
                "hỗ trợ (dữ liệu trên máy vẫn an toàn).",
                expected=detail(response).get("expected_seq"),
            )
        answer: PushResponse = parse(expect_ok(response), PushResponse.model_validate_json)
        seqs = {m.seq for m in batch.mutations}
        if seqs and not any(o.seq in seqs for o in answer.outcomes):
            raise ProtocolError("Máy chủ không trả lời cho lô thay đổi đã gửi; sẽ thử lại ở lần sau.")
        return answer

    def _ack(self, batch: Batch, answer: PushResponse) -> Callable[[Session], dict[str, int]]:
        codecs = self.codecs

        def ack(s: Session) -> dict[str, int]:
            withdraw.forget_through(s, answer.last_seq)
            counts = record_outcomes(s, lambda: RowApplier(s, codecs), batch.mutations, answer.outcomes)
            counts["pushed"] = len(batch.mutations)
            return counts

        return ack

    def _count(self, counts: dict[str, int]) -> None:
        self.report.pushed += counts["pushed"]
        self.report.applied += counts["applied"]
        self.report.merged += counts["merged"]
        self.report.rejected += counts["rejected"]
