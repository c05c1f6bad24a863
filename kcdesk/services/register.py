"""The facility register as the window's table needs it: ordered ids, then plain rows by id.

The table holds ids only and asks for rows a page at a time (Anki's browser model), so a
200,000-facility register costs one id list and the rows on screen.

Search narrows that list with the core's own match expression (kcdesk.services.search:
tone marks, case and đ folded, prefixes) run against the same FTS5 index. It does not go
through matching_facility_ids: that call joins every match back to its UUID, which for a
one- or two-letter prefix means 100,000+ rows and about 150 ms on 200,000 facilities. Here
the index answers with rowids only, and the register keeps its order with a byte mask
(itertools.compress), so the broadest prefix costs a few tens of ms.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from typing import Any

from sqlalchemy.orm import Session

from kcdesk.services.facilities import LIST_COLUMNS, SORTED_BY_KEY, FacilityFilter, filter_values
from kcdesk.services.search import match_expression, match_words

# Columns of the register, in display order (also the SQL of a row): the facility list's.
ROW_FIELDS: tuple[str, ...] = tuple(c for c in LIST_COLUMNS if c != "id")
SORTABLE = frozenset(ROW_FIELDS)
# Below one hit in FEW_HITS facilities, sorting the hits' places beats a mask over the register.
FEW_HITS = 16


@dataclass(frozen=True)
class Ordered:
    """Every facility of a filter in display order: UUIDs, and the rowids the index knows."""

    ids: list[str]
    rowids: list[int]
    # position in `ids` of each rowid (len(ids) for rowids not in this list): lets a search
    # mark its hits in display order without a Python loop over the whole register
    positions: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    indexed: int = 0  # documents in the search index when the list was made

    def __len__(self) -> int:
        return len(self.ids)


def ordered_ids(session: Session, flt: FacilityFilter, order_by: str = "name", descending: bool = False) -> Ordered:
    if order_by not in SORTABLE:
        raise ValueError(order_by)
    # The facility list's own filter (kcdesk.services.facilities), as SQL on the raw connection.
    params = filter_values(flt)
    where = ["deleted_at IS NULL", *(f"{key} = :{key}" for key in params)]
    if flt.uninformed:
        where.append("informed_on IS NULL")
    direction = "DESC" if descending else "ASC"
    # NULLs last either way; the id breaks ties so the order is stable between pages. Names
    # are ordered by their Vietnamese sort keys; the name's is never NULL and its index holds
    # the whole order (ties by id in the same direction, so the index also reads backwards).
    column = SORTED_BY_KEY.get(order_by, order_by)
    if order_by == "name":
        order = f"{column} {direction}, id {direction}"
    else:
        order = f"{column} IS NULL, {column} {direction}, id"
    sql = f"SELECT rowid, id FROM facility WHERE {' AND '.join(where)} ORDER BY {order}"
    rows = _raw(session).execute(sql, params).fetchall()
    ids, rowids = [r[1] for r in rows], [r[0] for r in rows]
    positions = array("i", [len(ids)]) * ((max(rowids) + 1) if rowids else 0)
    for i, rowid in enumerate(rowids):
        positions[rowid] = i
    indexed = _raw(session).execute("SELECT count(*) FROM facility_fts").fetchone()[0]
    return Ordered(ids, rowids, positions, int(indexed))


def _raw(session: Session) -> Any:
    """The session's own sqlite3 connection (same transaction): for 200,000-row answers,
    SQLAlchemy's per-row Result processing would cost more than the query."""
    return session.connection().connection.driver_connection


def match_count(session: Session, query: str) -> int | None:
    """How many indexed facilities match `query` (None for an empty query). Cheap in FTS5
    (a few ms on 200,000 facilities, against tens of ms for the matching ids themselves)."""
    expr = match_expression(query)
    if expr is None:
        return None
    return int(
        _raw(session).execute("SELECT count(*) FROM facility_fts WHERE facility_fts MATCH ?", (expr,)).fetchone()[0]
    )


def search_within(session: Session, ordered: Ordered, query: str, count: int | None = None) -> list[str] | None:
    """The ids of `ordered` that match `query`, keeping its order; None for an empty query.
    `count` is match_count's answer when the caller has it already."""
    expr = match_expression(query)
    if expr is None:
        return None
    raw = _raw(session)
    # Counting is cheap in FTS5; when every indexed facility matches ('da nang' in Đà Nẵng,
    # a tax-code prefix), the answer is the whole list and nothing needs fetching.
    if count is None:
        count = match_count(session, query)
    if not count:  # nothing matches (None only for a query with no words, answered above)
        return []
    if count >= ordered.indexed > 0:
        return list(ordered.ids)
    return _hits_in_order(raw, ordered, expr)


def narrows(query: str, wider: str) -> bool:
    """Whether every facility matching `query` also matches `wider` (typing on: 'nguyen v'
    after 'nguyen'): each of the wider query's words begins a word of `query` at its place."""
    words, before = match_words(query), match_words(wider)
    return (
        bool(before)
        and len(words) >= len(before)
        and all(w.startswith(b) for w, b in zip(words[: len(before)], before, strict=True))
    )


def narrow_within(session: Session, ordered: Ordered, query: str) -> list[str]:
    """search_within for a query known to match fewer than every indexed facility (it narrows
    one that did): the hits without counting them first, one pass of the index instead of two."""
    expr = match_expression(query)
    if expr is None:
        raise ValueError("an empty query narrows nothing")
    return _hits_in_order(_raw(session), ordered, expr)


def _hits_in_order(raw: Any, ordered: Ordered, expr: str) -> list[str]:
    # The rowids come back as one string (one step of SQLite, no per-row Python objects;
    # plain decimal, since printf('%x') per row costs SQLite more than Python's int() does)
    # and become a machine array.
    joined = raw.execute("SELECT group_concat(rowid) FROM facility_fts WHERE facility_fts MATCH ?", (expr,)).fetchone()[
        0
    ]
    if not joined or not ordered.ids:
        return []
    hits = array("I", map(int, joined.split(",")))
    positions, ids = ordered.positions, ordered.ids
    if max(hits) >= len(positions):  # facilities added since the list was made show after its refresh
        hits = array("I", (h for h in hits if h < len(positions)))
    if len(hits) * FEW_HITS < len(ids):
        # A few hits: sort their places in the register (len(ids) marks one not in this list).
        return [ids[p] for p in sorted(map(positions.__getitem__, hits)) if p < len(ids)]
    # Many: mark their places in a byte mask in C (map/deque) and keep the register's order.
    mask = bytearray(len(ids) + 1)  # the last byte catches rowids not in this list
    deque(map(mask.__setitem__, map(positions.__getitem__, hits), repeat(1)), maxlen=0)
    return list(compress(ids, mask))


def rows_by_ids(session: Session, ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    out: dict[str, tuple[Any, ...]] = {}
    raw = _raw(session)
    columns = ", ".join(ROW_FIELDS)
    for start in range(0, len(ids), 500):  # SQLite's variable limit is generous, but stay modest
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for row in raw.execute(f"SELECT id, {columns} FROM facility WHERE id IN ({marks})", chunk):
            out[row[0]] = tuple(row[1:])
    return out
