"""The issuing agency printed in document headers, from this database's settings.

The centre's own names live in app_meta (keys below) once someone sets them; until then
they are derived from the province: "SỞ CÔNG THƯƠNG THÀNH PHỐ ĐÀ NẴNG" over
"TRUNG TÂM KHUYẾN CÔNG", dated at "Đà Nẵng". The receivers of its periodic report ("Nơi
nhận") are kept the same way, one a line under RECEIVERS_KEY; until someone edits them
they are the ones a provincial report goes to (default_receivers).
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
RECEIVERS_KEY = "report_receivers"
DEFAULT_NAME = "Trung tâm Khuyến công"
# The ministry's department for khuyến công since NĐ 40/2025 (domain.md §3).
MINISTRY_DEPARTMENT = "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công (Bộ Công Thương)"


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


def place_names(session: Session) -> tuple[str, ...]:
    """Every province name, current and before 1 July 2025: the proper names an agency line
    may not break inside ("Nghệ An", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu")."""
    rows = session.execute(select(AdminUnit.name).where(AdminUnit.level == "province").distinct()).scalars()
    return tuple(sorted({name for name in rows if name}))


def _in_sentence(full_name: str) -> str:
    """'Tỉnh Nghệ An' -> 'tỉnh Nghệ An': the unit word is lower case after another name."""
    for word in ("Tỉnh ", "Thành phố "):
        if full_name.startswith(word):
            return word.lower() + full_name[len(word) :]
    return full_name


def default_receivers(province_full_name: str | None, agency_code: str) -> list[str]:
    """Where a provincial centre's periodic report goes: the ministry's department, the
    provincial People's Committee, the Department of Industry and Trade, and the file copy."""
    filed = f"Lưu: VT, {agency_code}"
    if not province_full_name:
        return [MINISTRY_DEPARTMENT, filed]
    place = _in_sentence(province_full_name)
    return [MINISTRY_DEPARTMENT, f"UBND {place}", f"Sở Công Thương {place}", filed]


def parse_receivers(text: str | None) -> list[str]:
    """The stored setting (one receiver a line) as a list; blank lines dropped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


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
    receivers = parse_receivers(meta.get(RECEIVERS_KEY)) or default_receivers(full or None, values["code"])
    return Agency(**values, names=place_names(session), receivers=tuple(receivers))
