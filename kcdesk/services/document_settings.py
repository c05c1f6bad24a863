"""What printed documents say about the office that issues them, kept in this database.

The names in the header (parent agency, centre, place, the code in document numbers) and
the receivers of the periodic report ("Nơi nhận"), in app_meta beside the province and the
centre name. Whatever is not set is derived from the province when printing
(kcdesk.reports.agency), so a new database prints correctly before anyone edits it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from kcdesk.db.store import get_meta, set_meta
from kcdesk.errors import FieldMessage, ValidationError
from kcdesk.reports.agency import META_KEYS, RECEIVERS_KEY, agency_for, parse_receivers
from kcdesk.text import clean

MAX_NAME = 200
MAX_RECEIVERS = 20
CODE = re.compile(r"^[A-ZĐ0-9][A-ZĐ0-9.-]{0,19}$")
LABELS = {
    "parent": "Cơ quan chủ quản",
    "name": "Tên cơ quan ban hành",
    "place": "Địa danh",
    "code": "Chữ viết tắt trong số văn bản",
    "receivers": "Nơi nhận báo cáo định kỳ",
}


@dataclass(frozen=True)
class DocumentSettings:
    parent: str
    name: str
    place: str
    code: str
    receivers: list[str]
    set_here: list[str]  # which of the above were set by someone (the rest are derived)


def read_settings(session: Session) -> DocumentSettings:
    agency = agency_for(session)
    set_here = [k for k, key in META_KEYS.items() if get_meta(session, key)]
    if parse_receivers(get_meta(session, RECEIVERS_KEY)):
        set_here.append("receivers")
    return DocumentSettings(agency.parent, agency.name, agency.place, agency.code, list(agency.receivers), set_here)


def update_settings(
    session: Session,
    *,
    receivers: Sequence[str] | None = None,
    default_receivers: bool = False,
    derive: Sequence[str] = (),
    **names: str | None,
) -> DocumentSettings:
    """Set what is given; `default_receivers` goes back to the derived list and the names in
    `derive` back to those derived from the province. Everything is checked before anything
    is written, so a bad value changes nothing."""
    errors: dict[str, FieldMessage] = {}
    values: dict[str, str] = {}
    for field, raw in names.items():
        if field not in META_KEYS:
            raise ValueError(f"unknown document setting {field!r}")
        if raw is None:
            continue
        value = clean(raw)
        if value is None:
            errors[field] = FieldMessage("Không được để trống.")
        elif len(value) > MAX_NAME:
            errors[field] = FieldMessage("Dài quá {n} ký tự.", n=MAX_NAME)
        elif field == "code" and not CODE.match(value):
            errors[field] = FieldMessage(
                "Chữ viết tắt '{value}' chỉ gồm chữ in hoa, chữ số, dấu chấm hoặc gạch ngang, "
                "không có dấu cách hay dấu /; ví dụ TTKC.",
                value=value,
            )
        else:
            values[field] = value
    lines: list[str] | None = None
    if receivers is not None:
        lines = [c for c in (clean(r) for r in receivers) if c]
        if not lines:
            errors["receivers"] = FieldMessage("Hãy ghi ít nhất một nơi nhận, hoặc dùng danh sách mặc định.")
        elif len(lines) > MAX_RECEIVERS:
            errors["receivers"] = FieldMessage("Nhiều nhất {n} nơi nhận.", n=MAX_RECEIVERS)
        elif any(len(line) > MAX_NAME for line in lines):
            errors["receivers"] = FieldMessage("Mỗi nơi nhận dài không quá {n} ký tự.", n=MAX_NAME)
    unknown = [f for f in derive if f not in META_KEYS]
    if unknown:
        raise ValueError(f"unknown document settings {unknown!r}")
    if errors:
        raise ValidationError(errors, labels=LABELS)
    for field in derive:
        if field not in values:
            set_meta(session, META_KEYS[field], None)
    for field, value in values.items():
        set_meta(session, META_KEYS[field], value)
    if default_receivers:
        set_meta(session, RECEIVERS_KEY, None)
    elif lines is not None:
        set_meta(session, RECEIVERS_KEY, "\n".join(lines))
    return read_settings(session)
