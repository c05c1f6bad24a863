"""A catalogue cell written in the office's own words, matched to one catalogue entry or not.

First the code or the catalogue's own label (choices.choose). Otherwise the text is folded,
its abbreviations spelt out, and the phrases of local_words found in it, longest first;
every phrase found narrows the entries it can mean ("chế biến" is A or F, "nông sản" is A:
together, A). One entry left is a match that the import notes; more than one, or none,
is refused with the closest entries to choose from.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from kcdesk.exchange.choices import choose
from kcdesk.exchange.headers import header_key
from kcdesk.exchange.local_words import ABBREVIATIONS

CLOSEST = 3


@dataclass(frozen=True)
class VocabMatch:
    code: str | None  # the entry, when exactly one fits
    exact: bool = False  # the code or the catalogue's own label: nothing to note
    candidates: list[str] = field(default_factory=list)  # codes to choose from when refused
    ambiguous: bool = False  # the words name several entries (rather than none)


def spelt_out(text: str) -> list[str]:
    """Folded words with the abbreviations spelt out: 'CB. gỗ' -> ['che', 'bien', 'go']."""
    words: list[str] = []
    for word in header_key(text).split():
        words.extend(ABBREVIATIONS.get(word, word).split())
    return words


@lru_cache(maxsize=8)
def _phrases(table: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[tuple[str, ...], frozenset[str]]]:
    phrases = [(tuple(spelt_out(p)), frozenset(codes)) for p, codes in table]
    return sorted(phrases, key=lambda p: -len(p[0]))


def _found(words: list[str], table: Mapping[str, tuple[str, ...]]) -> list[frozenset[str]]:
    """The entry sets of the phrases in `words`, longest first; a phrase inside a longer
    one found already is not counted again ('đồ gỗ' inside 'đồ gỗ mỹ nghệ' is)."""
    taken = [False] * len(words)
    found: list[frozenset[str]] = []
    for phrase, codes in _phrases(tuple(table.items())):
        n = len(phrase)
        for start in range(len(words) - n + 1):
            if tuple(words[start : start + n]) == phrase and not all(taken[start : start + n]):
                found.append(codes)
                for i in range(start, start + n):
                    taken[i] = True
    return found


def match_vocab(
    text: str,
    vocabulary: Mapping[str, str],
    local: Mapping[str, tuple[str, ...]],
    aliases: Mapping[str, str] | None = None,
) -> VocabMatch:
    """`vocabulary` is code -> label; `local` the office's phrases -> the codes they can mean."""
    exact = choose(text, vocabulary, aliases)
    if exact is not None:
        return VocabMatch(exact, exact=True)
    words = spelt_out(text)
    found = [frozenset(codes & vocabulary.keys()) for codes in _found(words, local)]
    found = [codes for codes in found if codes]
    if found:
        common = frozenset.intersection(*found)
        if len(common) == 1:
            return VocabMatch(next(iter(common)))
        pool = common or frozenset.union(*found)
        return VocabMatch(None, candidates=sorted(pool), ambiguous=True)
    return VocabMatch(None, candidates=closest(" ".join(words), vocabulary, local))


def closest(key: str, vocabulary: Mapping[str, str], local: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The entries whose label or local words look most like `key` (folded), best first."""
    scored: dict[str, float] = {}
    names: list[tuple[str, tuple[str, ...]]] = [
        (" ".join(spelt_out(label)), (code,)) for code, label in vocabulary.items()
    ]
    names += [(" ".join(spelt_out(phrase)), codes) for phrase, codes in local.items()]
    for name, codes in names:
        ratio = difflib.SequenceMatcher(None, key, name).ratio()
        for code in codes:
            if code in vocabulary and ratio > scored.get(code, -1.0):
                scored[code] = ratio
    return sorted(scored, key=lambda c: (-scored[c], c))[:CLOSEST]
