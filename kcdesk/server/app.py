"""HTTP face of the sync server (FastAPI): routes, authentication, limits, OpenAPI.

Every answer other than 200 carries {"detail": {"code", "message", ...}} with a machine
code and the Vietnamese text; the routes stay thin and the work is in SyncServer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kcdesk import __version__
from kcdesk.server.auth import AuthFailure
from kcdesk.server.blobs import BlobRefusal
from kcdesk.server.file_response import RangedFile
from kcdesk.server.pull import CursorTooOld
from kcdesk.server.push import SeqGap
from kcdesk.server.rate_limits import DatabaseWindows, MemoryWindows, RequestLimiter, TooMany
from kcdesk.server.scopes import DeviceGrant
from kcdesk.server.service import NotAllowed, ServerSettings, SyncServer
from kcdesk.sync.protocol import (
    API_PREFIX,
    BlobInfo,
    EnrolRequest,
    EnrolResponse,
    ErrorResponse,
    Health,
    HelloRequest,
    HelloResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
    SnapshotInfo,
    TokenRequest,
    TokenResponse,
    UploadRequest,
    UploadState,
)
from kcdesk.sync.wire import BadValue, gunzip_limited

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 409, 410, 413, 422, 429)
}
HELLO_ERRORS = {**ERRORS, 426: {"model": ErrorResponse}}
FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    200: {"content": {"application/octet-stream": {}}},
    206: {"content": {"application/octet-stream": {}, "multipart/byteranges": {}}},
    416: {"model": ErrorResponse},
}
# Framework-made errors (a body that is not JSON, an unknown path) in the same shape as ours.
_HTTP_CODES = {400: "bad_body", 404: "not_found", 405: "bad_method", 413: "body_too_large"}
_HTTP_MESSAGES = {
    400: "Nội dung yêu cầu không đọc được.",
    404: "Không có địa chỉ này trên máy chủ đồng bộ.",
    405: "Phương thức không được hỗ trợ ở địa chỉ này.",
}
SHA = r"^[0-9a-f]{64}$"
ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"  # server-made ids (snapshots, uploads)
IdPath = Annotated[str, PathParam(pattern=ID)]


def _error(status: int, code: str, message: str = "", **extra: Any) -> HTTPException:
    detail: dict[str, Any] = {"code": code, "message": message}
    params = extra.pop("params", None)
    if params:
        detail["params"] = params
    detail.update(extra)
    headers = {"Retry-After": str(int(extra["retry_after"]) + 1)} if "retry_after" in extra else None
    return HTTPException(status_code=status, detail=detail, headers=headers)


class RequestBodyLimit:
    """Refuses bodies over the limit (413) and inflates gzip bodies up to the same limit, so
    a small compressed bomb can neither exhaust memory nor store more than a plain body."""

    def __init__(self, app: Any, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(
        self,
        scope: dict[str, Any],
        receive: Callable[[], Awaitable[dict[str, Any]]],
        send: Callable[[dict[str, Any]], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body.extend(message.get("body", b""))
            more = message.get("more_body", False)
            if len(body) > self.limit:
                await _send_json(
                    send, 413, {"detail": {"code": "body_too_large", "message": "Nội dung gửi lên quá lớn."}}
                )
                return
        data = bytes(body)
        if headers.get(b"content-encoding", b"").lower() == b"gzip":
            try:
                data = gunzip_limited(data, self.limit)  # the limit is on what is read, not what travels
            except (BadValue, OSError, EOFError, Exception):  # any damaged gzip stream is the client's fault
                await _send_json(send, 400, {"detail": {"code": "bad_body", "message": "Nội dung nén bị hỏng."}})
                return
            scope = dict(scope)
            dropped = (b"content-encoding", b"content-length")
            scope["headers"] = [(k, v) for k, v in scope["headers"] if k not in dropped]
            scope["headers"].append((b"content-length", str(len(data)).encode()))
        expected = headers.get(b"x-content-sha256")
        if expected is not None and hashlib.sha256(data).hexdigest().encode() != expected.lower():
            await _send_json(
                send, 400, {"detail": {"code": "bad_body", "message": "Nội dung gửi lên bị hỏng trên đường truyền."}}
            )
            return
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}

        await self.app(scope, replay, send)


async def _send_json(send: Callable[[dict[str, Any]], Awaitable[None]], status: int, payload: dict[str, Any]) -> None:
    import json

    body = json.dumps(payload, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


# Declared as an HTTP bearer scheme (not a header parameter), so the OpenAPI document says
# how devices authenticate and clients generated from it send the token the right way.
_bearer = HTTPBearer(auto_error=False, description="Mã truy cập ngắn hạn của thiết bị (POST /sync/v1/token).")


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _device(request: Request, credentials: Credentials) -> DeviceGrant:
    """The calling device, from its access token; refused when revoked or too eager."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise _error(401, "bad_token", "Thiếu hoặc sai mã truy cập.")
    grant: DeviceGrant = request.app.state.server.authenticate(credentials.credentials)
    wait = request.app.state.limiter.take(grant.device_id)
    if wait is not None:
        raise _error(429, "rate_limited", "Quá nhiều yêu cầu; hãy thử lại sau.", retry_after=wait)
    return grant


DeviceDep = Annotated[DeviceGrant, Depends(_device)]


def _client(request: Request) -> str:
    """The caller's address (behind a reverse proxy, uvicorn takes it from X-Forwarded-For
    when the proxy is trusted: --forwarded-allow-ips)."""
    return request.client.host if request.client else "unknown"


def create_app(settings: ServerSettings) -> FastAPI:
    server = SyncServer(settings)
    # One worker on SQLite: its memory is the shared state. On PostgreSQL the counters are
    # rows every worker shares (kcdesk.server.rate_limits).
    windows = DatabaseWindows(server.engine) if server.is_pg else MemoryWindows()
    limiter = RequestLimiter(windows, settings.requests_per_minute)
    app = FastAPI(
        title="kcdesk sync server",
        version=__version__,
        description="Đồng bộ dữ liệu khuyến công giữa máy trạm và máy chủ (giao thức v1).",
    )
    app.state.server = server
    app.state.limiter = limiter
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(RequestBodyLimit, limit=settings.max_batch_bytes)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail: Any = exc.detail
        if not isinstance(detail, dict):
            detail = {
                "code": _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}"),
                "message": _HTTP_MESSAGES.get(exc.status_code, "Yêu cầu không hợp lệ."),
            }
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": ".".join(str(part) for part in e.get("loc", ())), "problem": str(e.get("msg", ""))}
            for e in exc.errors()[:20]
        ]
        return JSONResponse(
            {
                "detail": {
                    "code": "invalid_request",
                    "message": "Yêu cầu không đúng giao thức đồng bộ.",
                    "params": {"errors": errors},
                }
            },
            status_code=422,
        )

    @app.exception_handler(AuthFailure)
    async def _auth(_: Request, exc: AuthFailure) -> JSONResponse:
        return JSONResponse({"detail": {"code": exc.code, "message": exc.message}}, status_code=exc.status)

    @app.exception_handler(NotAllowed)
    async def _not_allowed(_: Request, exc: NotAllowed) -> JSONResponse:
        return JSONResponse(
            {"detail": {"code": exc.code, "message": exc.message, "params": exc.params}}, status_code=exc.status
        )

    @app.exception_handler(TooMany)
    async def _too_many(_: Request, exc: TooMany) -> JSONResponse:
        wait = int(exc.retry_after) + 1
        return JSONResponse(
            {
                "detail": {
                    "code": "rate_limited",
                    "message": "Quá nhiều lần thử không thành công; hãy thử lại sau {seconds} giây.",
                    "params": {"seconds": wait},
                    "retry_after": exc.retry_after,
                }
            },
            status_code=429,
            headers={"Retry-After": str(wait)},
        )

    @app.exception_handler(BlobRefusal)
    async def _blob(_: Request, exc: BlobRefusal) -> JSONResponse:
        return JSONResponse(
            {"detail": {"code": exc.code, "message": exc.message, "params": exc.params}}, status_code=exc.status
        )

    p = API_PREFIX

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(status="ok", server_epoch=server.epoch, proto=1)

    # Enrolment and tokens are where guessing happens: a client with too many recent
    # failures gets 429, and every failure is written down (server_auth_failure).
    @app.post(f"{p}/enrol", response_model=EnrolResponse, responses=ERRORS)
    def enrol(req: EnrolRequest, request: Request) -> EnrolResponse:
        client = _client(request)
        server.guard.check("enrol", client)
        try:
            return server.enrol(req)
        except AuthFailure as exc:
            server.guard.failed("enrol", client, None, exc.code, guess=exc.status == 401)
            raise

    @app.post(f"{p}/token", response_model=TokenResponse, responses=ERRORS)
    def token(req: TokenRequest, request: Request) -> TokenResponse:
        client = _client(request)
        server.guard.check("token", client)
        try:
            tokens = server.tokens(req.device_id, req.refresh_token)
        except AuthFailure as exc:
            server.guard.failed("token", client, req.device_id, exc.code, guess=exc.status == 401)
            raise
        return TokenResponse(
            access_token=tokens.access,
            expires_in=settings.access_ttl,
            refresh_token=tokens.refresh,
            refresh_expires_in=tokens.refresh_expires_in,
        )

    @app.post(f"{p}/hello", response_model=HelloResponse, responses=HELLO_ERRORS)
    def hello(req: HelloRequest, grant: DeviceDep) -> HelloResponse:
        if req.proto < 1:
            raise _error(426, "upgrade", "Phiên bản kcdesk quá cũ; hãy cập nhật. Dữ liệu trên máy được giữ nguyên.")
        return server.hello(grant, req)

    # The body is validated straight from its JSON bytes (pydantic-core), not through
    # FastAPI's dict round trip: five times cheaper on a 500-change batch. The schema is
    # still documented (see _document_push_body).
    @app.post(
        f"{p}/push",
        response_model=PushResponse,
        responses=ERRORS,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
            }
        },
    )
    async def push(request: Request, grant: DeviceDep) -> Response:
        try:
            req = PushRequest.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None

        def work() -> Response:
            try:
                # Outcomes leave out their empty fields (all optional): an answer per change
                # costs bytes on rural links. Nulls inside rows are values and stay.
                return _hashed(server.push(grant, req), compact=True)
            except SeqGap as gap:
                raise _error(
                    409,
                    "seq_gap",
                    "Thiếu thay đổi trước số {expected}.",
                    expected_seq=gap.expected,
                    params={"expected": gap.expected},
                ) from None

        return await run_in_threadpool(work)

    @app.get(f"{p}/pull", response_model=PullResponse, responses=ERRORS)
    def pull(
        grant: DeviceDep,
        scope: Annotated[str, Query(pattern=r"^\d{2}$")],
        after: Annotated[int, Query(ge=0, le=2**53)] = 0,
        limit: Annotated[int | None, Query(ge=1, le=100_000)] = None,
    ) -> Response:
        try:
            return _hashed(server.pull(grant, scope, after, limit))
        except CursorTooOld:
            raise _error(
                410, "reset_scope", "Dữ liệu phạm vi {scope} cần tải lại từ bản chụp.", params={"scope": scope}
            ) from None

    @app.get(f"{p}/snapshot", response_model=SnapshotInfo, responses=ERRORS)
    def snapshot(grant: DeviceDep, scope: Annotated[str, Query(pattern=r"^\d{2}$")]) -> SnapshotInfo:
        return server.snapshot(grant, scope)

    @app.get(
        f"{p}/snapshot/{{snapshot_id}}",
        responses=FILE_RESPONSES,
    )
    def snapshot_file(
        grant: DeviceDep, snapshot_id: IdPath, range_: Annotated[str | None, Header(alias="range")] = None
    ) -> Response:
        path = server.snapshot_allowed(grant, snapshot_id)
        if not path.exists():
            raise _error(404, "no_snapshot", "Không có bản chụp dữ liệu này.")
        return _file_response(path)

    @app.post(f"{p}/conflicts/resolve", response_model=ResolveResponse, responses=ERRORS)
    def resolve(req: ResolveRequest, grant: DeviceDep) -> ResolveResponse:
        return server.resolve(grant, req)

    @app.get(
        f"{p}/blobs/{{sha256}}",
        responses=FILE_RESPONSES,
    )
    def blob_get(
        grant: DeviceDep,
        sha256: Annotated[str, Depends(_sha)],
        range_: Annotated[str | None, Header(alias="range")] = None,
    ) -> Response:
        # Not this device's file and not on the server answer alike: a hash is no right.
        path = server.blobs.path(sha256)
        if not server.blob_allowed(grant, sha256) or not path.exists():
            raise _error(404, "no_blob", "Máy chủ chưa có tệp này.")
        return _file_response(path)

    @app.get(f"{p}/blobs/{{sha256}}/info", response_model=BlobInfo, responses=ERRORS)
    def blob_info(grant: DeviceDep, sha256: Annotated[str, Depends(_sha)]) -> BlobInfo:
        size = server.blob_info(grant, sha256)
        if size is None:
            raise _error(404, "no_blob", "Máy chủ chưa có tệp này.")
        return BlobInfo(sha256=sha256, size=size)

    @app.post(f"{p}/uploads", response_model=UploadState, responses=ERRORS)
    def upload_start(req: UploadRequest, grant: DeviceDep) -> UploadState:
        return server.upload_start(grant, req.sha256, req.size)

    @app.put(
        f"{p}/uploads/{{upload_id}}",
        response_model=UploadState,
        responses=ERRORS,
        openapi_extra={
            "requestBody": {
                "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                "required": True,
            }
        },
    )
    async def upload_chunk(
        request: Request,
        grant: DeviceDep,
        upload_id: IdPath,
        offset: Annotated[int, Query(ge=0, le=2**50)],
        x_chunk_sha256: Annotated[str, Header(pattern=SHA)],
    ) -> UploadState:
        data = await request.body()

        return await run_in_threadpool(server.upload_chunk, grant, upload_id, offset, data, x_chunk_sha256)

    @app.post(f"{p}/uploads/{{upload_id}}/finish", response_model=UploadState, responses=ERRORS)
    def upload_finish(grant: DeviceDep, upload_id: IdPath) -> UploadState:
        return server.upload_finish(grant, upload_id)

    _document_push_body(app)
    return app


def _document_push_body(app: FastAPI) -> None:
    """Put PushRequest (and the models it uses) into the OpenAPI components, since the push
    route reads its body itself."""
    make_default = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = make_default()
            schema = PushRequest.model_json_schema(ref_template="#/components/schemas/{model}")
            components = spec.setdefault("components", {}).setdefault("schemas", {})
            components.update(schema.pop("$defs", {}))
            components["PushRequest"] = schema
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _hashed(model: Any, compact: bool = False) -> Response:
    """JSON with its sha256 in a header: a byte damaged on the way is caught and re-fetched."""
    body = model.model_dump_json(exclude_none=compact).encode()
    return Response(
        content=body, media_type="application/json", headers={"X-Content-Sha256": hashlib.sha256(body).hexdigest()}
    )


def _sha(sha256: str) -> str:
    import re

    if not re.fullmatch(SHA, sha256):
        raise _error(404, "no_blob", "Máy chủ chưa có tệp này.")
    return sha256


def _file_response(path: Path) -> Response:
    """The file, or the part a Range header asks for (downloads resume where they broke)."""
    return RangedFile(path)


def app_from_env() -> FastAPI:
    """The app as each worker process builds it (`kcdesk-server serve --workers N`): its
    settings come from the environment the serving command set up."""
    from kcdesk.server.cli import settings_from_env

    return create_app(settings_from_env())
