"""The periodic report's figures from work done in the app: only khuyến công money counts,
stopped proposals leave the plan or keep what they received, reversals net out, settlement
lag and overdue items come from recorded dates, post-support from evaluations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kcdesk.db.store import Store
from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
from kcdesk.services import evaluations, facilities, money, proposals
from tests.followup import KC_BUDGET, accept, new_proposal, walk

YEAR = PeriodicQuery(date(2026, 1, 1), date(2026, 12, 1), "48")
H1 = PeriodicQuery(date(2026, 1, 1), date(2026, 6, 30), "48")


def figures(store: Store, query: PeriodicQuery = YEAR):  # type: ignore[no-untyped-def]
    with store.read() as s:
        return periodic_figures(s, query)


def pay(store: Store, pid: str, kind: str, amount: int, on: date, source: str = "kc") -> str:
    return store.write(lambda s: money.record_money(s, pid, kind, amount, on, fund_source=source))


def test_counterpart_money_never_inflates_the_execution_rate(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    pay(store, pid, "tam_ung", 50_000_000, date(2026, 3, 1))
    pay(store, pid, "thanh_toan", 250_000_000, date(2026, 3, 2), "doi_ung")
    pay(store, pid, "thanh_toan", 40_000_000, date(2026, 3, 3), "khac")
    fig = figures(store)
    assert (fig.total.plan, fig.total.disbursed) == (KC_BUDGET, 50_000_000)
    assert fig.total.execution_rate == Decimal("0.25")


def test_reversals_net_out_and_money_after_the_period_waits_for_its_period(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    wrong = pay(store, pid, "tam_ung", 90_000_000, date(2026, 3, 1))
    store.write(lambda s: money.reverse_money(s, wrong, date(2026, 3, 5)))
    pay(store, pid, "tam_ung", 60_000_000, date(2026, 3, 5))
    late_mistake = pay(store, pid, "thanh_toan", 30_000_000, date(2026, 6, 20))
    store.write(lambda s: money.reverse_money(s, late_mistake, date(2026, 7, 2)))
    pay(store, pid, "thanh_toan", 70_000_000, date(2026, 8, 1))
    # By 30/6 the June payment was on the books; its reversal came in July.
    assert figures(store, H1).total.disbursed == 60_000_000 + 30_000_000
    assert figures(store).total.disbursed == 60_000_000 + 70_000_000


def test_a_stopped_proposal_leaves_the_plan_unless_it_received_money(store: Store) -> None:
    never_paid, paid_then_stopped, running = (new_proposal(store) for _ in range(3))
    for pid in (never_paid, paid_then_stopped, running):
        walk(store, pid, "KCDP", "in_progress")
    pay(store, paid_then_stopped, "tam_ung", 80_000_000, date(2026, 3, 1))
    pay(store, paid_then_stopped, "thanh_toan", 30_000_000, date(2026, 3, 2), "doi_ung")
    pay(store, running, "tam_ung", 50_000_000, date(2026, 3, 1))
    for pid in (never_paid, paid_then_stopped):
        store.write(lambda s, p=pid: proposals.transition(s, p, "stop", role="so_reviewer", on=date(2026, 4, 1)))
    fig = figures(store)
    # The stopped one with money counts what it received, as plan and as disbursed.
    assert fig.total.proposals == 2
    assert fig.total.plan == KC_BUDGET + 80_000_000
    assert fig.total.disbursed == 50_000_000 + 80_000_000
    assert fig.total.counterpart == 220_000_000 + 30_000_000
    # Settled afterwards for less than it received, it still counts as stopped: its settlement.
    store.write(
        lambda s: proposals.transition(
            s, paid_then_stopped, "submit_settlement", role="accountant", on=date(2026, 5, 1)
        )
    )
    store.write(
        lambda s: money.settle_proposal(s, paid_then_stopped, {"kc": 75_000_000}, date(2026, 5, 10), role="so_reviewer")
    )
    fig = figures(store)
    assert (fig.total.proposals, fig.total.plan, fig.total.disbursed) == (2, KC_BUDGET + 75_000_000, 125_000_000)


def test_lag_overdue_and_post_support_come_from_recorded_dates(store: Store) -> None:
    fid = store.write(
        lambda s: facilities.create_facility(
            s, {"name": "Cơ sở mộc Kim Bồng", "facility_type": "hkd", "province_code": "48", "ward_code": "20194"}
        )
    )
    done = new_proposal(store, beneficiary=fid)
    walk(store, done, "KCDP", "in_progress")
    pay(store, done, "tam_ung", 100_000_000, date(2026, 3, 1))
    accept(store, done, on=date(2026, 4, 10))
    store.write(lambda s: proposals.transition(s, done, "submit_settlement", role="accountant", on=date(2026, 4, 20)))
    store.write(lambda s: money.settle_proposal(s, done, {"kc": 100_000_000}, date(2026, 5, 30), role="so_reviewer"))
    for values in (
        {"revenue_before": 800_000_000, "revenue_after": 1_000_000_000, "jobs_before": 10, "jobs_after": 13},
        {"revenue_after": 5_000_000_000, "jobs_before": 4, "jobs_after": 4, "machinery_in_use": False},
    ):
        store.write(
            lambda s, v=values: evaluations.save_evaluation(
                s,
                None,
                done,
                {"facility_id": fid, "evaluated_on": date(2026, 11, 20), "evaluator": "Phạm Thị Hoa"}
                | {"machinery_in_use": True}
                | v,
            )
        )
    silent = new_proposal(store)
    walk(store, silent, "KCDP", "in_progress")

    fig = figures(store)
    assert [(c.accepted_on, c.settled_on, c.lag_days) for c in fig.settlements] == [
        (date(2026, 4, 10), date(2026, 5, 30), 50)
    ]
    post = fig.post_support
    # The second form has no revenue before: it counts for jobs and use, not for revenue.
    assert (post.evaluations, post.revenue_pairs, post.revenue_before, post.revenue_after) == (
        2,
        1,
        800_000_000,
        1_000_000_000,
    )
    assert post.revenue_change == Decimal("0.25") and post.jobs_change == 3
    assert (post.in_use, post.not_in_use) == (1, 1)
    late = {(i.what, i.due): i.days_late for i in fig.overdue if i.code == proposals_code(store, silent)}
    # On 1/12 the November report (due 25/11) is the one still missing.
    assert late == {("Chậm báo cáo tiến độ hằng tháng", date(2026, 11, 25)): 6}


def proposals_code(store: Store, pid: str) -> str:
    with store.read() as s:
        return proposals.find_proposal(s, pid).code
