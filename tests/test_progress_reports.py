"""Monthly progress reports (Mẫu 3a): filing one clears that month's due item, a late one
keeps its days late, and every bad report is refused beside its field with nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kcdesk.db.store import Store
from kcdesk.errors import ValidationError
from kcdesk.services import progress_reports as svc
from kcdesk.services.due import due_list
from tests.followup import footprint, new_proposal, walk


def progress_due(store: Store, today: date) -> list[tuple[date, bool]]:
    with store.read() as s:
        return [(i.due, i.overdue) for i in due_list(s, today) if i.rule == "bao_cao_tien_do"]


def file(store: Store, pid: str, **values: object) -> str:
    return store.write(lambda s: svc.file_progress_report(s, pid, values, today=date(2026, 6, 30)))


def test_filing_clears_the_due_item_and_a_late_report_keeps_its_days_late(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    assert progress_due(store, date(2026, 5, 10)) == [(date(2026, 4, 25), True)]
    file(
        store,
        pid,
        period="04/2026",
        submitted_on=date(2026, 5, 12),
        completed_pct="35,5",
        spent=60_000_000,
        outputs="Đã lắp đặt 1/2 máy",
        issues="Chậm giao thiết bị",
        recommendations="Gia hạn 1 tháng",
    )
    assert progress_due(store, date(2026, 5, 10)) == [(date(2026, 5, 25), False)]
    file(store, pid, period="2026-05", submitted_on=date(2026, 5, 24), completed_pct=70)
    assert progress_due(store, date(2026, 5, 26)) == []
    with store.read() as s:
        reports = svc.progress_reports(s, pid)
    assert [(r["period"], r["due_on"], r["days_late"], r["late"]) for r in reports] == [
        ("2026-04", date(2026, 4, 25), 17, True),
        ("2026-05", date(2026, 5, 25), 0, False),
    ]
    assert reports[0]["completed_pct"] == Decimal("35.5") and reports[0]["recommendations"] == "Gia hạn 1 tháng"


def test_a_filed_report_is_corrected_in_place_and_its_lateness_worked_out_again(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    rid = file(store, pid, period="2026-04", submitted_on=date(2026, 5, 12))
    store.write(lambda s: svc.update_progress_report(s, rid, {"submitted_on": date(2026, 4, 24), "spent": 5}))
    with store.read() as s:
        (report,) = svc.progress_reports(s, pid)
    assert (report["days_late"], report["spent"]) == (0, 5)


@pytest.mark.parametrize(
    ("values", "field", "reason"),
    [
        ({"period": "13/2026", "submitted_on": date(2026, 5, 1)}, "period", "dạng mm/yyyy"),
        ({"period": "07/2026", "submitted_on": date(2026, 5, 1)}, "period", "chưa đến"),
        ({"period": "2026-04", "submitted_on": None}, "submitted_on", "Hãy nhập ngày nộp"),
        ({"period": "2026-04", "submitted_on": date(2026, 3, 31)}, "submitted_on", "trước tháng được báo cáo"),
        ({"period": "2026-04", "submitted_on": date(2026, 7, 1)}, "submitted_on", "chưa đến"),
        ({"period": "2026-04", "submitted_on": date(2026, 5, 1), "completed_pct": 120}, "completed_pct", "0 đến 100"),
        ({"period": "2026-04", "submitted_on": date(2026, 5, 1), "spent": -1}, "spent", "không âm"),
    ],
)
def test_bad_reports_are_refused_beside_their_field(store: Store, values: dict, field: str, reason: str) -> None:  # type: ignore[type-arg]
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    before = footprint(store)
    with pytest.raises(ValidationError) as err:
        file(store, pid, **values)
    assert reason in err.value.fields[field].text()
    assert footprint(store) == before


def test_one_report_a_month_and_only_while_the_proposal_is_under_way(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "contracted")
    before = footprint(store)
    with pytest.raises(ValidationError) as err:
        file(store, pid, period="2026-02", submitted_on=date(2026, 2, 20))
    assert "'Đã ký hợp đồng'" in err.value.fields["status"].text() and footprint(store) == before
    walk(store, pid, "KCDP", "in_progress")
    file(store, pid, period="2026-03", submitted_on=date(2026, 3, 20))
    before = footprint(store)
    with pytest.raises(ValidationError) as err:
        file(store, pid, period="03/2026", submitted_on=date(2026, 3, 21))
    assert "đã có báo cáo (nộp ngày 20/03/2026)" in err.value.fields["period"].text()
    assert footprint(store) == before
