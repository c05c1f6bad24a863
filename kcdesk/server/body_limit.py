"""The sync server's first look at a request body, before any route reads it: too large
(413), damaged gzip or a body that does not match its X-Content-Sha256 (400)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from kcdesk.sync.wire import BadValue, gunzip_limited


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
    body = json.dumps(payload, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
