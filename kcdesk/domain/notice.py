"""Notice at collection (Luật Bảo vệ dữ liệu cá nhân 91/2025): a facility or a survey
records when and by whom the person was told how their data is processed.

The same check runs in the app's services and in the server's rule book, so a value the
window refuses cannot arrive from another device either."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from kcdesk.errors import FieldMessage

NOTICE_LABELS = {"informed_on": "Ngày thông báo xử lý dữ liệu cá nhân", "informed_by": "Người thông báo"}


def as_date(value: Any) -> date | str | None:
    """A date, None, or the text as given when it is not a date (the check names it)."""
    if value is None or value == "" or isinstance(value, date):
        return value or None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)


def notice_problems(values: Mapping[str, Any], today: date) -> dict[str, FieldMessage]:
    """Problems of the notice fields, by field: not in the future, and who informed the
    person is required once the date is recorded (and means nothing without it)."""
    problems: dict[str, FieldMessage] = {}
    on = as_date(values.get("informed_on"))
    by = str(values.get("informed_by") or "").strip()
    if isinstance(on, str):
        problems["informed_on"] = FieldMessage("Ngày thông báo '{value}' không đúng dạng dd/mm/yyyy.", value=on)
    elif on is not None and on > today:
        problems["informed_on"] = FieldMessage("Ngày thông báo xử lý dữ liệu cá nhân không được sau hôm nay.")
    if on is not None and not by:
        problems["informed_by"] = FieldMessage("Hãy ghi người đã thông báo cho chủ thể dữ liệu (họ tên cán bộ).")
    if on is None and by:
        problems["informed_on"] = FieldMessage("Hãy ghi ngày đã thông báo xử lý dữ liệu cá nhân.")
    return problems
