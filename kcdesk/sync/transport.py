"""HTTP to the sync server: access tokens, retries with jittered backoff, error classes.

Retryable: the network (timeouts, resets, a reply cut short), 5xx and 429. Everything a
retry resends is idempotent on the server (push batches, pulls, chunk uploads), so a
retry after a lost reply is always safe. Other 4xx answers go back to the caller.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from kcdesk.sync.errors import (
    SYNC_STOPPED,
    AuthRejected,
    Cancelled,
    DeviceRevoked,
    Offline,
    ProtocolError,
    ServerBusy,
    SyncError,
    UntrustedServer,
    UpgradeRequired,
)
from kcdesk.sync.protocol import API_PREFIX, TokenResponse
from kcdesk.sync.wire import gzip_body
from kcdesk.sync.zstd_bodies import ACCEPT_ENCODING

log = logging.getLogger(__name__)


@dataclass
class RetryPolicy:
    attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int) -> float:
        # Full jitter: devices that failed together do not retry together.
        return random.uniform(0, min(self.max_delay, self.base_delay * 2**attempt))


class Transport:
    def __init__(
        self,
        server_url: str,
        device_id: str | None,
        refresh_token: str | None,
        *,
        verify: Any = True,
        timeout: float = 60.0,
        retry: RetryPolicy | None = None,
        cancel: threading.Event | None = None,
        on_refresh: Callable[[str], object] | None = None,
    ) -> None:
        self.server_url = server_url.rstrip("/")
        self.device_id = device_id
        self.refresh_token = refresh_token
        # Keeps the next refresh token (the server rotates it at every token request);
        # None: kept in memory only (tools and benchmarks).
        self.on_refresh = on_refresh
        self.retry = retry or RetryPolicy()
        self.cancel = cancel or threading.Event()
        self._access: str | None = None
        self._access_expires = 0.0
        self.bytes_sent = 0
        self.bytes_received = 0
        self.client = httpx.Client(
            base_url=self.server_url,
            verify=default_tls() if verify is True else verify,
            timeout=httpx.Timeout(timeout, connect=10.0),
            headers={"Accept-Encoding": ACCEPT_ENCODING, "User-Agent": "kcdesk-sync/1"},
            event_hooks={"response": [self._count]},
        )

    def close(self) -> None:
        self.client.close()

    def _count(self, response: httpx.Response) -> None:
        """Bytes on the wire, both ways: bodies as sent (compressed) and the HTTP heads."""
        request = response.request
        target = request.url.raw_path
        self.bytes_sent += len(request.method) + len(target) + 12 + _head_bytes(request.headers.raw)
        self.bytes_sent += len(request.content) if isinstance(request.stream, httpx.ByteStream) else 0
        self.bytes_received += 17 + _head_bytes(response.headers.raw)  # "HTTP/1.1 200 OK\r\n"
        length = response.headers.get("content-length")
        if length and length.isdigit():
            self.bytes_received += int(length)

    # -- tokens --------------------------------------------------------------------------

    def _token(self, force: bool = False) -> str:
        if not force and self._access and time.time() < self._access_expires - 5:
            return self._access
        if not self.device_id or not self.refresh_token:
            raise AuthRejected("Thiết bị chưa đăng ký với máy chủ. Hãy chạy: kcdesk enroll --server URL --code MÃ")
        response = self._send(
            "POST",
            f"{API_PREFIX}/token",
            json_body={"device_id": self.device_id, "refresh_token": self.refresh_token},
            auth=False,
        )
        token = TokenResponse.model_validate(response.json())
        self._access = token.access_token
        self._access_expires = time.time() + token.expires_in
        if token.refresh_token and token.refresh_token != self.refresh_token:
            self._rotate(token.refresh_token)
        return self._access

    def _rotate(self, new: str) -> None:
        """Adopt the next refresh token once it is stored. If storing fails the old one is
        kept: the server gives the same next token for it until that one has been used."""
        if self.on_refresh is not None:
            try:
                self.on_refresh(new)
            except Exception:  # a keyring or disk failure: keep the token that is stored
                log.warning("could not store the rotated refresh token; keeping the previous one", exc_info=True)
                return
        self.refresh_token = new

    # -- requests ------------------------------------------------------------------------

    def call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        gzip: bool = False,
        auth: bool = True,
        ok: tuple[int, ...] = (200,),
        retryable: bool = True,
    ) -> httpx.Response:
        """Send with retries; return a response whose status is in `ok` or a 4xx the caller
        handles; raise a typed error for the rest."""
        attempts = self.retry.attempts if retryable else 1
        last: Exception | None = None
        for attempt in range(attempts):
            if self.cancel.is_set():
                raise Cancelled(SYNC_STOPPED)
            try:
                response = self._send(
                    method,
                    path,
                    json_body=json_body,
                    content=content,
                    params=params,
                    headers=headers,
                    gzip=gzip,
                    auth=auth,
                )
            except (Offline, ServerBusy) as exc:
                last = exc
                if attempt + 1 < attempts:
                    self._wait(exc, attempt)
                continue
            if response.status_code in ok or 400 <= response.status_code < 500:
                return response
        assert last is not None
        raise last

    def _wait(self, exc: Exception, attempt: int) -> None:
        delay = self.retry.delay(attempt)
        retry_after = exc.retry_after if isinstance(exc, ServerBusy) else None
        if retry_after:
            delay = max(delay, float(retry_after))
        self.cancel.wait(delay)

    def _send(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        gzip: bool = False,
        auth: bool = True,
    ) -> httpx.Response:
        all_headers = dict(headers or {})
        body = content
        if json_body is not None:
            body = dump_json(json_body)
            all_headers["Content-Type"] = "application/json"
        if body is not None and json_body is not None:
            all_headers["X-Content-Sha256"] = hashlib.sha256(body).hexdigest()
        if gzip and body is not None:
            body = gzip_body(body)
            all_headers["Content-Encoding"] = "gzip"
        for refreshed in (False, True):
            if auth:
                all_headers["Authorization"] = f"Bearer {self._token(force=refreshed)}"
            try:
                response = self.client.request(method, path, content=body, params=params, headers=all_headers)
                _ = response.content  # read the body now: a reply cut short is a network failure
            except (httpx.TransportError, httpx.DecodingError) as exc:
                if _certificate_failed(exc):
                    raise UntrustedServer(
                        "Chứng chỉ TLS của máy chủ {server} không xác minh được ({reason}); "
                        "không gửi dữ liệu. Hãy kiểm tra địa chỉ máy chủ hoặc tệp CA (--ca-file).",
                        server=self.server_url,
                        reason=_certificate_reason(exc),
                    ) from exc
                raise Offline(
                    "Không kết nối được máy chủ đồng bộ ({reason}); dữ liệu vẫn an toàn trên máy.",
                    reason=type(exc).__name__,
                ) from exc
            if response.status_code == 401 and auth and not refreshed:
                continue  # access token expired: get a new one and send again
            break
        return self._classify(response)

    def _classify(self, response: httpx.Response) -> httpx.Response:
        status = response.status_code
        if status == 400 and detail_code(response) == "bad_body":
            raise Offline("Dữ liệu gửi đi bị hỏng trên đường truyền; sẽ gửi lại.")
        expected = response.headers.get("x-content-sha256")
        if status == 200 and expected and hashlib.sha256(response.content).hexdigest() != expected:
            raise Offline("Dữ liệu nhận từ máy chủ bị hỏng trên đường truyền; sẽ tải lại.")
        if status >= 500 or status == 429:
            busy = ServerBusy("Máy chủ đồng bộ đang bận hoặc gặp lỗi (mã {status}); sẽ thử lại.", status=status)
            retry_after = response.headers.get("retry-after")
            busy.retry_after = float(retry_after) if retry_after and retry_after.isdigit() else None
            raise busy
        if status == 403 and detail_code(response) == "revoked":
            raise DeviceRevoked(
                "Thiết bị đã bị thu hồi quyền đồng bộ. Dữ liệu và các thay đổi chưa gửi vẫn được "
                "giữ trên máy; hãy liên hệ quản trị để đăng ký lại."
            )
        if status == 401:
            raise AuthRejected(
                "Máy chủ không chấp nhận thiết bị này ({code}). Hãy đăng ký lại thiết bị.",
                code=detail_code(response) or "401",
            )
        if status == 426:
            raise UpgradeRequired("Phiên bản kcdesk quá cũ so với máy chủ; hãy cập nhật. Dữ liệu được giữ nguyên.")
        return response


def dump_json(value: Any) -> bytes:
    """Compact UTF-8 JSON; orjson, or the json module for what orjson refuses (integers
    beyond 64 bits, which a server must be able to refuse by itself)."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


_TLS: ssl.SSLContext | None = None
_TLS_LOCK = threading.Lock()


def default_tls() -> ssl.SSLContext:
    """The system's trust store, loaded once per process: loading it cost ~17 ms for every
    cycle's client (httpx builds a context even for http://). A context is safe to share."""
    global _TLS
    with _TLS_LOCK:
        if _TLS is None:
            _TLS = ssl.create_default_context()
        return _TLS


def _head_bytes(raw: list[tuple[bytes, bytes]]) -> int:
    return sum(len(k) + len(v) + 4 for k, v in raw) + 2


def _certificate_error(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _certificate_failed(exc: BaseException) -> bool:
    return _certificate_error(exc) is not None


def _certificate_reason(exc: BaseException) -> str:
    found = _certificate_error(exc)
    return str(found.verify_message) if found is not None and found.verify_message else type(exc).__name__


def detail(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    value = body.get("detail") if isinstance(body, dict) else None
    return value if isinstance(value, dict) else {}


def expect_ok(response: httpx.Response) -> httpx.Response:
    """The response when it is a 200; else the server's refusal as a SyncError."""
    if response.status_code != 200:
        info = detail(response)
        raise SyncError(
            "Máy chủ từ chối yêu cầu ({code}): {reason}",
            code=info.get("code", response.status_code),
            reason=info.get("message", ""),
        )
    return response


def detail_code(response: httpx.Response) -> str | None:
    code = detail(response).get("code")
    return str(code) if code else None


def parse(response: httpx.Response, parser: Callable[[bytes], Any]) -> Any:
    """Parse a 200 answer; a damaged body is a retryable protocol error."""
    try:
        return parser(response.content)
    except ValueError as exc:
        raise ProtocolError("Dữ liệu nhận từ máy chủ bị hỏng trên đường truyền; sẽ thử lại.") from exc
