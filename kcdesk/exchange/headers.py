"""Matching the header row people typed to the fields we know.

Headers are compared folded (case, tone marks, đ, punctuation and spacing ignored), first
whole, then without a trailing unit in brackets: "Doanh thu năm trước (đồng)",
"DOANH THU NAM TRUOC" and "doanh  thu năm trước" are the same column; common
abbreviations (MST, SĐT, ĐT, LĐ) are listed as aliases of their fields.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kcdesk.text import fold, nfc

_PUNCT = re.compile(r"[^\w]+")
_BRACKETED = re.compile(r"\([^)]*\)")


@lru_cache(maxsize=8192)  # vocabulary cells repeat on every row of an import
def header_key(text: str) -> str:
    """'Xã/Phường/Đặc khu' -> 'xa phuong dac khu'; 'SĐT:' -> 'sdt'."""
    return " ".join(_PUNCT.sub(" ", fold(text)).split())


def header_keys(text: str) -> list[str]:
    keys = [header_key(text)]
    bare = header_key(_BRACKETED.sub(" ", text))
    if bare and bare not in keys:
        keys.append(bare)
    return keys


@dataclass(frozen=True)
class HeaderMatch:
    row: int  # Excel row number of the header
    columns: dict[str, int]  # field -> 0-based column index
    titles: dict[str, str]  # field -> the header as typed (for messages)
    unknown: list[str]  # headers that match no field
    duplicated: list[str]  # fields given by two columns (the first is used)


def build_aliases(fields: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """{field: [title, alias, ...]} -> {folded alias: field}."""
    table: dict[str, str] = {}
    for field, names in fields.items():
        for name in names:
            table[header_key(name)] = field
    return table


def match_header(cells: Sequence[Any], aliases: Mapping[str, str], row: int) -> HeaderMatch:
    columns: dict[str, int] = {}
    titles: dict[str, str] = {}
    unknown: list[str] = []
    duplicated: list[str] = []
    for i, cell in enumerate(cells):
        if cell is None or str(cell).strip() == "":
            continue
        text = nfc(str(cell)).strip()
        field = next((aliases[k] for k in header_keys(text) if k in aliases), None)
        if field is None:
            unknown.append(text)
        elif field in columns:
            duplicated.append(text)
        else:
            columns[field] = i
            titles[field] = text
    return HeaderMatch(row, columns, titles, unknown, duplicated)


def find_header(
    rows: Sequence[tuple[int, Sequence[Any]]], aliases: Mapping[str, str], required: Sequence[str]
) -> HeaderMatch | None:
    """The first row among `rows` that names every required field (a title row above the
    header, as many centres' sheets have, is skipped)."""
    best: HeaderMatch | None = None
    for number, cells in rows:
        m = match_header(cells, aliases, number)
        if all(f in m.columns for f in required):
            return m
        if best is None or len(m.columns) > len(best.columns):
            best = m
    return best if best is not None and len(best.columns) >= 2 else None
