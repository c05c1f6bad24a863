"""One sync cycle: hello -> push until the outbox drains -> pull each scope -> files.

Every step that changes local data is one local transaction that also records how far it
got (outbox entries removed with their answers; a pull page written with its cursor), so
a cycle interrupted anywhere (network, crash, cancel) resumes without loss or duplicates.
"""

from __future__ import annotations

import json
import logging
import ssl
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk import __version__
from kcdesk.db import sqlfile
from kcdesk.db.base import Base, synced_tables
from kcdesk.db.schema import HEAD_REVISION
from kcdesk.db.snapshot_layout import LAYOUT
from kcdesk.db.store import Store, set_meta
from kcdesk.errors import KcError
from kcdesk.gc_pause import collector_paused
from kcdesk.progress import Progress, ensure
from kcdesk.sync import conflicts, faults, kept_fields, state
from kcdesk.sync.apply import RowApplier, apply_received_erasures
from kcdesk.sync.blobs import sync_files
from kcdesk.sync.cycle_report import CycleReport
from kcdesk.sync.errors import (
    SYNC_STOPPED,
    Cancelled,
    DemoDataRefused,
    DeviceRevoked,
    NotEnrolled,
    SnapshotDamaged,
    SyncError,
)
from kcdesk.sync.identity import adopt_user
from kcdesk.sync.outbox import outbox_depth
from kcdesk.sync.page import Page, Position, announced_position, check_position, parse_page
from kcdesk.sync.page_writes import PageWrites
from kcdesk.sync.protocol import (
    API_PREFIX,
    EnrolResponse,
    HelloResponse,
    Limits,
    ScopeInfo,
    SnapshotInfo,
)
from kcdesk.sync.pusher import Pusher
from kcdesk.sync.server_url import INSECURE_HTTP, check_server_url, needs_consent
from kcdesk.sync.snapshot import apply_snapshot, download_snapshot
from kcdesk.sync.snapshot_copy import copy_snapshot
from kcdesk.sync.tokens import TokenStore
from kcdesk.sync.transport import RetryPolicy, Transport, detail, expect_ok, parse
from kcdesk.sync.wire import TableCodec

log = logging.getLogger(__name__)


def codecs() -> dict[str, TableCodec]:
    return {name: TableCodec(Base.metadata.tables[name]) for name in synced_tables()}


def token_file(store: Store) -> Path:
    return store.path.with_name(store.path.stem + "-sync-token.json")


class SyncClient:
    def __init__(
        self,
        store: Store,
        *,
        retry: RetryPolicy | None = None,
        progress: Progress | None = None,
        push_batch: int = 2000,
        verify: Any = None,
    ) -> None:
        self.store = store
        self.retry = retry or RetryPolicy()
        # Steps name the stage ('hello', 'push', 'pull:48', 'snapshot:48', 'file:ab12cd34');
        # cancelling it stops the cycle where what is done is kept.
        self.progress = ensure(progress)
        self.cancel = self.progress.cancel_event  # a retry's pause ends at once on cancel
        self.push_batch = push_batch  # at most; the server's limits (hello) may ask for less
        self.limits: Limits | None = None
        self.verify = verify
        self.codecs = codecs()
        self.tokens = TokenStore(token_file(store))

    # -- enrolment -----------------------------------------------------------------------

    def enrol(
        self,
        server_url: str,
        code: str,
        device_name: str = "",
        ca_file: str | None = None,
        insecure_http: bool = False,
    ) -> EnrolResponse:
        check_server_url(server_url, insecure_http)
        meta = self.store.meta()
        if meta.get("demo") == "1":
            raise DemoDataRefused(
                "Cơ sở dữ liệu này chứa dữ liệu mẫu (demo); không thể đăng ký với máy chủ thật. "
                "Hãy dùng một tệp dữ liệu mới: kcdesk --db <tệp mới> init"
            )
        with self.store.read() as s:
            first_seq = _next_seq(s)
        transport = Transport(
            server_url, None, None, verify=self._verify(ca_file), retry=self.retry, cancel=self.cancel
        )
        try:
            response = transport.call(
                "POST",
                f"{API_PREFIX}/enrol",
                auth=False,
                json_body={
                    "code": code,
                    "device_name": device_name,
                    "first_seq": first_seq,
                    "app_version": __version__,
                },
            )
            if response.status_code != 200:
                raise SyncError(
                    "Đăng ký thiết bị không thành công: {reason}", reason=detail(response).get("message", "")
                )
            enrolled = EnrolResponse.model_validate(response.json())
        finally:
            transport.close()
        self.tokens.save(server_url, enrolled.device_id, enrolled.refresh_token)

        def save(s: Session) -> None:
            state.put(s, state.SERVER_URL, server_url)
            state.put(s, state.DEVICE_ID, enrolled.device_id)
            state.put(s, state.SERVER_EPOCH, enrolled.server_epoch)
            state.put(s, state.CA_FILE, ca_file)
            state.put(s, INSECURE_HTTP, "1" if insecure_http and needs_consent(server_url) else None)
            state.put(s, state.REVOKED, None)
            state.put_json(
                s,
                state.GRANT,
                {"role": enrolled.role, "province_code": enrolled.province_code, "communes": enrolled.communes},
            )
            set_meta(s, "device_id", enrolled.device_id)
            adopt_user(s, self.codecs, enrolled.user, first_seq)
            s.execute(
                text(
                    "INSERT OR IGNORE INTO device (id, name, is_local, enrolled_at, server_url) VALUES "
                    "(:id, :n, 1, :at, :u)"
                ),
                {
                    "id": enrolled.device_id,
                    "n": device_name or enrolled.device_id[:8],
                    "at": state.now_text(),
                    "u": server_url,
                },
            )

        self.store.write(save, origin="sync", applying_remote=True)
        self.store.reload_identity()
        if self.store.signed_in_user_id is not None:  # the person signed in is now the server's user
            self.store.signed_in_user_id = self.store.user_id
        return enrolled

    def _verify(self, ca_file: str | None) -> Any:
        if self.verify is not None:
            return self.verify
        if ca_file:
            return ssl.create_default_context(cafile=ca_file)
        return True

    def transport(self) -> Transport:
        with self.store.read() as s:
            url, device_id, ca_file, insecure = (
                state.get(s, k) for k in (state.SERVER_URL, state.DEVICE_ID, state.CA_FILE, INSECURE_HTTP)
            )
        if not url or not device_id:
            raise NotEnrolled(
                "Thiết bị chưa đăng ký với máy chủ đồng bộ. Hãy chạy: kcdesk enroll --server URL --code MÃ"
            )
        check_server_url(url, insecure == "1")
        token = self.tokens.load(url, device_id)
        if token is None:
            raise NotEnrolled(
                "Không tìm thấy khóa thiết bị trong kho khóa; hãy đăng ký lại: kcdesk enroll --server URL --code MÃ"
            )
        return Transport(
            url,
            device_id,
            token,
            verify=self._verify(ca_file),
            retry=self.retry,
            cancel=self.cancel,
            on_refresh=lambda new: self.tokens.save(url, device_id, new),
        )

    # -- the cycle -----------------------------------------------------------------------

    def cycle(self) -> CycleReport:
        with collector_paused():  # see kcdesk.gc_pause
            return self._cycle()

    def _cycle(self) -> CycleReport:
        report = CycleReport()
        try:
            transport = self.transport()
        except KcError as exc:  # not enrolled, or an address it will not use: said in `sync status`
            self._record_error(exc)
            raise
        self.store.write(lambda s: state.put(s, state.LAST_ATTEMPT, state.now_text()), applying_remote=True)
        with self.store.read() as s:
            restore = kept_fields.restore_due(s)
        if restore:  # an update added columns a newer server had sent: take the kept values in
            self.store.write(kept_fields.restore, origin="sync", applying_remote=True)
        try:
            hello = self._hello(transport, report)
            self._push(transport, report)
            self._send_resolutions(transport)
            started = time.perf_counter()
            for scope in hello.scopes:
                self._pull_scope(transport, scope, report)
            report.pull_seconds = time.perf_counter() - started
            report.files_up, report.files_down = sync_files(self.store, transport, hello.limits, self.progress)
            self._push(transport, report)  # edits made while the cycle ran
        except Cancelled as exc:  # what the cycle finished is kept: say so, not "nothing was written"
            stopped = Cancelled(SYNC_STOPPED)
            self._record_error(stopped)
            raise stopped from exc
        except KcError as exc:
            self._record_error(exc)
            raise
        except Exception as exc:  # a bug or a broken disk: still said in `sync status`, then raised
            log.exception("sync cycle failed")
            self._record_error(
                SyncError("Lỗi không mong đợi khi đồng bộ ({kind}): {detail}", kind=type(exc).__name__, detail=str(exc))
            )
            raise
        finally:
            report.bytes_sent, report.bytes_received = transport.bytes_sent, transport.bytes_received
            transport.close()

        def done(s: Session) -> None:
            state.put(s, state.LAST_SUCCESS, state.now_text())
            state.put(s, state.LAST_ERROR, None)

        self.store.write(done, applying_remote=True)
        return report

    def _record_error(self, exc: KcError) -> None:
        def save(s: Session) -> None:
            state.put_json(
                s,
                state.LAST_ERROR,
                {
                    "type": type(exc).__name__,
                    "message": exc.message,
                    "params": {k: str(v) for k, v in exc.params.items()},
                    "at": state.now_text(),
                },
            )
            if isinstance(exc, DeviceRevoked):
                state.put(s, state.REVOKED, state.now_text())

        try:
            self.store.write(save, applying_remote=True)
        except KcError:
            log.exception("could not record the sync error")

    def _hello(self, transport: Transport, report: CycleReport) -> HelloResponse:
        self.progress.step(0, 0, "hello")
        with self.store.read() as s:
            depth, oldest = outbox_depth(s)
        response = transport.call(
            "POST",
            f"{API_PREFIX}/hello",
            json_body={
                "proto": 1,
                "app_version": __version__,
                "schema_version": HEAD_REVISION,
                "outbox_depth": depth,
                "oldest_pending": oldest,
                "client_time": state.now_text(),
            },
        )
        hello = parse(expect_ok(response), HelloResponse.model_validate_json)
        self.limits = hello.limits
        report.clock_skew_seconds = hello.clock_skew_seconds

        def save(s: Session) -> None:
            epoch = state.get(s, state.SERVER_EPOCH)
            if epoch and epoch != hello.server_epoch:  # the server was restored: start every scope again
                log.warning("server epoch changed from %s to %s: re-snapshotting", epoch, hello.server_epoch)
                state.reset_cursors(s)
            state.put(s, state.SERVER_EPOCH, hello.server_epoch)
            state.put_json(
                s, state.GRANT, {"role": hello.role, "province_code": hello.province_code, "communes": hello.communes}
            )
            state.put(s, state.CLOCK_SKEW, None if hello.clock_skew_seconds is None else str(hello.clock_skew_seconds))

        self.store.write(save, applying_remote=True)
        return hello  # type: ignore[no-any-return]  # parse() returns what the parser makes

    def _push(self, transport: Transport, report: CycleReport) -> None:
        started = time.perf_counter()
        sent, received = transport.bytes_sent, transport.bytes_received
        try:
            self._push_all(transport, report)
        finally:
            report.push_seconds += time.perf_counter() - started
            report.push_bytes_sent += transport.bytes_sent - sent
            report.push_bytes_received += transport.bytes_received - received

    def _push_all(self, transport: Transport, report: CycleReport) -> None:
        Pusher(
            self.store,
            self.codecs,
            transport,
            report,
            self.progress,
            push_batch=self.push_batch,
            limits=self.limits,
        ).run()

    def _send_resolutions(self, transport: Transport) -> None:
        with self.store.read() as s:
            pending = conflicts.pending_resolutions(s)
        for conflict_id, resolution in pending:
            body = {
                "conflict_id": conflict_id,
                "resolution": resolution.get("choice", "edited"),
                "values": resolution.get("values", {}),
            }
            response = transport.call("POST", f"{API_PREFIX}/conflicts/resolve", json_body=body)
            if response.status_code in (200, 404):
                self.store.write(partial(conflicts.mark_sent, conflict_id=conflict_id), applying_remote=True)

    def _pull_scope(self, transport: Transport, scope: ScopeInfo, report: CycleReport) -> None:
        """Pages in order, pipelined: page n is written (by the store's writer, with its
        cursor, in one transaction) while page n+1 travels. A page asked for with the
        cursor the previous page ends at is the page the committed cursor would ask for."""
        key = state.view_key(scope.scope, scope.communes)
        with self.store.read() as s:
            saved = state.cursor(s, scope.scope)
        if saved is None or saved[1] != key:
            self._snapshot(transport, scope, key, report, replacing=saved is not None)
        elif saved[0] == scope.head and not report.pushed:
            return  # nothing new since this laptop's last page (its own push would have moved the log)
        pages = PageWrites(self.store)
        try:
            after: int | None = None
            for _attempt in range(100_000):
                self.progress.check()
                if after is None:
                    with self.store.read() as s:
                        after = (state.cursor(s, scope.scope) or (0, key))[0]
                        acked = _next_seq(s) - 1  # every change up to here has its answer recorded
                # `acked`: the server leaves out the rows this laptop wrote and already holds as
                # stored (its own acknowledged changes): no echo.
                params = {"scope": scope.scope, "after": after, "acked": acked}
                response = transport.call("GET", f"{API_PREFIX}/pull", params=params)
                if response.status_code == 410:  # older than the compaction horizon: start this scope again
                    pages.wait()
                    self._snapshot(transport, scope, key, report, replacing=True)
                    after = None
                    continue
                expect_ok(response)
                # The headers say where the next page starts: it is asked for at once, while
                # this page waits for the writer, which parses it (parsing cost ~7 ms of each
                # 2,000 rows during which the server waited). A server without them: the body says.
                position = announced_position(response.headers)
                if position is None:
                    page: Page = parse(response, parse_page)
                    position = Position(page.next_cursor, page.has_more)
                    work = partial(self._apply_page, page=page, key=key, report=report)
                else:
                    work = partial(self._apply_body, response=response, position=position, key=key, report=report)
                pages.submit(work)
                self.progress.step(position.next_cursor, 0, f"pull:{scope.scope}")
                if not position.has_more:
                    return
                after = position.next_cursor
        finally:
            pages.wait()  # the pages queued are written (or skipped after a failure, which is raised)

    def _apply_body(self, s: Session, response: Any, position: Position, key: str, report: CycleReport) -> None:
        page = parse(response, lambda body: check_position(parse_page(body), position))
        self._apply_page(s, page, key, report)

    def _apply_page(self, s: Session, page: Page, key: str, report: CycleReport) -> None:
        applier = RowApplier(s, self.codecs)
        pending = state.pending_rows(s)
        keep = state.dead_letter_rows(s)
        run: list[Any] = []
        for change in page.changes:  # consecutive upserts of one table go in together
            if change.op == "upsert" and run and run[-1].table == change.table:
                run.append(change)
                continue
            self._flush(applier, run, pending)
            run = []
            if change.op == "upsert":
                run.append(change)
            else:
                applier.evict(change.table, change.row_id, pending, keep)
        self._flush(applier, run, pending)
        if applier.stats["parked"] or page.changes:
            applier.retry_parked()
        conflicts.store_conflicts(s, page.conflicts)
        if applier.erasures:
            apply_received_erasures(s, applier.erasures, self.store.files_dir)
        faults.hit("client.mid_pull_page")
        state.set_cursor(s, page.scope, page.next_cursor, key)
        report.pulled += applier.stats["upserted"]
        report.evicted += applier.stats["evicted"]
        report.conflicts += len([c for c in page.conflicts if c.resolved_at is None and c.kind != "soft"])

    @staticmethod
    def _flush(applier: RowApplier, run: list[Any], pending: set[tuple[str, str]]) -> None:
        if run:
            applier.upsert(run[0].table, [c.row for c in run], pending)

    def _snapshot(self, transport: Transport, scope: ScopeInfo, key: str, report: CycleReport, replacing: bool) -> None:
        self.progress.step(0, 0, f"snapshot:{scope.scope}")
        stats = None if replacing else self._copy_snapshot(transport, scope, key, report)
        if stats is None:  # a re-pull (it reconciles), an older server, or the copy failed: the rows
            path, info = self._fetch_snapshot(transport, scope, report)
            try:
                stats = self._write_snapshot(
                    report, lambda s: apply_snapshot(s, path, info, key, self.codecs, scope, reconcile=replacing)
                )
            finally:
                path.unlink(missing_ok=True)
        report.snapshots.append(scope.scope)
        report.pulled += stats["upserted"]
        report.evicted += stats["evicted"]

    def _copy_snapshot(
        self, transport: Transport, scope: ScopeInfo, key: str, report: CycleReport
    ) -> dict[str, int] | None:
        """A first pull from the snapshot in this laptop's own layout (kcdesk.sync.snapshot_copy),
        in one transaction; None when the server has none or it cannot be taken in."""
        try:
            path, info = self._fetch_snapshot(transport, scope, report, LAYOUT)
        except SnapshotDamaged as exc:
            log.warning("snapshot of %s in the laptop's layout is damaged (%s): taking the rows", scope.scope, exc)
            return None
        try:
            if info.layout != LAYOUT:  # an older server: these are the rows, taken as always
                return self._write_snapshot(
                    report, lambda s: apply_snapshot(s, path, info, key, self.codecs, scope, reconcile=False)
                )
            return self._write_snapshot(report, lambda s: copy_snapshot(s, path, info, key, self.codecs, scope))
        except sqlfile.database_error_classes(SnapshotDamaged, sa_exc.DBAPIError) as exc:  # either binding
            log.warning("snapshot of %s in the laptop's layout not taken (%s): taking the rows", scope.scope, exc)
            return None
        finally:
            path.unlink(missing_ok=True)

    def _fetch_snapshot(
        self, transport: Transport, scope: ScopeInfo, report: CycleReport, layout: str = "rows"
    ) -> tuple[Path, SnapshotInfo]:
        started = time.perf_counter()
        try:
            return download_snapshot(self.store, transport, scope.scope, self.progress, layout=layout)
        finally:
            report.snapshot_fetch_seconds += time.perf_counter() - started

    def _write_snapshot(self, report: CycleReport, write: Callable[[Session], dict[str, int]]) -> dict[str, int]:
        """`write` in one write transaction; the report gets its time and the whole write's,
        the commit included (where a first pull's pages go from the WAL into the file)."""
        inside = 0.0

        def timed(s: Session) -> dict[str, int]:
            nonlocal inside
            started = time.perf_counter()
            try:
                return write(s)
            finally:
                inside = time.perf_counter() - started

        started = time.perf_counter()
        try:
            # A snapshot is the largest write a laptop makes: through the rollback journal when it can.
            return self.store.write(timed, origin="sync", applying_remote=True, large=True)
        finally:
            report.snapshot_apply_seconds += inside
            report.snapshot_write_seconds += time.perf_counter() - started


def _next_seq(session: Session) -> int:
    low = session.execute(text("SELECT min(seq) FROM sync_outbox")).scalar()
    if low is not None:
        return int(low)
    row = session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'")).first()
    return int(row[0]) + 1 if row else 1


def grant_of(store: Store) -> dict[str, Any] | None:
    with store.read() as s:
        value = state.get(s, state.GRANT)
    return json.loads(value) if value else None
