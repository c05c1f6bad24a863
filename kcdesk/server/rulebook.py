"""The server's rule book: every incoming change is judged by the domain rules the app
applies before it writes, against the rows the server has STORED.

A rule is a function of a `Change` (the stored row before, the row it would become, the
fields the device changed, the device's role, and the stored rows around it through
`Change.records`) that returns a `Broken` reason or None. Rules are registered per table:

    RULES.add("disbursement", lambda c: field_problems(c, money.payment_problems(c.new, c.parent)))

and the push path (kcdesk.server.push) runs every rule of the table after its own checks
of scope, moves and locks, so a rule sees only changes the device may make at all. A rule
reads related rows through `c.records` (`row`, `children`): those are the server's rows
with the changes applied earlier in the same batch, never values the device claims.
Refusals travel as a reason code (kcdesk.sync.reasons) with the rule's Vietnamese message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from kcdesk.db.capture import ACCEPTANCE_CHILDREN, LOCKED_PROPOSAL_STATUSES, PROPOSAL_CHILDREN
from kcdesk.domain import lifecycle, record_rules
from kcdesk.domain.notice import NOTICE_LABELS, notice_problems
from kcdesk.domain.validation import UnitIndex, facility_problems
from kcdesk.domain.vocab import FACILITY_STATUSES, MEMBER_ROLES, SURVEY_STATUSES
from kcdesk.errors import FieldMessage, KcError, ValidationError
from kcdesk.services.acceptances import check_acceptance
from kcdesk.services.proposals import BudgetInput, check_budget, check_proposal
from kcdesk.sync.relations import OWN_PLACEMENT

# Fields only the server sets: what a device sends for them is never stored. Signing an
# acceptance record is asked for by setting signed_at; the server writes when and who.
SERVER_SET = frozenset({"id", "row_version", "created_at", "updated_at"})
SERVER_SET_BY_TABLE: dict[str, frozenset[str]] = {"acceptance": frozenset({"signed_at", "signed_by"})}
# Tables whose rows may be national (no province): the ministry's legal documents and caps.
NATIONAL_TABLES = frozenset({"legal_document", "support_rule"})
# A problem about one field is also the concern of a change to the fields it is checked
# against (a ward that no longer lies in the province the change moved it to).
RELATED_FIELDS: dict[str, dict[str, frozenset[str]]] = {
    "facility": {
        "ward_code": frozenset({"province_code"}),
        "labour_insured": frozenset({"labour_total"}),
    },
    "survey": {"ward_code": frozenset({"province_code"})},
    "proposal": {"ward_code": frozenset({"province_code"}), "end_date": frozenset({"start_date"})},
    "acceptance": {"accepted_amount": frozenset({"approved_kc_amount"})},
}


class Records(Protocol):
    """The server's stored rows (wire form), with this batch's earlier changes applied."""

    def row(self, table: str, row_id: str) -> Mapping[str, Any] | None: ...

    def children(self, table: str, column: str, parent_id: str) -> list[Mapping[str, Any]]:
        """Rows of `table` whose `column` names `parent_id`, deleted ones left out."""
        ...


class Change(NamedTuple):
    """One change as the rules see it. Immutable, and a named tuple rather than a frozen
    dataclass: one is made for every change a batch applies, and a frozen dataclass set
    each field through object.__setattr__ (three times the cost)."""

    table: str
    old: Mapping[str, Any] | None  # the stored row; None for a new record
    new: Mapping[str, Any]  # the row as it would be stored
    changed: frozenset[str]
    role: str
    records: Records
    units: UnitIndex
    parent: Mapping[str, Any] | None = None  # the stored parent row the new row hangs from
    old_parent: Mapping[str, Any] | None = None  # and the one it hung from before

    @property
    def inserting(self) -> bool:
        return self.old is None

    def concerns(self, name: str) -> bool:
        """Whether a problem about field `name` is this change's to answer for."""
        if self.old is None or name in self.changed:
            return True
        return bool(RELATED_FIELDS.get(self.table, {}).get(name, frozenset()) & self.changed)

    def concerned(self) -> frozenset[str] | None:
        """The fields whose problems this change answers for (see concerns); None: all of
        them (a new record)."""
        if self.old is None:
            return None
        related = RELATED_FIELDS.get(self.table)
        if not related:
            return self.changed
        woken = [name for name, on in related.items() if not on.isdisjoint(self.changed)]
        return self.changed.union(woken) if woken else self.changed


@dataclass(frozen=True)
class Broken:
    """A refusal: the reason code, the Vietnamese message (None: the code's own text in
    kcdesk.sync.reasons) and its parameters."""

    code: str
    message: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


Rule = Callable[[Change], Broken | None]


class RuleBook:
    """Rules by table; "*" rules apply to every table, before the table's own.

    A rule may name the only fields it can refuse a change about (`fields`): it answers
    through field_problems alone, so a change to a stored record that concerns none of them
    (see Change.concerns) cannot be refused by it, and it is not run for that change (a phone
    number edited does not run the notice rule). New records run every rule."""

    def __init__(self) -> None:
        self._rules: dict[str, list[tuple[Rule, frozenset[str] | None]]] = {}
        # "*" rules then the table's, made once, each with the changed fields that wake it
        # (its fields and the fields they are checked against: RELATED_FIELDS), None: any.
        self._by_table: dict[str, tuple[tuple[Rule, frozenset[str] | None], ...]] = {}

    def add(self, tables: str | Iterable[str], rule: Rule, fields: Iterable[str] | None = None) -> Rule:
        named = None if fields is None else frozenset(fields)
        for table in [tables] if isinstance(tables, str) else tables:
            self._rules.setdefault(table, []).append((rule, named))
        self._by_table.clear()
        return rule

    def _of(self, table: str) -> tuple[tuple[Rule, frozenset[str] | None], ...]:
        rules = self._by_table.get(table)
        if rules is None:
            related = RELATED_FIELDS.get(table, {})
            rules = self._by_table[table] = tuple(
                (rule, None if fields is None else fields.union(*(related.get(f, frozenset()) for f in fields)))
                for rule, fields in (*self._rules.get("*", []), *self._rules.get(table, []))
            )
        return rules

    def judge(self, change: Change) -> Broken | None:
        stored = change.old is not None
        for rule, wakes in self._of(change.table):
            if stored and wakes is not None and wakes.isdisjoint(change.changed):
                continue  # concerns none of the fields this rule can refuse about
            broken = rule(change)
            if broken is not None:
                return broken
        return None

    def rules_of(self, table: str) -> list[Rule]:
        """Every rule a change to `table` meets, in order (judge skips some; tests check
        that it answers as running all of them does)."""
        return [rule for rule, _ in self._of(table)]

    def tables(self) -> set[str]:
        return set(self._rules)


RULES = RuleBook()


def server_set(table: str) -> frozenset[str]:
    found = _SERVER_SET_OF.get(table)
    if found is None:  # made once per table: asked for every change
        found = _SERVER_SET_OF[table] = SERVER_SET | SERVER_SET_BY_TABLE.get(table, frozenset())
    return found


_SERVER_SET_OF: dict[str, frozenset[str]] = {}


def stamp(
    table: str,
    sent: Mapping[str, Any],
    old: Mapping[str, Any] | None,
    new: dict[str, Any],
    now: str,
    user_id: str | None,
) -> set[str]:
    """Set the server-set fields a change asks for in `new`; returns the fields set.

    A new record's creation time is the server's. An acceptance record is signed when a
    device sends signed_at on an unsigned one: the time is the server's and the signer is
    the person the device is enrolled for, whatever the device named."""
    stamped: set[str] = set()
    if old is None:
        new["created_at"] = now
    if table == "acceptance" and sent.get("signed_at") and not (old and old.get("signed_at")):
        new["signed_at"], new["signed_by"] = now, user_id
        stamped |= {"signed_at", "signed_by"}
    return stamped


# -- turning the domain's answers into refusals ------------------------------------------


def _shown(value: Any) -> Any:
    """A message parameter as it can travel: translatable values rendered in Vietnamese."""
    if hasattr(value, "text") and callable(value.text):
        return value.text("vi")
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def from_message(code: str, message: FieldMessage, **extra: Any) -> Broken:
    params = {k: _shown(v) for k, v in message.params.items()}
    params.update(extra)
    return Broken(code, message.message, params)


def field_problems(change: Change, problems: Mapping[str, FieldMessage]) -> Broken | None:
    """The first problem this change answers for (see Change.concerns), as a refusal that
    names the field; problems of fields it left alone are the stored row's own."""
    for name, message in problems.items():
        if change.concerns(name):
            return from_message("rule_broken", message, field=name, table=change.table)
    return None


def _validation(change: Change, check: Callable[[], None], keys: Mapping[str, str] | None = None) -> Broken | None:
    """Run a service's check (it raises ValidationError with one message per field)."""
    try:
        check()
    except ValidationError as exc:
        fields = {(keys or {}).get(k, k.rsplit(".", 1)[-1]): m for k, m in exc.fields.items()}
        return field_problems(change, fields)
    except KcError as exc:
        return Broken("rule_broken", exc.message, {k: _shown(v) for k, v in exc.params.items()})
    return None


# -- every table ---------------------------------------------------------------------------


def placement_known(c: Change) -> Broken | None:
    """A record placed by its own columns names a province and commune that exist (a row
    placed in a made-up province would be out of everyone's sight)."""
    columns = OWN_PLACEMENT.get(c.table)
    if columns is None or c.table == "facility":  # facilities: facility_problems says it in their words
        return None
    province_col, ward_col = columns
    problems: dict[str, FieldMessage] = {}
    province = c.new.get(province_col) if province_col else None
    if province_col and province is None and c.table not in NATIONAL_TABLES:
        problems[province_col] = FieldMessage("Hãy chọn tỉnh/thành phố.")
    elif province_col and province is not None and province not in c.units.provinces:
        problems[province_col] = FieldMessage(
            "Mã tỉnh/thành phố '{value}' không có trong danh mục hiện hành (34 tỉnh, thành phố).", value=province
        )
    ward = c.new.get(ward_col) if ward_col else None
    if ward_col and ward is not None:
        if ward not in c.units.wards:
            problems[ward_col] = FieldMessage(
                "Mã xã/phường '{value}' không có trong danh mục hiện hành. Đơn vị cũ (trước 01/7/2025) hãy ghi vào "
                "ô địa chỉ cũ.",
                value=ward,
            )
        elif province is not None and province in c.units.provinces and c.units.wards[ward][0] != province:
            problems[ward_col] = FieldMessage(
                "{ward} không thuộc {province}.", ward=c.units.wards[ward][1], province=c.units.provinces[province]
            )
    return field_problems(c, problems)


# -- facilities and surveys ----------------------------------------------------------------


def facility_fields(c: Change) -> Broken | None:
    status = c.new.get("status")
    if status not in FACILITY_STATUSES:  # whatever the change (facility_problems' "status" is this too)
        return Broken("unknown_status", None, {"status": _shown(status), "table": c.table})
    # Only the problems this change answers for are looked for: field_problems would drop
    # the others (an edited phone number does not check the other forty fields again).
    return field_problems(c, facility_problems(c.new, c.units, c.concerned()))


def survey_status(c: Change) -> Broken | None:
    status = c.new.get("status")
    if status not in SURVEY_STATUSES:
        return Broken("unknown_status", None, {"status": _shown(status), "table": c.table})
    return None


def notice_fields(c: Change) -> Broken | None:
    """The notice at collection, checked as the app's services check it ("today" is the
    date in Việt Nam on the server's clock: see rules_followup.vn_today)."""
    from kcdesk.server.rules_followup import vn_today

    return field_problems(c, notice_problems(c.new, vn_today()))


# -- proposals -----------------------------------------------------------------------------


def proposal_fields(c: Change) -> Broken | None:
    return _validation(c, lambda: check_proposal(c.new))


def proposal_level(c: Change) -> Broken | None:
    """The level is fixed once registered (the lifecycle's steps depend on it)."""
    if c.old is None or "level" not in c.changed:
        return None
    problem = record_rules.level_change_problem(str(c.old.get("status")))
    return from_message("level_fixed", problem, table=c.table) if problem else None


def proposal_status(c: Change) -> Broken | None:
    """The lifecycle, judged from the stored proposal: its stored status and level, the
    roles of the step, and the step's `needs` against the stored acceptance records and
    evaluations."""
    status = str(c.new.get("status"))
    if status not in lifecycle.STATUSES:
        return Broken("unknown_status", None, {"status": _shown(c.new.get("status")), "table": c.table})
    if c.old is not None and "status" not in c.changed:
        return None
    pid = str(c.new["id"])

    def needs_met(needs: str) -> bool:
        return record_rules.requirement_met(
            needs,
            c.records.children("acceptance", "proposal_id", pid),
            c.records.children("post_support_evaluation", "proposal_id", pid),
        )

    old_status = str(c.old.get("status")) if c.old is not None else None
    level = str((c.old or c.new).get("level") or "")
    problem = record_rules.status_change_problem(old_status, status, level, c.role, needs_met)
    return from_message(problem.code, problem.message, table=c.table) if problem else None


def status_event(c: Change) -> Broken | None:
    proposal = c.parent
    problem = record_rules.status_event_problem(c.new, str(proposal.get("status")) if proposal else None)
    return from_message("rule_broken", problem, field="to_status", table=c.table) if problem else None


def budget_line_fields(c: Change) -> Broken | None:
    new: Any = c.new  # amounts as they came, unchecked: check_budget refuses what is not whole đồng
    line = BudgetInput(
        item=new.get("item") or "",
        kc_amount=new.get("kc_amount"),
        counterpart_amount=new.get("counterpart_amount"),
        other_amount=new.get("other_amount"),
    )
    return _validation(c, lambda: check_budget([line]))


# -- acceptance records --------------------------------------------------------------------


def acceptance_fields(c: Change) -> Broken | None:
    return _validation(c, lambda: check_acceptance(c.new, []))


def acceptance_signing(c: Change) -> Broken | None:
    """Signing (signed_at set; the server stamps the time and the signer) needs what the
    app's sign_acceptance needs: a conclusion, a number, at least one member."""
    if not c.new.get("signed_at") or (c.old is not None and c.old.get("signed_at")):
        return None
    members = c.records.children("acceptance_member", "acceptance_id", str(c.new["id"]))
    problems = record_rules.signing_problems(c.new, members)
    for name, message in problems.items():
        return from_message("rule_broken", message, field=name, table=c.table)
    return None


def member_fields(c: Change) -> Broken | None:
    problems: dict[str, FieldMessage] = {}
    n = 1 + int(c.new.get("sort_order") or 0)
    if not str(c.new.get("full_name") or "").strip():
        problems["full_name"] = FieldMessage("Thành viên {n}: hãy nhập họ tên.", n=n)
    if c.new.get("role") not in MEMBER_ROLES:
        problems["role"] = FieldMessage("Thành viên {n}: vai trò không hợp lệ.", n=n)
    return field_problems(c, problems)


# -- attachments ---------------------------------------------------------------------------


def attachment_fields(c: Change) -> Broken | None:
    problems: dict[str, FieldMessage] = {}
    if not re.fullmatch(r"[0-9a-f]{64}", str(c.new.get("sha256"))):
        problems["sha256"] = FieldMessage("Mã băm tệp phải là sha256 (64 chữ số hệ 16).")
    size = c.new.get("size")
    if not isinstance(size, int) or size < 0:
        problems["size"] = FieldMessage("Kích thước tệp phải là số nguyên không âm.")
    return field_problems(c, problems)


# -- locks -------------------------------------------------------------------------------------


def lock_problem(c: Change, parent_table: str | None) -> Broken | None:
    """Signed acceptance records and settled proposals do not change, nor lose or gain
    children: the parent is checked before (a child taken out) and after (a child put in)."""
    if c.table == "acceptance" and c.old is not None and c.old.get("signed_at"):
        return Broken("locked", None, {"what_key": "acceptance", "table": c.table})
    settled = c.table == "proposal" and c.old is not None and c.old.get("status") in LOCKED_PROPOSAL_STATUSES
    if settled and (c.changed - {"status", "status_date"}):
        return Broken("locked", None, {"what_key": "proposal", "table": c.table})
    if c.table == "attachment":
        # The files of a signed acceptance record stay as they were signed, as in the app
        # (services.attachments.refuse_if_closed); the owner before and after is checked.
        for row, owner in ((c.old, c.old_parent), (c.new, c.parent)):
            if (
                row is not None
                and owner is not None
                and row.get("owner_table") == "acceptance"
                and owner.get("signed_at")
            ):
                return Broken("locked", None, {"what_key": "acceptance", "table": c.table})
    for parent in (c.old_parent, c.parent):
        if parent is None:
            continue
        if c.table in ACCEPTANCE_CHILDREN and parent_table == "acceptance" and parent.get("signed_at"):
            return Broken("locked", None, {"what_key": "acceptance", "table": c.table})
        if (
            c.table in PROPOSAL_CHILDREN
            and parent_table == "proposal"
            and parent.get("status") in LOCKED_PROPOSAL_STATUSES
        ):
            return Broken("locked", None, {"what_key": "proposal", "table": c.table})
    return None


# The follow-up rules (money, progress reports, evaluations) register in
# kcdesk.server.rules_followup, imported by the push path.
RULES.add("*", placement_known)
RULES.add("facility", facility_fields)
RULES.add("survey", survey_status)
RULES.add(("facility", "survey"), notice_fields, fields=NOTICE_LABELS)
RULES.add("proposal", proposal_status)
RULES.add("proposal", proposal_level)
RULES.add("proposal", proposal_fields)
RULES.add("proposal_status_event", status_event)
RULES.add("budget_line", budget_line_fields)
RULES.add("acceptance", acceptance_fields)
RULES.add("acceptance", acceptance_signing)
RULES.add("acceptance_member", member_fields)
RULES.add("attachment", attachment_fields)
