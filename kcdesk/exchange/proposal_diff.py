"""What a proposal workbook changes on a proposal already recorded: its fields, activities,
beneficiaries, budget lines (line n of the file against line n of the record, as the
proposal form saves them) and the money entries not recorded yet.

Money entries are matched, never edited: an entry of the file with the same kind, fund
source, amount, date and document number as a recorded one is that entry (a row without a
document number: the same four; counted, so two identical payments in the file need two in
the record). A recorded entry missing from the file stays, with a note saying how to
cancel it if it is wrong; one recorded and then reversed is not written again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import (
    Acceptance,
    AcceptanceMember,
    AdminUnit,
    BudgetLine,
    Disbursement,
    Facility,
    Proposal,
    ProposalActivity,
    ProposalBeneficiary,
    ProposalStatusEvent,
)
from kcdesk.domain.vnformat import day, money
from kcdesk.domain.vocab import DISBURSEMENT_KINDS, FUND_SOURCES
from kcdesk.errors import FieldMessage
from kcdesk.exchange.proposal_plan import BUDGET_AMOUNTS, Findings, MoneyPlan, Place, ProposalPlan
from kcdesk.i18n import label
from kcdesk.services.proposals import BudgetInput
from kcdesk.text import clean

BUDGET_FIELDS = tuple(BudgetInput.__dataclass_fields__)
# A budget line's field -> its column on the budget sheet, where the names differ.
_LINE_COLUMN = {"facility_id": "beneficiary"}
SINGLE_LINE_ITEM = "Kinh phí thực hiện đề án"


@dataclass
class Recorded:
    """A proposal as the database has it, with what hangs off it."""

    proposal: Proposal
    activities: list[str]
    beneficiaries: list[str]
    lines: list[BudgetLine]
    entries: list[Disbursement]
    events: list[ProposalStatusEvent]
    acceptance: Acceptance | None  # the latest signed one
    chair: str | None = None

    def event(self, actions: frozenset[str] | set[str]) -> ProposalStatusEvent | None:
        found = [e for e in self.events if e.action in actions]
        return found[-1] if found else None


def load(session: Session, code: str) -> Recorded | None:
    proposal = session.scalars(select(Proposal).where(Proposal.code == code, Proposal.deleted_at.is_(None))).first()
    if proposal is None:
        return None
    pid = proposal.id

    def live(model: Any) -> Any:
        return select(model).where(model.proposal_id == pid, model.deleted_at.is_(None))

    acceptance = session.scalars(
        live(Acceptance)
        .where(Acceptance.signed_at.is_not(None))
        .order_by(Acceptance.accepted_on.desc(), Acceptance.signed_at.desc())
    ).first()
    chair = None
    if acceptance is not None:
        chair = session.scalars(
            select(AcceptanceMember.full_name)
            .where(AcceptanceMember.acceptance_id == acceptance.id, AcceptanceMember.deleted_at.is_(None))
            .order_by(AcceptanceMember.role != "chu_tri", AcceptanceMember.sort_order)
        ).first()
    return Recorded(
        proposal,
        [a.activity_code for a in session.scalars(live(ProposalActivity).order_by(ProposalActivity.created_at))],
        [b.facility_id for b in session.scalars(live(ProposalBeneficiary).order_by(ProposalBeneficiary.created_at))],
        list(session.scalars(live(BudgetLine).order_by(BudgetLine.line_no))),
        list(session.scalars(live(Disbursement).order_by(Disbursement.paid_on, Disbursement.created_at))),
        list(
            session.scalars(
                live(ProposalStatusEvent).order_by(ProposalStatusEvent.event_date, ProposalStatusEvent.created_at)
            )
        ),
        acceptance,
        chair,
    )


@dataclass
class Delta:
    """What to write on a recorded proposal (None: unchanged), and the change in words."""

    fields: dict[str, Any] = field(default_factory=dict)
    activities: list[str] | None = None
    beneficiaries: list[str] | None = None
    budget: list[BudgetInput] | None = None
    money: list[MoneyPlan] = field(default_factory=list)
    lines: list[tuple[Place, str, FieldMessage]] = field(default_factory=list)  # (where, column field, what)

    @property
    def edits_record(self) -> bool:
        return (
            bool(self.fields)
            or self.activities is not None
            or self.beneficiaries is not None
            or (self.budget is not None)
        )

    def say(self, place: Place, fld: str, message: str, **params: Any) -> None:
        self.lines.append((place, fld, FieldMessage(message, **params)))


def shown(value: Any) -> Any:
    """A value as a change or a refusal shows it (an empty one says so, in the reader's language)."""
    if value is None or value == "":
        return label("(trống)")
    if isinstance(value, date):
        return day(value)
    if isinstance(value, bool):
        return label("Có" if value else "Không")
    if isinstance(value, int):
        return money(value, "")
    return str(value)


def money_text(m: MoneyPlan | Disbursement) -> str:
    kind = label(DISBURSEMENT_KINDS.get(m.kind, m.kind))
    source = label(FUND_SOURCES.get(m.fund_source, m.fund_source))
    document = f", {m.document_number}" if m.document_number else ""
    return f"{kind} ({source}) {money(m.amount)} {day(m.paid_on)}{document}"


class Differ:
    def __init__(self, session: Session, findings: Findings) -> None:
        self.session = session
        self.findings = findings

    def _unit(self, code: str | None) -> str:
        """A current unit's name (codes are reused across the 2025 reform)."""
        name = (
            self.session.scalars(
                select(AdminUnit.full_name).where(AdminUnit.code == code, AdminUnit.valid_to.is_(None))
            ).first()
            if code
            else None
        )
        return name or shown(code)

    def _tax(self, facility_id: str, plan: ProposalPlan) -> str:
        if facility_id in plan.tax_codes:
            return plan.tax_codes[facility_id]
        facility = self.session.get(Facility, facility_id)
        return (facility.tax_code or facility.name) if facility is not None else facility_id

    def diff(self, plan: ProposalPlan, rec: Recorded) -> Delta:
        delta = Delta()
        p = rec.proposal
        if plan.province_code and plan.province_code != p.province_code:
            self.findings.problem(
                plan.place,
                "province",
                "Đề án đã ghi thuộc {recorded}; không đổi tỉnh/thành phố của đề án bằng cách nhập.",
                recorded=self._unit(p.province_code),
            )
        for key, value in plan.fields.items():
            if key == "code":
                continue
            value = clean(value) if isinstance(value, str) else value
            old = getattr(p, key)
            if old != value:
                delta.fields[key] = value
                column = "ward" if key == "ward_code" else key
                before, after = (
                    (self._unit(old), self._unit(value)) if key == "ward_code" else (shown(old), shown(value))
                )
                delta.say(plan.place, column, "{before} → {after}", before=before, after=after)
        self._links(plan, rec, delta)
        self._budget(plan, rec, delta)
        self._money(plan, rec, delta)
        return delta

    def _links(self, plan: ProposalPlan, rec: Recorded, delta: Delta) -> None:
        if plan.activities is not None and set(plan.activities) != set(rec.activities):
            delta.activities = plan.activities
            self._say_set(
                delta,
                plan.place,
                "activity_code",
                set(plan.activities) - set(rec.activities),
                set(rec.activities) - set(plan.activities),
            )
        if plan.beneficiaries is not None and set(plan.beneficiaries) != set(rec.beneficiaries):
            delta.beneficiaries = plan.beneficiaries
            added = {self._tax(f, plan) for f in set(plan.beneficiaries) - set(rec.beneficiaries)}
            gone = {self._tax(f, plan) for f in set(rec.beneficiaries) - set(plan.beneficiaries)}
            self._say_set(delta, plan.place, "beneficiaries", added, gone)

    @staticmethod
    def _say_set(delta: Delta, place: Place, fld: str, added: set[str], gone: set[str]) -> None:
        if added:
            delta.say(place, fld, "thêm {values}", values="; ".join(sorted(added)))
        if gone:
            delta.say(place, fld, "bỏ {values}", values="; ".join(sorted(gone)))

    def wanted_budget(self, plan: ProposalPlan, rec: Recorded | None) -> list[BudgetInput] | None:
        """The budget the file asks for: its budget sheet's lines (columns the sheet lacks keep
        the recorded line's values), or one line from the row's totals; None: not stated."""
        recorded = [] if rec is None else [_as_input(line) for line in rec.lines]
        if plan.lines is not None:
            out = []
            for i, lp in enumerate(plan.lines):
                values = {f: getattr(lp.line, f) for f in BUDGET_FIELDS}
                values["item"] = clean(values["item"]) or ""
                for f in ("unit", "basis"):
                    values[f] = clean(values[f])
                if i < len(recorded):
                    for f in BUDGET_FIELDS:
                        if _LINE_COLUMN.get(f, f) not in lp.present:
                            values[f] = getattr(recorded[i], f)
                out.append(BudgetInput(**values))
            return out
        if not plan.totals:
            return None
        if len(recorded) == 1:
            return [BudgetInput(**{**recorded[0].__dict__, **plan.totals})]
        if not recorded:
            activity = plan.activities[0] if plan.activities and len(plan.activities) == 1 else None
            return [BudgetInput(SINGLE_LINE_ITEM, activity_code=activity, **plan.totals)]  # type: ignore[arg-type]
        sums = {k: sum(getattr(line, k) for line in recorded) for k in BUDGET_AMOUNTS}
        for key, value in plan.totals.items():
            if sums[key] != value:
                self.findings.problem(
                    plan.place,
                    key,
                    "Đề án đã có {n} dòng dự toán (tổng {total}); để sửa dự toán, hãy ghi từng dòng ở trang Dự toán.",
                    n=len(recorded),
                    total=money(sums[key]),
                )
        return None

    def _budget(self, plan: ProposalPlan, rec: Recorded, delta: Delta) -> None:
        wanted = self.wanted_budget(plan, rec)
        if wanted is None:
            return
        recorded = [_as_input(line) for line in rec.lines]
        if wanted == recorded:
            return
        delta.budget = wanted
        for i, line in enumerate(wanted):
            place, fld = self._line_place(plan, i)
            if i >= len(recorded):
                delta.say(place, fld, "thêm dòng dự toán {n}: {item}, {kc}", n=i + 1, item=line.item, kc=_amounts(line))
                continue
            old = recorded[i]
            for f in BUDGET_FIELDS:
                before, after = getattr(old, f), getattr(line, f)
                if before != after:
                    if f == "facility_id":
                        before, after = (self._tax(v, plan) if v else None for v in (before, after))
                    column = _LINE_COLUMN.get(f, f) if plan.lines is not None else f
                    delta.say(
                        place,
                        column,
                        "dòng dự toán {n}: {before} → {after}",
                        n=i + 1,
                        before=shown(before),
                        after=shown(after),
                    )
        for i in range(len(wanted), len(recorded)):
            delta.say(
                plan.place,
                "code",
                "bỏ dòng dự toán {n}: {item}, {kc}",
                n=i + 1,
                item=recorded[i].item,
                kc=_amounts(recorded[i]),
            )

    @staticmethod
    def _line_place(plan: ProposalPlan, i: int) -> tuple[Place, str]:
        if plan.lines is not None:
            return plan.lines[i].place, "item"
        return plan.place, "kc_amount"

    def _money(self, plan: ProposalPlan, rec: Recorded, delta: Delta) -> None:
        if not plan.money:
            return
        originals = [e for e in rec.entries if e.reverses_id is None]
        reversed_on = {e.reverses_id: e.paid_on for e in rec.entries if e.reverses_id}
        matched: set[str] = set()
        for m in plan.money:
            entry = _match(m, originals, matched)
            if entry is not None:
                matched.add(entry.id)
                if entry.id in reversed_on:
                    self.findings.note(
                        m.place,
                        "amount",
                        "Khoản này đã ghi rồi được đảo ngày {on}; không ghi lại.",
                        on=day(reversed_on[entry.id]),
                    )
                continue
            delta.money.append(m)
            delta.say(m.place, "amount", "thêm khoản {entry}", entry=money_text(m))
        unmatched = Counter(_key(e) for e in originals if e.id not in matched and e.id not in reversed_on)
        for e in originals:
            if unmatched.get(_key(e)):
                unmatched[_key(e)] -= 1
                self.findings.note(
                    plan.place,
                    "code",
                    "Khoản đã ghi {entry} không có trong tệp; giữ nguyên (nếu sai, hãy đảo khoản này: kcdesk money "
                    "reverse {id}).",
                    entry=money_text(e),
                    id=e.id,
                )


def _match(m: MoneyPlan, entries: list[Disbursement], taken: set[str]) -> Disbursement | None:
    """The recorded entry that is this row of the file: same kind, source, amount, date and
    document number; a row without a document number is any such entry (one that has the
    number first written by the settlement decision, say), an exact one first."""
    free = [e for e in entries if e.id not in taken and _key(e)[:4] == m.key[:4]]
    exact = [e for e in free if (e.document_number or None) == m.key[4]]
    if exact:
        return exact[0]
    return free[0] if free and m.key[4] is None else None


def _key(e: Disbursement) -> tuple[str, str, int, date, str | None]:
    return (e.kind, e.fund_source, e.amount, e.paid_on, e.document_number or None)


def _as_input(line: BudgetLine) -> BudgetInput:
    return BudgetInput(**{f: getattr(line, f) for f in BUDGET_FIELDS})


def _amounts(line: BudgetInput) -> str:
    return " / ".join(money(getattr(line, k)) for k in BUDGET_AMOUNTS)
