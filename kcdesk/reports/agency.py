"""The issuing agency printed in document headers, from this database's settings.

The centre's own names live in app_meta (keys below) once someone sets them; until then
they are derived from the province: "SỞ CÔNG THƯƠNG THÀNH PHỐ ĐÀ NẴNG" over
"TRUNG TÂM KHUYẾN CÔNG", dated at "Đà Nẵng".
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AdminUnit, AppMeta
from kcdesk.reports.document import Agency

META_KEYS = {
    "parent": "agency_parent",
    "name": "agency_name",
    "place": "agency_place",
    "code": "agency_code",
}
DEFAULT_NAME = "Trung tâm Khuyến công"


def province_names(session: Session, code: str | None) -> tuple[str, str] | None:
    """(full name, short name) of a current province: ('Thành phố Đà Nẵng', 'Đà Nẵng')."""
    if not code:
        return None
    row = session.execute(
        select(AdminUnit.full_name, AdminUnit.name).where(
            AdminUnit.code == code, AdminUnit.level == "province", AdminUnit.valid_to.is_(None)
        )
    ).first()
    return (row[0], row[1]) if row else None


def agency_for(session: Session, province_code: str | None = None, **overrides: str | None) -> Agency:
    meta = {k: v for k, v in session.execute(select(AppMeta.key, AppMeta.value))}
    province_code = province_code or meta.get("province_code")
    names = province_names(session, province_code)
    full, short = names if names else ("", "")
    values = {
        "parent": meta.get(META_KEYS["parent"]) or (f"Sở Công Thương {full}".strip() if full else "Sở Công Thương"),
        "name": meta.get(META_KEYS["name"]) or meta.get("centre_name") or DEFAULT_NAME,
        "place": meta.get(META_KEYS["place"]) or short or "",
        "code": meta.get(META_KEYS["code"]) or "TTKC",
    }
    for key, value in overrides.items():
        if value:
            values[key] = value
    return Agency(**values)
