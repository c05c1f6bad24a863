"""The dashboard pays out by the periodic report's rule (per proposal, khuyến công money:
advances plus payments until a settlement, then the settled amount), from the report's own
function."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from kcdesk.db.store import Store, get_meta
from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
from kcdesk.services.dashboard import dashboard_data
from kcdesk.services.proposals import BudgetInput, add_disbursement, create_proposal


def _proposal(store: Store, title: str) -> str:
    pid = store.write(
        lambda s: create_proposal(
            s,
            {
                "title": title,
                "level": "KCDP",
                "plan_year": 2026,
                "implementing_unit": "Trung tâm",
                "start_date": date(2026, 3, 1),
            },
            activities=["KC3.3"],
            budget=[BudgetInput("Máy", kc_amount=300_000_000, counterpart_amount=300_000_000, activity_code="KC3.3")],
        )
    )
    store.write(lambda s: s.execute(text("UPDATE proposal SET status = 'in_progress' WHERE id = :id"), {"id": pid}))
    return pid


def test_a_settlement_replaces_what_was_paid_never_adds_to_it(store: Store) -> None:
    a, b = _proposal(store, "Đề án A"), _proposal(store, "Đề án B")
    for pid, kind, amount, on in (
        (a, "tam_ung", 100_000_000, date(2026, 4, 10)),
        (a, "thanh_toan", 50_000_000, date(2026, 6, 5)),
        (b, "tam_ung", 80_000_000, date(2026, 5, 2)),
        (a, "quyet_toan", 120_000_000, date(2026, 10, 20)),  # less than paid: A ends at 120 (30 go back)
        (b, "quyet_toan", 200_000_000, date(2026, 11, 16)),  # more than paid: B becomes 200
    ):
        if kind == "quyet_toan":  # settled once the papers are in
            store.write(
                lambda s, pid=pid: s.execute(
                    text("UPDATE proposal SET status = 'settlement_submitted' WHERE id = :id"), {"id": pid}
                )
            )
        store.write(lambda s, pid=pid, kind=kind, amount=amount, on=on: add_disbursement(s, pid, kind, amount, on))
    with store.read() as s:
        data = dashboard_data(s, 2026)
        report = periodic_figures(s, PeriodicQuery(date(2026, 1, 1), date(2026, 12, 31), get_meta(s, "province_code")))
    assert data.paid_total == report.total.disbursed == 320_000_000
    assert sum(data.paid_by_month) == data.paid_total
    assert data.paid_by_month[3] == 100_000_000 and data.paid_by_month[4] == 80_000_000
    assert data.paid_by_month[5] == 50_000_000 and data.paid_by_month[9] == -30_000_000
    assert data.paid_by_month[10] == 120_000_000
    assert sum(data.paid_by_activity.values()) == data.paid_total
