"""The activity codes (nội dung hoạt động khuyến công) a need or a proposal can name."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import ActivityType


def activity_choices(session: Session) -> list[tuple[str, str]]:
    """(code, name) of the activity codes in force today (KC1..KC9 and their sub-items), in
    the catalogue's order."""
    rows = session.execute(
        select(ActivityType.code, ActivityType.name)
        .where(ActivityType.valid_to.is_(None))
        .order_by(ActivityType.sort_key, ActivityType.code)
    )
    return [(c, n) for c, n in rows]
