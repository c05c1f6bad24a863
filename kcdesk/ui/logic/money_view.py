"""What the proposal's money tab shows, from the core's money summary
(kcdesk.services.money.money_summary): running totals per fund source, the khuyến công
budget that remains, and the ledger with reversed and reversing entries marked.

Plain Python, tested without Qt; the figures are the core's own (domain.money), only put
into words and columns here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kcdesk.domain.vnformat import day, group, money, ratio_percent
from kcdesk.ui.logic.i18n import tr

KC = "kc"


@dataclass(frozen=True)
class LedgerRow:
    id: str
    # date, kind, fund source, amount, the source's running total paid out, document
    # number, state and note; kind and source still as Vietnamese source text
    cells: tuple[str, ...]
    cancelled: bool  # reversed, or a reversal: it no longer counts (shown struck through)
    reversible: bool  # may be reversed now


def total_rows(summary: Any, labels: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(source label, cells) for every fund source, in the core's order; cells: approved
    budget, advanced, paid, paid out so far, remaining, settled."""
    out = []
    for source, t in summary.totals.items():
        cells = [
            group(t.budget),
            group(t.advanced),
            group(t.paid),
            group(t.paid_out),
            group(t.remaining),
            "" if t.settled is None else group(t.settled),
        ]
        out.append((labels.get(source, source), cells))
    return out


def remaining_text(summary: Any, lang: str | None = None) -> str:
    """The sentence above the ledger: what of the approved khuyến công budget may still be
    paid out, or what was settled."""
    kc = summary.totals[KC]
    if kc.settled is not None:
        return tr(
            "Đã quyết toán kinh phí khuyến công {settled} trên {budget} được duyệt ({rate}).",
            lang,
            settled=money(kc.settled),
            budget=money(kc.budget),
            rate=ratio_percent(kc.settled, kc.budget),
        )
    if kc.budget == 0:
        return tr("Đề án chưa có dự toán kinh phí khuyến công: hãy lập dự toán trước khi ghi khoản chi.", lang)
    return tr(
        "Kinh phí khuyến công còn được chi: {remaining} (đã chi {paid} trên {budget} được duyệt, {rate}).",
        lang,
        remaining=money(kc.remaining),
        paid=money(kc.paid_out),
        budget=money(kc.budget),
        rate=ratio_percent(kc.paid_out, kc.budget),
    )


def ledger_rows(summary: Any, lang: str | None = None) -> list[LedgerRow]:
    dates = {line.id: line.paid_on for line in summary.lines}
    out = []
    for line in summary.lines:
        if line.reverses_id:
            state = tr("Đảo khoản ngày {on}", lang, on=day(dates.get(line.reverses_id)))
        elif line.reversed_by:
            state = tr("Đã bị đảo ngày {on}", lang, on=day(dates.get(line.reversed_by)))
        else:
            state = ""
        note = " · ".join(x for x in (state, line.note or "") if x)
        cells = (
            day(line.paid_on),
            line.kind_label,
            line.fund_source_label,
            group(line.amount),
            "" if line.running_paid_out is None else group(line.running_paid_out),
            line.document_number or "",
            note,
        )
        cancelled = bool(line.reverses_id or line.reversed_by)
        out.append(LedgerRow(line.id, cells, cancelled, not cancelled and not summary.locked))
    return out


def default_kind(summary: Any) -> str:
    """The entry most likely wanted now: an advance while work runs, a payment after it,
    the settlement once accepted."""
    if summary.can_advance:
        return "tam_ung"
    if summary.can_settle and not summary.can_pay:
        return "quyet_toan"
    return "thanh_toan"


def entry_title(line: Any, lang: str | None = None) -> str:
    """'Tạm ứng 50.000.000 đồng ngày 02/03/2026 (số 12/TU)': the entry a reversal cancels."""
    text = tr(
        "{kind} {amount} ngày {on}",
        lang,
        kind=tr(line.kind_label, lang),
        amount=money(line.amount),
        on=day(line.paid_on),
    )
    return f"{text} ({line.document_number})" if line.document_number else text
