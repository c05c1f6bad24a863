"""Which lifecycle steps take a proposal from its recorded status to the status a sheet
gives, on which dates, interleaved with its money in the order things happened.

Pure (no database): kcdesk.domain.lifecycle says which steps exist; this module picks the
path through them and dates each step from the sheet's date columns. A step with no date
column of its own (the first advance's "start", a settlement's papers left blank) is
recorded on the date of the step before it, and the steps before the first dated one on
that date; only a proposal with no date at all takes the day of the import (as a step
typed without a date does). The steps the figures and the money rules read, the contract,
a stop, the acceptance and the settlement, must have their dates.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kcdesk.domain import lifecycle
from kcdesk.domain.lifecycle import Transition

# The sheet field that dates each step (steps not listed take a neighbour's date).
STEP_DATE: dict[str, str] = {
    "submit": "registered_on",
    "appraise": "approved_on",
    "submit_to_ministry": "approved_on",
    "ministry_appraise": "approved_on",
    "approve": "approved_on",
    "approve_local": "approved_on",
    "sign_contract": "contract_date",
    "stop": "stopped_on",
    "accept": "accepted_on",
    "accept_partially": "accepted_on",
    "submit_settlement": "settlement_submitted_on",
    "settle": "settlement_date",
}
REQUIRED_DATES = frozenset({"sign_contract", "stop", "accept", "accept_partially", "settle"})
STEP_DOCUMENT: dict[str, str] = {
    "approve": "approval_document",
    "approve_local": "approval_document",
    "sign_contract": "contract_number",
    "settle": "settlement_document",
}
# Always on the way forward; the others only when the sheet says they happened.
_FORWARD = frozenset(
    {
        "submit",
        "appraise",
        "submit_to_ministry",
        "ministry_appraise",
        "approve",
        "approve_local",
        "sign_contract",
        "start",
        "adjust",
        "submit_settlement",
        "settle",
    }
)
ACCEPT_STEPS = frozenset({"accept", "accept_partially"})
# Statuses a proposal reaches through an acceptance (unless it was stopped before).
AFTER_ACCEPTANCE = frozenset({"accepted", "partially_accepted", "settlement_submitted", "settled", "evaluated"})
# Steps taken before that day's money (the contract is signed, then the advance paid);
# the others after it (a payment on the acceptance day belongs to the work accepted).
_BEFORE_MONEY = frozenset(
    {"submit", "appraise", "submit_to_ministry", "ministry_appraise", "approve", "approve_local"}
    | {"sign_contract", "start"}
)
_ON_REQUEST = {"adjustment_requested": "request_adjustment", "returned": "return", "rejected": "reject"}


@dataclass(frozen=True)
class Step:
    transition: Transition
    on: date
    own_date: bool  # dated by its own column (else by a neighbour's)

    @property
    def action(self) -> str:
        return self.transition.action

    @property
    def order(self) -> int:
        """0: before that day's money; 2: after it (money entries are 1)."""
        return 0 if self.action in _BEFORE_MONEY else 2


def find_path(
    level: str, current: str, target: str, *, stopped: bool, accepted: bool, partial: bool, done: Iterable[str] = ()
) -> list[Transition] | None:
    """The shortest way from `current` to `target` that goes through a stop when `stopped`
    and an acceptance when `accepted` (unless `done` already has them); None if there is
    none (the target is behind, or the sheet's facts do not fit the status)."""
    allowed = set(_FORWARD)
    need: set[str] = set()
    done = set(done)
    if stopped or target == "stopped":
        allowed.add("stop")
        if "stop" not in done and stopped:
            need.add("stop")
    if accepted or (target in AFTER_ACCEPTANCE and not stopped):
        allowed.add("accept_partially" if partial or stopped else "accept")
        if accepted and not done & ACCEPT_STEPS:
            need.add("accept")
    if target in _ON_REQUEST:
        allowed.add(_ON_REQUEST[target])
    start = (current, frozenset[str]())
    queue: deque[tuple[tuple[str, frozenset[str]], list[Transition]]] = deque([(start, [])])
    seen = {start}
    while queue:
        (status, met), path = queue.popleft()
        if status == target and need <= met:
            return path
        for t in lifecycle.next_steps(status, level):
            if t.action not in allowed:
                continue
            group = "accept" if t.action in ACCEPT_STEPS else t.action
            state = (t.target, met | ({group} & need))
            if state not in seen:
                seen.add(state)
                queue.append((state, [*path, t]))
    return None


def date_steps(path: list[Transition], dates: dict[str, date], after: date | None, today: date) -> list[Step]:
    """Each step of `path` with its date: its own column's, else the previous step's (or
    `after`, the last recorded step), else the next dated step's, else today."""
    own = [dates.get(STEP_DATE.get(t.action, "")) for t in path]
    steps: list[Step] = []
    previous = after
    for i, t in enumerate(path):
        on = own[i]
        if on is None:
            on = previous or next((d for d in own[i + 1 :] if d is not None), None) or today
        steps.append(Step(t, on, own[i] is not None))
        previous = on
    return steps
