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


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
# tone marks only breaking ties. Each letter with a breve, circumflex or horn (and đ) maps to
# its base letter plus a marker that sorts after every letter ("a{" after all "a?" words).
_LETTER_MARKS = {"\u0306": "{", "\u0302": "|", "\u031b": "{"}  # breve, circumflex, horn
_CIRCUMFLEX_AFTER_BREVE = {"a"}  # ă before â; ê and ô have only the circumflex, ơ/ư only the horn
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _letter_key(ch: str) -> str:
    if ch in "đĐ":
        return "d{"
    parts = unicodedata.normalize("NFD", ch.lower())
    base, marks = parts[0], [m for m in parts[1:] if m not in _TONES]
    if not marks:
        return base
    mark = marks[0]
    if mark == "\u0302" and base not in _CIRCUMFLEX_AFTER_BREVE:
        return base + "{"
    if mark == "\u031b" and base == "o":
        return "o|"
    return base + _LETTER_MARKS.get(mark, "")


def _vietnamese_letters() -> list[str]:
    letters = set("đĐ")
    for base in "aeiouyAEIOUY":
        for letter_mark in ("", "\u0306", "\u0302", "\u031b"):
            for tone in ("", *sorted(_TONES)):
                composed = unicodedata.normalize("NFC", base + letter_mark + tone)
                if len(composed) == 1 and composed != base:
                    letters.add(composed)
    return sorted(letters)


VIETNAMESE_LETTERS = _vietnamese_letters()
_SORT_TABLE = {ord(ch): _letter_key(ch) for ch in VIETNAMESE_LETTERS}


def vi_sort_key(text: str) -> str:
    """A key that sorts Vietnamese text in dictionary order (case and tones ignored)."""
    return nfc(text).translate(_SORT_TABLE).lower()
