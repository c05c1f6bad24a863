"""Search as people type: case, tone marks and đ/Đ folded, prefixes, NFC and NFD alike.

The index (FTS5, unicode61 with remove_diacritics 2) holds each record's text with đ/Đ
folded to d/D by the triggers in kcdesk/db/capture.py; queries are folded the same way.

Ranking is bounded: bm25 is computed over at most RANK_WINDOW matches, so a query that
matches a whole province ("da nang") costs the same as one that matches ten rows.
Column weights favour the name, then the tax code, the representative, the address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from kcdesk.domain.lifecycle import status_label
from kcdesk.text import fold_d, nfc

RANK_WINDOW = 2000
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    kind: str  # facility | proposal
    id: str
    title: str
    detail: str
    score: float


def match_words(query: str) -> list[str]:
    """The words of a query as the match expression uses them (NFC, đ folded)."""
    return list(_TOKEN.findall(fold_d(nfc(query))))


def match_expression(query: str) -> str | None:
    """'Đà Nẵng' -> '"Da"* "Nẵng"*' (the tokenizer folds the rest); None for an empty query."""
    tokens = match_words(query)
    if not tokens:
        return None
    return words_expression(tokens)


def words_expression(words: list[str]) -> str:
    """The match expression of words from match_words: each a prefix, all of them required."""
    return " ".join(f'"{t}"*' for t in words)


_FACILITY_SQL = text(
    "SELECT f.id, f.name, coalesce(f.tax_code, ''), coalesce(u.name, ''), m.score FROM "
    "(SELECT rowid, bm25(facility_fts, 10.0, 6.0, 3.0, 1.0) AS score FROM facility_fts "
    " WHERE facility_fts MATCH :q LIMIT :window) AS m "
    "JOIN facility AS f ON f.rowid = m.rowid "
    "LEFT JOIN admin_unit AS u ON u.code = f.ward_code AND u.level = 'commune' AND u.valid_to IS NULL "
    "WHERE f.deleted_at IS NULL ORDER BY m.score, f.name_sort, f.id LIMIT :limit"
)
_PROPOSAL_SQL = text(
    "SELECT p.id, p.title, p.code, p.status, m.score FROM "
    "(SELECT rowid, bm25(proposal_fts, 8.0, 10.0, 2.0) AS score FROM proposal_fts "
    " WHERE proposal_fts MATCH :q LIMIT :window) AS m "
    "JOIN proposal AS p ON p.rowid = m.rowid WHERE p.deleted_at IS NULL ORDER BY m.score, p.code LIMIT :limit"
)


def search(
    session: Session, query: str, *, kinds: tuple[str, ...] = ("facility", "proposal"), limit: int = 50
) -> list[Hit]:
    """Best matches first, facilities before proposals at equal score."""
    expr = match_expression(query)
    if expr is None:
        return []
    hits: list[Hit] = []
    params = {"q": expr, "window": RANK_WINDOW, "limit": limit}
    if "facility" in kinds:
        for fid, name, tax, ward, score in session.execute(_FACILITY_SQL, params):
            detail = " · ".join(x for x in (tax, ward) if x)
            hits.append(Hit("facility", fid, name, detail, score))
    if "proposal" in kinds:
        for pid, title, code, status, score in session.execute(_PROPOSAL_SQL, params):
            hits.append(Hit("proposal", pid, title, f"{code} · {status_label(status)}", score))
    hits.sort(key=lambda h: h.score)
    return hits[:limit]


def matching_facility_ids(session: Session, query: str) -> list[str] | None:
    """Every active facility that matches, in register order (for filtering a table);
    None when the query is empty (no filter)."""
    expr = match_expression(query)
    if expr is None:
        return None
    rows = session.execute(
        text(
            "SELECT f.id FROM facility_fts JOIN facility AS f ON f.rowid = facility_fts.rowid "
            "WHERE facility_fts MATCH :q AND f.deleted_at IS NULL"
        ),
        {"q": expr},
    )
    return [r[0] for r in rows]
