"""The rule book skips the rules that name their fields when a change to a stored record
concerns none of them (RuleBook.add(fields=...)), and checks only the facility fields a change
concerns: every answer is the one running every rule on the whole row gives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from kcdesk.server.reference import unit_index
from kcdesk.server.rulebook import RELATED_FIELDS, RULES, Broken, Change

FACILITY = {
    "id": "f1",
    "name": "Cơ sở A",
    "facility_type": "hkd",
    "province_code": "48",
    "ward_code": "20194",
    "phone": "0905123456",
    "status": "active",
    "labour_total": 5,
    "labour_insured": 2,
    "informed_on": None,
    "informed_by": None,
}
SURVEY = {"id": "s1", "facility_id": "f1", "province_code": "48", "ward_code": "20194", "status": "draft"}
EDITS: dict[str, list[dict[str, Any]]] = {
    "facility": [
        {"phone": "0236123456"},
        {"phone": "12"},
        {"name": " "},
        {"province_code": "01"},
        {"ward_code": "99999"},
        {"labour_total": 1},
        {"labour_insured": 9},
        {"labour_total": "a"},
        {"informed_on": "2020-01-01"},
        {"informed_by": "Lan"},
        {"informed_on": "2999-01-01", "informed_by": "Lan"},
        {"status": "gone"},
        {"note": "x"},
        {"email": "abc", "phone": "0236123456"},
    ],
    "survey": [
        {"status": "draft"},
        {"status": "odd"},
        {"informed_on": "2999-01-01"},
        {"informed_by": "Lan"},
        {"province_code": "01"},
        {"note": "x"},
    ],
}
# Stored rows that are no longer valid themselves (a rule changed, a row written by hand):
# an edit answers only for what it concerns, but a bad status refuses any edit.
STORED_FAULTS: list[dict[str, Any]] = [
    {},
    {"phone": "12", "ward_code": "00004"},
    {"informed_on": "2999-01-01"},
    {"labour_total": 1, "labour_insured": 9},
    {"status": "gone"},
]


class NoRecords:
    def row(self, table: str, row_id: str) -> Mapping[str, Any] | None:
        return None

    def children(self, table: str, column: str, parent_id: str) -> list[Mapping[str, Any]]:
        return []


def every_rule(change: Change) -> Broken | None:
    for rule in RULES.rules_of(change.table):
        broken = rule(change)
        if broken is not None:
            return broken
    return None


def shown(broken: Broken | None) -> Any:
    return None if broken is None else (broken.code, broken.message, broken.params)


@pytest.mark.parametrize("table", sorted(EDITS))
def test_judging_fewer_rules_answers_as_every_rule_does(table: str) -> None:
    stored_row = FACILITY if table == "facility" else SURVEY
    units = unit_index()
    answers = set()
    for fault in STORED_FAULTS:
        old = stored_row | fault
        for edit in EDITS[table]:
            changed = frozenset(k for k, v in edit.items() if old.get(k) != v)
            for before in (old, None):  # an edit of a stored record, and the record new
                change = Change(table, before, old | edit, changed, "centre_staff", NoRecords(), units)
                answer = shown(RULES.judge(change))
                assert answer == shown(every_rule(change)), (fault, edit, before is None)
                answers.add(answer if answer is None else answer[0])
    assert {None, "rule_broken", "unknown_status"} <= answers  # the cases above reach each answer


def test_a_change_concerns_its_fields_and_those_checked_against_them() -> None:
    old = FACILITY
    change = Change("facility", old, old, frozenset({"labour_total"}), "x", NoRecords(), unit_index())
    assert change.concerned() == {"labour_total", "labour_insured"}
    assert {n for n in FACILITY if change.concerns(n)} == change.concerned()
    assert Change("facility", None, old, frozenset(), "x", NoRecords(), unit_index()).concerned() is None
    assert "labour_insured" in RELATED_FIELDS["facility"]
