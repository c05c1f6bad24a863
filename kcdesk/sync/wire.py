"""Row values on the wire: one JSON form for every column type, both directions.

Wire form = the local SQLite storage form, with real booleans: dates 'YYYY-MM-DD', UTC
instants as the ISO text kcdesk stores, exact decimals as text, integers, floats, text.
The server turns wire values into Python values for its typed columns (PostgreSQL wants
real dates and booleans) and checks types, lengths and ranges first, so a bad value becomes
a rejected mutation with a reason, never a failed batch; every value that passes is stored
in a form that reads back (instants in years 1-9999 once in UTC, four-digit years, finite
decimals of bounded size, 64-bit integers, text without NUL or lone surrogates). Reading
goes the other way through `decode_stored`, which names the column of a stored value that
does not read back (a row written before these checks) instead of failing the whole read.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, RowMapping, String, Table, Text

from kcdesk.db.sort_keys import LOCAL_ONLY
from kcdesk.db.types import ExactDecimal, UTCDateTime, VNText, utc_text
from kcdesk.text import nfc

INT64 = 2**63 - 1
Converter = Callable[[Any], Any]
MAX_TEXT = 1_000_000  # one text value; the batch limit applies too
# Exact decimals are percentages, quantities and multipliers: |x| < 10^18 and at most 12
# decimal places. '1e999999999' is finite for Decimal and would break every sum.
DECIMAL_MAX_ADJUSTED = 17
DECIMAL_MIN_EXPONENT = -12


_MANAGED = frozenset({"id", "row_version", "created_at", "updated_at"})
# The form kcdesk stores instants in (UTC, milliseconds, Z): taken as it is once it parses.
_CANONICAL_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")


class BadValue(ValueError):
    """A wire value that cannot go into its column; the message names the problem."""


class Undecodable(ValueError):
    """A stored value that does not read back (see TableCodec.decode_stored)."""

    def __init__(self, column: str, problem: str) -> None:
        super().__init__(f"{column}: {problem}")
        self.column = column
        self.problem = problem


def _utc_text(value: Any) -> str:
    if isinstance(value, datetime):
        try:
            return utc_text(value)
        except OverflowError as exc:  # 9999-12-31T23:59:59-05:00 is in year 10000 in UTC
            raise BadValue("ngoài khoảng năm 1-9999 (theo giờ UTC)") from exc
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
    _check_encodable(value)
    text: str = nfc(value)
    limit = length or MAX_TEXT
    if len(text) > limit:
        raise BadValue(f"dài quá {limit} ký tự")
    return text


def _check_encodable(value: str) -> None:
    """Lone surrogates cannot be stored as UTF-8 (PostgreSQL refuses them at write)."""
    if not value.isascii():
        try:
            value.encode()
        except UnicodeEncodeError as exc:
            raise BadValue("có ký tự không hợp lệ (UTF-16 lẻ)") from exc


def _decimal(value: Any) -> Decimal:
    try:
        number = Decimal(_check_text(value, 40))
    except InvalidOperation as exc:
        raise BadValue("cần số thập phân") from exc
    if not number.is_finite():
        raise BadValue("cần số thập phân hữu hạn")
    if number and number.adjusted() > DECIMAL_MAX_ADJUSTED:
        raise BadValue("số quá lớn")
    exponent = number.as_tuple().exponent
    if number and isinstance(exponent, int) and exponent < DECIMAL_MIN_EXPONENT:
        raise BadValue(f"quá {-DECIMAL_MIN_EXPONENT} chữ số thập phân")
    return number


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
        if parsed.tzinfo is None:  # refused, never guessed: a laptop's local time is not UTC
            raise BadValue("thiếu múi giờ")
        return _utc_text(parsed)
    if kind == "decimal":
        return str(_decimal(value))
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
                _check_encodable(value)
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


# Canonical instants already checked: the rows of one push share the server's instant, so
# a page or a batch holds few distinct ones. Bounded; cleared when full.
_CHECKED_INSTANTS: dict[str, None] = {}


def _decode_instant(value: Any) -> str:
    if type(value) is str and (value in _CHECKED_INSTANTS or _CANONICAL_INSTANT.match(value)):
        if value not in _CHECKED_INSTANTS:
            datetime.fromisoformat(value[:-1])  # a real date and time, or ValueError
            if len(_CHECKED_INSTANTS) >= 4096:
                _CHECKED_INSTANTS.clear()
            _CHECKED_INSTANTS[value] = None
        return value
    if isinstance(value, datetime):
        return _utc_text(value)
    text = _to_python("instant", None, value)  # an aware ISO text in another shape
    assert isinstance(text, str)
    return text


def _decode_date(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(value).isoformat()


def _decode_decimal(value: Any) -> str:
    number = Decimal(str(value))
    if not number.is_finite():
        raise ValueError("không hữu hạn")
    return str(number)


_STORED_DECODERS: dict[str, Converter] = {
    "instant": _decode_instant,
    "date": _decode_date,
    "decimal": _decode_decimal,
    "bool": bool,
}
# Kinds whose database driver or column type would parse stored text while reading (and
# fail the whole read on one bad value): read as raw text and decoded by decode_stored.
RAW_READ_KINDS = frozenset({"instant", "date", "decimal"})


class TableCodec:
    """Converters for one table's columns, computed once."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.kinds: dict[str, str] = {}
        self.lengths: dict[str, int | None] = {}
        synced = [c for c in table.columns if not c.info.get(LOCAL_ONLY)]  # not the local sort keys
        for column in synced:
            # str(): a column added by name (Column("x")) is named by a quoted_name, a str
            # subclass that orjson refuses as a key when a page is written.
            self.kinds[str(column.name)] = _kind(column.type)
            self.lengths[str(column.name)] = getattr(column.type, "length", None)
        self.columns = list(self.kinds)
        # Python-side scalar defaults (the server has no SQLite defaults) and the columns a
        # new row must have: a missing one is a rejected mutation, not a failed batch.
        self.defaults: dict[str, Any] = {}
        self.required: list[str] = []
        for column in synced:
            name, default = str(column.name), column.default
            if default is not None and getattr(default, "is_scalar", False):
                self.defaults[name] = _to_wire(self.kinds[name], default.arg)  # type: ignore[attr-defined]
            elif not column.nullable and name not in _MANAGED and default is None:
                self.required.append(name)
        self._bool_columns = [c for c, k in self.kinds.items() if k == "bool"]
        self.normalisers: dict[str, Converter] = {c: _normaliser(k, self.lengths[c]) for c, k in self.kinds.items()}
        self._decoding = [(c, _STORED_DECODERS[k]) for c, k in self.kinds.items() if k in _STORED_DECODERS]
        self._take = itemgetter(*self.columns) if len(self.columns) > 1 else lambda r: (r[self.columns[0]],)

    def decode_stored(self, record: Mapping[str, Any] | RowMapping) -> dict[str, Any]:
        """A row read from the server's database (instants, dates and decimals as raw
        text, see RAW_READ_KINDS) in wire form. Raises Undecodable naming the first column
        whose stored value does not read back."""
        return self.decode_stored_values(self._take(record))

    def decode_stored_values(self, values: Sequence[Any]) -> dict[str, Any]:
        """decode_stored for a record read by position: its first len(columns) values are
        the columns in `columns` order (any after them are not the row's). A pull reads
        thousands of rows; by position is several times cheaper than by name."""
        out: dict[str, Any] = dict(zip(self.columns, values))  # noqa: B905  stops at the row's columns
        for name, decode in self._decoding:
            value = out[name]
            if value is None:
                continue
            try:
                out[name] = decode(value)
            except (BadValue, ValueError, TypeError, OverflowError, ArithmeticError) as exc:
                raise Undecodable(name, str(exc) or type(exc).__name__) from None
        return out

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

MAX_INFLATED = 8 * 1024 * 1024  # a gzip body may not inflate past this (zip bombs); the server passes its own


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
