"""Vietnamese text handling shared by storage, search and import.

Everything stored is NFC (composed) so that equal-looking strings compare equal;
search folds case, tone marks and đ/Đ, which Unicode does not treat as a d with a mark.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import repeat

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


# Vietnamese dictionary order, the one sort key for names everywhere (kcdesk/db/sort_keys.py
# stores it for the register):
#   letters  a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (case ignored), compared
#            over the whole name first;
#   tones    only between names whose letters are all the same, left to right, in the order
#            ngang, huyền, hỏi, ngã, sắc, nặng ("Ma" < "Mà" < "Mả" < "Mã" < "Má" < "Mạ"; "Mac" < "Mác").
# This is CLDR's Vietnamese collation (tones are a second level, as ICU and Windows sort).
# The key is LETTERS + "\x01" + TONES: LETTERS spells each Vietnamese letter as its base
# letter plus a marker that sorts after every letter (ă "a{", â "a|", ê "e|", ô "o|", ơ "o}",
# ư "u}", đ "d{"), without tone marks; TONES has one digit per character (0 ngang ... 5 nặng).
# A combining tone or letter mark (text that skipped NFC) adds its marker to LETTERS, so the
# letters compare right even then.
TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # ngang huyền hỏi ngã sắc nặng
_LETTER_MARKERS = {"": "", "\u0306": "{", "\u0302": "|", "\u031b": "}"}  # breve, circumflex, horn
SORT_SEPARATOR = "\x01"  # below every character a name holds: a shorter name sorts first


def _sort_letters() -> dict[str, tuple[str, str]]:
    """Every character the key spells differently from itself: (letters, tone digit)."""
    table: dict[str, tuple[str, str]] = {}
    for base in "aeiouy":
        for mark, marker in _LETTER_MARKERS.items():
            for tone, tone_mark in enumerate(TONE_MARKS):
                for letter in (base, base.upper()):
                    composed = unicodedata.normalize("NFC", letter + mark + tone_mark)
                    if len(composed) == 1 and composed != base:
                        table[composed] = (base + marker, str(tone))
    table["đ"] = table["Đ"] = ("d{", "0")
    for mark, marker in _LETTER_MARKERS.items():
        if mark:
            table[mark] = (marker, "0")
    for tone, tone_mark in enumerate(TONE_MARKS):
        if tone_mark:
            table[tone_mark] = ("", str(tone))
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":  # SQLite's lower() folds ASCII only; so does the key
        table[ch] = (ch.lower(), "0")
    return table


SORT_LETTERS = _sort_letters()
VIETNAMESE_LETTERS = sorted(ch for ch in SORT_LETTERS if unicodedata.category(ch) != "Mn")
_TONE_OF = {ch: tone for ch, (_, tone) in SORT_LETTERS.items() if tone != "0"}


def _code_point_lists() -> tuple[list[str], list[str]]:
    """SORT_LETTERS as two lists indexed by code point (letters, tone digit), up to the last
    character the key spells differently (U+1EF9 ỹ): str.translate looks a list up faster
    than a dict (a third of a key's cost, 37,000 names a bulk write). Characters past the
    end stay as they are."""
    letters = [chr(i) for i in range(max(map(ord, SORT_LETTERS)) + 1)]
    tones = ["0"] * len(letters)
    for ch, (spelt, tone) in SORT_LETTERS.items():
        letters[ord(ch)], tones[ord(ch)] = spelt, tone
    return letters, tones


_LETTERS_LIST, _TONES_LIST = _code_point_lists()


def vi_sort_key(text: str) -> str:
    """The Vietnamese dictionary-order key of `text` (see above); kcdesk.db.sort_keys computes
    the same key in SQL, character for character."""
    text = nfc(text)
    tones = text.translate(_TONES_LIST)
    if not tones.isascii():  # a character past the lists' end stayed itself: its digit is 0
        tones = "".join(map(_TONE_OF.get, text, repeat("0")))
    return text.translate(_LETTERS_LIST) + SORT_SEPARATOR + tones
