"""The one-screen overview of a database (`kcdesk status`, the dashboard's counts) as plain
data, built either over the ORM (kcdesk.services.overview) or over plain sqlite3 for a
command that only reads (kcdesk.db.quick_read); both fill this same record."""

from __future__ import annotations

from typing import NamedTuple


class Overview(NamedTuple):  # not a dataclass: see kcdesk.domain.deadlines
    province: str
    centre: str
    facilities: int
    proposals: int
    acceptances: int
    surveys: int
    pending_changes: int
    due_soon: int
    overdue: int
    demo: bool
    progress_missing: int = 0  # progress reports still missing this month
    progress_overdue: int = 0
    evaluations_due: int = 0  # post-support evaluations due within 30 days or overdue
    evaluations_overdue: int = 0
