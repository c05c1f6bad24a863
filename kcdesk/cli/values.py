"""Reading what people type on the command line: đồng amounts, whole numbers, yes/no,
decimals. A value that cannot be read is refused beside its field, in words, before
anything is written (the same ValidationError the window shows)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from kcdesk.errors import FieldMessage, ValidationError

_MONEY = re.compile(r"^-?\d{1,3}([. ]\d{3})+$|^-?\d+$")
YES = frozenset({"co", "có", "yes", "y", "1", "true", "dung", "đúng", "x"})
NO = frozenset({"khong", "không", "no", "n", "0", "false", "sai"})


def money_value(text: str | None, field: str) -> int | None:
    """'12.500.000', '12 500 000' or '12500000' -> 12500000 (whole đồng)."""
    if text is None:
        return None
    compact = text.strip().removesuffix("đồng").removesuffix("đ").strip()
    if not _MONEY.match(compact):
        raise ValidationError(
            {field: FieldMessage("Số tiền '{value}' không đúng: ghi số nguyên đồng, ví dụ 12.500.000.", value=text)}
        )
    return int(compact.replace(".", "").replace(" ", ""))


def whole_value(text: str | None, field: str) -> int | None:
    if text is None:
        return None
    compact = text.strip().replace(".", "")
    if not re.fullmatch(r"-?\d+", compact):
        raise ValidationError({field: FieldMessage("Giá trị '{value}' không phải số nguyên.", value=text)})
    return int(compact)


def decimal_value(text: str | None, field: str) -> str | None:
    """'8,5' or '8.5' -> '8.5' (kept as text: the services store it exactly)."""
    if text is None:
        return None
    value = text.strip().replace(",", ".")
    try:
        Decimal(value)
    except InvalidOperation:
        raise ValidationError({field: FieldMessage("Giá trị '{value}' không phải một số.", value=text)}) from None
    return value


def yes_no(text: str | None, field: str) -> bool | None:
    if text is None:
        return None
    word = text.strip().lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise ValidationError({field: FieldMessage("Hãy ghi 'có' hoặc 'không' (nhận được '{value}').", value=text)})


def parse_day(text: str | None, field: str = "date") -> date | None:
    """'05/03/2026' or '2026-03-05'; a wrong date is refused beside `field`."""
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValidationError({field: FieldMessage("Ngày '{value}' không đúng dạng dd/mm/yyyy.", value=text)})
