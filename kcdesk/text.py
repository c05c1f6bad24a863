"""Vietnamese text handling shared by storage, search and import.

Everything stored is NFC (composed) so that equal-looking strings compare equal;
search folds case, tone marks and đ/Đ, which Unicode does not treat as a d with a mark.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str | None:
    """NFC, trimmed, inner whitespace collapsed; empty becomes None."""
    if text is None:
        return None
    text = _SPACES.sub(" ", nfc(text)).strip()
    return text or None


def fold_d(text: str) -> str:
    """Replace đ/Đ by d/D: the one fold SQLite's unicode61 tokenizer never does."""
    return text.replace("đ", "d").replace("Đ", "D")


def fold(text: str) -> str:
    """Lower-case ASCII skeleton: 'Đà Nẵng' -> 'da nang'. For matching, never for storage."""
    decomposed = unicodedata.normalize("NFD", fold_d(text))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped.casefold()).strip()
