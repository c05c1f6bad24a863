"""Column types that keep stored values exact and comparable on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from kcdesk.text import nfc


class VNText(TypeDecorator[str]):
    """Text normalised to NFC on the way in, whatever path (ORM or Core) writes it."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return nfc(str(value))


class UTCDateTime(TypeDecorator[datetime]):
    """UTC instant stored as ISO-8601 text ('2026-11-27T08:30:00.123Z').

    The same text shape as the capture triggers' strftime(), so values written by SQL and
    by Python sort and compare alike. The year always has four digits (SQLite's strftime
    pads it, Python's does not below 1000 on every platform), so every stored value reads
    back and sorts as text.
    """

    impl = String(30)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError("a UTC column needs an aware datetime or its ISO text")
        return utc_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value.replace("Z", "+00:00"))


class ExactDecimal(TypeDecorator[Decimal]):
    """A decimal kept as text: SQLite has no exact numeric type, and percents must not drift."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(Decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


def utc_text(value: datetime) -> str:
    """An aware datetime as the stored text, 'YYYY-MM-DDTHH:MM:SS.mmmZ' in UTC. Raises
    OverflowError when the instant falls outside years 1-9999 once in UTC."""
    utc = value.astimezone(UTC)
    return (
        f"{utc.year:04d}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:{utc.second:02d}"
        f".{utc.microsecond // 1000:03d}Z"
    )


def utcnow() -> datetime:
    return datetime.now(UTC)
