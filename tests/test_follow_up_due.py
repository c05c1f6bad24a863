"""The due list and the overview count the follow-up work: progress reports still missing
this month (and late ones), evaluations falling due after settlement."""

from __future__ import annotations

from datetime import date, timedelta

from kcdesk.db.store import Store
from kcdesk.services import money, proposals
from kcdesk.services.due import follow_up_counts
from kcdesk.services.overview import overview
from kcdesk.services.progress_reports import file_progress_report
from tests.followup import accept, new_proposal, walk


def test_missing_progress_reports_and_evaluations_due_are_counted(store: Store) -> None:
    reporting, silent, settled = (new_proposal(store) for _ in range(3))
    for pid in (reporting, silent, settled):
        walk(store, pid, "KCDP", "in_progress")
    for period, on in (("2026-04", date(2026, 4, 20)), ("2026-05", date(2026, 5, 3))):
        store.write(lambda s, p=period, d=on: file_progress_report(s, reporting, {"period": p, "submitted_on": d}))
    store.write(lambda s: money.record_money(s, settled, "tam_ung", 50_000_000, date(2026, 3, 1)))
    accept(store, settled, on=date(2026, 3, 10))
    store.write(
        lambda s: proposals.transition(s, settled, "submit_settlement", role="accountant", on=date(2026, 3, 15))
    )
    store.write(lambda s: money.settle_proposal(s, settled, {"kc": 50_000_000}, date(2026, 3, 20), role="so_reviewer"))

    with store.read() as s:
        may = follow_up_counts(s, date(2026, 5, 10))
        later = follow_up_counts(s, date(2026, 3, 20) + timedelta(days=181))
        seen = overview(s, date(2026, 5, 10))
    # In May, `silent` has reported neither April (overdue since 25/4) nor May; `reporting` has both.
    assert (may.progress_missing, may.progress_overdue) == (1, 1)
    assert (may.evaluations_due, may.evaluations_overdue) == (0, 0)
    assert (seen.progress_missing, seen.progress_overdue) == (1, 1)
    # 180 days after settlement the evaluation is overdue; both others still owe their reports.
    assert (later.evaluations_due, later.evaluations_overdue) == (1, 1)
    assert later.progress_missing == 2
