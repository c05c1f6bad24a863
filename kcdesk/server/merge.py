"""Field-level three-way merge and the rules a change must pass (locks, lifecycle, values).

Pure functions over plain dicts in wire form, so the rules are tested without a database.
Device clocks play no part: "concurrent" means the row's server version moved past the
version the device started from, and a field conflicts only when the server's value is
neither the device's base value nor the device's new value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kcdesk.db.capture import ACCEPTANCE_CHILDREN, LOCKED_PROPOSAL_STATUSES, PROPOSAL_CHILDREN
from kcdesk.domain.vocab import FACILITY_STATUSES, SURVEY_STATUSES

try:  # the proposal state machine (kcdesk.domain.lifecycle); statuses only without it
    from kcdesk.domain import lifecycle as _lifecycle
except ImportError:  # pragma: no cover - the core always ships it once written
    _lifecycle = None  # type: ignore[assignment]

MISSING = object()
SERVER_MANAGED = frozenset({"id", "row_version", "updated_at"})


class Refusal(Exception):
    """A mutation the server will not apply: a reason code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass
class MergeResult:
    apply: dict[str, Any] = field(default_factory=dict)  # fields to write (wire form)
    conflicts: dict[str, dict[str, Any]] = field(default_factory=dict)  # field -> base/mine/theirs
    concurrent: bool = False


def merge_fields(
    current: Mapping[str, Any],
    current_version: int,
    values: Mapping[str, Any],
    base: Mapping[str, Any],
    base_version: int,
) -> MergeResult:
    """Three-way merge of one mutation into the server's row (all values normalised).

    Fields the other side left alone take the device's value; a field both changed to
    different values is a conflict: the later arrival (this mutation) wins, and the
    replaced value is kept in the conflict record for people to review.
    """
    result = MergeResult(concurrent=current_version != base_version)
    for name, mine in values.items():
        theirs = current.get(name)
        if _same(mine, theirs):
            continue
        original = base.get(name, MISSING)
        if not result.concurrent or (original is not MISSING and _same(theirs, original)):
            result.apply[name] = mine
        else:
            result.apply[name] = mine
            result.conflicts[name] = {
                "base": None if original is MISSING else original,
                "mine": mine,
                "theirs": theirs,
            }
    return result


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or (a is not None and b is not None and bool(a) == bool(b) and type(a) is type(b))
    return bool(a == b)


def check_locks(
    table: str,
    current: Mapping[str, Any] | None,
    changed: set[str],
    parent: Mapping[str, Any] | None,
    parent_table: str | None,
) -> None:
    """Signed acceptances and settled proposals (and their children) do not change."""
    if table == "acceptance" and current is not None and current.get("signed_at"):
        raise Refusal("locked", what_key="acceptance")
    if table in ACCEPTANCE_CHILDREN and parent_table == "acceptance" and parent and parent.get("signed_at"):
        raise Refusal("locked", what_key="acceptance")
    settled = table == "proposal" and current is not None and current.get("status") in LOCKED_PROPOSAL_STATUSES
    if settled and (changed - {"status", "status_date", "deleted_at"} or "deleted_at" in changed):
        raise Refusal("locked", what_key="proposal")
    if (
        table in PROPOSAL_CHILDREN
        and parent_table == "proposal"
        and parent
        and parent.get("status") in LOCKED_PROPOSAL_STATUSES
    ):
        raise Refusal("locked", what_key="proposal")


def check_status(table: str, old: Mapping[str, Any] | None, new: Mapping[str, Any], role: str) -> None:
    """Status values must be known; a proposal moves only along the state machine."""
    status = new.get("status")
    if table == "facility" and status not in FACILITY_STATUSES:
        raise Refusal("unknown_status", status=status, table=table)
    if table == "survey" and status not in SURVEY_STATUSES:
        raise Refusal("unknown_status", status=status, table=table)
    if table != "proposal":
        return
    known = _lifecycle.STATUSES if _lifecycle is not None else None
    if known is not None and status not in known:
        raise Refusal("unknown_status", status=status, table=table)
    if old is None or old.get("status") == status or _lifecycle is None:
        return
    level = str(new.get("level") or "")
    source = str(old.get("status"))
    allowed = [t for t in _lifecycle.next_steps(source, level) if t.target == status]
    if not allowed or not any(role == "admin" or role in t.roles for t in allowed):
        raise Refusal(
            "invalid_transition", old=_lifecycle.status_label(source), new=_lifecycle.status_label(str(status))
        )
