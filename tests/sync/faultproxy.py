"""A TCP proxy between client and server with toxics changed at run time (the toxiproxy
model): latency, throttle, cut the request after N bytes, close before the response,
reset, flip a byte. Runs its own asyncio loop in a thread; tests arm toxics by name.

Toxics that target a request take a `match` (bytes the request must contain, such as
b"POST /sync/v1/push") and a count of how many times they fire.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Toxic:
    kind: str  # cut_request | close_before_response | flip_response | flip_request | reset
    match: bytes = b""
    times: int = 1
    after: int = 0  # bytes: cut/reset after this many request bytes
    fired: int = 0


@dataclass
class ProxyState:
    toxics: list[Toxic] = field(default_factory=list)
    latency: float = 0.0
    rate: float | None = None  # bytes per second, both ways
    reset_every: int | None = None  # request bytes per connection before a reset
    down: bool = False  # refuse new connections (a partition)


class FaultProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.state = ProxyState()
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self._ready.wait()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.server = self.loop.run_until_complete(asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = self.server.sockets[0].getsockname()[1]
        self._ready.set()
        self.loop.run_forever()

    def close(self) -> None:
        async def stop() -> None:
            self.server.close()

        asyncio.run_coroutine_threadsafe(stop(), self.loop).result()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)

    def arm(self, kind: str, match: bytes = b"", times: int = 1, after: int = 0) -> Toxic:
        toxic = Toxic(kind, match, times, after)
        self.state.toxics.append(toxic)
        return toxic

    def clear(self) -> None:
        self.state = ProxyState()

    def _take(self, kind: str, data: bytes, conn: dict[str, Any]) -> Toxic | None:
        for toxic in self.state.toxics:
            if toxic.kind != kind or toxic.fired >= toxic.times:
                continue
            if toxic.match and toxic.match not in data and toxic.match not in conn.get("request", b""):
                continue
            return toxic
        return None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.state.down:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.upstream_port)
        except OSError:
            writer.close()
            return
        conn: dict[str, Any] = {"sent": 0, "request": b""}
        done = asyncio.Event()

        def abort(reset: bool = False) -> None:
            if reset:
                sock = writer.get_extra_info("socket")
                if sock is not None:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.close()
            up_writer.close()
            done.set()

        async def upstream() -> None:
            while not done.is_set():
                data = await reader.read(16384)
                if not data:
                    break
                if data[:4] in (b"POST", b"GET ", b"PUT ", b"HEAD"):
                    conn["request"] = data[:200]
                if self.state.reset_every and conn["sent"] + len(data) > self.state.reset_every:
                    abort(reset=True)
                    return
                cut = self._take("cut_request", data, conn)
                if cut is not None and conn["sent"] + len(data) > cut.after:
                    cut.fired += 1
                    keep = max(0, cut.after - conn["sent"])
                    up_writer.write(data[:keep])
                    await up_writer.drain()
                    abort(reset=True)
                    return
                reset = self._take("reset", data, conn)
                if reset is not None:
                    reset.fired += 1
                    abort(reset=True)
                    return
                flip = self._take("flip_request", data, conn)
                if flip is not None and _body_span(data, REQUEST_STARTS):
                    flip.fired += 1
                    data = _flip(data, REQUEST_STARTS)
                conn["sent"] += len(data)
                await self._pace(len(data))
                up_writer.write(data)
                await up_writer.drain()
            done.set()

        async def downstream() -> None:
            while not done.is_set():
                data = await up_reader.read(16384)
                if not data:
                    break
                close = self._take("close_before_response", b"", conn)
                if close is not None:
                    close.fired += 1
                    abort()
                    return
                flip = self._take("flip_response", b"", conn)
                if flip is not None and _body_span(data, RESPONSE_STARTS):
                    flip.fired += 1
                    data = _flip(data, RESPONSE_STARTS)
                await self._pace(len(data))
                writer.write(data)
                await writer.drain()
            done.set()

        tasks = [asyncio.ensure_future(upstream()), asyncio.ensure_future(downstream())]
        try:
            await done.wait()
        finally:
            for task in tasks:
                task.cancel()
            for w in (writer, up_writer):
                with contextlib.suppress(Exception):
                    w.close()

    async def _pace(self, size: int) -> None:
        if self.state.latency:
            await asyncio.sleep(self.state.latency)
        if self.state.rate:
            await asyncio.sleep(size / self.state.rate)


REQUEST_STARTS = (b"POST ", b"GET ", b"PUT ", b"HEAD ", b"DELETE ", b"PATCH ")
RESPONSE_STARTS = (b"HTTP/",)


def _body_span(data: bytes, starts: tuple[bytes, ...]) -> tuple[int, int] | None:
    """Where this piece of the stream carries message body: after the blank line when it
    starts a message, all of it otherwise. Only body bytes are flipped: a flipped header
    (a Content-Length digit, a CR) leaves both ends waiting for bytes that never come,
    which tests the keep-alive timeout instead of the hash checks."""
    begin = 0
    if data.startswith(starts):
        end_of_headers = data.find(b"\r\n\r\n")
        if end_of_headers < 0:
            return None
        begin = end_of_headers + 4
    return (begin, len(data)) if len(data) - begin >= 16 else None


def _flip(data: bytes, starts: tuple[bytes, ...]) -> bytes:
    """Flip one bit of a byte in the middle of the body part of this piece."""
    span = _body_span(data, starts)
    assert span is not None
    position = (span[0] + span[1]) // 2
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :]
