"""Agency names broken into lines between whole name units, never inside a proper name.

A paragraph breaks at any space, which prints "SỞ CÔNG THƯƠNG TỈNH NGHỆ / AN". Here the
words are first grouped into units that must stay on one line: a place name from the
administrative-unit list ("NGHỆ AN", "HỒ CHÍ MINH", "BÀ RỊA - VŨNG TÀU"), and the names of
the agencies themselves ("SỞ CÔNG THƯƠNG", "TRUNG TÂM KHUYẾN CÔNG"). A unit-type word
("TỈNH", "THÀNH PHỐ") stays with the place it names unless nothing else fits. Lines are then
chosen as few as possible, the widest as narrow as possible (balanced), and the font shrinks
step by step when a unit is wider than the column at the decree's size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from kcdesk.text import fold, nfc

# Names of agencies that read as one name ("SỞ CÔNG / THƯƠNG" reads wrong), and the unit-type
# words that never part. Common nouns ("tư vấn phát triển công nghiệp") may break anywhere.
AGENCY_PHRASES = (
    "sở công thương",
    "bộ công thương",
    "ủy ban nhân dân",
    "trung tâm khuyến công",
    "cục đổi mới sáng tạo",
    "thành phố",
    "thị xã",
    "thị trấn",
    "đặc khu",
)
# Vietnamese writes a space between the syllables of one word: "CÔNG / NGHIỆP" breaks a word.
# The words of agency names are kept whole unless nothing else fits.
WORDS = (
    "trung tâm",
    "khuyến công",
    "tư vấn",
    "phát triển",
    "công nghiệp",
    "xúc tiến",
    "thương mại",
    "đầu tư",
    "nông thôn",
    "đổi mới",
    "sáng tạo",
    "chuyển đổi",
    "hỗ trợ",
    "doanh nghiệp",
    "dịch vụ",
    "kỹ thuật",
    "ủy ban",
    "nhân dân",
)
# Unit-type words that precede a place name; "thành phố" itself never splits.
TYPE_PHRASES = ("thành phố", "thị xã", "thị trấn", "đặc khu", "tỉnh", "tp", "tp.", "phường", "xã", "huyện", "quận")
FORBIDDEN = 10**6  # a break inside a proper name
WORD_SPLIT = 500  # a break between the syllables of a word: only when nothing else fits
TYPE_SPLIT = 1_000  # a break between "TỈNH" and the place it names: only when nothing else fits
MAX_LINES = 3  # more lines only when the decree's smallest size would not do otherwise
MORE_LINES = 4
DECREE_MIN = 12.0  # NĐ 30/2020: agency names 12-13 pt
MIN_SIZE = 10.0
SIZE_STEP = 0.5


@dataclass(frozen=True)
class NameLayout:
    lines: list[str]
    size: float


def _key(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(fold(w) for w in words)


@lru_cache(maxsize=64)
def _phrases(names: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[str, ...]]]:
    """(proper-name keys longest first, the set of those that are places)."""
    places = {_key(n.split()) for n in names if n.split()}
    agencies = {_key(p.split()) for p in AGENCY_PHRASES}
    every = sorted(places | agencies, key=len, reverse=True)
    return tuple(every), frozenset(places)


def break_costs(words: Sequence[str], names: Iterable[str] = ()) -> list[int]:
    """The cost of a line break after each word but the last (0 where a break is fine)."""
    phrases, places = _phrases(tuple(sorted(set(names))))
    keys = _key(words)
    costs = [0] * max(len(words) - 1, 0)
    taken = [False] * len(words)
    for phrase in phrases:
        n = len(phrase)
        for start in range(len(words) - n + 1):
            if keys[start : start + n] != phrase or any(taken[start : start + n]):
                continue
            for i in range(start, start + n):
                taken[i] = True
            for i in range(start, start + n - 1):
                costs[i] = FORBIDDEN
            if phrase in places:  # keep the unit-type word before the place with it
                for type_phrase in TYPE_PHRASES:
                    t = _key(type_phrase.split())
                    if start >= len(t) and keys[start - len(t) : start] == t:
                        for i in range(start - len(t), start - 1):
                            costs[i] = FORBIDDEN  # "THÀNH / PHỐ" never
                        costs[start - 1] = max(costs[start - 1], TYPE_SPLIT)
                        break
    for word in _words():
        n = len(word)
        for start in range(len(words) - n + 1):
            if keys[start : start + n] == word:
                for i in range(start, start + n - 1):
                    costs[i] = max(costs[i], WORD_SPLIT)
    return costs


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[str, ...], ...]:
    return tuple(_key(w.split()) for w in WORDS)


def best_lines(
    words: Sequence[str], costs: Sequence[int], measure: Callable[[str], float], width: float, max_cost: int
) -> list[str] | None:
    """Fewest lines, then least break cost, then the narrowest widest line; None when no
    split whose breaks all cost at most max_cost fits the width."""
    n = len(words)
    if n == 0:
        return []
    # best[i]: the best split of words[:i] as (lines, cost, widest, breaks)
    best: list[tuple[int, int, float, tuple[int, ...]] | None] = [None] * (n + 1)
    best[0] = (0, 0, 0.0, ())
    for end in range(1, n + 1):
        for start in range(end - 1, -1, -1):
            line_w = measure(" ".join(words[start:end]))
            if line_w > width:
                break  # wider still with more words
            prev = best[start]
            if prev is None:
                continue
            cost = costs[start - 1] if start > 0 else 0
            if cost > max_cost:
                continue
            candidate = (prev[0] + 1, prev[1] + cost, max(prev[2], line_w), (*prev[3], start))
            current = best[end]
            if current is None or candidate[:3] < current[:3]:
                best[end] = candidate
    result = best[n]
    if result is None:
        return None
    bounds = [*result[3], n]
    return [" ".join(words[a:b]) for a, b in pairwise(bounds)]


def fit_name(
    text: str,
    width: float,
    size: float,
    measure: Callable[[str, float], float],
    names: Iterable[str] = (),
    *,
    max_lines: int = MAX_LINES,
    min_size: float = MIN_SIZE,
) -> NameLayout:
    """The lines and font size for an agency name in a column `width` points wide.

    `measure(text, size)` gives a string's printed width. The decree's size is kept when
    the name fits in max_lines lines with breaks only between units; otherwise the font
    shrinks; a unit-type word is parted from its place, and finally any space used, only
    when even min_size does not fit.
    """
    words = nfc(text).split()
    costs = break_costs(words, names)

    def sizes(down_to: float) -> list[float]:
        steps = int(max(size - down_to, 0) / SIZE_STEP + 1e-9)
        return [round(size - i * SIZE_STEP, 2) for i in range(steps + 1)]

    # Each pass relaxes one thing: first the size within the decree's range, then a fourth
    # line, then a smaller size; a unit-type word parts from its place, and any space is
    # used, only when nothing else fits.
    passes = [(max_lines, max(min_size, min(DECREE_MIN, size))), (max(max_lines, MORE_LINES), min_size)]
    for max_cost in (0, WORD_SPLIT, TYPE_SPLIT, FORBIDDEN):
        for lines_cap, down_to in passes:
            for s in sizes(down_to):
                lines = best_lines(words, costs, lambda t, s=s: measure(t, s), width, max_cost)  # type: ignore[misc]
                if lines is not None and len(lines) <= lines_cap:
                    return NameLayout(lines, s)
    # Nothing fits (a single word wider than the column): one word a line at the smallest size.
    return NameLayout(words, min(size, min_size))
