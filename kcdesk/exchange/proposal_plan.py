"""What the proposal workbook says about one proposal, as plain data, with where each value
came from (sheet, row, header) so that any refusal later names the cell to correct.

A value the file leaves blank is "not stated": on a proposal already recorded it changes
nothing (a blank cell never erases what was typed in the app).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kcdesk.errors import FieldMessage
from kcdesk.exchange.outcome import Finding, ImportOutcome
from kcdesk.services.proposals import BudgetInput

# The lifecycle step dates a proposal row may give (kcdesk.exchange.proposal_steps).
STEP_DATE_FIELDS = (
    "registered_on",
    "approved_on",
    "contract_date",
    "stopped_on",
    "accepted_on",
    "settlement_submitted_on",
    "settlement_date",
)
BUDGET_AMOUNTS = ("kc_amount", "counterpart_amount", "other_amount")


@dataclass(frozen=True)
class Place:
    """A row of a sheet and the headers of its columns as the file has them."""

    sheet: str
    row: int
    headers: Mapping[str, str]

    def column(self, fld: str) -> str:
        return self.headers.get(fld, fld)


class Findings:
    """Problems (the proposal is not written) and notes, put in the outcome by place."""

    def __init__(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome

    def problem(self, place: Place, fld: str, message: str, **params: Any) -> None:
        self.problem_message(place, fld, FieldMessage(message, **params))

    def problem_message(self, place: Place, fld: str, message: FieldMessage) -> None:
        finding = Finding(place.row, place.column(fld), message, place.sheet)
        if finding not in self.outcome.problems:
            self.outcome.problems.append(finding)

    def note(self, place: Place, fld: str, message: str, **params: Any) -> None:
        self.outcome.notes.append(Finding(place.row, place.column(fld), FieldMessage(message, **params), place.sheet))


@dataclass
class LinePlan:
    """One budget line from the "Dự toán" sheet (or the one line made from the totals)."""

    line: BudgetInput
    place: Place
    beneficiary_tax: str | None = None
    present: frozenset[str] = frozenset()  # the line's fields that have a column in the file


@dataclass
class MoneyPlan:
    """One advance, payment or settlement amount from the file."""

    kind: str
    fund_source: str
    amount: int
    paid_on: date
    place: Place
    document_number: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str, int, date, str | None]:
        """What makes two entries the same payment: an entry already recorded with the same
        key is that payment, never a second one."""
        return (self.kind, self.fund_source, self.amount, self.paid_on, self.document_number or None)


@dataclass
class ProposalPlan:
    code: str
    place: Place  # its row on the proposal sheet, or the first row naming it elsewhere
    on_main_sheet: bool = True
    fields: dict[str, Any] = field(default_factory=dict)  # stated Proposal columns
    province_code: str | None = None
    activities: list[str] | None = None  # None: not stated
    beneficiaries: list[str] | None = None  # facility ids; None: not stated
    tax_codes: dict[str, str] = field(default_factory=dict)  # facility id -> tax code (for messages)
    lines: list[LinePlan] | None = None  # from the budget sheet; None: none there
    totals: dict[str, int] = field(default_factory=dict)  # stated budget totals on the proposal row
    money: list[MoneyPlan] = field(default_factory=list)
    status: str | None = None  # the status to reach; None: not stated
    dates: dict[str, date] = field(default_factory=dict)  # stated step dates
    documents: dict[str, str] = field(default_factory=dict)  # approval_document, contract_number, settlement_document
    acceptance: dict[str, Any] = field(default_factory=dict)  # number, conclusion, chair, accepted_amount, outputs

    def budget_inputs(self) -> list[BudgetInput] | None:
        return None if self.lines is None else [lp.line for lp in self.lines]
