"""Report tables as plain data, rendered alike into PDF and into .xlsx.

A value keeps its real type (int đồng, a fraction for a rate, a date), and the column's
kind says how to show it: the PDF prints '1.234.567' and '12,33%', the workbook stores
the number with a real number format so the sheet can still be summed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from kcdesk.domain import vnformat

KINDS = ("text", "int", "money", "percent", "ratio", "date")


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"  # one of KINDS; percent values are fractions (0.1233 prints 12,33%)
    width: float = 1.0  # relative share of the table's width

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    @property
    def numeric(self) -> bool:
        return self.kind in ("int", "money", "percent", "ratio")


@dataclass
class TableData:
    name: str  # caption in the PDF and sheet name in the workbook
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    total: list[Any] | None = None  # the "Tổng cộng" row, printed bold

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip((c.title for c in self.columns), row, strict=True)) for row in self.rows]


def show(value: Any, kind: str) -> str:
    """A cell as printed text in Vietnamese style."""
    if value is None or value == "":
        return ""
    if kind in ("int", "money"):
        return vnformat.group(int(value))
    if kind == "percent":
        return vnformat.percent(Decimal(str(value)) * 100)
    if kind == "ratio":
        return vnformat.decimal(Decimal(str(value)), 2)
    if kind == "date" and isinstance(value, date):
        return vnformat.day(value)
    return str(value)


def show_row(row: Sequence[Any], columns: Sequence[Column]) -> list[str]:
    return [show(v, c.kind) for v, c in zip(row, columns, strict=True)]
