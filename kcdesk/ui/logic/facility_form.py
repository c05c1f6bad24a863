"""The facility editor's state: values as typed, what changed, what is wrong.

The editor feeds every keystroke in with `set_value`; the rules are the core's own
(`facility_problems` after the core's `normalize`), so the window, the CLI and Excel
import refuse exactly the same input.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from kcdesk.domain.notice import notice_problems
from kcdesk.domain.validation import UnitIndex, facility_problems
from kcdesk.errors import FieldMessage
from kcdesk.services.facilities import EDITABLE_FIELDS, normalize

# Kept on old records as they were written; shown, never edited (domain rule).
READ_ONLY_FIELDS = frozenset({"legacy_address", "legacy_province_code", "legacy_district_code", "legacy_ward_code"})
FORM_FIELDS: tuple[str, ...] = tuple(f for f in EDITABLE_FIELDS if f not in READ_ONLY_FIELDS)
DATE_FIELDS = ("reg_date", "informed_on")
BOOL_FIELDS = ("has_export_contract", "in_supporting_industry_list", "cleaner_production", "typical_product")


def _blank(value: Any) -> Any:
    """'' and None mean the same thing in a form: nothing typed."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _same(a: Any, b: Any) -> bool:
    a, b = _blank(a), _blank(b)
    if a is None or b is None:
        return a is b
    return str(a).strip() == str(b).strip()


class FacilityForm:
    def __init__(
        self, units: UnitIndex, original: Mapping[str, Any] | None = None, *, province_code: str | None = None
    ) -> None:
        self.units = units
        self.facility_id: str | None = (original or {}).get("id")
        base: dict[str, Any] = {f: None for f in FORM_FIELDS}
        for flag in BOOL_FIELDS:
            base[flag] = False
        base["status"] = "active"
        if province_code:
            base["province_code"] = province_code
        for key, value in (original or {}).items():
            if key in FORM_FIELDS:
                base[key] = parse_day(value) if key in DATE_FIELDS and isinstance(value, str) else value
        self.original = base
        self.values = dict(base)
        self.legacy = {k: (original or {}).get(k) for k in READ_ONLY_FIELDS}

    @property
    def is_new(self) -> bool:
        return self.facility_id is None

    def set_value(self, field: str, value: Any) -> None:
        if field not in FORM_FIELDS:
            raise KeyError(field)
        if field in DATE_FIELDS and isinstance(value, str):
            value = parse_day(value)
        self.values[field] = value

    def dirty_fields(self) -> set[str]:
        return {f for f in FORM_FIELDS if not _same(self.values[f], self.original[f])}

    def comparable(self) -> dict[str, str | None]:
        """The values as dirty_fields compares them (blank is None, text without its edges):
        the editor's snapshot for unsaved changes (kcdesk.ui.widgets.record_editor)."""
        return {f: None if (v := _blank(self.values[f])) is None else str(v).strip() for f in FORM_FIELDS}

    def _clean_values(self) -> dict[str, Any]:
        return normalize({k: _blank(v) for k, v in self.values.items()})

    def problems(self, lang: str | None = None) -> dict[str, str]:
        """Field -> its message in `lang`. Empty when the record can be saved."""
        values = self._clean_values()
        found = facility_problems(values, self.units) | notice_problems(values, date.today())
        for field in DATE_FIELDS:
            if isinstance(values.get(field), str):
                found[field] = FieldMessage(
                    "Ngày '{value}' không đúng dạng ngày/tháng/năm (ví dụ 05/01/2020).", value=values[field]
                )
        return {k: m.text(lang) for k, m in found.items()}

    def payload(self) -> dict[str, Any]:
        """Everything, for a new record."""
        return self._clean_values()

    def changes(self) -> dict[str, Any]:
        """Only what the person changed, for an existing record."""
        clean = self._clean_values()
        return {f: clean.get(f) for f in self.dirty_fields()}

    def mark_saved(self, facility_id: str) -> None:
        self.facility_id = facility_id
        self.original = dict(self.values)


def parse_day(text: str) -> date | str | None:
    """'05/01/2020', '5/1/2020', '2020-01-05' -> a date; '' -> None; anything else is
    returned as typed so the form can say what is wrong with it."""
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return text
