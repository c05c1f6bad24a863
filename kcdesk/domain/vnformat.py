"""Vietnamese number, money and date formats: 1.234.567 đồng, 12,33%, 05/01/2026."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def group(n: int) -> str:
    """1234567 -> '1.234.567' (dots group thousands)."""
    sign = "-" if n < 0 else ""
    return sign + f"{abs(n):,}".replace(",", ".")


def money(n: int | None, unit: str = " đồng") -> str:
    return "" if n is None else group(int(n)) + unit


def decimal(value: Decimal | float | int, places: int = 2) -> str:
    """Decimal comma, dot thousands: 1234.5 -> '1.234,50'."""
    q = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    text = group(int(whole))
    return sign + (f"{text},{frac}" if places > 0 else text)


def percent(value: Decimal | float | int, places: int = 2) -> str:
    """Percent given in percent units: 12.3345 -> '12,33%'."""
    return decimal(value, places) + "%"


def ratio_percent(part: int, whole: int, places: int = 2) -> str:
    """part/whole as a percent: 17_322, 140_467 -> '12,33%'."""
    if whole == 0:
        return "-"
    return percent(Decimal(part) * 100 / Decimal(whole), places)


def day(d: date | None) -> str:
    # Not strftime: its %Y drops the leading zeros of a year below 1000 on Linux, and the
    # text would no longer read back as dd/mm/yyyy.
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def long_date(d: date, place: str | None = None) -> str:
    """'Đà Nẵng, ngày 05 tháng 01 năm 2026' (NĐ 30/2020: day < 10 and months 1-2 padded)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    text = f"ngày {d.day:02d} tháng {month} năm {d.year}"
    return f"{place}, {text}" if place else text
