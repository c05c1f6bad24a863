"""The proposal lifecycle: who may do what, in which order, with dated steps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kcdesk.db.store import Store
from kcdesk.domain import lifecycle
from kcdesk.errors import LockedError, PermissionDenied, TransitionError
from kcdesk.services import acceptances, proposals
from kcdesk.services.proposals import BudgetInput

KCQG_PATH = [
    ("submit", "centre_staff", "registered"),
    ("appraise", "so_reviewer", "base_appraised"),
    ("submit_to_ministry", "so_reviewer", "submitted_to_ministry"),
    ("ministry_appraise", "ministry", "ministry_appraised"),
    ("approve", "ministry", "approved"),
    ("sign_contract", "centre_leader", "contracted"),
    ("start", "accountant", "in_progress"),
    ("accept", "so_reviewer", "accepted"),
    ("submit_settlement", "accountant", "settlement_submitted"),
    ("settle", "so_reviewer", "settled"),
]


def new_proposal(store: Store, level: str = "KCQG") -> str:
    return store.write(
        lambda s: proposals.create_proposal(
            s,
            {
                "title": "Hỗ trợ ứng dụng máy ép gạch không nung",
                "level": level,
                "plan_year": 2026,
                "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
            },
            activities=["KC3.3"],
            budget=[
                BudgetInput("Máy ép gạch", kc_amount=200_000_000, counterpart_amount=220_000_000, activity_code="KC3.3")
            ],
        )
    )


def sign_acceptance(store: Store, pid: str, conclusion: str = "dat") -> str:
    aid = store.write(
        lambda s: acceptances.create_acceptance(
            s,
            pid,
            {
                "accepted_on": date(2026, 10, 20),
                "number": "05/BB-TTKC",
                "conclusion": conclusion,
                "approved_kc_amount": 200_000_000,
                "accepted_amount": 200_000_000,
            },
            members=[{"full_name": "Lê Văn Bình", "role": "chu_tri", "position": "Phó Giám đốc Sở"}],
        )
    )
    store.write(lambda s: acceptances.sign_acceptance(s, aid, store.user_id))
    return aid


def test_walk_from_draft_to_settled_and_evaluated(store: Store) -> None:
    pid = new_proposal(store)
    for i, (action, role, expected) in enumerate(KCQG_PATH):
        if action == "accept":
            sign_acceptance(store, pid)
        day = date(2025, 4, 1) + timedelta(days=40 * i)
        assert store.write(lambda s, a=action, r=role, d=day: proposals.transition(s, pid, a, role=r, on=d)) == expected
    with store.read() as s:
        data = proposals.proposal_dict(s, proposals.find_proposal(s, pid))
    assert data["status"] == "settled"
    assert [h["to"] for h in data["history"]] == [e for _, _, e in KCQG_PATH]
    assert all(h["date"] for h in data["history"])
    # A settled proposal is locked: its budget can no longer change, even by raw SQL.
    from sqlalchemy import text

    with pytest.raises(LockedError):
        store.write(
            lambda s: s.execute(text("UPDATE budget_line SET kc_amount = 1 WHERE proposal_id = :p"), {"p": pid})
        )
    with pytest.raises(TransitionError, match="phiếu đánh giá sau hỗ trợ"):
        store.write(lambda s: proposals.transition(s, pid, "evaluate", role="centre_staff"))


def test_illegal_transition_names_current_status_and_allowed_steps(store: Store) -> None:
    pid = new_proposal(store)
    with pytest.raises(TransitionError) as err:
        store.write(lambda s: proposals.transition(s, pid, "settle", role="admin"))
    message = err.value.text()
    assert "'Dự thảo'" in message
    assert "Nộp hồ sơ đăng ký (→ Đã đăng ký)" in message
    english = err.value.text("en")
    assert "Draft" in english and "Submit" in english


def test_role_may_not_fire_another_roles_step(store: Store) -> None:
    pid = new_proposal(store)
    store.write(lambda s: proposals.transition(s, pid, "submit", role="centre_staff"))
    with pytest.raises(PermissionDenied, match="Cộng tác viên khuyến công"):
        store.write(lambda s: proposals.transition(s, pid, "appraise", role="collaborator"))
    with store.read() as s:
        assert proposals.find_proposal(s, pid).status == "registered"


def test_kcdp_skips_the_ministry(store: Store) -> None:
    pid = new_proposal(store, "KCDP")
    store.write(lambda s: proposals.transition(s, pid, "submit", role="centre_staff"))
    store.write(lambda s: proposals.transition(s, pid, "appraise", role="so_reviewer"))
    assert [t.action for t in lifecycle.next_steps("base_appraised", "KCDP")] == ["return", "reject", "approve_local"]
    with pytest.raises(TransitionError):
        store.write(lambda s: proposals.transition(s, pid, "submit_to_ministry", role="so_reviewer"))
    assert store.write(lambda s: proposals.transition(s, pid, "approve_local", role="so_reviewer")) == "approved"


def test_acceptance_needs_a_signed_record_with_the_right_conclusion(store: Store) -> None:
    pid = new_proposal(store, "KCDP")
    for action, role in (
        ("submit", "centre_staff"),
        ("appraise", "so_reviewer"),
        ("approve_local", "so_reviewer"),
        ("sign_contract", "centre_leader"),
        ("start", "accountant"),
    ):
        store.write(lambda s, a=action, r=role: proposals.transition(s, pid, a, role=r))
    with pytest.raises(TransitionError, match="biên bản nghiệm thu đã ký"):
        store.write(lambda s: proposals.transition(s, pid, "accept", role="so_reviewer"))
    sign_acceptance(store, pid, "dat_mot_phan")
    with pytest.raises(TransitionError):
        store.write(lambda s: proposals.transition(s, pid, "accept", role="so_reviewer"))
    assert (
        store.write(lambda s: proposals.transition(s, pid, "accept_partially", role="so_reviewer"))
        == "partially_accepted"
    )


def test_steps_cannot_go_back_in_time(store: Store) -> None:
    pid = new_proposal(store)
    store.write(lambda s: proposals.transition(s, pid, "submit", role="centre_staff", on=date(2025, 5, 10)))
    with pytest.raises(TransitionError, match="sớm hơn bước trước"):
        store.write(lambda s: proposals.transition(s, pid, "appraise", role="so_reviewer", on=date(2025, 5, 1)))


def test_every_status_is_reachable_and_every_transition_is_labelled() -> None:
    reachable = {"draft"}
    for _ in range(len(lifecycle.STATUSES)):
        for t in lifecycle.TRANSITIONS:
            if t.sources & reachable:
                reachable.add(t.target)
    assert reachable == set(lifecycle.STATUSES)
    assert all(t.label and t.roles for t in lifecycle.TRANSITIONS)
