"""Money on a proposal as a ledger, and the rules an entry must pass (pure, no database).

A proposal's money is a list of entries: tạm ứng (advance) and thanh toán (payment) are
money paid out; quyết toán (settlement) states the final approved total, which replaces
what was paid out rather than adding to it. Each entry names its fund source (khuyến
công funds, counterpart, other). A mistaken entry is never edited: a reversing entry
with the amount negated cancels it, and both stay in the trail.

The desktop (window, command line, import) and the sync server call the same functions
here, so they refuse the same entries with the same reasons:
- amounts are whole đồng above zero; dates are not in the future;
- nothing is paid out before the contract is signed (by status, and by the signing date
  when it is recorded);
- khuyến công money paid out never exceeds the approved khuyến công budget;
- a settlement comes after acceptance (or a stop) and never exceeds the approved
  khuyến công budget, nor the amount the signed acceptance accepted;
- a reversal cancels one live entry, once, on or after its date.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from kcdesk.domain.lifecycle import status_label
from kcdesk.domain.vnformat import day, money
from kcdesk.domain.vocab import DISBURSEMENT_KINDS, FUND_SOURCES, PAID_OUT_KINDS
from kcdesk.errors import FieldMessage
from kcdesk.i18n import label

KC = "kc"
MONEY_LABELS: dict[str, str] = {
    "kind": "Loại khoản",
    "fund_source": "Nguồn kinh phí",
    "amount": "Số tiền (đồng)",
    "paid_on": "Ngày",
    "document_number": "Số chứng từ",
    "note": "Ghi chú",
    "reverses_id": "Khoản bị đảo",
}
# Statuses in which money may be paid out: once the contract is signed, and not after
# settlement. An advance belongs to the work itself; a payment may also follow
# acceptance or a stop (the work done is paid).
ADVANCE_STATUSES = frozenset({"contracted", "in_progress", "adjustment_requested"})
PAYMENT_STATUSES = ADVANCE_STATUSES | {"stopped", "accepted", "partially_accepted", "settlement_submitted"}
SETTLEMENT_STATUSES = frozenset({"stopped", "accepted", "partially_accepted", "settlement_submitted"})
LOCKED_STATUSES = frozenset({"settled", "evaluated"})


@dataclass(frozen=True)
class Entry:
    """One money row as plain data; `amount` is negative on a reversing entry."""

    id: str
    kind: str
    fund_source: str
    amount: int
    paid_on: date
    reverses_id: str | None = None


@dataclass(frozen=True)
class MoneyFacts:
    """What the rules need to know about one proposal."""

    status: str
    budget: Mapping[str, int]  # fund source -> approved amount (sum of its budget lines)
    entries: Sequence[Entry] = ()
    contract_signed_on: date | None = None  # date of the sign_contract step, when recorded
    accepted_kc: int | None = None  # khuyến công support accepted by the last signed acceptance


@dataclass(frozen=True)
class SourceTotals:
    """Totals of one fund source, reversals netted out."""

    source: str
    budget: int
    advanced: int = 0
    paid: int = 0
    settled: int | None = None  # None: not settled

    @property
    def paid_out(self) -> int:
        return self.advanced + self.paid

    @property
    def remaining(self) -> int:
        """Approved budget not used: not yet paid out, or once settled, not settled (negative
        only for data entered before the rules)."""
        return self.budget - self.disbursed

    @property
    def disbursed(self) -> int:
        """What the figures count as disbursed: the settled total once there is one, else
        what was paid out (a settlement replaces the payments, it is not added to them)."""
        return self.settled if self.settled is not None else self.paid_out


def live_entries(entries: Iterable[Entry]) -> list[Entry]:
    """Entries that still count: neither reversed nor a reversal."""
    entries = list(entries)
    reversed_ids = {e.reverses_id for e in entries if e.reverses_id}
    return [e for e in entries if not e.reverses_id and e.id not in reversed_ids]


def totals(entries: Iterable[Entry], budget: Mapping[str, int]) -> dict[str, SourceTotals]:
    """Per fund source (every source, in FUND_SOURCES order): budget, advanced, paid, settled."""
    sums: dict[str, dict[str, int]] = {s: {} for s in FUND_SOURCES}
    for e in entries:
        bucket = sums.setdefault(e.fund_source, {})
        bucket[e.kind] = bucket.get(e.kind, 0) + e.amount
    out: dict[str, SourceTotals] = {}
    for source, by_kind in sums.items():
        settled = by_kind.get("quyet_toan")
        has_settlement = any(e.fund_source == source and e.kind == "quyet_toan" for e in live_entries(entries))
        out[source] = SourceTotals(
            source,
            int(budget.get(source, 0)),
            by_kind.get("tam_ung", 0),
            by_kind.get("thanh_toan", 0),
            settled if has_settlement else None,
        )
    return out


def running_paid_out(entries: Sequence[Entry]) -> list[int | None]:
    """For each entry, in the order given, its fund source's total paid out after it;
    None on settlement rows (they state a total of their own)."""
    paid: dict[str, int] = {}
    out: list[int | None] = []
    for e in entries:
        if e.kind in PAID_OUT_KINDS:
            paid[e.fund_source] = paid.get(e.fund_source, 0) + e.amount
            out.append(paid[e.fund_source])
        else:
            out.append(None)
    return out


def _date_problem(on: date | None, today: date) -> FieldMessage | None:
    if on is None:
        return FieldMessage("Hãy nhập ngày.")
    if on > today:
        return FieldMessage(
            "Ngày {on} chưa đến (hôm nay là {today}); chỉ ghi khoản đã thực hiện.", on=day(on), today=day(today)
        )
    return None


def amount_problem(amount: object) -> FieldMessage | None:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        return FieldMessage("Số tiền phải là số nguyên đồng lớn hơn 0 (ví dụ 12.500.000).")
    return None


def entry_problems(
    facts: MoneyFacts, kind: str, fund_source: str, amount: object, paid_on: date | None, today: date
) -> dict[str, FieldMessage]:
    """Every reason to refuse a new advance, payment or settlement. Empty: it may be written.
    (A settled proposal is refused earlier, as locked.)"""
    problems: dict[str, FieldMessage] = {}
    if kind not in DISBURSEMENT_KINDS:
        problems["kind"] = FieldMessage(
            "Loại khoản '{value}' không hợp lệ; chọn: {allowed}.",
            value=kind,
            allowed=", ".join(f"{k} ({v})" for k, v in DISBURSEMENT_KINDS.items()),
        )
    if fund_source not in FUND_SOURCES:
        problems["fund_source"] = FieldMessage(
            "Nguồn kinh phí '{value}' không hợp lệ; chọn: {allowed}.",
            value=fund_source,
            allowed=", ".join(f"{k} ({v})" for k, v in FUND_SOURCES.items()),
        )
    bad_amount = amount_problem(amount)
    if bad_amount:
        problems["amount"] = bad_amount
    bad_date = _date_problem(paid_on, today)
    if bad_date:
        problems["paid_on"] = bad_date
    if "kind" in problems:
        return problems
    status = label(status_label(facts.status))
    if kind in PAID_OUT_KINDS:
        allowed = ADVANCE_STATUSES if kind == "tam_ung" else PAYMENT_STATUSES
        if facts.status not in allowed:
            if facts.status in PAYMENT_STATUSES:  # an advance after the work is done
                problems["kind"] = FieldMessage(
                    "Đề án đang ở trạng thái '{status}': không tạm ứng nữa, hãy ghi khoản thanh toán.", status=status
                )
            else:
                problems["kind"] = FieldMessage(
                    "Chưa ký hợp đồng: đề án đang ở trạng thái '{status}'. Chỉ tạm ứng, thanh toán sau khi ký "
                    "hợp đồng (bước 'Ký hợp đồng / giao nhiệm vụ').",
                    status=status,
                )
    elif facts.status not in SETTLEMENT_STATUSES:
        problems["kind"] = FieldMessage(
            "Đề án đang ở trạng thái '{status}': chỉ quyết toán sau khi nghiệm thu (hoặc khi đã ngừng thực hiện).",
            status=status,
        )
    if "paid_on" not in problems and paid_on and facts.contract_signed_on and paid_on < facts.contract_signed_on:
        problems["paid_on"] = FieldMessage(
            "Ngày {on} trước ngày ký hợp đồng {signed}; không chi trước khi ký hợp đồng.",
            on=day(paid_on),
            signed=day(facts.contract_signed_on),
        )
    if "amount" in problems or "fund_source" in problems or "kind" in problems:
        return problems
    assert isinstance(amount, int)
    now = totals(facts.entries, facts.budget)[fund_source]
    if kind in PAID_OUT_KINDS and fund_source == KC and now.paid_out + amount > now.budget:
        problems["amount"] = FieldMessage(
            "Tổng tạm ứng và thanh toán từ kinh phí khuyến công sẽ là {total}, vượt kinh phí khuyến công được "
            "duyệt {budget}; còn được chi tối đa {remaining}.",
            total=money(now.paid_out + amount),
            budget=money(now.budget),
            remaining=money(max(now.budget - now.paid_out, 0)),
        )
    if kind == "quyet_toan":
        if now.settled is not None:
            problems["kind"] = FieldMessage(
                "Đề án đã có khoản quyết toán {source} {amount}; nếu ghi sai, hãy đảo khoản đó trước.",
                source=label(FUND_SOURCES[fund_source]),
                amount=money(now.settled),
            )
        elif fund_source == KC and amount > now.budget:
            problems["amount"] = FieldMessage(
                "Số quyết toán {amount} vượt kinh phí khuyến công được duyệt {budget}.",
                amount=money(amount),
                budget=money(now.budget),
            )
        elif fund_source == KC and facts.accepted_kc and amount > facts.accepted_kc:
            problems["amount"] = FieldMessage(
                "Số quyết toán {amount} vượt kinh phí khuyến công đã nghiệm thu {accepted} "
                "(biên bản nghiệm thu đã ký).",
                amount=money(amount),
                accepted=money(facts.accepted_kc),
            )
    return problems


def reversal_problems(facts: MoneyFacts, entry_id: str, on: date | None, today: date) -> dict[str, FieldMessage]:
    """Every reason to refuse reversing entry `entry_id` on `on`. The entry must be one of
    facts.entries (the caller says "not found" otherwise)."""
    problems: dict[str, FieldMessage] = {}
    target = next(e for e in facts.entries if e.id == entry_id)
    if target.reverses_id:
        problems["reverses_id"] = FieldMessage(
            "Khoản này là bút toán đảo, không đảo lại được; nếu cần, hãy ghi một khoản mới."
        )
    reversal = next((e for e in facts.entries if e.reverses_id == entry_id), None)
    if reversal is not None:
        problems["reverses_id"] = FieldMessage("Khoản này đã được đảo ngày {on}.", on=day(reversal.paid_on))
    bad_date = _date_problem(on, today)
    if bad_date:
        problems["paid_on"] = bad_date
    elif on and on < target.paid_on:
        problems["paid_on"] = FieldMessage(
            "Ngày đảo {on} trước ngày của khoản bị đảo {original}.", on=day(on), original=day(target.paid_on)
        )
    return problems
