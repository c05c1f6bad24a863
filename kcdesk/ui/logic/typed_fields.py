"""Reading what a person typed into a form's boxes: amounts in đồng, dates, months,
percentages, counts and quantities, the Vietnamese way (1.250.000, 05/01/2026, 45,5).

The money, progress report and evaluation forms declare their fields once as
(key, kind) pairs and read them all here: a box that cannot be read gets its own message
(which field, what to type) and the form sends nothing; what can be read goes to the core
service, which applies the real rules and names the field it refuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from kcdesk.ui.logic.facility_form import parse_day
from kcdesk.ui.logic.i18n import tr
from kcdesk.ui.logic.proposal_view import parse_amount

KINDS = ("text", "amount", "date", "month", "percent", "count", "quantity")


@dataclass(frozen=True)
class Field:
    key: str
    kind: str  # one of KINDS
    required: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(self.kind)


_MONTH = re.compile(r"^(?:th[aá]ng\s*|t)?(\d{1,2})\s*[/.\-]\s*(\d{4})$", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_month(text: str) -> str | None:
    """'05/2026', '5/2026', 'T5/2026', 'tháng 5/2026', '2026-05' -> '2026-05'; anything
    else (or an empty box) -> None."""
    text = text.strip()
    m = _MONTH.match(text)
    if m:
        month, year = int(m.group(1)), int(m.group(2))
    else:
        m = _ISO_MONTH.match(text)
        if not m:
            return None
        year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12 or year < 1990:
        return None
    return f"{year:04d}-{month:02d}"


def month_text(period: str | None) -> str:
    """'2026-05' -> '05/2026' (as the forms show it)."""
    if not period:
        return ""
    year, _, month = period.partition("-")
    return f"{month}/{year}"


def month_of(on: date) -> str:
    return f"{on.year:04d}-{on.month:02d}"


def parse_decimal(text: str) -> Decimal | None:
    """'45', '45,5', '1.234,5', '45.5', '45 %' -> Decimal; anything else -> None.
    A comma is the decimal mark; dots group thousands unless the text has no comma and a
    single dot followed by one or two digits (45.5: typed on an English keyboard)."""
    compact = text.strip().replace("%", "").replace(" ", "").replace("\u00a0", "")
    if not compact:
        return None
    if "," in compact:
        compact = compact.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+\.\d{1,2}", compact) is None:
        compact = compact.replace(".", "")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_count(text: str) -> int | None:
    """'12', '1.200' -> int; anything else -> None."""
    compact = text.strip().replace(".", "").replace(" ", "").replace("\u00a0", "")
    return int(compact) if compact.isdigit() else None


def read_fields(
    fields: Iterable[Field], typed: Mapping[str, str], lang: str | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """(values, problems): every field's value as the core wants it (None for an empty box)
    and, for each box that cannot be read, the message to show beside it."""
    values: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for f in fields:
        text = (typed.get(f.key) or "").strip()
        if not text:
            values[f.key] = None
            if f.required:
                problems[f.key] = tr("Hãy điền ô này.", lang)
            continue
        value, problem = _read(f.kind, text, lang)
        values[f.key] = value
        if problem:
            problems[f.key] = problem
    return values, problems


def _read(kind: str, text: str, lang: str | None) -> tuple[Any, str | None]:
    if kind == "text":
        return text, None
    if kind == "amount":
        amount = parse_amount(text)
        if amount is None:
            return None, tr("Số tiền chỉ gồm chữ số, tính bằng đồng (ví dụ 12.500.000).", lang)
        return amount, None
    if kind == "date":
        on = parse_day(text)
        if not isinstance(on, date):
            return None, tr("Ngày '{value}' không đúng dạng ngày/tháng/năm (ví dụ 05/01/2026).", lang, value=text)
        return on, None
    if kind == "month":
        period = parse_month(text)
        if period is None:
            return None, tr("Tháng '{value}' không đúng dạng tháng/năm (ví dụ 05/2026).", lang, value=text)
        return period, None
    if kind == "percent":
        pct = parse_decimal(text)
        if pct is None or not Decimal(0) <= pct <= Decimal(100):
            return None, tr("Tỷ lệ phần trăm là một số từ 0 đến 100 (ví dụ 45 hoặc 45,5).", lang)
        return pct, None
    if kind == "count":
        count = parse_count(text)
        if count is None:
            return None, tr("Chỉ gồm chữ số (ví dụ 12).", lang)
        return count, None
    quantity = parse_decimal(text)  # "quantity"
    if quantity is None or quantity < 0:
        return None, tr("Sản lượng là một số không âm (ví dụ 1.200 hoặc 12,5).", lang)
    return quantity, None
