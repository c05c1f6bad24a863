"""Assigning communes to a collaborator in the app (issue 11, "also known"): the centre's
leader or administrator assigns them on a laptop; the assignment is collaborator_commune
rows that sync like any record, and the server gives the collaborator exactly those
communes from the next sync. The collaborator cannot widen their own view."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import WARD_A, WARD_B, add_facility, facility
from hostile import HANOI_WARD

from kcdesk.ids import new_id
from tests.child_env import child_env


def kcdesk(db, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kcdesk.cli.main", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )


def _devices(server) -> list[dict]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kcdesk.server.cli",
            "devices",
            "--db",
            server.db.url,
            "--data",
            str(server.data_dir),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def test_communes_assigned_in_the_app_become_the_collaborators_view(server, device_factory):
    leader = device_factory("lanh-dao").enrol(server, role="admin", username="quan-tri")
    ctv = device_factory("ctv").enrol(server, role="collaborator", communes=[WARD_A], username="ctv-hoa")
    in_a = add_facility(leader, name="Cơ sở ở Hải Vân", ward=WARD_A)
    in_b = add_facility(leader, name="Cơ sở ở Liên Chiểu", ward=WARD_B)
    leader.sync()
    ctv.sync()
    assert facility(ctv, in_a) and facility(ctv, in_b) is None
    # the assignment the server's enrolment made is a row the leader's laptop has
    assert leader.rows("SELECT ward_code FROM collaborator_commune WHERE deleted_at IS NULL") == [(WARD_A,)]

    done = kcdesk(leader.path, "communes", "ctv-hoa", "--set", WARD_B)
    assert done.returncode == 0, done.stderr
    assert kcdesk(leader.path, "communes", "ctv-hoa").stdout.strip() == f"ctv-hoa: {WARD_B}"
    leader.sync()
    ctv.sync()
    assert facility(ctv, in_b) is not None and facility(ctv, in_a) is None  # the new view, the old one evicted
    assert json.loads(ctv.one("SELECT value FROM sync_kv WHERE key = 'grant'"))["communes"] == [WARD_B]
    assert [d["communes"] for d in _devices(server) if d["role"] == "collaborator"] == [[WARD_B]]


def test_a_collaborator_cannot_widen_its_own_view_and_foreign_communes_do_not_count(server, device_factory):
    leader = device_factory("lanh-dao").enrol(server, role="centre_leader", username="lanh-dao")
    ctv = device_factory("ctv").enrol(server, role="collaborator", communes=[WARD_A], username="ctv-lan")
    in_b = add_facility(leader, name="Cơ sở ở Liên Chiểu", ward=WARD_B)
    leader.sync()
    ctv.sync()

    refused = kcdesk(ctv.path, "communes", "ctv-lan", "--set", WARD_A, WARD_B)
    assert refused.returncode != 0 and "Chỉ lãnh đạo Trung tâm hoặc quản trị" in refused.stderr
    user_id = ctv.one("SELECT id FROM app_user WHERE username = 'ctv-lan'")
    ctv.execute(  # written into the file by hand, and pushed
        "INSERT INTO collaborator_commune (id, user_id, ward_code) VALUES (:id, :u, :w)",
        id=new_id(),
        u=user_id,
        w=WARD_B,
    )
    assert ctv.sync().rejected == 1  # the server does not take it
    ctv.sync()
    assert facility(ctv, in_b) is None

    wrong = kcdesk(leader.path, "communes", "ctv-lan", "--set", WARD_A, HANOI_WARD)
    assert wrong.returncode != 0 and "không thuộc" in wrong.stderr  # a Hà Nội commune for a Đà Nẵng collaborator
    leader.execute(  # forced in by hand: the server does not count it
        "INSERT INTO collaborator_commune (id, user_id, ward_code) VALUES (:id, :u, :w)",
        id=new_id(),
        u=user_id,
        w=HANOI_WARD,
    )
    leader.sync()
    ctv.sync()
    assert json.loads(ctv.one("SELECT value FROM sync_kv WHERE key = 'grant'"))["communes"] == [WARD_A]
