"""Money on a proposal: every guard rail refuses with its reason, beside its field, and
writes nothing; a mistake is cancelled by a reversing entry; settlement locks the money."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from kcdesk.db import audit_trail
from kcdesk.db.store import Store
from kcdesk.errors import LockedError, ValidationError
from kcdesk.services import money, proposals
from tests.followup import CONTRACT_SIGNED, COUNTERPART_BUDGET, KC_BUDGET, accept, footprint, new_proposal, walk


def refused(store: Store, write, field: str) -> str:  # type: ignore[no-untyped-def]
    """Run a write that must be refused on `field`; check nothing was written; the reason."""
    before = footprint(store)
    with pytest.raises(ValidationError) as err:
        store.write(write)
    assert field in err.value.fields, err.value.fields
    assert footprint(store) == before
    return err.value.fields[field].text()


def pay(kind: str, amount: object, on: date, source: str = "kc", pid: str = ""):  # type: ignore[no-untyped-def]
    return lambda s: money.record_money(s, pid, kind, amount, on, fund_source=source)  # type: ignore[arg-type]


def test_no_payment_before_the_contract_is_signed(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "approved")
    reason = refused(store, pay("tam_ung", 60_000_000, date(2026, 2, 1), pid=pid), "kind")
    assert "Chưa ký hợp đồng" in reason and "'Đã phê duyệt kế hoạch'" in reason
    # Counterpart money follows the same rule.
    refused(store, pay("thanh_toan", 10_000_000, date(2026, 2, 1), "doi_ung", pid), "kind")
    walk(store, pid, "KCDP", "contracted")
    # Once signed, not on a day before the signing either.
    reason = refused(store, pay("tam_ung", 60_000_000, CONTRACT_SIGNED - timedelta(days=1), pid=pid), "paid_on")
    assert "trước ngày ký hợp đồng 10/02/2026" in reason
    store.write(pay("tam_ung", 60_000_000, CONTRACT_SIGNED, pid=pid))


def test_khuyen_cong_payments_never_exceed_the_approved_budget(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    store.write(pay("tam_ung", 150_000_000, date(2026, 3, 1), pid=pid))
    reason = refused(store, pay("thanh_toan", 60_000_000, date(2026, 4, 1), pid=pid), "amount")
    assert "210.000.000 đồng" in reason and "200.000.000 đồng" in reason and "tối đa 50.000.000 đồng" in reason
    store.write(pay("thanh_toan", 50_000_000, date(2026, 4, 1), pid=pid))
    # Counterpart money is the facility's own: it may exceed its plan and never touches the cap.
    store.write(pay("thanh_toan", COUNTERPART_BUDGET + 30_000_000, date(2026, 4, 2), "doi_ung", pid))
    with store.read() as s:
        summary = money.money_summary(s, pid)
    assert summary.totals["kc"].paid_out == KC_BUDGET and summary.remaining_kc == 0
    assert summary.totals["doi_ung"].paid_out == COUNTERPART_BUDGET + 30_000_000
    assert [line.running_paid_out for line in summary.lines] == [150_000_000, 200_000_000, 250_000_000]


def test_amounts_are_positive_whole_dong_and_dates_not_in_the_future(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    for bad in (0, -5_000_000, 1.5, "12.000.000", True):
        assert "số nguyên đồng lớn hơn 0" in refused(store, pay("tam_ung", bad, date(2026, 3, 1), pid=pid), "amount")
    tomorrow = date.today() + timedelta(days=1)
    assert "chưa đến" in refused(store, pay("tam_ung", 1_000_000, tomorrow, pid=pid), "paid_on")
    assert "không hợp lệ" in refused(store, pay("tra_truoc", 1_000_000, date(2026, 3, 1), pid=pid), "kind")
    assert "không hợp lệ" in refused(
        store, pay("tam_ung", 1_000_000, date(2026, 3, 1), "ngan_sach", pid), "fund_source"
    )
    # The reasons are in English too, and the summary line names the field as people know it.
    with pytest.raises(ValidationError) as err:
        store.write(pay("tam_ung", 0, tomorrow, pid=pid))
    assert "Số tiền (đồng)" in err.value.text() and "Ngày" in err.value.text()
    assert "whole đồng" in err.value.text("en") and "Amount" in err.value.text("en")


def test_settlement_comes_after_acceptance_and_is_at_most_the_approved_amount(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    store.write(pay("tam_ung", 100_000_000, date(2026, 3, 1), pid=pid))
    reason = refused(store, pay("quyet_toan", 100_000_000, date(2026, 4, 1), pid=pid), "kind")
    assert "chỉ quyết toán sau khi nghiệm thu" in reason
    accept(store, pid, accepted_amount=180_000_000)
    store.write(lambda s: proposals.transition(s, pid, "submit_settlement", role="accountant", on=date(2026, 9, 25)))

    def settle(amount: object):  # type: ignore[no-untyped-def]
        return lambda s: money.settle_proposal(s, pid, {"kc": amount}, date(2026, 10, 5), role="so_reviewer")  # type: ignore[dict-item]

    assert "vượt kinh phí khuyến công được duyệt 200.000.000 đồng" in refused(store, settle(KC_BUDGET + 1), "amount")
    assert "đã nghiệm thu 180.000.000 đồng" in refused(store, settle(190_000_000), "amount")
    with store.read() as s:
        assert proposals.find_proposal(s, pid).status == "settlement_submitted"
    assert store.write(settle(175_000_000)) == "settled"
    with store.read() as s:
        summary = money.money_summary(s, pid)
        data = proposals.proposal_dict(s, proposals.find_proposal(s, pid))
    assert summary.locked and summary.totals["kc"].settled == 175_000_000
    assert summary.disbursed_kc == 175_000_000  # the settlement replaces what was paid out
    assert summary.remaining_kc == KC_BUDGET - 175_000_000  # the budget the settlement left unused
    assert data["history"][-1]["to"] == "settled" and data["history"][-1]["date"] == date(2026, 10, 5)


def test_a_mistake_is_reversed_never_edited_and_settled_money_is_locked(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    wrong = store.write(pay("tam_ung", 120_000_000, date(2026, 3, 1), pid=pid))
    back = store.write(lambda s: money.reverse_money(s, wrong, date(2026, 3, 3), note="Nhập nhầm số tiền"))
    store.write(pay("tam_ung", 100_000_000, date(2026, 3, 3), pid=pid))
    with store.read() as s:
        summary = money.money_summary(s, pid)
    assert [(line.amount, line.reverses_id, line.reversed_by) for line in summary.lines] == [
        (120_000_000, None, back),
        (-120_000_000, wrong, None),
        (100_000_000, None, None),
    ]
    assert summary.totals["kc"].advanced == 100_000_000 and summary.remaining_kc == 100_000_000

    assert "đã được đảo ngày 03/03/2026" in refused(
        store, lambda s: money.reverse_money(s, wrong, date(2026, 3, 4)), "reverses_id"
    )
    assert "bút toán đảo" in refused(store, lambda s: money.reverse_money(s, back, date(2026, 3, 4)), "reverses_id")
    with store.read() as s:
        third = summary.lines[2].id
    assert "trước ngày của khoản bị đảo" in refused(
        store, lambda s: money.reverse_money(s, third, date(2026, 3, 2)), "paid_on"
    )

    accept(store, pid)
    store.write(lambda s: proposals.transition(s, pid, "submit_settlement", role="accountant", on=date(2026, 9, 20)))
    store.write(lambda s: money.settle_proposal(s, pid, {"kc": 100_000_000}, date(2026, 10, 1), role="so_reviewer"))
    before = footprint(store)
    with pytest.raises(LockedError, match="quyết toán và khóa"):
        store.write(lambda s: money.reverse_money(s, third, date(2026, 10, 2)))
    with pytest.raises(LockedError):
        store.write(pay("thanh_toan", 1_000_000, date(2026, 10, 2), pid=pid))
    # Not even raw SQL edits a settled proposal's money in place.
    with pytest.raises(LockedError):
        store.write(lambda s: s.execute(text("UPDATE disbursement SET amount = 1 WHERE id = :i"), {"i": third}))
    assert footprint(store) == before


def test_every_money_write_is_audited_and_queued_for_sync(store: Store) -> None:
    pid = new_proposal(store)
    walk(store, pid, "KCDP", "in_progress")
    entry = store.write(pay("tam_ung", 50_000_000, date(2026, 3, 1), "kc", pid))
    store.write(lambda s: money.reverse_money(s, entry, date(2026, 3, 2)))
    with store.read() as s:
        entries = s.execute(
            text("SELECT id, op, row_id FROM audit_entry WHERE table_name = 'disbursement' ORDER BY id")
        ).all()
        # An insert's entry keeps no image (the compact form): the trail rebuilds it.
        images = audit_trail.insert_images(s.connection(), [(i, "disbursement", r) for i, _, r in entries])
        audit = [(op, images[i]["amount"], images[i]["fund_source"]) for i, op, _ in entries]
        queued = s.execute(text("SELECT count(*) FROM sync_outbox WHERE table_name = 'disbursement'")).scalar_one()
    assert audit == [("insert", 50_000_000, "kc"), ("insert", -50_000_000, "kc")]
    assert queued == 2
