"""User roles: who may do what (proposal transitions name the roles they allow)."""

from __future__ import annotations

ROLES: dict[str, str] = {
    "centre_staff": "Cán bộ Trung tâm Khuyến công",
    "centre_leader": "Lãnh đạo Trung tâm",
    "accountant": "Kế toán",
    "so_reviewer": "Cán bộ thẩm định Sở Công Thương",
    "collaborator": "Cộng tác viên khuyến công",
    "ministry": "Cán bộ Bộ Công Thương",
    "admin": "Quản trị hệ thống",
}

STAFF = frozenset({"centre_staff", "centre_leader"})
SO = frozenset({"so_reviewer"})
LEADERS = frozenset({"centre_leader"})
MONEY = frozenset({"centre_leader", "accountant"})
MINISTRY = frozenset({"ministry"})
EVERYONE_WHO_EDITS = frozenset({"centre_staff", "centre_leader", "accountant", "so_reviewer", "admin"})


def role_label(role: str) -> str:
    return ROLES.get(role, role)
