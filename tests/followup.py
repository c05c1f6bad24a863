"""Helpers for the follow-up tests (money, progress, acceptance, settlement, evaluation):
a proposal walked through its real lifecycle steps with the services, on given dates, and
a snapshot of what a refused write must leave untouched."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from kcdesk.db.store import Store
from kcdesk.domain import lifecycle
from kcdesk.services import acceptances, proposals
from kcdesk.services.proposals import BudgetInput

KC_BUDGET = 200_000_000
COUNTERPART_BUDGET = 220_000_000
# (action, role, date) from draft to in progress, per level.
STEPS = {
    "KCQG": [
        ("submit", "centre_staff", date(2025, 5, 10)),
        ("appraise", "so_reviewer", date(2025, 5, 25)),
        ("submit_to_ministry", "so_reviewer", date(2025, 6, 10)),
        ("ministry_appraise", "ministry", date(2025, 9, 1)),
        ("approve", "ministry", date(2025, 12, 20)),
        ("sign_contract", "centre_leader", date(2026, 2, 10)),
        ("start", "accountant", date(2026, 2, 20)),
    ],
    "KCDP": [
        ("submit", "centre_staff", date(2025, 11, 1)),
        ("appraise", "so_reviewer", date(2025, 11, 20)),
        ("approve_local", "so_reviewer", date(2025, 12, 15)),
        ("sign_contract", "centre_leader", date(2026, 2, 10)),
        ("start", "accountant", date(2026, 2, 20)),
    ],
}
CONTRACT_SIGNED = date(2026, 2, 10)
ACCEPTED_ON = date(2026, 9, 15)


def new_proposal(store: Store, level: str = "KCDP", *, beneficiary: str | None = None) -> str:
    return store.write(
        lambda s: proposals.create_proposal(
            s,
            {
                "title": "Hỗ trợ máy chế biến hải sản khô",
                "level": level,
                "plan_year": 2026,
                "implementing_unit": "Trung tâm Khuyến công Đà Nẵng",
            },
            activities=["KC3.3"],
            beneficiaries=[beneficiary] if beneficiary else [],
            budget=[
                BudgetInput(
                    "Máy sấy hải sản", kc_amount=KC_BUDGET, counterpart_amount=COUNTERPART_BUDGET, activity_code="KC3.3"
                )
            ],
        )
    )


def walk(store: Store, pid: str, level: str, until: str) -> None:
    """Take the lifecycle steps from where the proposal is up to the one reaching `until`."""
    with store.read() as s:
        status = proposals.find_proposal(s, pid).status
    for action, role, on in STEPS[level]:
        if status not in lifecycle.BY_ACTION[action].sources:
            continue
        status = store.write(lambda s, a=action, r=role, d=on: proposals.transition(s, pid, a, role=r, on=d))
        if status == until:
            return
    raise AssertionError(f"{until} is not on the way")


def accept(store: Store, pid: str, *, accepted_amount: int = KC_BUDGET, on: date = ACCEPTED_ON) -> str:
    """A signed 'Đạt' acceptance, then the 'accept' step on its date."""
    aid = store.write(
        lambda s: acceptances.create_acceptance(
            s,
            pid,
            {
                "accepted_on": on,
                "number": "07/BB-TTKC",
                "conclusion": "dat",
                "approved_kc_amount": KC_BUDGET,
                "accepted_amount": accepted_amount,
            },
            members=[{"full_name": "Lê Văn Bình", "role": "chu_tri", "position": "Phó Giám đốc Sở"}],
        )
    )
    store.write(lambda s: acceptances.sign_acceptance(s, aid, store.user_id))
    store.write(lambda s: proposals.transition(s, pid, "accept", role="so_reviewer", on=on))
    return aid


def footprint(store: Store) -> tuple[int, ...]:
    """Row counts that any write changes: money, reports, evaluations, events, audit, outbox."""
    with store.read() as s:
        return tuple(
            int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
            for t in (
                "disbursement",
                "progress_report",
                "post_support_evaluation",
                "proposal_status_event",
                "audit_entry",
                "sync_outbox",
            )
        )
