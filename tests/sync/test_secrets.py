"""Case 8 of issue 11: reading the server's database is not enough to forge a token.

The key that signs access tokens lives in a file only the server's account can read (or
in an environment variable), never in the database; a server that kept it there moves it
out at start-up without invalidating tokens already handed out. The SQLite database file
and the folders the server makes are owner-only.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time

import httpx
import pytest
from conftest import Database, ServerProcess
from hostile import enrolled_tokens
from sqlalchemy import text

from kcdesk.server.auth import _sign
from kcdesk.server.token_secret import FILE_NAME


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _hello(server, access_token: str) -> int:
    answer = httpx.post(f"{server.url}/sync/v1/hello", json={}, headers={"Authorization": f"Bearer {access_token}"})
    return answer.status_code


def _meta(server) -> dict[str, str]:
    with server.admin().engine.connect() as conn:
        return dict(conn.execute(text("SELECT key, value FROM server_meta")).all())


@pytest.fixture
def fresh_folder_server(backend, tmp_path):
    """A server whose data folder does not exist yet: the server makes it."""
    folder = tmp_path / "kcdesk-server-data"
    db = Database(backend, tmp_path)
    if backend == "sqlite":
        db.url = f"sqlite:///{folder / 'kcdesk-server.db'}"
    server = ServerProcess(db, folder).start()
    yield server
    server.close()
    db.drop()


def test_the_key_is_outside_the_database_and_everything_is_owner_only(fresh_folder_server, backend):
    server = fresh_folder_server
    device = enrolled_tokens(server)
    assert _hello(server, device["access_token"]) == 200
    meta = _meta(server)
    assert set(meta) == {"server_epoch"}  # nothing in the database signs anything
    expires = int(time.time()) + 600
    for guess in [*meta.values(), ""]:  # whatever the database holds, it forges nothing
        forged = f"{device['device_id']}.{expires}.{_sign(guess, device['device_id'], expires)}"
        assert _hello(server, forged) == 401
    folder = server.data_dir
    key = folder / FILE_NAME
    assert _mode(key) == 0o600 and len(key.read_text().strip()) >= 32
    for made in (folder, folder / "blobs", folder / "uploads", folder / "snapshots"):
        assert _mode(made) & 0o077 == 0, made
    if backend == "sqlite":
        database = folder / "kcdesk-server.db"
        for each in (database, database.with_name(database.name + "-wal")):
            assert each.exists() and _mode(each) == 0o600, each


def test_a_server_that_kept_its_key_in_the_database_moves_it_out_and_tokens_stay_good(server, backend):
    device = enrolled_tokens(server)
    server.stop()
    key = server.data_dir / FILE_NAME
    secret = key.read_text().strip()
    with server.admin().engine.begin() as conn:  # the layout of a server from before this change
        conn.execute(text("INSERT INTO server_meta (key, value) VALUES ('token_secret', :v)"), {"v": secret})
    key.unlink()
    if backend == "sqlite":
        database = server.data_dir / "server.db"
        os.chmod(database, 0o644)  # as older servers left it
    server.start()
    assert _hello(server, device["access_token"]) == 200  # signed before the move, still good
    assert "token_secret" not in _meta(server)
    assert key.read_text().strip() == secret and _mode(key) == 0o600
    if backend == "sqlite":
        assert _mode(database) == 0o600


def test_the_key_can_come_from_the_environment_and_a_weak_one_is_refused(server_factory, monkeypatch):
    strong = "k" * 20 + os.urandom(16).hex()
    monkeypatch.setenv("KCDESK_SERVER_TOKEN_SECRET", strong)  # the server, and this test's admin side
    server = server_factory()
    device = enrolled_tokens(server)
    expires = int(time.time()) + 600
    signed = f"{device['device_id']}.{expires}.{_sign(strong, device['device_id'], expires)}"
    assert _hello(server, signed) == 200
    assert not (server.data_dir / FILE_NAME).exists()

    weak = subprocess.run(
        [sys.executable, "-m", "kcdesk.server.cli", "serve", "--db", server.db.url, "--data", str(server.data_dir)],
        env={**os.environ, "KCDESK_SERVER_TOKEN_SECRET": "ngan-qua"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert weak.returncode == 2
    assert "KCDESK_SERVER_TOKEN_SECRET" in weak.stderr and "ít nhất 32" in weak.stderr
    assert "Traceback" not in weak.stderr
