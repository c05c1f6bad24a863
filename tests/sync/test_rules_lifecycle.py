"""Issue 11, case 3: the proposal lifecycle holds on the server.

A status change is judged from the STORED proposal (its status and its level, not a level
sent along), by the roles of the step and its `needs` against the stored records; a new
proposal starts as a draft; a signature is the server's. The whole honest path, made with
the app's own services on laptops of the right roles, goes through without one refusal.
"""

from __future__ import annotations

from datetime import date, timedelta

from rawdevice import RawDevice, proposal_values, steps_to

from kcdesk.db.store import get_meta
from kcdesk.ids import new_id
from kcdesk.services.acceptances import create_acceptance, sign_acceptance
from kcdesk.services.evaluations import save_evaluation
from kcdesk.services.money import record_money, settle_proposal
from kcdesk.services.progress_reports import file_progress_report
from kcdesk.services.proposals import BudgetInput, create_proposal, transition


def _status(server, pid: str) -> str:
    from sqlalchemy import text

    with server.admin().engine.connect() as conn:
        return str(conn.execute(text("SELECT status FROM proposal WHERE id = :id"), {"id": pid}).scalar_one())


def _version(server, pid: str) -> int:
    from sqlalchemy import text

    with server.admin().engine.connect() as conn:
        return int(conn.execute(text("SELECT row_version FROM proposal WHERE id = :id"), {"id": pid}).scalar_one())


def test_a_new_proposal_starts_as_a_draft(server):
    """Whoever makes it, the administrator too: every later status is a step."""
    for device in (RawDevice(server), RawDevice(server, role="admin")):
        for status in ("approved", "settled", "ministry_appraised"):
            pid, outcome = device.insert("proposal", proposal_values(status=status))
            assert outcome["code"] == "initial_status" and "Dự thảo" in outcome["message"].format(**outcome["params"])
            assert device.one("proposal", pid, values={"title": "x"}, base_version=1)["code"] == "not_found"
        assert device.insert("proposal", proposal_values())[1]["status"] == "applied"


def test_the_level_sent_with_a_status_does_not_choose_the_steps(server):
    """A Sở reviewer may not approve a KCQG proposal by calling it KCĐP in the same change,
    nor by changing the level first; staff may not set it back afterwards either."""
    admin = RawDevice(server, role="admin")
    pid = admin.proposal_at("base_appraised", "KCQG")
    so = RawDevice(server, role="so_reviewer")
    together = so.one("proposal", pid, values={"status": "approved", "level": "KCDP"}, base_version=1)
    assert together["status"] == "rejected" and together["code"] == "invalid_transition"
    first_level = so.one("proposal", pid, values={"level": "KCDP"}, base_version=1)
    assert first_level["code"] == "level_fixed"
    assert _status(server, pid) == "base_appraised"
    # The step the level does allow is still there, for the role it belongs to.
    submitted = so.one("proposal", pid, values={"status": "submitted_to_ministry"}, base_version=_version(server, pid))
    assert submitted["status"] == "applied"


def test_a_step_belongs_to_its_roles(server):
    admin = RawDevice(server, role="admin")
    pid = admin.proposal_at("base_appraised", "KCDP")
    staff = RawDevice(server)
    refused = staff.one("proposal", pid, values={"status": "approved"}, base_version=1)
    assert refused["code"] == "transition_role" and "Cán bộ thẩm định Sở Công Thương" in refused["params"]["roles"]
    assert _status(server, pid) == "base_appraised"


def _evaluation(proposal_id: str) -> dict:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    return {"proposal_id": proposal_id, "evaluated_on": yesterday, "evaluator": "Lê Thị Sáu, chuyên viên"}


def test_needs_are_checked_against_the_stored_records(server):
    admin = RawDevice(server, role="admin")
    staff = RawDevice(server)
    settled = admin.proposal_at("settled")
    refused = staff.one("proposal", settled, values={"status": "evaluated"}, base_version=1)
    assert refused["code"] == "requirement_missing" and "phiếu đánh giá" in refused["params"]["requirement"]
    running = admin.proposal_at("in_progress")
    not_yet = staff.one("proposal", running, values={"status": "accepted"}, base_version=1)
    assert not_yet["code"] == "requirement_missing"

    # An unsigned acceptance record does not count; a deleted evaluation does not either.
    acc = staff.insert("acceptance", {"proposal_id": running, "accepted_on": "2026-10-01", "conclusion": "dat"})[0]
    assert staff.one("proposal", running, values={"status": "accepted"}, base_version=1)["code"] == (
        "requirement_missing"
    )
    ev = staff.insert("post_support_evaluation", _evaluation(settled))[0]
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
    assert signed["row"]["signed_by"] == staff.user["id"] and signed["row"]["signed_at"] > "2020-01-01T00:00:00.000Z"

    # Both changes in one batch, in order: the evaluation is there when the step is judged.
    batch = staff.push(
        staff.mutation("post_support_evaluation", new_id(), "insert", _evaluation(settled)),
        staff.mutation("proposal", settled, values={"status": "evaluated"}, base_version=_version(server, settled)),
        staff.mutation("proposal", running, values={"status": "accepted"}, base_version=_version(server, running)),
    )
    assert [o["status"] for o in batch] == ["applied"] * 3
    assert (_status(server, settled), _status(server, running)) == ("evaluated", "accepted")


def test_the_whole_path_made_in_the_app_goes_through(server, device_factory):
    """Each step on the laptop of the role the lifecycle names, with the money, the monthly
    report, the acceptance record and the evaluation made by the app's own services, synced
    in between: the server refuses none of it."""
    staff = device_factory("staff").enrol(server, role="centre_staff")
    so = device_factory("so").enrol(server, role="so_reviewer")
    leader = device_factory("leader").enrol(server, role="centre_leader")
    laptops = (staff, so, leader)
    d0 = date.today() - timedelta(days=150)
    pid = staff.write(
        lambda s: create_proposal(
            s,
            {
                "title": "Hỗ trợ máy dệt thổ cẩm",
                "level": "KCDP",
                "plan_year": d0.year,
                "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
                "province_code": "48",
            },
            budget=[BudgetInput("Máy dệt", kc_amount=100_000_000, counterpart_amount=50_000_000)],
        )
    )

    def act(laptop, work) -> None:
        laptop.sync()
        laptop.write(work)
        report = laptop.sync()
        assert report.rejected == 0, laptop.service.dead_letters()

    def step(laptop, action: str, role: str, on: date) -> None:
        act(laptop, lambda s: transition(s, pid, action, role=role, on=on))

    step(staff, "submit", "centre_staff", d0)
    step(so, "appraise", "so_reviewer", d0)
    step(so, "approve_local", "so_reviewer", d0)
    step(leader, "sign_contract", "centre_leader", d0)
    step(leader, "start", "centre_leader", d0)
    act(leader, lambda s: record_money(s, pid, "tam_ung", 30_000_000, d0 + timedelta(days=1)))
    month = d0 + timedelta(days=30)
    act(staff, lambda s: file_progress_report(s, pid, {"period": month.strftime("%Y-%m"), "submitted_on": month}))
    members = [{"full_name": "Lê Văn Năm", "role": "chu_tri"}]
    values = {
        "accepted_on": d0 + timedelta(days=60),
        "conclusion": "dat",
        "number": "12/BB-TTKC",
        "approved_kc_amount": 100_000_000,
        "accepted_amount": 90_000_000,
    }
    acc = staff.write(lambda s: create_acceptance(s, pid, values, members=members))
    staff.write(lambda s: sign_acceptance(s, acc, get_meta(s, "current_user_id")))
    step(staff, "accept", "centre_staff", d0 + timedelta(days=60))
    step(leader, "submit_settlement", "centre_leader", d0 + timedelta(days=70))
    act(so, lambda s: settle_proposal(s, pid, {"kc": 90_000_000}, d0 + timedelta(days=80), role="so_reviewer"))
    evaluated = {"evaluated_on": d0 + timedelta(days=100), "evaluator": "Lê Thị Sáu", "revenue_after": 900}
    act(staff, lambda s: save_evaluation(s, None, pid, evaluated))
    step(staff, "evaluate", "centre_staff", d0 + timedelta(days=100))

    assert _status(server, pid) == "evaluated"
    for laptop in laptops:
        laptop.sync()
        assert laptop.service.dead_letters() == [] and laptop.pending() == 0
        assert laptop.one("SELECT status FROM proposal WHERE id = :id", id=pid) == "evaluated"
        assert laptop.one("SELECT count(*) FROM proposal_status_event WHERE proposal_id = :id", id=pid) == 9
        assert laptop.one("SELECT sum(amount) FROM disbursement WHERE proposal_id = :id", id=pid) == 120_000_000
        signer = laptop.one("SELECT signed_by FROM acceptance WHERE id = :id", id=acc)
        assert signer == staff.one("SELECT value FROM app_meta WHERE key = 'current_user_id'")


def test_money_is_judged_by_the_stored_ledger(server):
    """kcdesk.domain.money's rules, plugged into the rule book: nothing paid before the
    contract, khuyến công money within the approved budget, a written entry never edited."""
    admin = RawDevice(server, role="admin")
    pid = admin.insert("proposal", proposal_values())[0]
    admin.insert("budget_line", {"proposal_id": pid, "line_no": 1, "item": "Máy", "kc_amount": 10_000_000})
    leader = RawDevice(server, role="centre_leader")
    today = date.today().isoformat()
    early = leader.insert("disbursement", {"proposal_id": pid, "kind": "tam_ung", "amount": 1_000, "paid_on": today})
    assert early[1]["code"] == "rule_broken" and "Chưa ký hợp đồng" in early[1]["message"]
    for i, status in enumerate(steps_to("contracted", "KCDP")):
        assert admin.one("proposal", pid, values={"status": status}, base_version=1 + i)["status"] == "applied"
    too_much = leader.insert(
        "disbursement", {"proposal_id": pid, "kind": "tam_ung", "amount": 12_000_000, "paid_on": today}
    )[1]
    assert too_much["code"] == "rule_broken" and too_much["params"]["field"] == "amount"
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    future = leader.insert(
        "disbursement", {"proposal_id": pid, "kind": "tam_ung", "amount": 1_000, "paid_on": tomorrow}
    )
    assert future[1]["params"]["field"] == "paid_on"
    entry, made = leader.insert(
        "disbursement", {"proposal_id": pid, "kind": "tam_ung", "amount": 4_000_000, "paid_on": today}
    )
    assert made["status"] == "applied"
    edited = leader.one("disbursement", entry, values={"amount": 40_000_000}, base_version=1)
    assert edited["code"] == "rule_broken" and "khoản đảo" in edited["message"]
    wrong = leader.insert(
        "disbursement",
        {"proposal_id": pid, "kind": "tam_ung", "amount": -1, "paid_on": today, "reverses_id": entry},
    )[1]
    assert wrong["code"] == "rule_broken" and wrong["params"]["field"] == "amount"
    reversal = {"proposal_id": pid, "kind": "tam_ung", "amount": -4_000_000, "paid_on": today, "reverses_id": entry}
    assert leader.insert("disbursement", reversal)[1]["status"] == "applied"
    assert leader.insert("disbursement", reversal)[1]["code"] == "rule_broken"  # reversed once only
