"""Where a row belongs (its scope and commune) and who may read or write it.

A row's placement is its province ("00" for national rows such as legal documents) and,
for commune-level data, its commune. Child rows take their parent's placement (a budget
line is where its proposal is; an attachment is where its owner is). Devices see views:

- province staff: their province (read and write), national rows (read);
- collaborators: facilities and surveys in their assigned communes (read and write),
  the province's user list and national rows (read);
- the ministry: every province (read) and national rows (read and write).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from kcdesk.sync.relations import (
    ATTACHMENT,
    CHILDREN,
    OWN_PLACEMENT,
    PARENT,
    SERVER_OWNED,
    is_placed_by_parent,
    parent_ref,
)

__all__ = [
    "ATTACHMENT",
    "CHILDREN",
    "MINISTRY_ROLES",
    "MOVER_ROLE",
    "NATIONAL",
    "OWN_PLACEMENT",
    "PARENT",
    "SERVER_OWNED",
    "DeviceGrant",
    "Placement",
    "View",
    "is_placed_by_parent",
    "own_placement",
    "parent_ref",
]
NATIONAL = "00"
MINISTRY_ROLES = frozenset({"ministry"})
COLLABORATOR_ROLES = frozenset({"collaborator"})
PROVINCE_ROLES = frozenset({"centre_staff", "centre_leader", "accountant", "so_reviewer", "admin"})
MOVER_ROLE = "admin"  # with the ministry, may move rows between provinces (see push.BatchApplier._may_move)
ALL_ROLES = MINISTRY_ROLES | COLLABORATOR_ROLES | PROVINCE_ROLES

COLLABORATOR_TABLES = frozenset({"facility", "facility_year_stat", "survey", "survey_need", "attachment"})
COLLABORATOR_READ_EXTRA = frozenset({"app_user", "collaborator_commune"})
# A collaborator's own accesses to people's data go up to the server, but only the province's
# staff read the trail; erasures reach the collaborators of the commune so that their
# laptops scrub their own copies too.
COLLABORATOR_WRITE_ONLY = frozenset({"personal_data_access"})
COLLABORATOR_READ_BY_COMMUNE = frozenset({"personal_data_erasure"})


@dataclass(frozen=True)
class Placement:
    scope: str
    ward: str | None


class Places(dict[tuple[str, str | None], Placement]):
    """One Placement object per place, made on first use: a batch's or a page's rows share a
    few wards, and their placements are made and compared thousands of times otherwise."""

    def __missing__(self, key: tuple[str, str | None]) -> Placement:
        made = self[key] = Placement(*key)
        return made


@dataclass(frozen=True)
class View:
    """What a device pulls from one scope: all of it, or the rows of some communes."""

    scope: str
    communes: tuple[str, ...] | None
    writable: bool

    @property
    def key(self) -> str:
        return self.scope if self.communes is None else f"{self.scope}:{','.join(self.communes)}"

    def sees(self, table: str, placement: Placement) -> bool:
        if placement.scope != self.scope:
            return False
        if self.communes is None:
            return True
        if table in COLLABORATOR_READ_EXTRA:
            return True
        if table in COLLABORATOR_READ_BY_COMMUNE:
            return placement.ward in self.communes
        return table in COLLABORATOR_TABLES and placement.ward in self.communes


@dataclass(frozen=True)
class DeviceGrant:
    device_id: str
    role: str
    province_code: str | None
    communes: tuple[str, ...]

    def views(self, known_scopes: Sequence[str]) -> list[View]:
        if self.role in MINISTRY_ROLES:
            provinces = sorted(s for s in known_scopes if s != NATIONAL)
            return [View(NATIONAL, None, True), *(View(p, None, False) for p in provinces)]
        national = View(NATIONAL, None, False)
        if self.province_code is None:
            return [national]
        if self.role in COLLABORATOR_ROLES:
            return [View(self.province_code, tuple(sorted(self.communes)), True), national]
        return [View(self.province_code, None, True), national]

    def can_write(self, table: str, placement: Placement) -> bool:
        if self.role in MINISTRY_ROLES:
            return placement.scope == NATIONAL
        if placement.scope != self.province_code:
            return False
        if self.role in COLLABORATOR_ROLES:
            if table in COLLABORATOR_WRITE_ONLY:  # their own accesses, wherever in the province
                return True
            return table in COLLABORATOR_TABLES and placement.ward in self.communes
        return self.role in PROVINCE_ROLES

    def can_read(self, table: str, placement: Placement, known_scopes: Sequence[str]) -> bool:
        return any(v.sees(table, placement) for v in self.views(known_scopes))

    def can_see(self, table: str, placement: Placement) -> bool:
        """can_read of a row that exists (its scope is known): the ministry sees every province."""
        if self.role in MINISTRY_ROLES:
            return True
        return any(v.sees(table, placement) for v in self._own_views)

    @cached_property
    def _own_views(self) -> tuple[View, ...]:
        """views(()) made once: can_see asks it for every row a push or a pull touches."""
        return tuple(self.views(()))


def own_placement(table: str, row: Mapping[Any, Any]) -> Placement:  # a dict or a RowMapping
    province_col, ward_col = OWN_PLACEMENT[table]
    province = row.get(province_col) if province_col else None
    ward = row.get(ward_col) if ward_col else None
    return Placement(str(province) if province else NATIONAL, str(ward) if ward else None)
