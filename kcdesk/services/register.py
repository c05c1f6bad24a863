"""The facility register as the window's table needs it: ordered ids, then plain rows by id.

The table holds ids only and asks for rows a page at a time (Anki's browser model), so a
200,000-facility register costs one id list and the rows on screen.

Search narrows that list with the core's own match expression (kcdesk.services.search:
tone marks, case and đ folded, prefixes) run against the same FTS5 index. It does not go
through matching_facility_ids: that call joins every match back to its UUID, which for a
one- or two-letter prefix means 100,000+ rows and about 150 ms on 200,000 facilities. Here
the index answers with rowids only, and the register keeps its order with a byte mask
(itertools.compress), so the broadest prefix costs a few tens of ms.

Each list (Ordered) also keeps what its searches taught while it stands: the words that match
every indexed facility (the province's name in every address: 'da', then 'nang') are left out
of later searches over it, since they narrow nothing, and the last few hit sets with their
lists (typing on often leaves the hits as they were: 'nguy', 'nguye', 'nguyen').

The lists handed out may be shared (the register's own ids when everything matches, a list
remembered for its hits) and are never changed in place. Shared, not copied: besides the copy,
each young 200,000-item list costs the window's cycle collector a walk over its items.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy.orm import Session

from kcdesk.services.facilities import LIST_COLUMNS, SORTED_BY_KEY, FacilityFilter, filter_values
from kcdesk.services.search import match_words, words_expression

# Columns of the register, in display order (also the SQL of a row): the facility list's.
ROW_FIELDS: tuple[str, ...] = tuple(c for c in LIST_COLUMNS if c != "id")
SORTABLE = frozenset(ROW_FIELDS)
# Below one hit in FEW_HITS facilities, sorting the hits' places beats a mask over the register
# (on 200,000: 2 ms against 4 for 12,000 hits, 5 against 5.5 for 25,000, 27 against 19 for 95,000).
FEW_HITS = 6
# Hit sets remembered per list with the list they made: the last few, of keystroke size
# (a list the search box shows at once has fewer than 25,000 hits, about 170,000 characters).
ANSWERS_KEPT = 4
ANSWER_CHARS = 256_000


@dataclass(frozen=True)
class Ordered:
    """Every facility of a filter in display order: UUIDs, and the rowids the index knows."""

    ids: list[str]
    rowids: list[int]
    # position in `ids` of each rowid (len(ids) for rowids not in this list): lets a search
    # mark its hits in display order without a Python loop over the whole register
    positions: array = field(default_factory=lambda: array("i"))  # type: ignore[type-arg]
    indexed: int = 0  # documents in the search index when the list was made
    # Words that matched every indexed facility, as learnt by searches over this list (a list
    # is made again whenever records change, so this never outlives what it describes).
    universal: set[str] = field(default_factory=set, compare=False, repr=False)
    # The last few hit sets (the index's rowids as one string) and the lists they made.
    answers: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

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


def _words_left(query: str, ordered: Ordered | None) -> tuple[list[str], list[str]]:
    """The query's words, and those of them that may narrow `ordered` (not known to match
    every indexed facility). Leaving a word out that every facility matches changes no answer:
    the words are ANDed. Only the same word is left out, never a longer one ('da' says nothing
    of 'dan')."""
    words = match_words(query)
    if ordered is None or not ordered.universal:
        return words, words
    return words, [w for w in words if _same_word(w) not in ordered.universal]


def _same_word(word: str) -> str:
    """Spellings of a word the index matches alike: ASCII case only ('Da', 'da'); other
    letters are kept as typed, so a word is never taken for one the tokenizer tells apart."""
    return word.lower() if word.isascii() else word


def _learn(ordered: Ordered, words: list[str]) -> None:
    """ANDed words that match every indexed facility each match every indexed facility."""
    ordered.universal.update(map(_same_word, words))


def match_count(session: Session, query: str, ordered: Ordered | None = None) -> int | None:
    """How many indexed facilities match `query` (None for an empty query). Cheap in FTS5
    (a few ms on 200,000 facilities, against tens of ms for the matching ids themselves).
    With `ordered`, words known to match everything are left out and new ones are learnt."""
    words, left = _words_left(query, ordered)
    if not words:
        return None
    if ordered is not None and not left:  # every word matches every indexed facility
        return ordered.indexed
    raw = _raw(session)
    count = int(
        raw.execute(
            "SELECT count(*) FROM facility_fts WHERE facility_fts MATCH ?", (words_expression(left),)
        ).fetchone()[0]
    )
    if ordered is not None and 0 < ordered.indexed <= count:
        _learn(ordered, words)
    return count


def search_within(session: Session, ordered: Ordered, query: str, count: int | None = None) -> list[str] | None:
    """The ids of `ordered` that match `query`, keeping its order; None for an empty query.
    `count` is match_count's answer when the caller has it already."""
    words, left = _words_left(query, ordered)
    if not words:
        return None
    # Counting is cheap in FTS5; when every indexed facility matches ('da nang' in Đà Nẵng,
    # a tax-code prefix), the answer is the whole list and nothing needs fetching.
    if count is None:
        count = match_count(session, query, ordered)
    if not count:  # nothing matches (None only for a query with no words, answered above)
        return []
    if count >= ordered.indexed > 0 or not left:
        return ordered.ids
    return _hits_in_order(_raw(session), ordered, words_expression(left))


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
    words, left = _words_left(query, ordered)
    if not words:
        raise ValueError("an empty query narrows nothing")
    if not left:  # every word matches every indexed facility
        return ordered.ids
    return _hits_in_order(_raw(session), ordered, words_expression(left))


def count_and_list(session: Session, ordered: Ordered, query: str, listed_below: int) -> tuple[int, list[str] | None]:
    """match_count and search_within from one pass of the index (the hits are gathered while
    they are counted), for a query that narrows one known to match a few tens of thousands:
    counting them alone costs nearly as much, and two passes twice. The list is None when the
    count is `listed_below` or more, unless every facility matches (the whole list then)."""
    words, left = _words_left(query, ordered)
    if not words:
        raise ValueError("an empty query has no count")
    if not left:  # every word matches every indexed facility
        return ordered.indexed, ordered.ids
    count, joined = _raw(session).execute(_HITS_COUNTED, (words_expression(left),)).fetchone()
    count = int(count)
    if 0 < ordered.indexed <= count:
        _learn(ordered, words)
        return count, ordered.ids
    return count, (None if count >= listed_below else _answer(ordered, joined))


# The rowids come back as one string (one step of SQLite, no per-row Python objects; plain
# decimal, since printf('%x') per row costs SQLite more than parsing it does).
_HITS = "SELECT group_concat(rowid) FROM facility_fts WHERE facility_fts MATCH ?"
_HITS_COUNTED = "SELECT count(*), group_concat(rowid) FROM facility_fts WHERE facility_fts MATCH ?"


def _hits_in_order(raw: Any, ordered: Ordered, expr: str) -> list[str]:
    return _answer(ordered, raw.execute(_HITS, (expr,)).fetchone()[0])


def _answer(ordered: Ordered, joined: str | None) -> list[str]:
    """The ids of `ordered` among the rowids in `joined`, remembered with it for a while."""
    if not joined or not ordered.ids:
        return []
    known = ordered.answers.get(joined)
    if known is not None:  # the same hits as a search a moment ago over this list: its answer
        return known
    shown = _order_hits(ordered, joined)
    if len(joined) <= ANSWER_CHARS:
        ordered.answers[joined] = shown
        while len(ordered.answers) > ANSWERS_KEPT:
            del ordered.answers[next(iter(ordered.answers))]
    return shown


def _order_hits(ordered: Ordered, joined: str) -> list[str]:
    """The ids of `ordered` among the rowids in `joined` ('12,40,7'), in its order."""
    # Parsed in C as a JSON array (5x faster than split and int() per rowid); each step
    # below runs over all hits in C too (itemgetter, sorted, compress).
    hits: list[int] = orjson.loads(f"[{joined}]")
    positions, ids = ordered.positions, ordered.ids
    if max(hits) >= len(positions):  # facilities added since the list was made show after its refresh
        hits = [h for h in hits if h < len(positions)]
    if not hits:
        return []
    if len(hits) * FEW_HITS < len(ids):
        # Fewer: sort their places in the register (len(ids) marks one not in this list).
        places = sorted(_pick(positions, hits))
        return _pick(ids, places[: bisect_left(places, len(ids))])
    # Many: mark their places in a byte mask in C (map/deque) and keep the register's order.
    mask = bytearray(len(ids) + 1)  # the last byte catches rowids not in this list
    deque(map(mask.__setitem__, map(positions.__getitem__, hits), repeat(1)), maxlen=0)
    return list(compress(ids, mask))


def _pick(items: Sequence[Any], indexes: list[int]) -> list[Any]:
    """[items[i] for i in indexes], in one C call (itemgetter of one index is no tuple)."""
    if len(indexes) < 2:
        return [items[i] for i in indexes]
    return list(itemgetter(*indexes)(items))


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
