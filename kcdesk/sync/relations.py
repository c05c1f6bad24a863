"""How synced tables hang together: which rows place themselves (by province and
commune) and which follow a parent. Shared by the server (scopes, authorisation) and the
client (eviction, "blocked by parent")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Tables placed by their own columns: (province column, commune column).
OWN_PLACEMENT: dict[str, tuple[str | None, str | None]] = {
    "facility": ("province_code", "ward_code"),
    "survey": ("province_code", "ward_code"),
    "proposal": ("province_code", "ward_code"),
    "app_user": ("province_code", None),
    "support_rule": ("province_code", None),
    "legal_document": (None, None),
    # Personal data protection: placed by the commune of the record they are about.
    "personal_data_access": ("province_code", "ward_code"),
    "personal_data_erasure": ("province_code", "ward_code"),
}
# Tables placed by a parent: (column holding the parent's id, parent table).
PARENT: dict[str, tuple[str, str]] = {
    "facility_year_stat": ("facility_id", "facility"),
    "survey_need": ("survey_id", "survey"),
    "acceptance": ("proposal_id", "proposal"),
    "acceptance_member": ("acceptance_id", "acceptance"),
    "acceptance_item": ("acceptance_id", "acceptance"),
    "budget_line": ("proposal_id", "proposal"),
    "disbursement": ("proposal_id", "proposal"),
    "post_support_evaluation": ("proposal_id", "proposal"),
    "progress_report": ("proposal_id", "proposal"),
    "proposal_activity": ("proposal_id", "proposal"),
    "proposal_beneficiary": ("proposal_id", "proposal"),
    "proposal_status_event": ("proposal_id", "proposal"),
    "proposal_task": ("proposal_id", "proposal"),
    "collaborator_commune": ("user_id", "app_user"),
}
# Tables only the server writes: people are created by an administrator (see
# kcdesk.server.users) and reach devices by pull; a device never pushes them.
SERVER_OWNED = frozenset({"app_user"})
# Attachments follow their owner, named by (owner_table, owner_id).
ATTACHMENT = "attachment"
CHILDREN: dict[str, list[tuple[str, str]]] = {}
for _child, (_column, _parent) in PARENT.items():
    CHILDREN.setdefault(_parent, []).append((_child, _column))


def parent_ref(table: str, row: Mapping[str, Any]) -> tuple[str, str] | None:
    """(parent table, parent id) for a child row, or None for a row placed by itself."""
    if table == ATTACHMENT:
        owner_table, owner_id = row.get("owner_table"), row.get("owner_id")
        if not owner_table or not owner_id:
            return None
        return str(owner_table), str(owner_id)
    link = PARENT.get(table)
    if link is None:
        return None
    parent_id = row.get(link[0])
    return (link[1], str(parent_id)) if parent_id else None


def is_placed_by_parent(table: str) -> bool:
    return table in PARENT or table == ATTACHMENT
