"""HTTP face of the sync server (FastAPI): create_app assembles the middleware, the error
handlers and the routes, each kept in a module of its own area:

- kcdesk.server.body_limit: the request body's size, gzip and checksum, before any route;
- kcdesk.server.error_handlers: every refusal in one shape {"detail": {"code", ...}};
- kcdesk.server.routes_enrol: health, enrolment, tokens;
- kcdesk.server.routes_sync: hello, push, pull, snapshots, conflict resolutions;
- kcdesk.server.routes_blobs: attachment files down (by range) and up (in chunks);
- kcdesk.server.http_common: what the routes share (the device, the server, errors).

The routes stay thin; the work is in SyncServer.
"""

from __future__ import annotations

import gc

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

from kcdesk import __version__
from kcdesk.server import routes_blobs, routes_enrol, routes_sync
from kcdesk.server.body_limit import RequestBodyLimit
from kcdesk.server.error_handlers import install_error_handlers
from kcdesk.server.rate_limits import DatabaseWindows, MemoryWindows, RequestLimiter
from kcdesk.server.reference import unit_index
from kcdesk.server.service import ServerSettings, SyncServer


def create_app(settings: ServerSettings) -> FastAPI:
    server = SyncServer(settings)
    # One worker on SQLite: its memory is the shared state. On PostgreSQL the counters are
    # rows every worker shares (kcdesk.server.rate_limits).
    windows = DatabaseWindows(server.engine) if server.is_pg else MemoryWindows()
    app = FastAPI(
        title="kcdesk sync server",
        version=__version__,
        description="Đồng bộ dữ liệu khuyến công giữa máy trạm và máy chủ (giao thức v1).",
    )
    app.state.server = server
    app.state.limiter = RequestLimiter(windows, settings.requests_per_minute)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)  # 9 cost twice the time for ~3% fewer bytes
    app.add_middleware(RequestBodyLimit, limit=settings.max_batch_bytes)
    install_error_handlers(app)
    for area in (routes_enrol, routes_sync, routes_blobs):
        app.include_router(area.router)
    routes_sync.document_push_body(app)
    # What start-up made (the app, SQLAlchemy's tables, the reference lists) lives as long
    # as the process: kept out of the cyclic collector's full passes, each of which walked
    # all of it again while a push or a pull page was being built (~0.1 s of CPU per pass).
    # The unit index every push checks against is built now, not by the first push (which
    # paid for reading it, and whose collector passes then walked it for good).
    unit_index()
    gc.collect()
    gc.freeze()
    return app


def app_from_env() -> FastAPI:
    """The app as each worker process builds it (`kcdesk-server serve --workers N`): its
    settings come from the environment the serving command set up."""
    from kcdesk.server.cli import settings_from_env

    return create_app(settings_from_env())
