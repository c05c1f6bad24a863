"""Type-to-search over administrative units: 'da nang', 'ĐÀ NẴNG' and 'Đà Nẵng' alike."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kcdesk.text import fold


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    key: str  # folded name, for matching


class UnitMatcher:
    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self.choices = [Choice(code, name, fold(name)) for code, name in items]
        self._by_code = {c.code: c for c in self.choices}

    def matches(self, query: str, limit: int | None = None) -> list[Choice]:
        """Units whose folded name contains every folded word of the query, best first
        (a word at the start of the name ranks first: 'hai' finds Hải Châu before Nam Hải)."""
        words = fold(query).split()
        if not words:
            return self.choices[:limit] if limit else list(self.choices)
        found = [c for c in self.choices if all(w in c.key for w in words)]
        found.sort(key=lambda c: (not any(part.startswith(words[0]) for part in c.key.split()), c.key))
        return found[:limit] if limit else found

    def resolve(self, text: str) -> str | None:
        """The code of the unit this text names exactly (tone marks and case ignored), or
        the only unit it matches; None when it names none or several."""
        key = fold(text)
        if not key:
            return None
        exact = [c for c in self.choices if c.key == key]
        if len(exact) == 1:
            return exact[0].code
        suffix = [c for c in self.choices if c.key.endswith(" " + key)]  # 'hai chau' -> 'phuong hai chau'
        if len(suffix) == 1:
            return suffix[0].code
        found = self.matches(text)
        return found[0].code if len(found) == 1 else None

    def name(self, code: str | None) -> str:
        choice = self._by_code.get(code or "")
        return choice.name if choice else ""
