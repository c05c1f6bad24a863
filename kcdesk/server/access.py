"""Who may write a row where it is and where it goes, and how rows move between provinces.

Checked against the STORED placement (the row's province and commune before the change)
and the placement the change gives it:

- a device writes a row only where it may write: before and after the change;
- a row moves to another province (a facility re-registered elsewhere) only when the
  ministry or the administrator of the province it leaves moves it, as a change of its
  placement fields alone: a move never carries other edits, so a role that may move but
  not write (the ministry) never writes by moving it out and back;
- nothing moves between a province and the national rows;
- a child row takes its parent's place, so re-pointing it at another parent is a write on
  both parents (see push.BatchApplier._parent: a parent the device cannot see is "missing").
"""

from __future__ import annotations

from kcdesk.server.merge import Refusal
from kcdesk.server.scopes import (
    MINISTRY_ROLES,
    MOVER_ROLE,
    NATIONAL,
    OWN_PLACEMENT,
    DeviceGrant,
    Placement,
    is_placed_by_parent,
)
from kcdesk.sync.reasons import scope_name

# The fields a move changes, per table placed by its own columns.
MOVE_FIELDS: dict[str, frozenset[str]] = {
    table: frozenset(c for c in columns if c) for table, columns in OWN_PLACEMENT.items()
}


def may_move(grant: DeviceGrant, table: str, old: Placement) -> bool:
    """The ministry, and the administrator of the province the row leaves."""
    return grant.role in MINISTRY_ROLES or (grant.role == MOVER_ROLE and grant.can_write(table, old))


def check_write(grant: DeviceGrant, table: str, old: Placement | None, new: Placement, changed: set[str]) -> None:
    """Raise the Refusal that stops this write, if any. The device can see `old` (an id it
    cannot see is answered "not found" before this)."""
    if old is None:
        if grant.can_write(table, new):
            return
        if grant.can_see(table, new):
            raise Refusal("read_only", role=grant.role)
        raise Refusal("out_of_scope", scope_name=scope_name(new.scope))
    if old.scope != new.scope and not is_placed_by_parent(table):
        if not may_move(grant, table, old):
            if grant.can_write(table, old):
                raise Refusal("move_not_allowed", scope_name=scope_name(new.scope))
            raise Refusal("read_only", role=grant.role)
        if NATIONAL in (old.scope, new.scope):
            raise Refusal("move_national")
        extra = changed - MOVE_FIELDS.get(table, frozenset())
        if extra:
            raise Refusal("move_with_changes", scope_name=scope_name(new.scope), fields=", ".join(sorted(extra)))
        return
    if not grant.can_write(table, old):
        raise Refusal("read_only", role=grant.role)
    if not grant.can_write(table, new):
        if grant.can_see(table, new):
            raise Refusal("read_only", role=grant.role)
        raise Refusal("out_of_scope", scope_name=scope_name(new.scope))


def require_write(grant: DeviceGrant, table: str, placement: Placement) -> None:
    """For changes that leave the row where it is (a delete, a change that changes nothing)."""
    if not grant.can_write(table, placement):
        raise Refusal("read_only", role=grant.role)
