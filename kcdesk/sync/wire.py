"""Row values on the wire: one JSON form for every column type, both directions.

Wire form = the local SQLite storage form, with real booleans: dates 'YYYY-MM-DD', UTC
instants as the ISO text kcdesk stores, exact decimals as text, integers, floats, text.
The server turns wire values into Python values for its typed columns (PostgreSQL wants
real dates and booleans) and checks lengths and ranges first, so a bad value becomes a
rejected mutation with a reason, never a failed batch.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, RowMapping, String, Table, Text

from kcdesk.db.types import ExactDecimal, UTCDateTime, VNText
from kcdesk.text import nfc

INT64 = 2**63 - 1
Converter = Callable[[Any], Any]
MAX_TEXT = 1_000_000  # one text value; the batch limit applies too


_MANAGED = frozenset({"id", "row_version", "created_at", "updated_at"})
# The form kcdesk stores instants in (UTC, milliseconds, Z): taken as it is once it parses.
_CANONICAL_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")


class BadValue(ValueError):
    """A wire value that cannot go into its column; the message names the problem."""


def _utc_text(value: Any) -> str:
    if isinstance(value, datetime):
        text = UTCDateTime().process_bind_param(value, None)  # type: ignore[arg-type]
        assert text is not None
        return text
    return str(value)


def _kind(column_type: Any) -> str:
    if isinstance(column_type, UTCDateTime):
        return "instant"
    if isinstance(column_type, ExactDecimal):
        return "decimal"
    if isinstance(column_type, VNText):
        return "text"
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, Integer):
        return "int"
    if isinstance(column_type, Float):
        return "float"
    if isinstance(column_type, String | Text):
        return "text"
    return "text"


def _check_text(value: Any, length: int | None) -> str:
    if not isinstance(value, str):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadValue("cần văn bản")
        value = str(value)
    if "\x00" in value:
        raise BadValue("có ký tự NUL")
    text: str = nfc(value)
    limit = length or MAX_TEXT
    if len(text) > limit:
        raise BadValue(f"dài quá {limit} ký tự")
    return text


def _to_python(kind: str, length: int | None, value: Any) -> Any:
    if value is None:
        return None
    if kind == "text":
        return _check_text(value, length)
    if kind == "int":
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or not -INT64 <= value <= INT64:
            raise BadValue("cần số nguyên")
        return value
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if value in (0, 1):
            return bool(value)
        raise BadValue("cần đúng/sai")
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise BadValue("cần số")
        return float(value)
    if kind == "date":
        try:
            return date.fromisoformat(_check_text(value, 10))
        except ValueError as exc:
            raise BadValue("cần ngày YYYY-MM-DD") from exc
    if kind == "instant":
        text = _check_text(value, 40)
        try:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise BadValue("cần thời điểm ISO 8601") from exc
        if parsed.tzinfo is None:
            raise BadValue("thiếu múi giờ")
        return _utc_text(parsed)
    if kind == "decimal":
        try:
            number = Decimal(_check_text(value, 40))
        except InvalidOperation as exc:
            raise BadValue("cần số thập phân") from exc
        if not number.is_finite():
            raise BadValue("cần số thập phân hữu hạn")
        return str(number)
    raise BadValue("kiểu không hỗ trợ")


def _to_wire(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "bool":
        return bool(value)
    if kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)
    if kind == "instant":
        return _utc_text(value)
    if kind == "decimal":
        return str(value)
    return value


def _normaliser(kind: str, length: int | None) -> Converter:
    """One column's check, specialised once: text, integers, booleans and canonical
    instants (most of what devices send) go through a few comparisons."""

    def slow(value: Any) -> Any:
        return None if value is None else _to_wire(kind, _to_python(kind, length, value))

    if kind == "text":
        limit = length or MAX_TEXT

        def text(value: Any) -> Any:
            if type(value) is not str:
                return slow(value)
            if "\x00" in value:
                raise BadValue("có ký tự NUL")
            if not value.isascii():  # ASCII is NFC already
                value = nfc(value)
            if len(value) > limit:
                raise BadValue(f"dài quá {limit} ký tự")
            return value

        return text
    if kind == "int":

        def integer(value: Any) -> Any:
            if type(value) is int and -INT64 <= value <= INT64:
                return value
            return slow(value)

        return integer
    if kind == "bool":
        return lambda value: value if type(value) is bool else slow(value)
    if kind == "instant":

        def instant(value: Any) -> Any:
            if type(value) is str and _CANONICAL_INSTANT.match(value):
                try:
                    datetime.fromisoformat(value[:-1])  # a real date and time
                except ValueError as exc:
                    raise BadValue("cần thời điểm ISO 8601") from exc
                return value  # already what the server stores
            return slow(value)

        return instant
    return slow


class TableCodec:
    """Converters for one table's columns, computed once."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.kinds: dict[str, str] = {}
        self.lengths: dict[str, int | None] = {}
        for column in table.columns:
            self.kinds[column.name] = _kind(column.type)
            self.lengths[column.name] = getattr(column.type, "length", None)
        self.columns = list(self.kinds)
        # Python-side scalar defaults (the server has no SQLite defaults) and the columns a
        # new row must have: a missing one is a rejected mutation, not a failed batch.
        self.defaults: dict[str, Any] = {}
        self.required: list[str] = []
        for column in table.columns:
            default = column.default
            if default is not None and getattr(default, "is_scalar", False):
                self.defaults[column.name] = _to_wire(self.kinds[column.name], default.arg)  # type: ignore[attr-defined]
            elif not column.nullable and column.name not in _MANAGED and default is None:
                self.required.append(column.name)
        self._bool_columns = [c for c, k in self.kinds.items() if k == "bool"]
        self.normalisers: dict[str, Converter] = {c: _normaliser(k, self.lengths[c]) for c, k in self.kinds.items()}

    def to_python(self, column: str, value: Any) -> Any:
        kind = self.kinds.get(column)
        if kind is None:
            raise BadValue("không có trường này")
        return _to_python(kind, self.lengths[column], value)

    def normalise(self, column: str, value: Any) -> Any:
        """Check a wire value and return its canonical wire form: to_wire(to_python(v)),
        with the common cases done without the round trip (see _normaliser)."""
        check = self.normalisers.get(column)
        if check is None:
            raise BadValue("không có trường này")
        return check(value)

    def row_to_python(self, values: Mapping[str, Any]) -> dict[str, Any]:
        return {c: self.to_python(c, v) for c, v in values.items()}

    def to_wire(self, column: str, value: Any) -> Any:
        return _to_wire(self.kinds.get(column, "text"), value)

    def row_to_wire(self, row: Mapping[str, Any] | RowMapping) -> dict[str, Any]:
        return {c: _to_wire(self.kinds[c], row[c]) for c in self.columns if c in row}

    def local_to_wire(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Values as SQLite stores them (booleans 0/1) to wire form."""
        out = dict(values)
        for c in self._bool_columns:
            v = out.get(c)
            if v is not None:
                out[c] = bool(v)
        return out


def codecs_for(tables: Mapping[str, Table]) -> dict[str, TableCodec]:
    return {name: TableCodec(table) for name, table in tables.items()}


# -- bodies ---------------------------------------------------------------------------------

MAX_INFLATED = 64 * 1024 * 1024  # a gzip body may not inflate past this (zip bombs)


def dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def gzip_body(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def gunzip_limited(data: bytes, limit: int = MAX_INFLATED) -> bytes:
    decompressor = __import__("zlib").decompressobj(16 + 15)
    out = decompressor.decompress(data, limit + 1)
    if len(out) > limit or decompressor.unconsumed_tail:
        raise BadValue("nội dung giải nén quá lớn")
    if not decompressor.eof:
        raise BadValue("nội dung nén bị cắt")
    return bytes(out)
