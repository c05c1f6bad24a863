"""The rules the app and the sync server share (kcdesk.domain.record_rules): the same
answer on both sides, from plain rows. The server's side is tested in tests/sync."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.domain import record_rules
from kcdesk.errors import ValidationError
from kcdesk.services.proposal_edit import save_proposal
from kcdesk.services.proposals import transition

PROPOSAL = {
    "title": "Hỗ trợ máy sấy nông sản",
    "level": "KCQG",
    "plan_year": 2026,
    "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
}


def _problem(old: str | None, new: str, level: str, role: str, met: bool = True) -> str | None:
    problem = record_rules.status_change_problem(old, new, level, role, lambda _needs: met)
    return problem.code if problem else None


def test_a_status_change_is_judged_by_stored_status_level_role_and_needs() -> None:
    assert _problem(None, "draft", "KCDP", "centre_staff") is None
    assert _problem(None, "approved", "KCDP", "centre_staff") == "initial_status"
    assert _problem(None, "approved", "KCDP", "admin") == "initial_status"  # the administrator too
    assert _problem("base_appraised", "approved", "KCDP", "admin") is None  # who may take any step
    assert _problem("base_appraised", "approved", "KCDP", "so_reviewer") is None
    assert _problem("base_appraised", "approved", "KCQG", "so_reviewer") == "invalid_transition"
    assert _problem("base_appraised", "approved", "KCDP", "centre_staff") == "transition_role"
    assert _problem("settled", "evaluated", "KCDP", "centre_staff", met=False) == "requirement_missing"
    assert _problem("settled", "evaluated", "KCDP", "centre_staff") is None
    assert _problem("draft", "settled", "KCDP", "admin") == "invalid_transition"  # but only a step


def test_needs_count_live_records_only() -> None:
    signed = {"signed_at": "2026-09-01T00:00:00.000Z", "conclusion": "dat", "deleted_at": None}
    assert record_rules.requirement_met("signed_acceptance:dat", [signed], [])
    assert not record_rules.requirement_met("signed_acceptance:dat_mot_phan", [signed], [])
    assert not record_rules.requirement_met("signed_acceptance:dat", [{**signed, "signed_at": None}], [])
    assert not record_rules.requirement_met("signed_acceptance:dat", [{**signed, "deleted_at": "2026"}], [])
    assert record_rules.requirement_met("evaluation", [], [{"deleted_at": None}])
    assert not record_rules.requirement_met("evaluation", [], [{"deleted_at": "2026-12-01T00:00:00.000Z"}])


def test_a_history_entry_names_a_real_step_its_proposal_has_taken() -> None:
    event = {"action": "submit", "from_status": "draft", "to_status": "registered"}
    assert record_rules.status_event_problem(event, "registered") is None
    assert record_rules.status_event_problem(event, "draft") is not None  # not taken
    assert record_rules.status_event_problem({**event, "to_status": "approved"}, "approved") is not None


def test_the_app_keeps_the_level_once_the_proposal_is_registered(store: Store) -> None:
    pid = store.write(lambda s: save_proposal(s, None, PROPOSAL))
    store.write(lambda s: save_proposal(s, pid, {**PROPOSAL, "level": "KCDP"}))  # a draft may change it
    store.write(lambda s: transition(s, pid, "submit", role="centre_staff", on=date(2026, 3, 1)))
    with pytest.raises(ValidationError) as refused:
        store.write(lambda s: save_proposal(s, pid, {**PROPOSAL, "level": "KCQG"}))
    assert set(refused.value.fields) == {"level"} and "Trả lại để hoàn thiện" in refused.value.text("vi")
    with store.read() as s:
        assert s.execute(text("SELECT level FROM proposal WHERE id = :id"), {"id": pid}).scalar_one() == "KCDP"
    store.write(lambda s: save_proposal(s, pid, {**PROPOSAL, "level": "KCDP", "title": "Tên mới"}))  # same level
