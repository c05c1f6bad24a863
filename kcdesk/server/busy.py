"""A server out of database capacity answers 503 "busy" with Retry-After, not 500.

Under a burst (a hundred laptops syncing after a meeting) a worker can wait too long for a
pooled connection, PostgreSQL can refuse more clients, or a retried batch can still meet a
deadlock. None of that is the device's fault and all of it passes: the device's transport
retries 5xx answers after Retry-After (kcdesk.sync.transport), and every request it retries
is idempotent on the server. Any other database error stays a 500 and is logged in full.
"""

from __future__ import annotations

import logging

from fastapi import Request
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 2
# SQLSTATE classes and codes that mean "not now": connection exceptions (08), insufficient
# resources (53: too many connections, out of memory), the server shutting down or starting
# (57P01-57P03), a deadlock or serialization failure that outlived the push's own retries.
_BUSY_CLASSES = ("08", "53")
_BUSY_STATES = frozenset({"57P01", "57P02", "57P03", "40001", "40P01"})
_SQLITE_BUSY = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED (low byte of the extended code)


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means "try again shortly" rather than a fault."""
    if isinstance(exc, sa_exc.TimeoutError):  # no pooled connection within db_pool_timeout
        return True
    if not isinstance(exc, sa_exc.DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    if isinstance(state, str):
        return state[:2] in _BUSY_CLASSES or state in _BUSY_STATES
    code = getattr(orig, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) in _SQLITE_BUSY


async def database_error(request: Request, exc: sa_exc.SQLAlchemyError) -> JSONResponse:
    if is_busy(exc):
        log.warning("database busy on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return JSONResponse(
            {
                "detail": {
                    "code": "server_busy",
                    "message": "Máy chủ đồng bộ đang bận; máy sẽ tự gửi lại sau {seconds} giây.",
                    "params": {"seconds": RETRY_AFTER_SECONDS},
                }
            },
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    log.error("database error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        {"detail": {"code": "server_error", "message": "Máy chủ đồng bộ gặp lỗi; hãy báo quản trị máy chủ."}},
        status_code=500,
    )
