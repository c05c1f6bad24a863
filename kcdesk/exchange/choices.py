"""Vocabulary cells (facility type, sector, status, level) read by key, label or abbreviation."""

from __future__ import annotations

from collections.abc import Mapping

from kcdesk.exchange.headers import header_key


def choose(text: str | None, vocabulary: Mapping[str, str], aliases: Mapping[str, str] | None = None) -> str | None:
    """The key of `vocabulary` (key -> label) that `text` names, or None if none does."""
    if text is None:
        return None
    key = header_key(text)
    for code, label in vocabulary.items():
        if key in (header_key(code), header_key(label)):
            return code
    if aliases and key in aliases:
        return aliases[key]
    # "C - Hóa chất..." or "C. Hóa chất...": a code followed by its name
    head = text.replace(".", " ").replace("-", " ").split()
    if head and head[0] in vocabulary:
        return head[0]
    return None
