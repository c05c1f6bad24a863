"""Self-test step: a sync round trip through a real HTTP server on 127.0.0.1.

The server (kcdesk.server, the optional `server` extra) runs in this process under uvicorn
on a port the OS picks; two laptops' databases enrol with one-time codes, the first pushes
a facility and the second pulls it. Skipped when FastAPI or uvicorn is not installed.
"""

from __future__ import annotations

import importlib.util
import socket
import threading
from pathlib import Path
from typing import Any

from kcdesk.i18n import tr
from kcdesk.selftest import Skipped
from kcdesk.selftest.core_steps import PROVINCE, add_facility, check, new_store


class LocalServer:
    """kcdesk-server's app under uvicorn in a background thread; `with` starts and stops it."""

    def __init__(self, folder: Path) -> None:
        import uvicorn

        from kcdesk.server.app import create_app
        from kcdesk.server.service import ServerSettings

        folder.mkdir(parents=True, exist_ok=True)
        self.app = create_app(ServerSettings(url=f"sqlite:///{folder / 'server.db'}", data_dir=folder))
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, name="kcdesk-selftest-server", daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def code(self, laptop: str) -> str:
        """A one-time enrolment code for one person's laptop, as `kcdesk-server enroll` makes it."""
        return str(
            self.app.state.server.make_code(
                "centre_staff", PROVINCE, [], username=f"tu-kiem-tra-{laptop}", full_name=f"Tự kiểm tra {laptop}"
            )
        )

    def __enter__(self) -> LocalServer:
        self.thread.start()
        # uvicorn sets `started` once it listens; waiting on it is readiness, not a timing guess.
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError(tr("Máy chủ cục bộ không khởi động được."))
            threading.Event().wait(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.app.state.server.close()
        self.sock.close()


def server_extra_present() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("fastapi", "uvicorn"))


def sync_round_trip(folder: Path) -> str:
    if not server_extra_present():
        raise Skipped(tr("chưa cài phần máy chủ (pip install kcdesk[server])"))
    from kcdesk.sync.service import SyncService
    from kcdesk.sync.transport import RetryPolicy

    retry = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2)
    with LocalServer(folder / "server") as server:
        laptops: list[Any] = []
        try:
            for name in ("may-a", "may-b"):
                store = new_store(folder / f"{name}.db")
                laptops.append(store)
                SyncService(store, retry=retry).enrol(server.url, server.code(name), name)
            a, b = laptops
            fid = add_facility(a)
            sent = SyncService(a, retry=retry).run_cycle()
            received = SyncService(b, retry=retry).run_cycle()
            with b.read() as s:
                from sqlalchemy import text

                name = s.execute(text("SELECT name FROM facility WHERE id = :id"), {"id": fid}).scalar_one_or_none()
            status = SyncService(a).status()
        finally:
            for store in laptops:
                store.close()
    check(name is not None, "Máy B không nhận được cơ sở máy A gửi lên.")
    check(status.pending == 0, "Máy A còn {n} thay đổi chưa gửi.", n=status.pending)
    return tr(
        "máy chủ {url}: máy A gửi {pushed} thay đổi; máy B nhận {pulled} thay đổi, {snapshots} ảnh chụp dữ liệu",
        url=server.url,
        pushed=sent.pushed,
        pulled=received.pulled,
        snapshots=len(received.snapshots),
    )
