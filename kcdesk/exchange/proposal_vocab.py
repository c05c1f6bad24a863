"""Proposal levels and statuses as they are written in sheets (statuses: kcdesk.domain.lifecycle)."""

from __future__ import annotations

from kcdesk.domain.lifecycle import STATUSES as STATUS_LABELS

LEVEL_LABELS = {"KCQG": "KCQG", "KCDP": "KCĐP"}
LEVEL_ALIASES = {
    "kcqg": "KCQG",
    "quoc gia": "KCQG",
    "khuyen cong quoc gia": "KCQG",
    "trung uong": "KCQG",
    "kcdp": "KCDP",
    "dia phuong": "KCDP",
    "khuyen cong dia phuong": "KCDP",
}
DEFAULT_STATUS = "approved"  # a sheet without a status lists the approved plan

__all__ = ["DEFAULT_STATUS", "LEVEL_ALIASES", "LEVEL_LABELS", "STATUS_LABELS"]
