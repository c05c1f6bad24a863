"""Imported proposals count in the periodic report as typed ones do: the acceptances dated
in the period (with what they record), the settlements with their lag from acceptance, a
stopped proposal, the due list (a settled proposal's evaluation falls due)."""

from __future__ import annotations

from datetime import date

from proposal_cases import with_facilities, workbook_a, workbook_b

from kcdesk.exchange.proposal_import import import_proposals
from kcdesk.reports.periodic_data import PeriodicQuery, periodic_figures
from kcdesk.reports.periodic_text import outputs_sentence, settlement_sentence
from kcdesk.services.due import due_list


def test_imported_acceptances_and_settlements_are_counted_in_their_period(store, tmp_path):
    with_facilities(store, tmp_path)
    import_proposals(store, workbook_a(tmp_path))
    import_proposals(store, workbook_b(tmp_path), update=True)
    with store.read() as s:
        first = periodic_figures(s, PeriodicQuery(date(2026, 1, 1), date(2026, 6, 30), "48"))
        second = periodic_figures(s, PeriodicQuery(date(2026, 7, 1), date(2026, 12, 31), "48"))
        due = {(i.code, i.rule) for i in due_list(s, date(2027, 3, 1))}
    assert first.outputs.acceptances == 1  # KCQG-2026-02, accepted 30/05/2026
    assert first.settlements == []
    assert second.outputs.acceptances == 1 and second.outputs.machines_supplied == 1  # KCDP-2026-01, 15/07/2026
    lags = {(c.code, c.accepted_on, c.settled_on, c.lag_days) for c in second.settlements}
    assert lags == {
        ("KCDP-2026-01", date(2026, 7, 15), date(2026, 8, 20), 36),
        ("KCQG-2026-02", date(2026, 5, 30), date(2026, 9, 10), 103),
    }
    assert outputs_sentence(second).startswith("Trong kỳ đã nghiệm thu 1 đề án")
    assert settlement_sentence(second).startswith("Có 2 đề án quyết toán trong kỳ")
    # Settled on 20/08/2026 and 10/09/2026: the post-support evaluations fall due 180 days later.
    assert {("KCDP-2026-01", "danh_gia_sau_ho_tro"), ("KCQG-2026-02", "danh_gia_sau_ho_tro")} <= due
