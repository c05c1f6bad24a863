"""Writing one proposal of the workbook through the same services a person uses: the
proposal with its budget (create_proposal, or update_proposal for one already recorded,
which touches only what differs), each lifecycle step on its date (transition), each
advance and payment (record_money, with every guard rail), the signed acceptance record
before the acceptance step, the settlement (settle_proposal).

Steps and money are taken in the order they happened (a payment after the acceptance is
recorded after it), so the money rules see the proposal as it was on each entry's date.
A refusal names the sheet, row and column that caused it; the caller rolls the proposal
back (a savepoint) and goes on with the next one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.domain import lifecycle
from kcdesk.domain.vnformat import day, money
from kcdesk.errors import FieldMessage, KcError, ValidationError
from kcdesk.exchange.outcome import NEW, SAME, UPDATE, Finding, RecordChange
from kcdesk.exchange.proposal_columns import ACHIEVED_FIELDS
from kcdesk.exchange.proposal_diff import Delta, Differ, Recorded, load, money_text
from kcdesk.exchange.proposal_lifecycle import ACCEPTANCE_COLUMNS, StepPlanner
from kcdesk.exchange.proposal_plan import Findings, MoneyPlan, Place, ProposalPlan
from kcdesk.exchange.proposal_steps import (
    ACCEPT_STEPS,
    STEP_DATE,
    STEP_DOCUMENT,
    Step,
)
from kcdesk.exchange.proposal_vocab import DEFAULT_STATUS
from kcdesk.i18n import label
from kcdesk.services import acceptances, proposal_edit, proposals
from kcdesk.services import money as money_svc
from kcdesk.services.sums import budget_sums

ROLE = "admin"  # the file records steps others took (the ministry's approval...): any step may be written


class ProposalWriter:
    def __init__(self, session: Session, findings: Findings, user_id: str | None, today: date) -> None:
        self.session = session
        self.findings = findings
        self.user_id = user_id
        self.differ = Differ(session, findings)
        self.planner = StepPlanner(findings, today)

    @property
    def _problems(self) -> int:
        return len(self.findings.outcome.problems)

    def apply(self, plan: ProposalPlan) -> RecordChange | None:
        """Write the plan; the change it made, or None when refused (problems reported)."""
        before = self._problems
        rec = load(self.session, plan.code)
        if rec is None:
            if not plan.on_main_sheet:
                return None  # refused when the sheets were read: a code known nowhere
            change = self._create(plan, before)
        else:
            change = self._update(plan, rec, before)
        if change is None and self._problems == before:  # never leave a proposal out without saying why
            self.findings.problem(
                plan.place, "code", "Không ghi được đề án {code}; hãy báo lỗi này cho bộ phận hỗ trợ.", code=plan.code
            )
        return change

    # -- a new proposal -------------------------------------------------------------------

    def _create(self, plan: ProposalPlan, before: int) -> RecordChange | None:
        target = plan.status or DEFAULT_STATUS
        budget = self.differ.wanted_budget(plan, None) or []
        level = plan.fields.get("level", "")
        steps = self.planner.steps(plan, None, level, "draft", target)
        settlement = [m for m in plan.money if m.kind == "quyet_toan"]
        self.planner.check_money_fits(plan, steps, settlement)
        if steps is None or self._problems > before:
            return None
        values = {**plan.fields, "province_code": plan.province_code}
        pid = self._call(
            lambda: proposals.create_proposal(
                self.session,
                values,
                activities=plan.activities or (),
                beneficiaries=plan.beneficiaries or (),
                budget=budget,
            ),
            plan.place,
            {},
            "code",
            budget_of=plan,
        )
        if pid is None or not self._timeline(plan, pid, steps, plan.money):
            return None
        lines = [self._status_line(plan.place, "draft", target, steps)]
        if budget:
            sums = budget_sums(self.session, [pid])[pid]
            lines.append(
                self._line(
                    plan.place,
                    "kc_amount",
                    "dự toán {n} dòng: khuyến công {kc}, đối ứng {cp}, nguồn khác {ot}",
                    n=len(budget),
                    kc=money(sums.kc),
                    cp=money(sums.counterpart),
                    ot=money(sums.other),
                )
            )
        lines += [self._line(m.place, "amount", "khoản {entry}", entry=money_text(m)) for m in plan.money]
        return RecordChange(plan.code, NEW, plan.place.row, plan.place.sheet, lines)

    # -- a proposal already recorded -------------------------------------------------------

    def _update(self, plan: ProposalPlan, rec: Recorded, before: int) -> RecordChange | None:
        p = rec.proposal
        current = p.status  # the steps below change p.status
        delta = self.differ.diff(plan, rec)
        if proposal_edit.is_locked(current) and (delta.edits_record or delta.money):
            for place, fld, what in delta.lines:
                self.findings.problem(
                    place,
                    fld,
                    "Đề án ở trạng thái '{status}' đã khóa, không ghi được thay đổi này ({change}); hãy ghi như đã "
                    "ghi trong dữ liệu.",
                    status=label(lifecycle.status_label(current)),
                    change=what,
                )
            return None
        target = plan.status or current
        steps = self.planner.steps(plan, rec, delta.fields.get("level", p.level), current, target)
        new_settlement = [m for m in delta.money if m.kind == "quyet_toan"]
        self.planner.check_money_fits(plan, steps, new_settlement)
        if steps is None or self._problems > before:
            return None
        lines = [Finding(place.row, place.column(fld), what, place.sheet) for place, fld, what in delta.lines]
        if not (delta.edits_record or delta.money or steps):
            return RecordChange(plan.code, SAME, plan.place.row if plan.on_main_sheet else 0, plan.place.sheet)
        if delta.edits_record and not self._edit(plan, rec, delta):
            return None
        if not self._timeline(plan, p.id, steps, delta.money):
            return None
        if steps:
            lines.append(self._status_line(plan.place, current, target, steps))
        return RecordChange(plan.code, UPDATE, plan.place.row if plan.on_main_sheet else 0, plan.place.sheet, lines)

    def _edit(self, plan: ProposalPlan, rec: Recorded, delta: Delta) -> bool:
        budget = delta.budget
        if budget is None:
            budget = [
                proposals.BudgetInput(**{f: getattr(b, f) for f in proposals.BudgetInput.__dataclass_fields__})
                for b in rec.lines
            ]
        done = self._call(
            lambda: proposal_edit.update_proposal(
                self.session,
                rec.proposal.id,
                delta.fields,
                activities=rec.activities if delta.activities is None else delta.activities,
                beneficiaries=rec.beneficiaries if delta.beneficiaries is None else delta.beneficiaries,
                budget=budget,
            ),
            plan.place,
            {},
            "code",
            budget_of=plan,
        )
        return done is not None

    # -- writing steps and money in the order they happened ----------------------------------

    def _timeline(self, plan: ProposalPlan, pid: str, steps: list[Step], new_money: list[MoneyPlan]) -> bool:
        paid = [m for m in new_money if m.kind != "quyet_toan"]
        settlement = [m for m in new_money if m.kind == "quyet_toan"]
        events: list[tuple[tuple[date, int, int], Step | MoneyPlan]] = [
            ((s.on, s.order, i), s) for i, s in enumerate(steps)
        ]
        events += [((m.paid_on, 1, i), m) for i, m in enumerate(paid)]
        for _, event in sorted(events, key=lambda e: e[0]):
            ok = self._step(plan, pid, event, settlement) if isinstance(event, Step) else self._pay(pid, event)
            if not ok:
                return False
        return True

    def _pay(self, pid: str, m: MoneyPlan) -> bool:
        done = self._call(
            lambda: money_svc.record_money(
                self.session,
                pid,
                m.kind,
                m.amount,
                m.paid_on,
                fund_source=m.fund_source,
                document_number=m.document_number,
                note=m.note,
            ),
            m.place,
            {},
            "amount",
        )
        return done is not None

    def _step(self, plan: ProposalPlan, pid: str, step: Step, settlement: list[MoneyPlan]) -> bool:
        action, on = step.action, step.on
        column = STEP_DATE.get(action, "status")
        document = plan.documents.get(STEP_DOCUMENT.get(action, ""))
        if action in ACCEPT_STEPS and not self._accept(plan, pid, step):
            return False
        if action == "settle":
            kc = next((m for m in settlement if m.fund_source == "kc"), settlement[0])
            columns: dict[str, str | tuple[Place, str]] = {"status": "kind"}
            for m in settlement:
                columns.update({f"{k}[{m.fund_source}]": (m.place, k) for k in ("amount", "kind", "paid_on")})
            done = self._call(
                lambda: money_svc.settle_proposal(
                    self.session,
                    pid,
                    {m.fund_source: m.amount for m in settlement},
                    on,
                    role=ROLE,
                    user_id=self.user_id,
                    document_number=document,
                    note=kc.note,
                ),
                kc.place,
                columns,
                "amount",
            )
            return done is not None
        done = self._call(
            lambda: proposals.transition(
                self.session, pid, action, role=ROLE, user_id=self.user_id, on=on, document_number=document
            ),
            plan.place,
            {},
            column,
        )
        return done is not None

    def _accept(self, plan: ProposalPlan, pid: str, step: Step) -> bool:
        a = plan.acceptance
        sums = budget_sums(self.session, [pid]).get(pid)
        values: dict[str, Any] = {
            "accepted_on": step.on,
            "number": a.get("number"),
            "conclusion": "dat" if step.action == "accept" else "dat_mot_phan",
            "approved_amount": sums.total if sums else 0,
            "approved_kc_amount": sums.kc if sums else 0,
            "accepted_amount": a.get("accepted_amount") or 0,
            **{k: a[k] for k in ACHIEVED_FIELDS if k in a},
        }
        members = [{"full_name": a.get("chair"), "role": "chu_tri"}]

        def write() -> str:
            aid = acceptances.create_acceptance(self.session, pid, values, members=members)
            acceptances.sign_acceptance(self.session, aid, self.user_id)
            return aid

        return self._call(write, plan.place, ACCEPTANCE_COLUMNS, "accepted_on") is not None

    # -- refusals at their cells -------------------------------------------------------------

    def _call(
        self,
        fn: Callable[[], Any],
        place: Place,
        columns: Mapping[str, str | tuple[Place, str]],
        default: str,
        budget_of: ProposalPlan | None = None,
    ) -> Any:
        """fn()'s result, or None with each refusal put at the cell it is about."""
        try:
            result = fn()
            return True if result is None else result
        except ValidationError as error:
            for key, message in error.fields.items():
                where, fld = self._where(key, place, columns, default, budget_of)
                self.findings.problem_message(where, fld, message)
        except KcError as error:
            self.findings.problem_message(place, default, FieldMessage(error.message, **error.params))
        return None

    @staticmethod
    def _where(
        key: str, place: Place, columns: Mapping[str, str | tuple[Place, str]], default: str, plan: ProposalPlan | None
    ) -> tuple[Place, str]:
        if key.startswith("budget[") and plan is not None:
            n, _, fld = key[len("budget[") :].partition("].")
            if plan.lines is not None and int(n) <= len(plan.lines):
                return plan.lines[int(n) - 1].place, fld
            return plan.place, fld if fld != "item" else "kc_amount"
        if key in columns:
            target = columns[key]
            return (place, target) if isinstance(target, str) else target
        if key in place.headers:
            return place, key
        return place, default

    @staticmethod
    def _line(place: Place, fld: str, message: str, **params: Any) -> Finding:
        return Finding(place.row, place.column(fld), FieldMessage(message, **params), place.sheet)

    @staticmethod
    def _status_line(place: Place, current: str, target: str, steps: list[Step]) -> Finding:
        taken = "; ".join(f"{label(s.transition.label)} {day(s.on)}" for s in steps)
        return Finding(
            place.row,
            place.column("status"),
            FieldMessage(
                "{before} → {after} ({steps})" if steps else "{before} → {after}",
                before=label(lifecycle.status_label(current)),
                after=label(lifecycle.status_label(target)),
                steps=taken,
            ),
            place.sheet,
        )
