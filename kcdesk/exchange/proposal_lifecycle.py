"""The lifecycle steps a proposal of the workbook takes, checked before anything is
written: the path to its status (kcdesk.exchange.proposal_steps), the dates each step
needs and their order, the acceptance record's number and chair, a settlement that
matches the settlement step, and every date, document or acceptance detail of the file
used by a step now or equal to the one recorded (never silently dropped).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from kcdesk.domain import lifecycle
from kcdesk.domain.vnformat import day
from kcdesk.exchange.proposal_diff import Recorded, shown
from kcdesk.exchange.proposal_plan import Findings, MoneyPlan, Place, ProposalPlan
from kcdesk.exchange.proposal_steps import (
    ACCEPT_STEPS,
    REQUIRED_DATES,
    STEP_DATE,
    STEP_DOCUMENT,
    Step,
    date_steps,
    find_path,
)
from kcdesk.i18n import label

# Where the acceptance service's field keys are on the proposal sheet.
ACCEPTANCE_COLUMNS = {
    "accepted_on": "accepted_on",
    "conclusion": "acceptance_conclusion",
    "accepted_amount": "accepted_amount",
    "number": "acceptance_number",
    "members": "acceptance_chair",
    "members[1].full_name": "acceptance_chair",
}


class StepPlanner:
    def __init__(self, findings: Findings, today: date) -> None:
        self.findings = findings
        self.today = today

    def steps(
        self, plan: ProposalPlan, rec: Recorded | None, level: str, current: str, target: str
    ) -> list[Step] | None:
        """The dated steps from `current` to `target`, or None with the reasons reported."""
        place, status = plan.place, label(lifecycle.status_label(target))
        if target == "evaluated" and current != "evaluated":
            self.findings.problem(
                place,
                "status",
                "Trạng thái 'Đã đánh giá sau hỗ trợ' cần phiếu đánh giá sau hỗ trợ: hãy nhập đề án với trạng thái Đã "
                "quyết toán, rồi lập phiếu đánh giá (kcdesk evaluation create) và chuyển bước đánh giá.",
            )
            return None
        conclusion = plan.acceptance.get("conclusion")
        if (target, conclusion) in (("accepted", "dat_mot_phan"), ("partially_accepted", "dat")):
            self.findings.problem(
                place,
                "acceptance_conclusion",
                "Kết luận này không đưa đề án đến trạng thái '{status}'.",
                status=status,
            )
            return None
        done = {e.action for e in rec.events} if rec else set()
        facts = {
            "stopped": "stopped_on" in plan.dates,
            "accepted": "accepted_on" in plan.dates,
            "partial": conclusion == "dat_mot_phan" or target == "partially_accepted",
        }
        path = find_path(level, current, target, done=done, **facts)
        if path is None:
            self._no_path(plan, level, current, target, done, facts)
            return None
        last = rec.events[-1] if rec and rec.events else None
        steps = date_steps(path, plan.dates, last.event_date if last else None, self.today)
        self._check_dates(plan, steps, last, target)
        self._check_stated(plan, rec, steps, target, level)
        return steps

    def _no_path(
        self, plan: ProposalPlan, level: str, current: str, target: str, done: set[str], facts: dict[str, bool]
    ) -> None:
        bare = find_path(level, current, target, done=done, stopped=False, accepted=False, partial=facts["partial"])
        status = label(lifecycle.status_label(target))
        if bare is None and current == "draft":
            self.findings.problem(
                plan.place,
                "status",
                "Không đến được trạng thái '{status}' theo quy trình đề án {level}.",
                status=status,
                level=level,
            )
            return
        if bare is None:
            self.findings.problem(
                plan.place,
                "status",
                "Không đi được từ trạng thái đã ghi '{current}' đến '{status}' theo quy trình đề án {level}; không lùi "
                "trạng thái bằng cách nhập.",
                current=label(lifecycle.status_label(current)),
                status=status,
                level=level,
            )
            return
        explained = False
        for fld in ("stopped_on", "accepted_on"):
            fact = {"stopped_on": "stopped", "accepted_on": "accepted"}[fld]
            if facts[fact] and find_path(level, current, target, done=done, **{**facts, fact: False}) is not None:
                self._not_on_the_way(plan.place, fld, status)
                explained = True
        if not explained:
            self.findings.problem(
                plan.place,
                "status",
                "Không đến được trạng thái '{status}' qua các bước có ngày trong tệp (ngừng thực hiện, nghiệm thu); "
                "hãy kiểm tra lại Trạng thái và các ngày đó.",
                status=status,
            )

    def _not_on_the_way(self, place: Place, fld: str, status: Any) -> None:
        self.findings.problem(
            place,
            fld,
            "Trạng thái '{status}' không qua bước dùng ô này; hãy sửa Trạng thái hoặc để trống ô này.",
            status=status,
        )

    def _check_dates(self, plan: ProposalPlan, steps: list[Step], last: Any, target: str) -> None:
        """Required dates given, in time order after the last recorded step; the acceptance's
        number and chair given; a note for the steps dated by a neighbour."""
        previous = last.event_date if last is not None else None
        previous_label = label(lifecycle.BY_ACTION[last.action].label) if last is not None else ""
        for step in steps:
            fld = STEP_DATE.get(step.action, "status")
            if step.action in REQUIRED_DATES and not step.own_date:
                self.findings.problem(
                    plan.place,
                    fld,
                    "Để đến trạng thái '{status}', đề án qua bước '{step}': hãy ghi ngày của bước này.",
                    status=label(lifecycle.status_label(target)),
                    step=label(step.transition.label),
                )
            elif step.own_date and previous and step.on < previous:
                self.findings.problem(
                    plan.place,
                    fld,
                    "Ngày {on} trước ngày {previous} của bước trước ({step}); các bước phải theo thứ tự thời gian.",
                    on=day(step.on),
                    previous=day(previous),
                    step=previous_label,
                )
            previous, previous_label = step.on, label(step.transition.label)
            if step.action in ACCEPT_STEPS:
                for key, what in (("number", "acceptance_number"), ("chair", "acceptance_chair")):
                    if not plan.acceptance.get(key):
                        self.findings.problem(
                            plan.place,
                            what,
                            "Bước '{step}' ghi biên bản nghiệm thu đã ký: hãy ghi ô này.",
                            step=label(step.transition.label),
                        )
        notes = [f"{label(s.transition.label)} {day(s.on)}" for s in steps if not s.own_date]
        if notes:
            self.findings.note(
                plan.place,
                "status",
                "Các bước chưa có ngày trong tệp, ghi theo ngày của bước liền kề: {steps}.",
                steps="; ".join(notes),
            )

    def _check_stated(
        self, plan: ProposalPlan, rec: Recorded | None, steps: list[Step], target: str, level: str
    ) -> None:
        """A date, document or acceptance detail the file gives must be used by a step taken
        now, or agree with the step recorded before; otherwise it would be silently lost."""
        taken = {s.action for s in steps}
        status = label(lifecycle.status_label(target))
        stated: list[tuple[str, set[str], str, Any]] = [
            (fld, {a for a, f in STEP_DATE.items() if f == fld}, "event_date", on) for fld, on in plan.dates.items()
        ]
        stated += [
            (fld, {a for a, f in STEP_DOCUMENT.items() if f == fld}, "document_number", number)
            for fld, number in plan.documents.items()
        ]
        for fld, actions, attribute, typed in stated:
            if actions & taken:
                continue
            event = rec.event(actions) if rec else None
            if event is None:
                if rec is not None and self._passed(level, rec.proposal.status, actions):
                    self.findings.note(
                        plan.place, fld, "Lịch sử của đề án không có bước này; giá trị trong tệp không được ghi."
                    )
                else:
                    self._not_on_the_way(plan.place, fld, status)
                continue
            recorded = getattr(event, attribute)
            if recorded != typed:
                self.findings.problem(
                    plan.place,
                    fld,
                    "Bước '{step}' đã ghi {recorded}; không sửa bước đã qua bằng cách nhập: hãy ghi "
                    "đúng như đã ghi hoặc để trống ô này.",
                    step=label(lifecycle.BY_ACTION[event.action].label),
                    recorded=shown(recorded),
                )
        if not taken & ACCEPT_STEPS:
            self._check_acceptance(plan, rec, status)

    @staticmethod
    def _passed(level: str, status: str, actions: set[str]) -> bool:
        way = find_path(level, "draft", status, stopped=False, accepted=False, partial=False) or []
        return any(t.action in actions for t in way) or status in ("settled", "evaluated")

    def _check_acceptance(self, plan: ProposalPlan, rec: Recorded | None, status: Any) -> None:
        acc = rec.acceptance if rec else None
        for key, value in plan.acceptance.items():
            fld = {"chair": "acceptance_chair", **ACCEPTANCE_COLUMNS}.get(key, key)
            if acc is None:
                self._not_on_the_way(plan.place, fld, status)
                continue
            recorded = rec.chair if key == "chair" and rec else getattr(acc, key, None)
            if recorded != value:
                self.findings.problem(
                    plan.place,
                    fld,
                    "Biên bản nghiệm thu {number} đã ký và khóa, ghi {recorded}; hãy ghi đúng như "
                    "biên bản hoặc để trống ô này.",
                    number=acc.number or "",
                    recorded=shown(recorded),
                )

    def check_money_fits(self, plan: ProposalPlan, steps: list[Step] | None, settlement: list[MoneyPlan]) -> None:
        if steps is None:
            return
        settles = any(s.action == "settle" for s in steps)
        if settlement and not settles:
            for m in settlement:
                self.findings.problem(
                    m.place,
                    "kind",
                    "Khoản quyết toán chỉ ghi khi đề án qua bước quyết toán (trạng thái 'Đã quyết "
                    "toán', có ngày quyết toán); hãy sửa Trạng thái hoặc bỏ khoản này.",
                )
        if settles and not settlement:
            self.findings.problem(
                plan.place,
                "settlement_amount",
                "Để quyết toán, hãy ghi số quyết toán (ô này, hoặc dòng Quyết toán ở trang Giải ngân).",
            )
        seen: set[str] = set()
        for m in settlement:
            if m.fund_source in seen:
                self.findings.problem(m.place, "fund_source", "Mỗi nguồn kinh phí chỉ có một khoản quyết toán.")
            seen.add(m.fund_source)
