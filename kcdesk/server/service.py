"""The sync server's operations, independent of HTTP: enrol, hello, push, pull, snapshot,
conflicts and blobs, each in its own database transaction."""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy import exc as sa_exc

from kcdesk import __version__
from kcdesk.db.base import Base
from kcdesk.db.schema import HEAD_REVISION, KNOWN_REVISIONS
from kcdesk.db.snapshot_layout import LAYOUT
from kcdesk.gc_pause import collector_paused
from kcdesk.server import auth, blob_rights, db, snapshot_build
from kcdesk.server.assignments import assign_communes, check_grant
from kcdesk.server.blobs import BlobStore
from kcdesk.server.bulk import DuplicateKey, insert_rows
from kcdesk.server.counters import append_changes, known_scopes, scope_heads
from kcdesk.server.limits import StoreLimits
from kcdesk.server.outcomes import (
    OUTCOME_COLUMNS,
    outcome_records,
    reused_mutation_ids,
    stored_outcomes,
    withdrawn_records,
)
from kcdesk.server.pull import build_snapshot, conflict_record, find_snapshot, pull_page, record_snapshot
from kcdesk.server.push import BatchApplier, SeqGap
from kcdesk.server.rate_limits import AuthGuard
from kcdesk.server.reference import seed_reference_rows, unit_index
from kcdesk.server.scopes import COLLABORATOR_ROLES, DeviceGrant, Placement, View
from kcdesk.server.stored import Damaged, StoredReader, quarantined, record_damaged
from kcdesk.server.token_secret import load_token_secret
from kcdesk.server.users import USER_TABLE, ensure_user, user_row
from kcdesk.sync import faults
from kcdesk.sync.protocol import (
    PROTOCOL_RANGE,
    EnrolRequest,
    EnrolResponse,
    HelloRequest,
    HelloResponse,
    Limits,
    PushRequest,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
    ScopeInfo,
    SnapshotInfo,
    UploadState,
)
from kcdesk.sync.wire import TableCodec

log = logging.getLogger(__name__)
REVOKED_MESSAGE = "Thiết bị đã bị thu hồi quyền đồng bộ. Dữ liệu trên máy được giữ nguyên."
INT32 = 2**31 - 1  # server_device.outbox_depth is a 32-bit column: a bigger depth is reported as this


@dataclass
class ServerSettings:
    url: str
    data_dir: Path
    access_ttl: int = 900
    refresh_ttl: int = 180 * 24 * 3600  # a laptop that does not sync for this long enrols again
    auth_failures: int = 20  # failed enrolments or token requests per client and window, then 429
    auth_window: int = 300  # seconds
    max_batch_mutations: int = 2000
    max_batch_bytes: int = 8 * 1024 * 1024
    max_file_bytes: int = 2 * 1024 * 1024 * 1024
    chunk_bytes: int = 4 * 1024 * 1024
    pull_page_rows: int = 2000
    requests_per_minute: int = 6000
    # What a device can make the server keep (kcdesk.server.limits).
    max_row_bytes: int = 1024 * 1024
    max_batch_stored_bytes: int = 32 * 1024 * 1024
    max_aside_bytes: int = 64 * 1024
    max_device_aside_bytes: int = 4 * 1024 * 1024
    # Database connections per worker (PostgreSQL): N workers hold up to N x (size + overflow),
    # which must stay under the server's max_connections (100 by default). A request that
    # waits db_pool_timeout seconds for one is answered 503 "busy" (kcdesk.server.busy).
    db_pool_size: int = 8
    db_max_overflow: int = 16
    db_pool_timeout: int = 30
    extra: dict[str, Any] = field(default_factory=dict)

    def store_limits(self) -> StoreLimits:
        return StoreLimits(
            max_row_bytes=self.max_row_bytes,
            max_batch_stored_bytes=self.max_batch_stored_bytes,
            max_aside_bytes=self.max_aside_bytes,
            max_device_aside_bytes=self.max_device_aside_bytes,
        )

    def limits(self) -> Limits:
        return Limits(
            max_batch_mutations=self.max_batch_mutations,
            max_batch_bytes=self.max_batch_bytes,
            max_file_bytes=self.max_file_bytes,
            chunk_bytes=self.chunk_bytes,
            pull_page_rows=self.pull_page_rows,
            requests_per_minute=self.requests_per_minute,
        )


class NotAllowed(Exception):
    def __init__(self, status: int, code: str, message: str, **params: Any) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.params = params


class SyncServer:
    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.engine = db.make_server_engine(
            settings.url, settings.db_pool_size, settings.db_max_overflow, settings.db_pool_timeout
        )
        self.is_pg = db.is_postgres(self.engine)
        self.codecs = {name: TableCodec(Base.metadata.tables[name]) for name in db.REPLICATED}
        self.blobs = BlobStore(settings.data_dir, settings.chunk_bytes, settings.max_file_bytes)
        self._snapshot_lock = threading.Lock()
        with db.schema_lock(self.engine):  # several workers may start at once
            created = db.create_schema(self.engine)
            with self._write() as conn:
                auth.ensure_identity(conn)
                seed_reference_rows(conn, self.codecs)
                if db.blob_claim.name in created:
                    blob_rights.grandfather(conn, auth.now_text())
                self._secret = load_token_secret(conn, settings.data_dir)
        with self.engine.connect() as conn:
            self.epoch = auth.meta(conn, "server_epoch") or ""
        self.guard = AuthGuard(self.engine, settings.auth_failures, settings.auth_window)

    def close(self) -> None:
        self.engine.dispose()

    def _write(self) -> Any:
        return self.engine.execution_options(write=True).begin()

    def _read(self) -> Any:
        if self.is_pg:
            return self.engine.execution_options(isolation_level="REPEATABLE READ").begin()
        return self.engine.begin()

    # -- devices -----------------------------------------------------------------------

    def make_code(
        self, role: str, province_code: str | None, communes: list[str], username: str, full_name: str | None = None
    ) -> str:
        """A one-time code that enrols a laptop for this person (created on first use of
        the username; the same person's next laptop reuses the user). The province and
        communes must be in the current list (GrantRefused says which is not); a
        collaborator's communes become their collaborator_commune rows."""
        check_grant(role, province_code, communes)
        with self._write() as conn:
            user_id = ensure_user(
                conn,
                self.codecs[USER_TABLE],
                username=username,
                full_name=full_name,
                role=role,
                province_code=province_code,
                now=auth.now_text(),
            )
            if role in COLLABORATOR_ROLES:
                assign_communes(conn, self.codecs["collaborator_commune"], user_id, communes, auth.now_text())
            return auth.make_enrol_code(conn, role, province_code, communes, user_id)

    def enrol(self, req: EnrolRequest) -> EnrolResponse:
        with self._write() as conn:
            device_id, token, grant = auth.enrol(
                conn, req.code, req.device_name, req.first_seq, req.app_version, self.settings.refresh_ttl
            )
            user = user_row(conn, self.codecs[USER_TABLE], grant.get("user_id"))
            communes = auth.load_grant(conn, device_id).communes
            epoch = auth.meta(conn, "server_epoch") or self.epoch
        return EnrolResponse(
            device_id=device_id,
            refresh_token=token,
            server_epoch=epoch,
            role=grant["role"],
            province_code=grant["province_code"],
            communes=list(communes),
            user=user,
            refresh_expires_in=self.settings.refresh_ttl,
        )

    def tokens(self, device_id: str, refresh_token: str) -> auth.Tokens:
        """An access token and the device's next refresh token (the one sent is spent)."""
        with self._write() as conn:
            return auth.issue_tokens(
                conn, self._secret, device_id, refresh_token, self.settings.access_ttl, self.settings.refresh_ttl
            )

    def authenticate(self, token: str) -> DeviceGrant:
        with self.engine.connect() as conn:
            return auth.check_access_token(conn, token, self._secret)

    # -- hello -------------------------------------------------------------------------

    def hello(self, grant: DeviceGrant, req: HelloRequest) -> HelloResponse:
        now = datetime.now(UTC)
        skew = clock_skew(req.client_time, now)
        with self._write() as conn:
            conn.execute(
                update(db.device)
                .where(db.device.c.id == grant.device_id)
                .values(
                    last_seen_at=auth.now_text(now),
                    outbox_depth=min(req.outbox_depth, INT32),
                    app_version=req.app_version or None,
                )
            )
            heads = scope_heads(conn)
            epoch = auth.meta(conn, "server_epoch") or self.epoch  # every worker sees a restore
        views = grant.views(list(heads))
        return HelloResponse(
            proto_range=PROTOCOL_RANGE,
            server_time=auth.now_text(now),
            server_epoch=epoch,
            schema_versions=list(KNOWN_REVISIONS[-2:]) if len(KNOWN_REVISIONS) > 1 else [HEAD_REVISION],
            device_id=grant.device_id,
            role=grant.role,
            province_code=grant.province_code,
            communes=list(grant.communes),
            limits=self.settings.limits(),
            clock_skew_seconds=skew,
            scopes=[
                ScopeInfo(
                    scope=v.scope,
                    communes=list(v.communes) if v.communes is not None else None,
                    writable=v.writable,
                    head=heads.get(v.scope, 0),
                )
                for v in views
            ],
        )

    # -- push --------------------------------------------------------------------------

    def push(self, grant: DeviceGrant, req: PushRequest) -> PushResponse:
        if len(req.mutations) > self.settings.max_batch_mutations:
            raise NotAllowed(
                413, "batch_too_large", "Lô thay đổi quá lớn (tối đa {limit}).", limit=self.settings.max_batch_mutations
            )
        mutations = sorted(req.mutations, key=lambda m: m.seq)
        withdrawn = sorted(set(req.withdrawn))
        careful = False  # look for reused mutation ids up front only after a duplicate key
        for attempt in range(5):
            try:
                # A batch makes and drops tens of thousands of small objects (rows, outcomes):
                # the cycle collector's passes walked all of them again and again, ~15% of the
                # push (reference counting still frees them; see kcdesk.gc_pause).
                with collector_paused():
                    return self._push_once(grant, mutations, withdrawn, careful)
            except (DuplicateKey, sa_exc.IntegrityError):
                # Another batch inserted the same row first, or a mutation id was used before:
                # do the batch again, now seeing that row and refusing reused ids.
                if careful:
                    raise
                careful = True
            except sa_exc.OperationalError as exc:  # deadlock or serialization failure: retry the batch
                code = getattr(exc.orig, "sqlstate", None)
                if code not in ("40P01", "40001") or attempt == 4:
                    raise
                time.sleep(0.01 * (attempt + 1))
        raise AssertionError("unreachable")

    def _push_once(self, grant: DeviceGrant, mutations: list[Any], withdrawn: list[int], careful: bool) -> PushResponse:
        now = auth.now_text()
        erased: tuple[list[str], list[str]] = ([], [])
        with self._write() as conn:
            device = self._lock_device(conn, grant.device_id)
            last = int(device["last_seq"])
            fresh_withdrawn = [w for w in withdrawn if w > last]
            expected = last + 1
            for seq in sorted({m.seq for m in mutations} | set(fresh_withdrawn)):
                if seq > expected:  # contiguous, starting at or before the next expected seq
                    raise SeqGap(expected)
                expected = max(expected, seq + 1)
            replays = [m for m in mutations if m.seq <= last]
            fresh = [m for m in mutations if m.seq > last]
            outcomes = stored_outcomes(conn, grant, replays, self.codecs, StoredReader(self.codecs))
            if fresh or fresh_withdrawn:
                records = withdrawn_records(grant.device_id, fresh_withdrawn, now)
                aside_bytes = int(device["aside_bytes"] or 0)
                if fresh:
                    reused = reused_mutation_ids(conn, grant.device_id, fresh) if careful else frozenset()
                    applier = BatchApplier(
                        conn,
                        grant,
                        self.codecs,
                        now,
                        units=unit_index(),
                        user_id=device["user_id"],
                        limits=self.settings.store_limits(),
                        device_aside_bytes=aside_bytes,
                    )
                    new_outcomes = applier.apply(fresh, reused)
                    applier.write()
                    erased = (applier.erased_files, applier.stale_snapshots)
                    aside_bytes += applier.aside_bytes
                    final = {key: st.row for key, st in applier.rows.items() if key[0] == "attachment"}
                    blob_rights.record_claims(conn, grant, fresh, new_outcomes, final, now)
                    records += outcome_records(grant.device_id, fresh, new_outcomes, now, reused)
                    outcomes.extend(new_outcomes)
                insert_rows(conn, db.applied_mutation, OUTCOME_COLUMNS, records)
                last = expected - 1
                conn.execute(
                    update(db.device)
                    .where(db.device.c.id == grant.device_id)
                    .values(last_seq=last, last_push_at=now, aside_bytes=aside_bytes or None)
                )
                faults.hit("push.before_commit")
        faults.hit("push.after_commit")
        # An erasure was committed: the files and cached snapshots that held the data go too.
        for sha in erased[0]:
            self.blobs.path(sha).unlink(missing_ok=True)
        for snapshot_id in erased[1]:
            self.snapshot_path(snapshot_id).unlink(missing_ok=True)
        return PushResponse(outcomes=outcomes, last_seq=last)

    def _lock_device(self, conn: Connection, device_id: str) -> Any:
        stmt = select(db.device).where(db.device.c.id == device_id)
        if self.is_pg:
            stmt = stmt.with_for_update()
        row = conn.execute(stmt).mappings().first()
        if row is None:
            raise auth.AuthFailure(401, "bad_token", "Thiết bị chưa đăng ký.")
        if row["revoked_at"]:
            raise auth.AuthFailure(403, "revoked", REVOKED_MESSAGE)
        return row

    # -- pull and snapshots ------------------------------------------------------------

    def view_for(self, grant: DeviceGrant, scope: str) -> View:
        with self.engine.connect() as conn:
            scopes = known_scopes(conn)
        return self._view_among(grant, scope, scopes)

    @staticmethod
    def _view_among(grant: DeviceGrant, scope: str, scopes: list[str]) -> View:
        """The device's view of `scope`, given the server's scopes as read by known_scopes."""
        for view in grant.views(scopes):
            if view.scope == scope:
                return view
        if grant.role == "ministry" and len(scope) == 2 and scope.isdigit():
            return View(scope, None, False)
        raise NotAllowed(403, "scope_denied", "Thiết bị không được xem dữ liệu phạm vi {scope}.", scope=scope)

    def pull(
        self, grant: DeviceGrant, scope: str, after: int, limit: int | None, acked: int | None = None
    ) -> dict[str, Any]:
        """A page of the scope's change log, as the JSON value of a PullResponse."""
        limit = min(limit or self.settings.pull_page_rows, self.settings.pull_page_rows)
        reader = StoredReader(self.codecs)
        with self._read() as conn:
            scopes = known_scopes(conn)  # once a page: the view and the other views from one reading
            view = self._view_among(grant, scope, scopes)
            others = [v for v in grant.views(scopes) if v.scope != view.scope]
            own = (grant.device_id, acked) if acked is not None else None
            page = pull_page(conn, reader, view, after, limit, others, own)
        self._quarantine(reader.damaged)
        return page

    def snapshot(
        self, grant: DeviceGrant, scope: str, layout: str = "rows", revision: str | None = None
    ) -> SnapshotInfo:
        """The laptop's own layout when it asks for it and runs this server's schema
        revision (kcdesk.server.snapshot_build); else the rows as stored."""
        view = self.view_for(grant, scope)
        folder = self.settings.data_dir / "snapshots"
        if layout == LAYOUT and revision == HEAD_REVISION and snapshot_build.fits(folder, self.codecs):
            return self.prepare_snapshot(view, LAYOUT)
        return self.prepare_snapshot(view)

    def prepare_snapshot(self, view: View, layout: str = "rows") -> SnapshotInfo:
        client = layout == LAYOUT
        key = snapshot_build.view_key(view) if client else view.key
        with self._snapshot_lock, db.advisory_lock(self.engine, db.SNAPSHOT_LOCK_KEY):  # one build per view
            with self.engine.connect() as conn:
                found = find_snapshot(conn, view, key, layout)
            if found is not None and self.snapshot_path(found.snapshot_id).exists():
                if client:
                    found.revision = HEAD_REVISION
                return found
            reader = StoredReader(self.codecs)
            folder = self.settings.data_dir / "snapshots"
            with self._read() as conn:
                if client:
                    info = snapshot_build.build_client_snapshot(conn, reader, view, folder)
                else:
                    info = build_snapshot(conn, reader, view, folder)
            with self._write() as conn:
                record_snapshot(conn, view, info, key)
                record_damaged(conn, reader.damaged, auth.now_text())
            return info

    def _quarantine(self, damaged: list[Damaged]) -> None:
        """Rows a read left out because they do not read back: listed for the administrator."""
        if damaged:
            with self._write() as conn:
                record_damaged(conn, damaged, auth.now_text())

    def quarantined(self) -> list[dict[str, Any]]:
        """Stored rows left out of every pull because they do not read back (see
        kcdesk.server.stored); rows repaired since leave the list."""
        with self._write() as conn:
            return quarantined(conn, self.codecs)

    def snapshot_path(self, snapshot_id: str) -> Path:
        """The cached file: the laptop's layout (xz) or the rows (gzip)."""
        folder = self.settings.data_dir / "snapshots"
        client = folder / f"{snapshot_id}.sqlite.xz"
        return client if client.exists() else folder / f"{snapshot_id}.sqlite.gz"

    def snapshot_allowed(self, grant: DeviceGrant, snapshot_id: str) -> Path:
        with self.engine.connect() as conn:
            row = conn.execute(select(db.snapshot).where(db.snapshot.c.id == snapshot_id)).mappings().first()
        if row is None:
            raise NotAllowed(404, "no_snapshot", "Không có bản chụp dữ liệu này.")
        view = self.view_for(grant, row["scope"])
        if row["view_key"] not in (view.key, snapshot_build.view_key(view)):
            raise NotAllowed(
                403, "scope_denied", "Thiết bị không được xem dữ liệu phạm vi {scope}.", scope=row["scope"]
            )
        return self.snapshot_path(snapshot_id)

    # -- conflicts ---------------------------------------------------------------------

    def resolve(self, grant: DeviceGrant, req: ResolveRequest) -> ResolveResponse:
        now = auth.now_text()
        with self._write() as conn:
            t = db.conflict
            row = conn.execute(select(t).where(t.c.id == req.conflict_id)).mappings().first()
            if row is None:
                raise NotAllowed(404, "no_conflict", "Không có xung đột này.")
            placement = Placement(row["scope"], row["ward"])
            if not grant.can_write(row["table_name"], placement):
                raise NotAllowed(403, "scope_denied", "Thiết bị không được xử lý xung đột này.")
            if row["resolved_at"] is None:
                resolution = json.dumps(
                    {"by": grant.device_id, "choice": req.resolution, "values": req.values}, ensure_ascii=False
                )
                conn.execute(t.update().where(t.c.id == req.conflict_id).values(resolved_at=now, resolution=resolution))
                append_changes(conn, [(row["scope"], row["ward"], "_conflict", row["id"])], now)
                resolved_at = now
            else:
                resolved_at = row["resolved_at"]
        return ResolveResponse(conflict_id=req.conflict_id, resolved_at=resolved_at)

    def conflict(self, conflict_id: str) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(select(db.conflict).where(db.conflict.c.id == conflict_id)).mappings().first()
            return conflict_record(row) if row else None

    # -- blobs -------------------------------------------------------------------------

    def blob_allowed(self, grant: DeviceGrant, sha256: str) -> bool:
        """A device may fetch a file it holds, or one a live attachment it can read
        vouches for (kcdesk.server.blob_rights)."""
        with self.engine.connect() as conn:
            return blob_rights.may_read(conn, grant, sha256)

    def blob_info(self, grant: DeviceGrant, sha256: str) -> int | None:
        """The file's size, or None: not on the server, or not this device's to know."""
        with self.engine.connect() as conn:
            if not blob_rights.may_read(conn, grant, sha256):
                return None
            return self.blobs.exists(conn, sha256)

    def upload_start(self, grant: DeviceGrant, sha256: str, size: int) -> UploadState:
        with self._write() as conn:
            may_know = blob_rights.may_read(conn, grant, sha256)
            return self.blobs.start(conn, grant.device_id, sha256, size, may_know)

    def upload_chunk(self, grant: DeviceGrant, upload_id: str, offset: int, data: bytes, sha256: str) -> UploadState:
        with self._write() as conn:
            return self.blobs.put_chunk(conn, grant.device_id, upload_id, offset, data, sha256)

    def upload_finish(self, grant: DeviceGrant, upload_id: str) -> UploadState:
        with self._write() as conn:
            return self.blobs.finish(conn, grant.device_id, upload_id)

    # -- administration ----------------------------------------------------------------

    def compact(self, before_cursor: dict[str, int] | None = None, older_than: str | None = None) -> int:
        """Drop change-log entries older than the horizon (per scope); devices whose cursor
        is older re-snapshot that scope (410) and keep their outboxes."""
        removed = 0
        with self._write() as conn:
            for scope in known_scopes(conn):
                t = db.change_log
                stmt = select(func.max(t.c.cursor)).where(t.c.scope == scope)
                if older_than is not None:
                    stmt = stmt.where(t.c.at < older_than)
                if before_cursor is not None and scope in before_cursor:
                    stmt = stmt.where(t.c.cursor <= before_cursor[scope])
                elif before_cursor is not None:
                    continue
                top = conn.execute(stmt).scalar_one_or_none()
                if top is None:
                    continue
                removed += conn.execute(t.delete().where(t.c.scope == scope, t.c.cursor <= top)).rowcount or 0
                conn.execute(db.scope_counter.update().where(db.scope_counter.c.scope == scope).values(horizon=top))
                conn.execute(db.snapshot.delete().where(db.snapshot.c.scope == scope, db.snapshot.c.cursor < top))
        return removed

    def new_epoch(self) -> str:
        """Mark a restore from backup: devices see a new epoch and re-push what is missing."""
        from kcdesk.ids import new_id

        with self._write() as conn:
            epoch = new_id()
            conn.execute(db.server_meta.update().where(db.server_meta.c.key == "server_epoch").values(value=epoch))
        self.epoch = epoch
        return epoch


def server_version() -> str:
    return __version__


def clock_skew(client_time: str | None, now: datetime) -> float | None:
    """Seconds the device's clock is ahead (shown only; clocks never decide anything).
    A time without a zone, or one that is not a time, tells nothing: None."""
    if not client_time:
        return None
    try:
        at = datetime.fromisoformat(client_time.replace("Z", "+00:00"))
    except ValueError:
        return None
    offset = at.utcoffset()
    if offset is None:
        return None
    # Compared without zones, then the offset taken off: a time near year 1 or 9999 whose
    # UTC equivalent falls outside datetime's range still gives its (huge) skew.
    return (at.replace(tzinfo=None) - now.replace(tzinfo=None)).total_seconds() - offset.total_seconds()
