"""The demo province shows the whole follow-up spread, and its rows obey the rules the app
enforces: proposals at every step, money by fund source with a reversal, progress reports
(some late), acceptances, settlements and evaluations, late items in the due list."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import select

from kcdesk.db.models import Disbursement, PostSupportEvaluation, ProgressReport, Proposal
from kcdesk.db.store import Store
from kcdesk.domain import lifecycle, money
from kcdesk.domain.progress_reports import lateness
from kcdesk.services.due import follow_up_counts
from kcdesk.services.money import contract_signed_on
from kcdesk.services.sums import acceptance_dates, budget_sums, money_totals, settlement_dates, stopped_ids

TODAY = date(2026, 11, 27)  # the demo's "today"


def test_the_demo_has_a_proposal_at_every_step_and_the_whole_follow_up(demo_store: Store) -> None:
    with demo_store.read() as s:
        statuses = Counter(s.scalars(select(Proposal.status)))
        entries = s.scalars(select(Disbursement)).all()
        reports = s.scalars(select(ProgressReport)).all()
        evaluations = s.scalars(select(PostSupportEvaluation)).all()
        counts = follow_up_counts(s, TODAY)
    assert set(statuses) == set(lifecycle.STATUSES)
    assert {(e.kind, e.fund_source) for e in entries} >= {
        ("tam_ung", "kc"),
        ("thanh_toan", "kc"),
        ("quyet_toan", "kc"),
        ("thanh_toan", "doi_ung"),
    }
    assert any(e.reverses_id for e in entries)
    assert any(r.days_late for r in reports) and any(r.days_late == 0 for r in reports)
    for r in reports:
        late = lateness(r.period, r.submitted_on)
        assert (r.due_on, r.days_late) == (late.due_on, late.days_late)
    assert evaluations and all(e.evaluator and e.facility_id for e in evaluations)
    assert counts.progress_missing and counts.evaluations_overdue


def test_demo_money_obeys_the_guard_rails(demo_store: Store) -> None:
    with demo_store.read() as s:
        ids = select(Proposal.id)
        budgets = budget_sums(s, ids)
        totals = money_totals(s, ids)
        settled = settlement_dates(s)
        accepted = acceptance_dates(s)
        stopped = stopped_ids(s, ids)
        first_paid = {
            pid: min(e.paid_on for e in s.scalars(select(Disbursement).where(Disbursement.proposal_id == pid)))
            for pid in totals
        }
        signed = {pid: contract_signed_on(s, pid) for pid in totals}
        evaluated = {e.proposal_id: e.evaluated_on for e in s.scalars(select(PostSupportEvaluation))}
    assert stopped and any(totals.get(pid, {}).get("kc", money.SourceTotals("kc", 0)).disbursed == 0 for pid in stopped)
    for pid, by_source in totals.items():
        kc = by_source["kc"]
        assert kc.paid_out <= budgets[pid].kc, pid
        assert kc.settled is None or kc.settled <= budgets[pid].kc, pid
        assert signed[pid] is not None and first_paid[pid] >= signed[pid], pid
        assert first_paid[pid] <= TODAY
    for pid, on in settled.items():
        assert accepted[pid] <= on
    for pid, on in evaluated.items():
        assert settled[pid] <= on <= TODAY
