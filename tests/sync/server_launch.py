"""Sync-test servers forked from a parent that has already imported the server.

A fresh `python -m kcdesk.server.cli serve` spends about a second importing FastAPI,
uvicorn, SQLAlchemy and the server before it reads its arguments, and the sync tests start
some 300 servers. So each pytest process keeps one multiprocessing forkserver that imports
those modules once, and forks every server from it. The child then becomes what
`subprocess.Popen(..., start_new_session=True, stdout=DEVNULL)` made: its own process group
(tests kill the whole group), the environment the test gave, stdout on /dev/null, and
stderr in a file that ServerProcess reads when the server dies before it is ready.

KCDESK_TEST_SERVER_SPAWN=1 starts every server as a fresh interpreter again, to rule the
fork out when a test misbehaves.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import multiprocessing
import multiprocessing.context
import multiprocessing.forkserver
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import weakref
from pathlib import Path

SPAWN_ENV = "KCDESK_TEST_SERVER_SPAWN"
PROCESS_NAME = "kcdesk-server"

# What a server imports before and while it answers: imported once in the forkserver, so a
# forked server starts with them. Only module imports run there: no threads, connections or
# sockets exist before the fork (a module missing here is imported by the child as usual).
PRELOAD = (
    "kcdesk.server.cli",
    "kcdesk.server.app",
    "kcdesk.server.service",
    "kcdesk.cli.common",  # the CLI's argument parser
    "uvicorn",
    "uvicorn.supervisors",  # --workers N
    "uvicorn.lifespan.on",  # what uvicorn.Config.load picks on this machine
    "uvicorn.loops.auto",
    "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.h11_impl",
    "anyio._backends._asyncio",
    "psycopg",  # a PostgreSQL server's first connection
    "sqlalchemy.dialects.postgresql.psycopg",
    "kcdesk.db.alembic_config",  # a laptop-layout snapshot makes a client database
    "alembic.command",
    "alembic.runtime.migration",
    "alembic.script",
)

# Read by the interpreter as it starts, so a forked child keeps the forkserver's values: a
# server whose environment differs in one of them is started as a fresh interpreter.
_STARTUP_NAME = re.compile(r"PYTHON[A-Z0-9]+|LANG|LC_ALL|LC_CTYPE")

_start_lock = threading.Lock()
_forkserver_env: dict[str, str] | None = None


def _forkserver_context() -> multiprocessing.context.ForkServerContext:
    """The forkserver, started (with the server's modules imported) by the first call."""
    global _forkserver_env
    context = multiprocessing.get_context("forkserver")
    assert isinstance(context, multiprocessing.context.ForkServerContext)
    with _start_lock:
        if _forkserver_env is None:
            context.set_forkserver_preload(list(PRELOAD))
            multiprocessing.forkserver.ensure_running()
            _forkserver_env = dict(os.environ)  # what the forkserver's interpreter started with
    return context


def _startup_settings(env: dict[str, str]) -> dict[str, str]:
    return {name: value for name, value in env.items() if _STARTUP_NAME.fullmatch(name) and name != "PYTHONPATH"}


def can_fork(env: dict[str, str]) -> bool:
    """Whether a forked server would run as a fresh `python -m kcdesk.server.cli` with `env` would."""
    if os.environ.get(SPAWN_ENV) == "1" or "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    # The child gets this process's sys.path, which must already hold the PYTHONPATH given.
    if any(entry and entry not in sys.path for entry in env.get("PYTHONPATH", "").split(os.pathsep)):
        return False
    started_with = _forkserver_env if _forkserver_env is not None else dict(os.environ)
    return _startup_settings(env) == _startup_settings(started_with)


class ForkedServer:
    """The part of subprocess.Popen that ServerProcess uses, for a server forked from the forkserver.
    Return codes read as Popen's: 137 from a fault point's os._exit(137), -9 after SIGKILL, -15
    (or 0, as uvicorn exits) after SIGTERM."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        # Not in the server's data folder: some tests have the server make that folder.
        handle, name = tempfile.mkstemp(prefix=f"{PROCESS_NAME}-", suffix=".stderr")
        os.close(handle)
        self.stderr_path = Path(name)
        weakref.finalize(self, _remove, self.stderr_path)  # read only while this object lives
        self._process = _forkserver_context().Process(target=_run_server, args=(argv, env, name), name=PROCESS_NAME)
        self._process.start()
        self.pid: int = self._process.pid or 0

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self._process.exitcode

    def wait(self, timeout: float | None = None) -> int:
        self._process.join(timeout)
        code = self._process.exitcode
        if code is None:
            raise subprocess.TimeoutExpired(f"{PROCESS_NAME} (pid {self.pid})", timeout or 0)
        return code

    def terminate(self) -> None:
        self._process.terminate()

    def stderr_text(self) -> str:
        try:
            return self.stderr_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:  # removed already
            return ""


def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


def _redirect(fd: int, path: str, flags: int) -> None:
    opened = os.open(path, flags, 0o600)
    os.dup2(opened, fd)
    os.close(opened)


def _stdin_on_descriptor_0() -> None:
    """multiprocessing gives the child a /dev/null stdin on a new descriptor, but uvicorn's
    --workers hands sys.stdin.fileno() to its worker processes, which inherit only 0, 1 and 2
    (each worker died on a bad descriptor and was started again, for ever)."""
    if sys.stdin is not None and not sys.stdin.closed and sys.stdin.fileno() != 0:
        os.close(sys.stdin.fileno())  # multiprocessing opened it with closefd=False
    _redirect(0, os.devnull, os.O_RDONLY)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115  (open for the life of the process)


def _run_server(argv: list[str], env: dict[str, str], stderr_path: str) -> None:
    """The forked child: becomes the server the test asked for, then exits with its code."""
    os.setsid()  # first, so a kill of the group finds it as soon as possible
    os.environ.clear()
    os.environ.update(env)
    time.tzset()  # a fresh interpreter would have read TZ from this environment
    _stdin_on_descriptor_0()
    _redirect(1, os.devnull, os.O_WRONLY)
    _redirect(2, stderr_path, os.O_WRONLY | os.O_TRUNC)
    # The server ends its start with gc.collect() and gc.freeze(); the modules imported in the
    # forkserver are long-lived, so frozen now their collection pass (~0.1 s) skips them.
    gc.freeze()
    from kcdesk.server import cli

    sys.argv = [str(cli.__file__), *argv]
    try:
        code = cli.main(argv)
    finally:
        # multiprocessing ends the child with os._exit, which skips what an interpreter
        # runs as it exits (logging's flush among them).
        atexit._run_exitfuncs()
    sys.exit(code)  # multiprocessing makes SystemExit's code the exit code


@atexit.register
def _kill_forgotten_servers() -> None:
    """A server a test left running: killed with its group, as multiprocessing would otherwise
    wait for it forever when this pytest process exits."""
    for child in multiprocessing.active_children():
        if child.name == PROCESS_NAME and child.pid:
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                os.killpg(child.pid, signal.SIGKILL)
