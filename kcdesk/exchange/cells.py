"""Reading one cell as text, money, a whole number or a date, the way people type them.

Each parser returns the value or raises CellProblem with a Vietnamese reason. Text is only
NFC-normalised and trimmed; the caller is told when trimming changed what was typed.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from kcdesk.errors import FieldMessage
from kcdesk.text import nfc


class CellProblem(Exception):
    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.field_message = FieldMessage(message, **params)


def text(value: Any) -> tuple[str | None, bool]:
    """(NFC trimmed text or None, whether trimming changed it)."""
    if value is None:
        return None, False
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number: 401234567.0 -> "401234567"
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y"), False
    raw = nfc(str(value))
    stripped = raw.strip()
    return (stripped or None), stripped != raw and bool(stripped)


_CURRENCY = re.compile(r"\s*(đồng|đ|vnđ|vnd|₫)\.?\s*$", re.IGNORECASE)
_DOT_GROUPS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_SPACE_GROUPS = re.compile(r"^\d{1,3}( \d{3})+$")
_COMMA_GROUPS = re.compile(r"^\d{1,3}(,\d{3}){2,}$")  # 1,250,000 (a single comma could be a decimal)


def money(value: Any) -> int | None:
    """Whole đồng from a number cell or text such as '1.250.000.000', '1 250 000 000 đ'."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise CellProblem("Giá trị '{value}' không phải số tiền.", value=value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float | Decimal):
        if value != int(value):
            raise CellProblem("Số tiền '{value}' có phần lẻ; số tiền phải là số nguyên đồng.", value=value)
        number = int(value)
    else:
        s = _CURRENCY.sub("", nfc(str(value)).strip())
        if s.isdigit():
            number = int(s)
        elif _DOT_GROUPS.match(s) or _SPACE_GROUPS.match(s) or _COMMA_GROUPS.match(s):
            number = int(re.sub(r"[. ,]", "", s))
        else:
            raise CellProblem(
                "Số tiền '{value}' không đúng dạng; hãy ghi số nguyên đồng, ví dụ 1.250.000.000.", value=value
            )
    if number < 0:
        raise CellProblem("Số tiền không được âm ({value}).", value=value)
    return number


def whole(value: Any) -> int | None:
    """A count (labour, trainees): a number cell or digits with dot grouping."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and not value.is_integer():
        raise CellProblem("Giá trị '{value}' không phải số nguyên.", value=value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = int(value)
    else:
        s = nfc(str(value)).strip()
        if not (s.isdigit() or _DOT_GROUPS.match(s)):
            raise CellProblem("Giá trị '{value}' không phải số nguyên.", value=value)
        number = int(s.replace(".", ""))
    if number < 0:
        raise CellProblem("Giá trị không được âm ({value}).", value=value)
    return number


def decimal_number(value: Any) -> Decimal | None:
    """A decimal such as a percentage or a coordinate: '12,5', '12.5' or a number cell."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    s = nfc(str(value)).strip().rstrip("%").strip().replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        raise CellProblem("Giá trị '{value}' không phải một số.", value=value) from None


_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def day(value: Any) -> date | None:
    """A date cell, or text dd/mm/yyyy (also with '-' or '.'), or yyyy-mm-dd."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = nfc(str(value)).strip()
    m = _DMY.match(s)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = _ISO.match(s)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise CellProblem("Ngày '{value}' không có thật.", value=value) from None
    raise CellProblem("Ngày '{value}' không đúng dạng; hãy ghi ngày/tháng/năm, ví dụ 05/01/2026.", value=value)
