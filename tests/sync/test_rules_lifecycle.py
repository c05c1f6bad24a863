"""Issue 11, case 3: the proposal lifecycle holds on the server.

A status change is judged from the STORED proposal (its status and its level, not a level
sent along), by the roles of the step and its `needs` against the stored records; a new
proposal starts as a draft; a signature is the server's. The whole honest path, made with
the app's own services on laptops of the right roles, goes through without one refusal.
"""

from __future__ import annotations

from datetime import date

from rawdevice import RawDevice, proposal_values

from kcdesk.db.models import PostSupportEvaluation
from kcdesk.db.store import get_meta
from kcdesk.ids import new_id
from kcdesk.services.acceptances import create_acceptance, sign_acceptance
from kcdesk.services.proposals import create_proposal, transition


def _status(server, pid: str) -> str:
    from sqlalchemy import text

    with server.admin().engine.connect() as conn:
        return str(conn.execute(text("SELECT status FROM proposal WHERE id = :id"), {"id": pid}).scalar_one())


def test_a_new_proposal_starts_as_a_draft(server):
    staff = RawDevice(server)
    for status in ("approved", "settled", "ministry_appraised"):
        pid, outcome = staff.insert("proposal", proposal_values(status=status))
        assert outcome["code"] == "initial_status" and "Dự thảo" in outcome["message"].format(**outcome["params"])
        assert staff.one("proposal", pid, values={"title": "x"}, base_version=1)["code"] == "not_found"
    assert staff.insert("proposal", proposal_values())[1]["status"] == "applied"


def test_the_level_sent_with_a_status_does_not_choose_the_steps(server):
    """A Sở reviewer may not approve a KCQG proposal by calling it KCĐP in the same change,
    nor by changing the level first; staff may not set it back afterwards either."""
    admin = RawDevice(server, role="admin")
    pid = admin.insert("proposal", proposal_values(level="KCQG", status="base_appraised"))[0]
    so = RawDevice(server, role="so_reviewer")
    together = so.one("proposal", pid, values={"status": "approved", "level": "KCDP"}, base_version=1)
    assert together["status"] == "rejected" and together["code"] == "invalid_transition"
    first_level = so.one("proposal", pid, values={"level": "KCDP"}, base_version=1)
    assert first_level["code"] == "level_fixed"
    assert _status(server, pid) == "base_appraised"
    # The step the level does allow is still there, for the role it belongs to.
    assert so.one("proposal", pid, values={"status": "submitted_to_ministry"}, base_version=1)["status"] == "applied"


def test_a_step_belongs_to_its_roles(server):
    admin = RawDevice(server, role="admin")
    pid = admin.insert("proposal", proposal_values(level="KCDP", status="base_appraised"))[0]
    staff = RawDevice(server)
    refused = staff.one("proposal", pid, values={"status": "approved"}, base_version=1)
    assert refused["code"] == "transition_role" and "Cán bộ thẩm định Sở Công Thương" in refused["params"]["roles"]
    assert _status(server, pid) == "base_appraised"


def test_needs_are_checked_against_the_stored_records(server):
    admin = RawDevice(server, role="admin")
    staff = RawDevice(server)
    settled = admin.insert("proposal", proposal_values(status="settled"))[0]
    refused = staff.one("proposal", settled, values={"status": "evaluated"}, base_version=1)
    assert refused["code"] == "requirement_missing" and "phiếu đánh giá" in refused["params"]["requirement"]
    running = admin.insert("proposal", proposal_values(status="in_progress"))[0]
    not_yet = staff.one("proposal", running, values={"status": "accepted"}, base_version=1)
    assert not_yet["code"] == "requirement_missing"

    # An unsigned acceptance record does not count; a deleted evaluation does not either.
    acc = staff.insert("acceptance", {"proposal_id": running, "accepted_on": "2026-10-01", "conclusion": "dat"})[0]
    assert staff.one("proposal", running, values={"status": "accepted"}, base_version=1)["code"] == (
        "requirement_missing"
    )
    ev = staff.insert("post_support_evaluation", {"proposal_id": settled, "evaluated_on": "2026-11-01"})[0]
    staff.one("post_support_evaluation", ev, "delete", base_version=1)
    assert staff.one("proposal", settled, values={"status": "evaluated"}, base_version=1)["code"] == (
        "requirement_missing"
    )

    # Signing needs a number and a member; the server stamps who and when, whoever is named.
    unsigned = staff.one("acceptance", acc, values={"signed_at": "2026-10-02T08:00:00.000Z"}, base_version=1)
    assert unsigned["code"] == "rule_broken" and unsigned["params"]["field"] == "number"
    staff.one("acceptance", acc, values={"number": "12/BB-TTKC"}, base_version=1)
    staff.insert("acceptance_member", {"acceptance_id": acc, "full_name": "Lê Văn Năm", "role": "chu_tri"})
    someone_else = new_id()
    signed = staff.one(
        "acceptance", acc, values={"signed_at": "2020-01-01T00:00:00.000Z", "signed_by": someone_else}, base_version=2
    )
    assert signed["status"] == "applied"
    assert signed["row"]["signed_by"] == staff.user["id"] and signed["row"]["signed_at"] > "2026"

    # Both changes in one batch, in order: the evaluation is there when the step is judged.
    batch = staff.push(
        staff.mutation(
            "post_support_evaluation", new_id(), "insert", {"proposal_id": settled, "evaluated_on": "2026-11-02"}
        ),
        staff.mutation("proposal", settled, values={"status": "evaluated"}, base_version=1),
        staff.mutation("proposal", running, values={"status": "accepted"}, base_version=1),
    )
    assert [o["status"] for o in batch] == ["applied"] * 3
    assert (_status(server, settled), _status(server, running)) == ("evaluated", "accepted")


def test_the_whole_path_made_in_the_app_goes_through(server, device_factory):
    """Each step on the laptop of the role the lifecycle names, synced in between."""
    staff = device_factory("staff").enrol(server, role="centre_staff")
    so = device_factory("so").enrol(server, role="so_reviewer")
    leader = device_factory("leader").enrol(server, role="centre_leader")
    laptops = (staff, so, leader)
    pid = staff.write(
        lambda s: create_proposal(
            s,
            {
                "title": "Hỗ trợ máy dệt thổ cẩm",
                "level": "KCDP",
                "plan_year": 2026,
                "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
                "province_code": "48",
            },
        )
    )

    def step(laptop, action: str, role: str) -> None:
        laptop.sync()
        laptop.write(lambda s: transition(s, pid, action, role=role, on=date(2026, 6, 1)))
        report = laptop.sync()
        assert report.rejected == 0, laptop.service.dead_letters()

    step(staff, "submit", "centre_staff")
    step(so, "appraise", "so_reviewer")
    step(so, "approve_local", "so_reviewer")
    step(leader, "sign_contract", "centre_leader")
    step(leader, "start", "centre_leader")
    staff.sync()
    members = [{"full_name": "Lê Văn Năm", "role": "chu_tri"}]
    values = {"accepted_on": date(2026, 9, 1), "conclusion": "dat", "number": "12/BB-TTKC"}
    acc = staff.write(lambda s: create_acceptance(s, pid, values, members=members))
    staff.write(lambda s: sign_acceptance(s, acc, get_meta(s, "current_user_id")))
    step(staff, "accept", "centre_staff")
    step(leader, "submit_settlement", "centre_leader")
    step(so, "settle", "so_reviewer")
    staff.sync()
    staff.write(lambda s: s.add(PostSupportEvaluation(id=new_id(), proposal_id=pid, evaluated_on=date(2026, 12, 1))))
    step(staff, "evaluate", "centre_staff")

    assert _status(server, pid) == "evaluated"
    for laptop in laptops:
        laptop.sync()
        assert laptop.service.dead_letters() == [] and laptop.pending() == 0
        assert laptop.one("SELECT status FROM proposal WHERE id = :id", id=pid) == "evaluated"
        assert laptop.one("SELECT count(*) FROM proposal_status_event WHERE proposal_id = :id", id=pid) == 9
        signer = laptop.one("SELECT signed_by FROM acceptance WHERE id = :id", id=acc)
        assert signer == staff.one("SELECT value FROM app_meta WHERE key = 'current_user_id'")
