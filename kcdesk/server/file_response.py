"""Files (attachments, snapshots) sent whole or by byte range, so a download that broke
resumes where it stopped.

Starlette's FileResponse does the HTTP work: Range (206, one part or several as
multipart/byteranges), If-Range against the ETag or Last-Modified it sends, and 416 for a
range that starts past the end. Two answers are adjusted to this API's rules: a Range
header that does not parse is ignored and the whole file sent (RFC 9110 §14.2 lets a
server ignore it; Starlette answers a plain-text 400), and a 416 carries the JSON error
body every other refusal has.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from starlette.datastructures import Headers
from starlette.responses import FileResponse, MalformedRangeHeader, RangeNotSatisfiable
from starlette.types import Receive, Scope, Send


class RangedFile(FileResponse):
    def __init__(self, path: Path) -> None:
        super().__init__(path, media_type="application/octet-stream", stat_result=os.stat(path))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        wanted = Headers(scope=scope).get("range")
        if wanted is not None:
            size = self.stat_result.st_size if self.stat_result else 0
            try:
                self._parse_range_header(wanted, size)
            except MalformedRangeHeader:
                scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"range"]}
            except RangeNotSatisfiable:
                await _not_satisfiable(send, size)
                return
        await super().__call__(scope, receive, send)


async def _not_satisfiable(send: Send, size: int) -> None:
    detail: dict[str, Any] = {
        "code": "range_not_satisfiable",
        "message": "Đoạn tệp yêu cầu nằm ngoài tệp ({size} byte).",
        "params": {"size": size},
    }
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 416,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"content-range", f"bytes */{size}".encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
