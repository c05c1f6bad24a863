"""Every refusal in the one shape {"detail": {"code", "message", "params"...}}: the
framework's own errors (a body that is not JSON, an unknown path, a request that does not
fit the protocol) and the server's typed refusals."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

from kcdesk.server.auth import AuthFailure
from kcdesk.server.blobs import BlobRefusal
from kcdesk.server.busy import database_error
from kcdesk.server.rate_limits import TooMany
from kcdesk.server.service import NotAllowed

# Framework-made errors (a body that is not JSON, an unknown path) in the same shape as ours.
_HTTP_CODES = {400: "bad_body", 404: "not_found", 405: "bad_method", 413: "body_too_large"}
_HTTP_MESSAGES = {
    400: "Nội dung yêu cầu không đọc được.",
    404: "Không có địa chỉ này trên máy chủ đồng bộ.",
    405: "Phương thức không được hỗ trợ ở địa chỉ này.",
}


async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail: Any = exc.detail
    if not isinstance(detail, dict):
        detail = {
            "code": _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}"),
            "message": _HTTP_MESSAGES.get(exc.status_code, "Yêu cầu không hợp lệ."),
        }
    return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)


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


async def _auth(_: Request, exc: AuthFailure) -> JSONResponse:
    return JSONResponse({"detail": {"code": exc.code, "message": exc.message}}, status_code=exc.status)


async def _refusal(_: Request, exc: NotAllowed | BlobRefusal) -> JSONResponse:
    return JSONResponse(
        {"detail": {"code": exc.code, "message": exc.message, "params": exc.params}}, status_code=exc.status
    )


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


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid)  # type: ignore[arg-type]
    app.add_exception_handler(AuthFailure, _auth)  # type: ignore[arg-type]
    app.add_exception_handler(NotAllowed, _refusal)  # type: ignore[arg-type]
    app.add_exception_handler(TooMany, _too_many)  # type: ignore[arg-type]
    app.add_exception_handler(BlobRefusal, _refusal)  # type: ignore[arg-type]
    app.add_exception_handler(sa_exc.SQLAlchemyError, database_error)  # type: ignore[arg-type]
