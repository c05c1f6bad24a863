"""Sync protocol v1: the messages client and server exchange (shared by both sides).

Every request carries the protocol version in its path (/sync/v1/...) and the app and
schema versions in `hello`. Rows travel as JSON objects in their storage form: dates and
UTC instants as ISO text, exact decimals as text, booleans as true/false.

Idempotency: a mutation is identified by (device_id, seq) and by its mutation_id; the
server stores each outcome, so a resent batch gets the same answers and nothing applies
twice. A gap in the sequence is refused with the sequence the server expects (409).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PROTOCOL_VERSION = 1
PROTOCOL_RANGE = (1, 1)
API_PREFIX = "/sync/v1"
# A pull page's next cursor and whether more follow, also sent as headers (the same values
# as the body's): a laptop asks for the next page before it reads this one.
NEXT_CURSOR_HEADER = "X-Next-Cursor"
HAS_MORE_HEADER = "X-Has-More"
MAX_SEQ = 2**53  # JSON-safe integers; the server's columns are 64-bit

# Status codes with a protocol meaning (besides 200).
GAP_STATUS = 409  # push: {"detail": {"code": "seq_gap", "expected_seq": N}}
RESET_STATUS = 410  # pull: cursor older than the compaction horizon -> re-snapshot that scope
UPGRADE_STATUS = 426  # hello: protocol or schema too old -> update the app, data kept

Id = str  # UUID text
ShortText = Field(max_length=200)


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL character not allowed")
    return value


class Strict(BaseModel):
    """A request body: unknown fields refused, and no NUL in any text field (PostgreSQL
    cannot store one, and no legitimate value holds one)."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul_text(cls, value: Any) -> Any:
        return _no_nul(value) if isinstance(value, str) else value


# -- errors ----------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    """The `detail` of every non-200 answer: a machine code and a Vietnamese message."""

    code: str
    message: str = ""  # Vietnamese source text (the client translates it with tr())
    params: dict[str, Any] = Field(default_factory=dict)
    expected_seq: int | None = None
    retry_after: float | None = None


class ErrorResponse(BaseModel):
    detail: ErrorDetail


# -- enrolment and tokens ---------------------------------------------------------------


class EnrolRequest(Strict):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(default="", max_length=120)
    first_seq: int = Field(default=1, ge=1, le=MAX_SEQ)
    app_version: str = Field(default="", max_length=40)


class EnrolResponse(BaseModel):
    device_id: Id
    refresh_token: str
    server_epoch: str
    role: str
    province_code: str | None
    communes: list[str]
    # The person this laptop works for, as an app_user row (wire form). Users belong to
    # the server: the device adopts this one as its current user and never pushes users.
    user: dict[str, Any] | None = None
    refresh_expires_in: int | None = None  # seconds the refresh token stays good unused


class TokenRequest(Strict):
    device_id: str = Field(max_length=64)
    refresh_token: str = Field(max_length=200)


class TokenResponse(BaseModel):
    access_token: str
    expires_in: int
    # The device's next refresh token: the one it sent is spent (rotation). Keep this one;
    # asking again with the spent token gives the same answer until the new one is used.
    refresh_token: str | None = None
    refresh_expires_in: int | None = None


# -- hello ------------------------------------------------------------------------------


class HelloRequest(Strict):
    proto: int = Field(default=PROTOCOL_VERSION, ge=0, le=1000)
    app_version: str = Field(default="", max_length=40)
    schema_version: str = Field(default="", max_length=80)
    outbox_depth: int = Field(default=0, ge=0, le=MAX_SEQ)
    oldest_pending: str | None = Field(default=None, max_length=40)
    client_time: str | None = Field(default=None, max_length=40)
    last_error: str | None = Field(default=None, max_length=500)


class Limits(BaseModel):
    max_batch_mutations: int
    max_batch_bytes: int
    max_file_bytes: int
    chunk_bytes: int
    pull_page_rows: int
    requests_per_minute: int


class ScopeInfo(BaseModel):
    """A stream the device pulls: one province (or "00", national rows), optionally
    narrowed to communes; `writable` says whether the device may change its rows. `head`:
    the scope's last change-log cursor when the server answered (None from an older
    server); a device whose cursor is already there has nothing to pull from it."""

    scope: str
    communes: list[str] | None = None
    writable: bool
    head: int | None = None


class HelloResponse(BaseModel):
    proto_range: tuple[int, int]
    server_time: str
    server_epoch: str
    schema_versions: list[str]
    device_id: Id
    role: str
    province_code: str | None
    communes: list[str]
    scopes: list[ScopeInfo]
    limits: Limits
    clock_skew_seconds: float | None = None


# -- push -------------------------------------------------------------------------------

Op = Literal["insert", "update", "delete", "restore"]


NO_NUL = r"^[^\x00]*$"


class Mutation(BaseModel):
    # Fields checked by patterns (in pydantic-core) rather than by Strict's Python validator:
    # a batch holds thousands of these. Values are checked column by column on the server.
    model_config = ConfigDict(extra="forbid")

    seq: int = Field(ge=1, le=MAX_SEQ)
    # No ':' allowed: the server's own bookkeeping ids ("withdrawn:12") can never clash.
    mutation_id: str = Field(min_length=1, max_length=64, pattern=r"^[0-9A-Za-z_.-]+$")
    table: str = Field(max_length=60, pattern=NO_NUL)
    row_id: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    op: Op
    base_version: int = Field(ge=0, le=MAX_SEQ)
    values: dict[str, Any] = Field(default_factory=dict)  # changed fields: new values
    base: dict[str, Any] = Field(default_factory=dict)  # the same fields before the change
    user_id: str | None = Field(default=None, max_length=64, pattern=NO_NUL)


class PushRequest(Strict):
    batch_id: str = Field(default="", max_length=64)
    mutations: list[Mutation] = Field(max_length=5000)
    # Sequence numbers the device took back without sending (a placeholder user dropped at
    # enrolment, a change to a server-owned table): they fill the sequence so the server
    # does not wait for them, and are never sent later.
    withdrawn: list[Annotated[int, Field(ge=1, le=MAX_SEQ)]] = Field(default_factory=list, max_length=5000)

    @model_validator(mode="after")
    def _distinct(self) -> PushRequest:
        seqs = [m.seq for m in self.mutations]
        if len(set(seqs)) != len(seqs) or set(seqs) & set(self.withdrawn):
            raise ValueError("each sequence number appears once")
        ids = [m.mutation_id for m in self.mutations]
        if len(set(ids)) != len(ids):
            raise ValueError("each mutation_id appears once")
        return self


Status = Literal["applied", "merged", "rejected"]


class Outcome(BaseModel):
    seq: int
    status: Status
    row_version: int | None = None
    conflict_id: str | None = None
    code: str | None = None  # why it was rejected (see kcdesk.sync.reasons)
    message: str | None = None  # Vietnamese source text
    # The reason's parameters; on an accepted change, "kept_aside" lists fields this server
    # does not know (from a newer kcdesk): kept on the server, not applied, not refused.
    params: dict[str, Any] | None = None
    row: dict[str, Any] | None = None  # the server's row after a merge or with a rejection
    # Set when the device, taking row_version and this instant as the row's updated_at (and
    # created_at, for a new row), holds exactly the stored row: the server's log then marks
    # the change as the device's own, and its pulls (with `acked`) never send it back.
    at: str | None = None


class PushResponse(BaseModel):
    outcomes: list[Outcome]
    last_seq: int


# -- pull -------------------------------------------------------------------------------

ChangeOp = Literal["upsert", "evict"]


class Change(BaseModel):
    cursor: int
    table: str
    row_id: Id
    op: ChangeOp
    row: dict[str, Any] | None = None


class ConflictRecord(BaseModel):
    """Two devices changed the same fields: base, mine (the later arrival, which won) and
    theirs (the value it replaced), per field. People resolve it in the inbox."""

    id: Id
    table: str
    row_id: Id
    kind: Literal["field", "update_deleted", "soft"]
    fields: dict[str, dict[str, Any]]  # field -> {"base":..., "mine":..., "theirs":...}
    winner_device: str | None
    loser_device: str | None
    created_at: str
    resolved_at: str | None = None
    resolution: dict[str, Any] | None = None


class PullResponse(BaseModel):
    scope: str
    changes: list[Change]
    conflicts: list[ConflictRecord] = Field(default_factory=list)
    next_cursor: int
    has_more: bool


class SnapshotInfo(BaseModel):
    scope: str
    cursor: int
    snapshot_id: str
    size: int
    sha256: str
    rows: int
    # "rows": the rows as the server stores them (gzip); "client": the laptop's own tables
    # with sort keys and search index, for laptops of schema `revision` (xz; see
    # kcdesk.server.snapshot_build). An older server sends neither: "rows".
    layout: str = "rows"
    revision: str | None = None


class ResolveRequest(Strict):
    conflict_id: str = Field(max_length=64)
    resolution: Literal["mine", "theirs", "edited"]
    values: dict[str, Any] = Field(default_factory=dict)


class ResolveResponse(BaseModel):
    conflict_id: str
    resolved_at: str


# -- blobs ------------------------------------------------------------------------------


class UploadRequest(Strict):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0, le=2**50)


class UploadState(BaseModel):
    upload_id: str
    received: int
    size: int
    chunk_bytes: int
    complete: bool = False


class BlobInfo(BaseModel):
    sha256: str
    size: int


class Health(BaseModel):
    status: str
    server_epoch: str
    proto: int
