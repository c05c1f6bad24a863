"""A pull page read from its JSON bytes: orjson and a hand-written check of its shape.

The page has the protocol's shape (kcdesk.sync.protocol.PullResponse, which documents it);
reading it through the pydantic model built a Change object per row, which cost more than
writing the rows. What is checked is the same: every field present with its type (an
integer is an integer, not a boolean or a text), an op that is "upsert" or "evict", a row
that is an object or null; anything else is a ValueError, which the transport turns into
a retryable protocol error (kcdesk.sync.transport.parse). The row values themselves are
checked column by column when they are written. Conflicts are few and keep their model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson

from kcdesk.sync.protocol import HAS_MORE_HEADER, NEXT_CURSOR_HEADER, ConflictRecord

OPS = frozenset({"upsert", "evict"})


class PageChange(NamedTuple):
    """One change of a page. A named tuple: made several times faster than a frozen
    dataclass (which sets each field through object.__setattr__), thousands a page."""

    cursor: int
    table: str
    row_id: str
    op: str
    row: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class Page:
    scope: str
    changes: list[PageChange]
    conflicts: list[ConflictRecord]
    next_cursor: int
    has_more: bool


def _field(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if type(value) is not kind:  # bool is not an int here, as in the model's JSON mode
        raise ValueError(f"{name}: expected {kind.__name__}")
    return value


def _change(item: Any) -> PageChange:
    """The change in `item`: the usual one checked in one go, anything else by _checked_change
    (which says what is wrong)."""
    if type(item) is dict:
        get = item.get
        cursor, table, row_id, op, row = get("cursor"), get("table"), get("row_id"), get("op"), get("row")
        if (
            type(cursor) is int
            and type(table) is str
            and type(row_id) is str
            and op in OPS
            and (row is None or type(row) is dict)
        ):
            return PageChange(cursor, table, row_id, op, row)
    return _checked_change(item)


def _checked_change(item: Any) -> PageChange:
    if type(item) is not dict:
        raise ValueError("change: expected an object")
    op = item.get("op")
    if op not in OPS:
        raise ValueError("op: expected 'upsert' or 'evict'")
    row = item.get("row")
    if row is not None and type(row) is not dict:
        raise ValueError("row: expected an object or null")
    return PageChange(_field(item, "cursor", int), _field(item, "table", str), _field(item, "row_id", str), op, row)


def parse_page(body: bytes) -> Page:
    """The page in `body`, or ValueError saying what is wrong with it."""
    data = orjson.loads(body)
    if type(data) is not dict:
        raise ValueError("page: expected an object")
    changes = _field(data, "changes", list)
    conflicts = data.get("conflicts", [])
    if type(conflicts) is not list:
        raise ValueError("conflicts: expected a list")
    return Page(
        scope=_field(data, "scope", str),
        changes=[_change(item) for item in changes],
        conflicts=[ConflictRecord.model_validate(c) for c in conflicts],
        next_cursor=_field(data, "next_cursor", int),
        has_more=_field(data, "has_more", bool),
    )


class Position(NamedTuple):
    """Where the page after this one starts, and whether there is one."""

    next_cursor: int
    has_more: bool


def announced_position(headers: Mapping[str, str]) -> Position | None:
    """The position a page's headers announce; None when they do not (a server from before
    them) or are not well formed: the body then says."""
    cursor, more = headers.get(NEXT_CURSOR_HEADER), headers.get(HAS_MORE_HEADER)
    if cursor is None or not cursor.isascii() or not cursor.isdigit() or more not in ("0", "1"):
        return None
    return Position(int(cursor), more == "1")


def check_position(page: Page, announced: Position) -> Page:
    """The page, when its body says what its headers said; else ValueError (damaged)."""
    if (page.next_cursor, page.has_more) != announced:
        raise ValueError("page: headers and body disagree on the next cursor")
    return page
