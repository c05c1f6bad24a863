"""The walkthrough of docs/sync.md, through the command line: server, two devices, the same
facility edited offline on both, merged record and a conflict, resolved, both agree."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import add_facility, edit, facility
from sqlalchemy import text

from kcdesk.db.store import Store
from tests.child_env import child_env


def run(*args: str) -> str:
    env = child_env()
    done = subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


class Laptop:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.store: Store | None = None

    def __enter__(self) -> Laptop:
        self.store = Store.open(self.path)
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.store is not None
        self.store.close()


def kcdesk(db: Path, *args: str) -> str:
    return run("kcdesk.cli.main", "--db", str(db), *args)


def test_walkthrough(server, tmp_path):
    def server_cli(*args: str) -> str:
        return run("kcdesk.server.cli", "--db", server.db.url, "--data", str(server.data_dir), *args)

    a_db, b_db = tmp_path / "may-a.db", tmp_path / "may-b.db"
    people = {a_db: ("lan", "Nguyễn Thị Lan"), b_db: ("hung", "Trần Văn Hùng")}
    for db, (username, full_name) in people.items():
        kcdesk(db, "init")
        code = json.loads(
            server_cli(
                "enroll",
                "--province",
                "48",
                "--role",
                "centre_staff",
                "--username",
                username,
                "--full-name",
                full_name,
                "--json",
            )
        )["code"]
        kcdesk(db, "enroll", "--server", server.url, "--code", code)

    with Laptop(a_db) as a:
        fid = add_facility(a, name="HTX mây tre đan Cẩm Nê")
    kcdesk(a_db, "sync")
    kcdesk(b_db, "sync")

    with Laptop(a_db) as a:  # both offline: A fixes the phone and the representative
        edit(a, "facility", fid, phone="0236 3841 234", representative="Lê Văn Hùng")
    with Laptop(b_db) as b:  # B fixes the street and the representative differently
        edit(b, "facility", fid, street="Thôn Cẩm Nê", representative="Lê Văn Hưng")

    kcdesk(a_db, "sync")
    kcdesk(b_db, "sync")
    kcdesk(a_db, "sync")

    conflicts = json.loads(kcdesk(a_db, "sync", "conflicts", "--json"))
    assert len(conflicts) == 1 and conflicts[0]["fields"][0]["name"] == "representative"
    assert json.loads(kcdesk(b_db, "sync", "conflicts", "--json"))[0]["id"] == conflicts[0]["id"]
    with Laptop(a_db) as a:
        merged = facility(a, fid)
    assert (merged["phone"], merged["street"]) == ("0236 3841 234", "Thôn Cẩm Nê")  # both fields kept

    kcdesk(a_db, "sync", "resolve", conflicts[0]["id"], "edited", "--value", "representative=Lê Văn Hùng")
    kcdesk(a_db, "sync")
    kcdesk(b_db, "sync")
    rows = []
    for db in (a_db, b_db):
        with Laptop(db) as laptop:
            rows.append(facility(laptop, fid))
        assert json.loads(kcdesk(db, "sync", "conflicts", "--json")) == []
        assert json.loads(kcdesk(db, "sync", "status", "--json"))["pending"] == 0
    keep = ("name", "phone", "street", "representative", "row_version", "deleted_at")
    assert {k: rows[0][k] for k in keep} == {k: rows[1][k] for k in keep}
    assert rows[0]["representative"] == "Lê Văn Hùng"
    for db in (a_db, b_db):  # each laptop works as the person it was enrolled for; both know both
        with Laptop(db) as laptop:
            assert laptop.store is not None
            with laptop.store.read() as s:
                users = sorted(r[0] for r in s.execute(text("SELECT username FROM app_user")))
                current = s.execute(
                    text(
                        "SELECT u.username FROM app_meta AS m JOIN app_user AS u "
                        "ON u.id = m.value WHERE m.key = 'current_user_id'"
                    )
                ).scalar_one()
        assert users == ["hung", "lan"] and current == people[db][0]
