"""Deadlines as data: registration by 20 May, progress by the 25th, settlement papers within
15 days of acceptance, settlement by 22 January of the next year."""

from __future__ import annotations

from datetime import date

from kcdesk.db.store import Store
from kcdesk.services import proposals
from kcdesk.services.due import due_list
from tests.test_lifecycle import new_proposal, sign_acceptance


def codes(store: Store, today: date, horizon: int = 30) -> dict[str, tuple[date, bool]]:
    with store.read() as s:
        return {i.rule: (i.due, i.overdue) for i in due_list(s, today, horizon)}


def test_registration_deadline_is_20_may_of_the_year_before(store: Store) -> None:
    new_proposal(store)  # KCQG, plan year 2026, draft
    assert codes(store, date(2025, 5, 1)) == {"dang_ky_de_an": (date(2025, 5, 20), False)}
    assert codes(store, date(2025, 5, 21)) == {"dang_ky_de_an": (date(2025, 5, 20), True)}
    assert codes(store, date(2025, 3, 1)) == {}  # outside the 30-day horizon


def test_monthly_progress_by_the_25th_is_met_by_a_report(store: Store) -> None:
    pid = new_proposal(store, "KCDP")
    for action, role in (
        ("submit", "centre_staff"),
        ("appraise", "so_reviewer"),
        ("approve_local", "so_reviewer"),
        ("sign_contract", "centre_leader"),
        ("start", "accountant"),
    ):
        store.write(lambda s, a=action, r=role: proposals.transition(s, pid, a, role=r, on=date(2026, 3, 1)))
    assert codes(store, date(2026, 6, 10)) == {"bao_cao_tien_do": (date(2026, 5, 25), True)}
    store.write(lambda s: proposals.add_progress_report(s, pid, "2026-05", date(2026, 5, 24)))
    assert codes(store, date(2026, 6, 10)) == {"bao_cao_tien_do": (date(2026, 6, 25), False)}


def test_settlement_papers_15_days_after_acceptance_and_settlement_by_22_january(store: Store) -> None:
    pid = new_proposal(store, "KCDP")
    for action, role in (
        ("submit", "centre_staff"),
        ("appraise", "so_reviewer"),
        ("approve_local", "so_reviewer"),
        ("sign_contract", "centre_leader"),
        ("start", "accountant"),
    ):
        store.write(lambda s, a=action, r=role: proposals.transition(s, pid, a, role=r, on=date(2026, 3, 1)))
    sign_acceptance(store, pid)  # accepted on 20/10/2026
    store.write(lambda s: proposals.transition(s, pid, "accept", role="so_reviewer", on=date(2026, 10, 20)))
    got = codes(store, date(2026, 10, 25), horizon=120)
    assert got == {"ho_so_quyet_toan": (date(2026, 11, 4), False), "quyet_toan": (date(2027, 1, 22), False)}
    store.write(lambda s: proposals.transition(s, pid, "submit_settlement", role="accountant", on=date(2026, 11, 1)))
    assert codes(store, date(2027, 1, 23)) == {"quyet_toan": (date(2027, 1, 22), True)}
