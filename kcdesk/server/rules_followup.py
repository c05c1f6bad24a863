"""The follow-up rules (money, monthly progress reports, post-support evaluations) in the
server's rule book: the facts kcdesk.domain.money, .progress_reports and .evaluation need,
gathered from the STORED rows (with this batch's earlier changes) the way the app's
services gather them from the laptop's database, then the same functions judge.

"Today" is the date in Việt Nam (UTC+7) on the server's clock: a laptop whose clock runs
ahead cannot record money or a report dated in the future.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from kcdesk.domain import evaluation, money, progress_reports
from kcdesk.domain.vocab import FUND_SOURCE_BUDGET_COLUMNS
from kcdesk.errors import FieldMessage
from kcdesk.server.rulebook import RULES, Broken, Change, field_problems, from_message

VN = timedelta(hours=7)
# What an entry of the ledger says; once written it is never changed (a reversing entry
# cancels a mistaken one), so a change to these is refused.
LEDGER_FIELDS = frozenset({"proposal_id", "kind", "fund_source", "amount", "paid_on", "reverses_id", "deleted_at"})


def vn_today() -> date:
    return (datetime.now(UTC) + VN).date()


def _date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _with_dates(row: Mapping[str, Any], *columns: str) -> dict[str, Any]:
    """A wire row with its date columns as dates (the domain compares dates)."""
    out = dict(row)
    for column in columns:
        if column in out:
            out[column] = _date(out[column])
    return out


# -- money ---------------------------------------------------------------------------------


def money_facts(c: Change, proposal: Mapping[str, Any]) -> money.MoneyFacts:
    """As kcdesk.services.money.money_facts, from the stored rows (this entry left out)."""
    pid = str(proposal["id"])
    lines = c.records.children("budget_line", "proposal_id", pid)
    budget = {
        source: sum(int(line.get(column) or 0) for line in lines)
        for source, column in FUND_SOURCE_BUDGET_COLUMNS.items()
    }
    rows = [r for r in c.records.children("disbursement", "proposal_id", pid) if r["id"] != c.new["id"]]
    rows.sort(key=lambda r: (str(r.get("paid_on")), str(r.get("created_at")), str(r["id"])))
    entries = tuple(
        money.Entry(
            str(r["id"]),
            str(r.get("kind")),
            str(r.get("fund_source") or money.KC),
            int(r.get("amount") or 0),
            _date(r.get("paid_on")) or date.min,
            r.get("reverses_id"),
        )
        for r in rows
    )
    signed = [
        d
        for e in c.records.children("proposal_status_event", "proposal_id", pid)
        if e.get("action") == "sign_contract" and (d := _date(e.get("event_date")))
    ]
    accepted = sorted(
        (a for a in c.records.children("acceptance", "proposal_id", pid) if a.get("signed_at")),
        key=lambda a: (str(a.get("accepted_on")), str(a.get("signed_at"))),
    )
    accepted_kc = int(accepted[-1].get("accepted_amount") or 0) if accepted else 0
    return money.MoneyFacts(
        status=str(proposal.get("status")),
        budget=budget,
        entries=entries,
        contract_signed_on=max(signed) if signed else None,
        accepted_kc=accepted_kc or None,
    )


def money_entry(c: Change) -> Broken | None:
    """An advance, payment or settlement passes kcdesk.domain.money's rules against the
    proposal's stored ledger; a reversal cancels one live entry, once, mirroring it."""
    if c.old is not None:
        if c.changed & LEDGER_FIELDS:
            message = FieldMessage("Khoản tiền đã ghi không sửa hay xóa được; nếu ghi sai, hãy ghi một khoản đảo.")
            return from_message("rule_broken", message, field=sorted(c.changed & LEDGER_FIELDS)[0], table=c.table)
        return None
    if c.parent is None:
        return None
    facts = money_facts(c, c.parent)
    paid_on = _date(c.new.get("paid_on"))
    reverses = c.new.get("reverses_id")
    if reverses:
        target = next((e for e in facts.entries if e.id == reverses), None)
        if target is None:
            return from_message(
                "rule_broken",
                FieldMessage("Không tìm thấy khoản tiền '{ref}'.", ref=str(reverses)),
                field="reverses_id",
                table=c.table,
            )
        mirror = (c.new.get("kind"), c.new.get("fund_source"), c.new.get("amount"))
        if mirror != (target.kind, target.fund_source, -target.amount):
            message = FieldMessage(
                "Khoản đảo phải cùng loại, cùng nguồn và có số tiền bằng khoản bị đảo, dấu ngược lại."
            )
            return from_message("rule_broken", message, field="amount", table=c.table)
        return field_problems(c, money.reversal_problems(facts, str(reverses), paid_on, vn_today()))
    problems = money.entry_problems(
        facts, str(c.new.get("kind")), str(c.new.get("fund_source")), c.new.get("amount"), paid_on, vn_today()
    )
    return field_problems(c, problems)


# -- progress reports and evaluations -----------------------------------------------------------


def progress_report(c: Change) -> Broken | None:
    """As kcdesk.services.progress_reports: while the proposal is being carried out, one
    report a month, not ahead of time (a filed report may be corrected later)."""
    if c.parent is None:
        return None
    status = str(c.parent.get("status"))
    others = [
        r for r in c.records.children("progress_report", "proposal_id", str(c.parent["id"])) if r["id"] != c.new["id"]
    ]
    reported = {str(r["period"]): d for r in others if (d := _date(r.get("submitted_on")))}
    statuses = progress_reports.DEFAULT_STATUSES | ({status} if c.old is not None else set())
    problems = progress_reports.report_problems(
        _with_dates(c.new, "submitted_on"),
        status=status,
        statuses=frozenset(statuses),
        reported=reported,
        today=vn_today(),
        editing_period=str(c.old["period"]) if c.old is not None else None,
    )
    return field_problems(c, problems)


def settled_on(c: Change, pid: str) -> date | None:
    """As kcdesk.services.sums.settlement_dates: the 'settle' step's date, else the date of
    the live settlement entry (a proposal recorded as settled before its history was)."""
    steps = [
        d
        for e in c.records.children("proposal_status_event", "proposal_id", pid)
        if e.get("to_status") == "settled" and (d := _date(e.get("event_date")))
    ]
    if steps:
        return min(steps)
    entries = c.records.children("disbursement", "proposal_id", pid)
    reversed_ids = {e.get("reverses_id") for e in entries if e.get("reverses_id")}
    settlements = [
        d
        for e in entries
        if e.get("kind") == "quyet_toan"
        and not e.get("reverses_id")
        and e["id"] not in reversed_ids
        and (d := _date(e.get("paid_on")))
    ]
    return max(settlements) if settlements else None


def post_support_evaluation(c: Change) -> Broken | None:
    if c.parent is None:
        return None
    pid = str(c.parent["id"])
    beneficiaries = frozenset(
        str(b["facility_id"]) for b in c.records.children("proposal_beneficiary", "proposal_id", pid)
    )
    problems = evaluation.evaluation_problems(
        _with_dates(c.new, "evaluated_on"),
        status=str(c.parent.get("status")),
        settled_on=settled_on(c, pid),
        today=vn_today(),
        beneficiaries=beneficiaries,
    )
    return field_problems(c, problems)


RULES.add("disbursement", money_entry)
RULES.add("progress_report", progress_report)
RULES.add("post_support_evaluation", post_support_evaluation)
