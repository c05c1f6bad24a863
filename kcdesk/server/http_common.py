"""What every route module of the sync server shares: the error shape, the documented
refusals, the calling device and the server from the request, and hashed JSON answers.

Every answer other than 200 carries {"detail": {"code", "message", ...}} with a machine
code and the Vietnamese text; the routes stay thin and the work is in SyncServer.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Any

import orjson
from fastapi import Depends, HTTPException, Request, Response
from fastapi import Path as PathParam
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from kcdesk.server.scopes import DeviceGrant
from kcdesk.server.service import SyncServer
from kcdesk.sync import zstd_bodies
from kcdesk.sync.protocol import ErrorResponse

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
SHA = r"^[0-9a-f]{64}$"
ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"  # server-made ids (snapshots, uploads)
IdPath = Annotated[str, PathParam(pattern=ID)]


def http_error(status: int, code: str, message: str = "", **extra: Any) -> HTTPException:
    detail: dict[str, Any] = {"code": code, "message": message}
    params = extra.pop("params", None)
    if params:
        detail["params"] = params
    detail.update(extra)
    headers = {"Retry-After": str(int(extra["retry_after"]) + 1)} if "retry_after" in extra else None
    return HTTPException(status_code=status, detail=detail, headers=headers)


def _server(request: Request) -> SyncServer:
    server: SyncServer = request.app.state.server
    return server


ServerDep = Annotated[SyncServer, Depends(_server)]

# Declared as an HTTP bearer scheme (not a header parameter), so the OpenAPI document says
# how devices authenticate and clients generated from it send the token the right way.
_bearer = HTTPBearer(auto_error=False, description="Mã truy cập ngắn hạn của thiết bị (POST /sync/v1/token).")


Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _device(request: Request, credentials: Credentials) -> DeviceGrant:
    """The calling device, from its access token; refused when revoked or too eager."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise http_error(401, "bad_token", "Thiếu hoặc sai mã truy cập.")
    grant: DeviceGrant = request.app.state.server.authenticate(credentials.credentials)
    wait = request.app.state.limiter.take(grant.device_id)
    if wait is not None:
        raise http_error(429, "rate_limited", "Quá nhiều yêu cầu; hãy thử lại sau.", retry_after=wait)
    return grant


DeviceDep = Annotated[DeviceGrant, Depends(_device)]


def client_address(request: Request) -> str:
    """The caller's address (behind a reverse proxy, uvicorn takes it from X-Forwarded-For
    when the proxy is trusted: --forwarded-allow-ips)."""
    return request.client.host if request.client else "unknown"


def hashed(model: Any, request: Request, compact: bool = False) -> Response:
    """JSON with its sha256 in a header: a byte damaged on the way is caught and re-fetched.
    `model` is a pydantic model or its JSON value already built (a pull page), which orjson
    writes. Sent as zstd to a caller that takes it (kcdesk.sync.zstd_bodies), else left to
    the gzip middleware; the sha256 is the JSON's own, whatever the encoding."""
    is_model = isinstance(model, BaseModel)
    body = model.model_dump_json(exclude_none=compact).encode() if is_model else orjson.dumps(model)
    headers = {"X-Content-Sha256": hashlib.sha256(body).hexdigest(), "Vary": "Accept-Encoding"}
    if len(body) >= zstd_bodies.MIN_BYTES and zstd_bodies.accepts_zstd(request.headers.get("accept-encoding", "")):
        headers["Content-Encoding"] = "zstd"  # the gzip middleware leaves an encoded answer alone
        return Response(content=zstd_bodies.compress(body), media_type="application/json", headers=headers)
    return Response(content=body, media_type="application/json", headers=headers)


def _sha(sha256: str) -> str:
    if not re.fullmatch(SHA, sha256):
        raise http_error(404, "no_blob", "Máy chủ chưa có tệp này.")
    return sha256


ShaPath = Annotated[str, Depends(_sha)]
