"""Real servers, real databases, real client stores for the sync tests.

The server runs as a separate process (`kcdesk-server serve --port 0`), so tests can kill
it at a fault point; it is ready when /health answers. It is forked from a parent that has
imported the server already (server_launch.py), unless the test gives its own launcher.
Each server gets its own database: a SQLite file in a temporary folder, or a throwaway
PostgreSQL database that is dropped afterwards. Every scenario runs against both backends.
"""

from __future__ import annotations

import os
import shutil
import signal
import ssl
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kcdesk.db.store import Store
from kcdesk.sync.service import SyncService
from kcdesk.sync.transport import RetryPolicy
from tests.sync.server_launch import ForkedServer, can_fork
from tests.sync.wire_cache_check import stale_wire_texts

PG_ADMIN_URL = os.environ.get("KCDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
FAST_RETRY = RetryPolicy(attempts=6, base_delay=0.05, max_delay=0.5)
_template_lock = threading.Lock()
CLI_MODULE = ["-m", "kcdesk.server.cli"]


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_ok() -> bool:
    return _pg_available()


class Database:
    """A throwaway server database (SQLite file or PostgreSQL database)."""

    def __init__(self, backend: str, folder: Path) -> None:
        self.backend = backend
        self.name = f"kcdesk_test_{uuid.uuid4().hex[:12]}"
        if backend == "sqlite":
            self.url = f"sqlite:///{folder / 'server.db'}"
        else:
            import psycopg

            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')
            base = PG_ADMIN_URL.rsplit("/", 1)[0]
            self.url = f"{base}/{self.name}"

    def drop(self) -> None:
        if self.backend == "postgres":
            import psycopg

            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class ServerProcess:
    def __init__(
        self,
        db: Database,
        data_dir: Path,
        env: dict[str, str] | None = None,
        tls: tuple[Path, Path, Path] | None = None,
        workers: int = 1,
        launcher: list[str] | None = None,
    ) -> None:
        self.db = db
        self.data_dir = data_dir
        self.env = dict(env or {})
        self.tls = tls  # (certificate chain, key, the CA that signed it)
        self.workers = workers
        self.launcher = launcher or CLI_MODULE  # or a script that wraps the CLI
        self.proc: subprocess.Popen[bytes] | ForkedServer | None = None
        self.port: int | None = None
        self._settings: Any = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, env: dict[str, str] | None = None, port: int | None = None) -> ServerProcess:
        if env is not None:
            self.env = dict(env)
        port_file = self.data_dir / f"port-{uuid.uuid4().hex[:6]}"
        full_env = {**os.environ, "KCDESK_SERVER_ACCESS_TTL": "900", **self.env}
        argv = [
            "serve",
            "--workers",
            str(self.workers),
            "--db",
            self.db.url,
            "--data",
            str(self.data_dir),
            "--port",
            str(port or self.port or 0),
            "--port-file",
            str(port_file),
            *(["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])] if self.tls else []),
        ]
        if self.launcher == CLI_MODULE and can_fork(full_env):  # the same server, without its second of imports
            self.proc = ForkedServer(argv, full_env)
        else:
            self.proc = subprocess.Popen(
                [sys.executable, *self.launcher, *argv],
                env=full_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,  # its own process group: a kill takes its worker processes too
            )
        self._wait_ready(port_file)
        return self

    def _stderr(self) -> str:
        if isinstance(self.proc, ForkedServer):
            return self.proc.stderr_text()
        return self.proc.stderr.read().decode() if self.proc and self.proc.stderr else ""

    def _wait_ready(self, port_file: Path) -> None:
        assert self.proc is not None
        for _ in range(6000):
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self._stderr()}")
            if port_file.exists() and port_file.read_text().strip():
                self.port = int(port_file.read_text())
                try:
                    verify: Any = ssl.create_default_context(cafile=str(self.tls[2])) if self.tls else True
                    if httpx.get(f"{self.url}/health", timeout=1, verify=verify).status_code == 200:
                        return
                except httpx.TransportError:
                    pass
            threading.Event().wait(0.02)  # polling the server's readiness, not a timed expectation
        raise RuntimeError("server did not become ready")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
        if self.proc:
            self.proc.wait()

    def wait_exit(self, timeout: float = 30) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()

    def admin(self) -> Any:
        """The server's own operations, in this process, on the same database."""
        from kcdesk.server.service import ServerSettings, SyncServer

        if self._settings is None:
            self._settings = SyncServer(ServerSettings(url=self.db.url, data_dir=self.data_dir))
        return self._settings

    def code(
        self,
        role: str = "centre_staff",
        province: str | None = "48",
        communes: list[str] | None = None,
        username: str | None = None,
        full_name: str | None = None,
    ) -> str:
        """A one-time code; each call makes a new person unless `username` names one."""
        username = username or f"nv-{role}-{uuid.uuid4().hex[:8]}"
        return str(self.admin().make_code(role, province, communes or [], username, full_name or f"Cán bộ {username}"))

    def close(self) -> None:
        self.stop()
        if self._settings is not None:
            self._settings.close()
        stale = stale_wire_texts(self.db.url)
        assert not stale, "kept wire forms differ from their rows:\n" + "\n".join(stale[:20])


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, pg_ok: bool) -> str:
    if request.param == "postgres" and not pg_ok:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is required in CI (scripts/postgres-up.sh)")
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    return str(request.param)


@pytest.fixture
def server_factory(backend: str, tmp_path: Path) -> Iterator[Any]:
    made: list[tuple[ServerProcess, Database]] = []

    def make(env: dict[str, str] | None = None, tls: tuple[Path, Path, Path] | None = None) -> ServerProcess:
        folder = tmp_path / f"server-{len(made)}"
        folder.mkdir()
        db = Database(backend, folder)
        server = ServerProcess(db, folder, env, tls)
        made.append((server, db))
        return server.start()

    yield make
    for server, db in made:
        server.close()
        db.drop()


@pytest.fixture
def server(server_factory: Any) -> ServerProcess:
    return server_factory()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    Store.open(path, create=True).close()
    return path


class Device:
    """One laptop: its own SQLite file and a SyncService over it."""

    def __init__(self, path: Path, template: Path) -> None:
        if os.environ.get("KCDESK_ENCRYPT") == "1":
            # An encrypted laptop (storage_mode "encrypted"): made new, with its own key file
            # and OS slot in this test's keyring; the shared template is plain.
            self.store = Store.open(path, create=True)
        else:
            shutil.copy(template, path)
            self.store = Store.open(path)
        self.path = path
        self.service = SyncService(self.store, retry=FAST_RETRY)

    def enrol(self, server: ServerProcess, via: Any = None, **grant: Any) -> Device:
        self.service.enrol(via.url if via is not None else server.url, server.code(**grant), self.path.stem)
        return self

    def sync(self) -> Any:
        return self.service.run_cycle()

    def write(self, fn: Any) -> Any:
        return self.store.write(fn)

    def execute(self, sql: str, **params: Any) -> None:
        from sqlalchemy import text

        self.store.write(lambda s: s.execute(text(sql), params))

    def rows(self, sql: str, **params: Any) -> list[Any]:
        from sqlalchemy import text

        with self.store.read() as s:
            return [tuple(r) for r in s.execute(text(sql), params)]

    def one(self, sql: str, **params: Any) -> Any:
        rows = self.rows(sql, **params)
        return rows[0][0] if rows else None

    def pending(self) -> int:
        return int(self.one("SELECT count(*) FROM sync_outbox"))

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def proxy(server: ServerProcess) -> Iterator[Any]:
    from faultproxy import FaultProxy

    p = FaultProxy(server.port or 0)
    yield p
    p.close()


def run_client_process(db_path: Path, faults: str = "", action: str = "sync") -> int:
    """One sync cycle in a separate process (so a fault point can really kill it)."""
    env = {**os.environ, "KCDESK_FAULTS": faults}
    script = Path(__file__).with_name("client_proc.py")
    return subprocess.run([sys.executable, str(script), str(db_path), action], env=env, timeout=120).returncode


@pytest.fixture
def device_factory(tmp_path: Path, template_db: Path) -> Iterator[Any]:
    made: list[Device] = []

    def make(name: str = "device") -> Device:
        device = Device(tmp_path / f"{name}-{len(made)}.db", template_db)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()
