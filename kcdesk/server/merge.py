"""Field-level three-way merge of a change into the stored row, and the refusal type.

Pure functions over plain dicts in wire form, so the merge is tested without a database
(the rules a change must pass are in kcdesk.server.rulebook and kcdesk.server.access).
Device clocks play no part: "concurrent" means the row's server version moved past the
version the device started from, and a field conflicts only when the server's value is
neither the device's base value nor the device's new value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MISSING = object()


class Refusal(Exception):
    """A mutation the server will not apply: a reason code, its parameters, and the message
    when it is a rule's own (otherwise the code's text in kcdesk.sync.reasons)."""

    def __init__(self, code: str, message: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.params = params


@dataclass(slots=True)
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
    concurrent = current_version != base_version
    apply: dict[str, Any] = {}
    conflicts: dict[str, dict[str, Any]] = {}
    for name, mine in values.items():
        theirs = current.get(name)
        if _same(mine, theirs):
            continue
        apply[name] = mine
        original = base.get(name, MISSING)
        if concurrent and (original is MISSING or not _same(theirs, original)):
            conflicts[name] = {
                "base": None if original is MISSING else original,
                "mine": mine,
                "theirs": theirs,
            }
    return MergeResult(apply, conflicts, concurrent)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or (a is not None and b is not None and bool(a) == bool(b) and type(a) is type(b))
    return bool(a == b)
