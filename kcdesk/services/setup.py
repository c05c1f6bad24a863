"""First-run setup of a database: the province, the centre, this device and its user."""

from __future__ import annotations

import platform
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcdesk.db.models import AppUser, Device
from kcdesk.db.store import get_meta, set_meta
from kcdesk.db.types import utcnow
from kcdesk.db.units import unit_index
from kcdesk.domain.roles import ROLES
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.ids import new_id
from kcdesk.text import clean

DEFAULT_PROVINCE = "48"  # Thành phố Đà Nẵng


@dataclass(frozen=True)
class Identity:
    province_code: str
    province_name: str
    centre_name: str
    device_id: str
    user_id: str


def default_centre_name(province_full_name: str) -> str:
    return f"Trung tâm Khuyến công và Tư vấn phát triển công nghiệp {province_full_name}"


def initialize(
    session: Session,
    *,
    province_code: str | None = None,
    centre_name: str | None = None,
    user_full_name: str | None = None,
    username: str = "canbo",
    role: str = "centre_staff",
) -> Identity:
    """Set up this database once; later calls keep what is set and fill only what is missing."""
    units = unit_index(session)
    province = province_code or get_meta(session, "province_code") or DEFAULT_PROVINCE
    if province not in units.provinces:
        raise ValidationError(
            {
                "province_code": FieldMessage(
                    "Mã tỉnh/thành phố '{value}' không có trong danh mục hiện hành. "
                    "Ví dụ: 01 Hà Nội, 48 Đà Nẵng, 79 TP. Hồ Chí Minh.",
                    value=province,
                )
            }
        )
    if role not in ROLES:
        raise ValidationError({"role": FieldMessage("Vai trò '{value}' không hợp lệ.", value=role)})
    existing_province = get_meta(session, "province_code")
    if existing_province and province_code and province_code != existing_province:
        raise ValidationError(
            {
                "province_code": FieldMessage(
                    "Cơ sở dữ liệu này đã được thiết lập cho {current}; không đổi sang tỉnh khác được. "
                    "Hãy tạo tệp dữ liệu mới.",
                    current=units.provinces[existing_province],
                )
            }
        )
    set_meta(session, "province_code", province)
    centre = clean(centre_name) or get_meta(session, "centre_name") or default_centre_name(units.provinces[province])
    set_meta(session, "centre_name", centre)

    device_id = get_meta(session, "device_id")
    if device_id is None:
        device_id = new_id()
        session.add(Device(id=device_id, name=platform.node() or "kcdesk", is_local=True, enrolled_at=None))
        set_meta(session, "device_id", device_id)

    user_id = get_meta(session, "current_user_id")
    if user_id is None:
        user = session.scalars(select(AppUser).where(AppUser.username == username)).first()
        if user is None:
            user = AppUser(
                id=new_id(),
                username=username,
                full_name=clean(user_full_name) or "Cán bộ Trung tâm",
                role=role,
                province_code=province,
                organisation=centre,
                active=True,
            )
            session.add(user)
            session.flush()
        user_id = user.id
        set_meta(session, "current_user_id", user_id)
    set_meta(session, "initialized_at", get_meta(session, "initialized_at") or utcnow().isoformat())
    return Identity(province, units.provinces[province], centre, device_id, user_id)


def identity(session: Session) -> Identity | None:
    province = get_meta(session, "province_code")
    if province is None:
        return None
    units = unit_index(session)
    return Identity(
        province,
        units.provinces.get(province, province),
        get_meta(session, "centre_name") or "",
        get_meta(session, "device_id") or "",
        get_meta(session, "current_user_id") or "",
    )


def current_user(session: Session) -> AppUser | None:
    user_id = get_meta(session, "current_user_id")
    return session.get(AppUser, user_id) if user_id else None
