"""Routes without a device token: health, enrolment and tokens.

Enrolment and tokens are where guessing happens: a client with too many recent failures
gets 429, and every failure is written down (server_auth_failure).
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from kcdesk.server.auth import AuthFailure
from kcdesk.server.http_common import ERRORS, ServerDep, client_address
from kcdesk.sync.protocol import API_PREFIX, EnrolRequest, EnrolResponse, Health, TokenRequest, TokenResponse

router = APIRouter()


@router.get("/health", response_model=Health)
def health(server: ServerDep) -> Health:
    return Health(status="ok", server_epoch=server.epoch, proto=1)


@router.post(f"{API_PREFIX}/enrol", response_model=EnrolResponse, responses=ERRORS)
def enrol(req: EnrolRequest, request: Request, server: ServerDep) -> EnrolResponse:
    client = client_address(request)
    server.guard.check("enrol", client)
    try:
        return server.enrol(req)
    except AuthFailure as exc:
        server.guard.failed("enrol", client, None, exc.code, guess=exc.status == 401)
        raise


@router.post(f"{API_PREFIX}/token", response_model=TokenResponse, responses=ERRORS)
def token(req: TokenRequest, request: Request, server: ServerDep) -> TokenResponse:
    client = client_address(request)
    server.guard.check("token", client)
    try:
        tokens = server.tokens(req.device_id, req.refresh_token)
    except AuthFailure as exc:
        server.guard.failed("token", client, req.device_id, exc.code, guess=exc.status == 401)
        raise
    return TokenResponse(
        access_token=tokens.access,
        expires_in=server.settings.access_ttl,
        refresh_token=tokens.refresh,
        refresh_expires_in=tokens.refresh_expires_in,
    )
