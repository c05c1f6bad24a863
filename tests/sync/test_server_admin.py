"""The server's admin commands as an administrator types them: enrol, list, give a
collaborator communes, revoke by an id prefix; a revoked laptop gets nothing and keeps its
unsent changes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kcdesk.db.store import Store
from kcdesk.services.facilities import create_facility
from kcdesk.sync.errors import SyncError
from kcdesk.sync.service import SyncService
from tests.child_env import child_env


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
    env = child_env()
    done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, timeout=120)
    if ok:
        assert done.returncode == 0, done.stderr
    return done


def test_devices_assign_and_revoke(server, tmp_path):
    def admin(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        return run("kcdesk.server.cli", "--db", server.db.url, "--data", str(server.data_dir), *args, ok=ok)

    db = tmp_path / "ctv.db"
    run("kcdesk.cli.main", "--db", str(db), "init")
    code = json.loads(
        admin(
            "enroll",
            "--province",
            "48",
            "--role",
            "collaborator",
            "--username",
            "ctv1",
            "--full-name",
            "Hồ Văn Tài",
            "--communes",
            "20194",
            "--json",
        ).stdout
    )["code"]
    run("kcdesk.cli.main", "--db", str(db), "enroll", "--server", server.url, "--code", code)
    devices = json.loads(admin("devices", "--json").stdout)
    assert len(devices) == 1 and devices[0]["communes"] == ["20194"]
    device = devices[0]["id"]

    missing = admin("revoke", "zzzz", ok=False)
    assert missing.returncode == 1 and "zzzz" in missing.stderr
    assert "20197" in admin("assign", device[:8], "--communes", "20194", "20197").stdout
    assert json.loads(admin("devices", "--json").stdout)[0]["communes"] == ["20194", "20197"]

    assert device in admin("revoke", device[:8]).stdout
    assert json.loads(admin("devices", "--json").stdout)[0]["revoked_at"]
    with Store.open(db) as store:
        store.write(
            lambda s: create_facility(
                s, {"name": "Cơ sở đan lát Cẩm Hà", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
            )
        )
        service = SyncService(store)
        with pytest.raises(SyncError):
            service.run_cycle()
        status = service.status()
        assert status.revoked and status.pending > 0  # refused, and the change stays on the laptop
